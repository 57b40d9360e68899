import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { findProjection, loadProjections } from '../../src/engine/state/projectionLoader';
import { ProjectionError, ProjectionsNotAllowedError } from '../../src/engine/state/projectionTypes';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { makeTempDir } from '../helpers/tempStore';
import { ev, StateTestStorage } from '../unit/stateTestStorage';

const temps: (() => void)[] = [];
after(() => temps.forEach((cleanup) => cleanup()));

function storeWith(projections: Record<string, string>): string {
  const { dir, cleanup } = makeTempDir('eventbus-projections-');
  temps.push(cleanup);
  const root = path.join(dir, 'event_store');
  fs.mkdirSync(path.join(root, 'projections'), { recursive: true });
  for (const [name, code] of Object.entries(projections)) fs.writeFileSync(path.join(root, 'projections', name), code);
  return root;
}

const BALANCE = `
module.exports = {
  name: 'balance',
  initialState: { total: 0, trades: 0 },
  apply(state, event) {
    state.total += event.data.qty * event.data.price;
    state.trades += 1;
    state.lastType = event.event_type;
    return state;
  },
};`;

async function tradingStorage(count: number): Promise<StateTestStorage> {
  const storage = new StateTestStorage();
  for (let i = 1; i <= count; i++) await storage.append([ev('trader_1', i, { qty: i, price: 2 })]);
  await storage.append([ev('other', 1, { qty: 1000, price: 1000 })]);
  return storage;
}

describe('projection modules', () => {
  it('are refused, naming the files and how to allow them, when code execution is not allowed', async () => {
    const root = storeWith({ 'balance.js': BALANCE, 'notes.md': 'not a module' });
    await assert.rejects(loadProjections(root, { allowCodeExecution: false }), (error: unknown) => {
      assert.ok(error instanceof ProjectionsNotAllowedError);
      assert.deepEqual(error.files, ['projections/balance.js']);
      assert.match(error.message, /projections\/balance\.js/);
      assert.match(error.message, /trusted workspace/);
      assert.match(error.message, /--allow-projections/);
      return true;
    });
    const empty = storeWith({});
    assert.deepEqual(await loadProjections(empty, { allowCodeExecution: false }), { projections: [], problems: [] });
  });

  it('fold an aggregate in a worker when allowed, in batches', async () => {
    const root = storeWith({ 'balance.js': BALANCE });
    const loaded = await loadProjections(root, { allowCodeExecution: true });
    assert.deepEqual(loaded.problems, []);
    const projection = findProjection(loaded, 'balance');
    assert.equal(projection.relativeFile, 'projections/balance.js');
    const storage = await tradingStorage(1200);
    const result = await rebuildFromEvents(storage, 'trader_1', { projection, projectionLimits: { batchSize: 100 } });
    assert.deepEqual(result.state, { total: 2 * ((1200 * 1201) / 2), trades: 1200, lastType: 'trade_executed' });
    assert.equal(result.eventsApplied, 1200);
    assert.equal(result.lastSequence, 1200);
    assert.ok(Object.isFrozen(result.state));
    const at10 = await rebuildFromEvents(storage, 'trader_1', { projection, atSequence: 10 });
    assert.deepEqual(at10.state, { total: 110, trades: 10, lastType: 'trade_executed' });
    assert.throws(() => findProjection(loaded, 'nope'), /no projection named "nope" \(the store has: balance\)/);
  });

  it('stop an endless loop at the time limit with an error naming the file', async () => {
    const root = storeWith({ 'spin.js': `module.exports = { name: 'spin', initialState: {}, apply(s) { for (;;) {} } };` });
    const loaded = await loadProjections(root, { allowCodeExecution: true });
    const projection = findProjection(loaded, 'spin');
    const storage = await tradingStorage(3);
    const started = Date.now();
    await assert.rejects(
      rebuildFromEvents(storage, 'trader_1', { projection, projectionLimits: { timeLimitMs: 400 } }),
      (error: unknown) => {
        assert.ok(error instanceof ProjectionError);
        assert.equal(error.file, 'projections/spin.js');
        assert.match(error.message, /projections\/spin\.js: did not finish within 400 ms/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  it('report a throwing apply with the file and the event, and broken modules as load problems', async () => {
    const root = storeWith({
      'thrower.js': `module.exports = { name: 'thrower', initialState: () => ({ n: 0 }), apply(s, e) { if (e.metadata.sequence_number === 2) throw new Error('bad qty'); s.n++; return s; } };`,
      'syntax.js': 'module.exports = {',
      'shape.js': 'module.exports = { name: "shape" };',
      'loops-on-load.js': 'for (;;) {}',
    });
    const loaded = await loadProjections(root, { allowCodeExecution: true, limits: { timeLimitMs: 1500 } });
    assert.deepEqual(loaded.projections.map((p) => p.name), ['thrower']);
    const problems = Object.fromEntries(loaded.problems.map((p) => [p.file, p.message]));
    assert.match(problems['projections/syntax.js'], /could not be loaded/);
    assert.match(problems['projections/shape.js'], /exports no apply\(state, event\) function/);
    assert.match(problems['projections/loops-on-load.js'], /did not finish within 1500 ms/);
    const storage = await tradingStorage(5);
    await assert.rejects(
      rebuildFromEvents(storage, 'trader_1', { projection: findProjection(loaded, 'thrower') }),
      /projections\/thrower\.js: apply threw on event [0-9a-f-]+ \(trade_executed, sequence 2\): bad qty/,
    );
  });
});
