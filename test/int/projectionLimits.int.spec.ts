import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { findProjection, loadProjections } from '../../src/engine/state/projectionLoader';
import { memoryAllowanceBytes } from '../../src/engine/state/projectionRunner';
import { ProjectionError } from '../../src/engine/state/projectionTypes';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { makeTempDir } from '../helpers/tempStore';
import { ev, StateTestStorage } from '../unit/stateTestStorage';

/**
 * A projection module that allocates without bound ends its rebuild with a
 * clear error while the calling process (this one: the server or the CLI
 * in real use) carries on. Both kinds of memory: objects on the worker's
 * heap (the worker's resource limit) and Buffers outside it (which no heap
 * limit covers; the runner watches the process instead).
 */
const temps: (() => void)[] = [];
after(() => temps.forEach((cleanup) => cleanup()));

const MB = 1024 * 1024;
const LIMIT_MB = 48;
/** Far longer than either case needs: the memory limit, not the clock, must stop them. */
const TIME_LIMIT_MS = 60_000;

const PROJECTIONS = {
  'hoard-heap.js': `module.exports = { name: 'hoard-heap', initialState: {}, apply(state) {
    const keep = [];
    for (;;) keep.push({ n: Math.random(), text: 'x'.repeat(64) + Math.random() });
  } };`,
  'hoard-buffers.js': `module.exports = { name: 'hoard-buffers', initialState: {}, apply(state) {
    const keep = [];
    // No Buffer in the sandbox: typed arrays' backing stores live outside the heap the same way.
    for (;;) keep.push(new Uint8Array(8 * 1024 * 1024).fill(1));
  } };`,
  'hoard-state.js': `module.exports = { name: 'hoard-state', initialState: { rows: [] }, apply(state, event) {
    for (let i = 0; i < 200000; i++) state.rows.push([event.metadata.sequence_number, i, 'row ' + i]);
    return state;
  } };`,
  'count.js': `module.exports = { name: 'count', initialState: { n: 0 }, apply(state) { state.n++; return state; } };`,
};

function storeWithProjections(): string {
  const { dir, cleanup } = makeTempDir('eventbus-projection-limits-');
  temps.push(cleanup);
  const root = path.join(dir, 'event_store');
  fs.mkdirSync(path.join(root, 'projections'), { recursive: true });
  for (const [name, code] of Object.entries(PROJECTIONS)) fs.writeFileSync(path.join(root, 'projections', name), code);
  return root;
}

async function storage(): Promise<StateTestStorage> {
  const s = new StateTestStorage();
  for (let i = 1; i <= 50; i++) await s.append([ev('acc-1', i, { amount: i })]);
  return s;
}

describe('projection memory limit', () => {
  const limits = { timeLimitMs: TIME_LIMIT_MS, maxMemoryMb: LIMIT_MB };

  async function expectOutOfMemory(name: string, pattern: RegExp): Promise<void> {
    const root = storeWithProjections();
    const loaded = await loadProjections(root, { allowCodeExecution: true });
    assert.deepEqual(loaded.problems, []);
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    try {
      await assert.rejects(rebuildFromEvents(await storage(), 'acc-1', { projection: findProjection(loaded, name), projectionLimits: limits }), (error: unknown) => {
        assert.ok(error instanceof ProjectionError, String(error));
        assert.equal(error.file, `projections/${name}.js`);
        assert.match(error.message, pattern);
        assert.doesNotMatch(error.message, /did not finish within/, 'stopped by the memory limit, not the clock');
        return true;
      });
    } finally {
      clearInterval(watch);
    }
    // The process grew by about the allowance at most (plus one check interval of allocation), not without bound.
    const grownMb = (peak - rssBefore) / MB;
    assert.ok(grownMb < memoryAllowanceBytes(LIMIT_MB) / MB + 160, `the process grew by ${Math.round(grownMb)} MB`);
    // The caller carries on: the same store's other projection still rebuilds.
    const again = await rebuildFromEvents(await storage(), 'acc-1', { projection: findProjection(loaded, 'count'), projectionLimits: limits });
    assert.deepEqual(again.state, { n: 50 });
  }

  it('stops a projection that fills its heap, with an error naming the file and the limit', async () => {
    await expectOutOfMemory('hoard-heap', new RegExp(`projection projections/hoard-heap\\.js: ran out of memory \\(limit ${LIMIT_MB} MB\\) and was stopped`));
  });

  it('stops a projection whose state outgrows the limit over many events', async () => {
    await expectOutOfMemory('hoard-state', /projection projections\/hoard-state\.js: ran out of memory/);
  });

  it('stops a projection that fills Buffers outside its heap, which the heap limit alone does not see', async () => {
    await expectOutOfMemory('hoard-buffers', /projection projections\/hoard-buffers\.js: ran out of memory \(the process grew by \d+ MB, over \d+ MB for a 48 MB limit: buffers outside the heap\) and was stopped/);
  });
});
