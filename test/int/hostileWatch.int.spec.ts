import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEvent, serializeEvent, type Event } from '../../src/engine/model/event';
import { openStore } from '../../src/engine/openStore';
import type { IndexDelta } from '../../src/engine/model/indexTypes';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { validateStore } from '../../src/engine/validate/validateStore';
import { hashTree } from '../helpers/hostileStore';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

/**
 * Files deleted, truncated or replaced under an open store: between
 * reads (a clear error naming the file, never wrong bytes taken for an
 * event), on refresh, and while watched. The index follows the files, the
 * other days stay readable, and the engine writes nothing into the store.
 */

const DAYS = ['2024-01-01', '2024-01-02', '2024-01-03'];

function dayEvents(day: string, count: number, offset: number): Event[] {
  return Array.from({ length: count }, (_, i) =>
    createEvent('component_started', { day, i, pad: 'p'.repeat(40) }, { aggregate_id: `agg-${day}`, sequence_number: offset + i + 1, timestamp: `${day}T${String(i).padStart(2, '0')}:00:00Z` }),
  );
}

interface Fixture {
  readonly root: string;
  readonly events: Map<string, Event[]>;
  readonly engine: StoreEngine;
  readonly cleanup: () => Promise<void>;
}

async function fixture(): Promise<Fixture> {
  const temp = makeTempDir('eventbus-watch-');
  const root = path.join(temp.dir, 'event_store');
  const events = new Map<string, Event[]>();
  DAYS.forEach((day, d) => {
    const list = dayEvents(day, 10, d * 10);
    events.set(day, list);
    writeEventFile(root, `events_${day}.jsonl`, list.map(serializeEvent).join('\n') + '\n');
  });
  const engine = await openStore(root, { cacheDir: path.join(temp.dir, 'cache'), threads: 1 });
  return { root, events, engine, cleanup: async () => { await engine.close(); temp.cleanup(); } };
}

const fileOf = (root: string, day: string) => path.join(root, 'events', `events_${day}.jsonl`);

async function assertDayReadable(engine: StoreEngine, events: readonly Event[]): Promise<void> {
  for (const event of events) {
    const ordinals = engine.index.ordinalsOfEventId(event.metadata.event_id);
    assert.equal(ordinals.length, 1, `${event.metadata.event_id} not indexed`);
    assert.equal((await engine.readEvent(ordinals[0])).metadata.event_id, event.metadata.event_id);
  }
}

test('a file truncated mid-line between indexing and reading: a clear error naming the file, then refresh takes the cut', async () => {
  const f = await fixture();
  try {
    const day = DAYS[1];
    const file = fileOf(f.root, day);
    const lastOrdinal = f.engine.index.ordinalsOfEventId(f.events.get(day)![9].metadata.event_id)[0];
    const bytes = fs.readFileSync(file);
    const cut = bytes.indexOf(10, Math.floor(bytes.length / 2)) - 7;
    fs.truncateSync(file, cut);
    await assert.rejects(f.engine.readEvent(lastOrdinal), (error: Error) => /events_2024-01-02\.jsonl/.test(error.message) && /truncated/.test(error.message));
    const delta = await f.engine.refresh();
    assert.deepEqual(delta.rebuiltFiles, ['events/events_2024-01-02.jsonl']);
    const kept = cut === 0 ? 0 : bytes.subarray(0, cut).toString('utf8').split('\n').length - 1;
    const torn = f.engine.index.problems.find((p) => p.file === 'events/events_2024-01-02.jsonl');
    assert.equal(torn?.kind, 'torn-line');
    assert.equal(torn?.line, kept + 1);
    await assertDayReadable(f.engine, f.events.get(day)!.slice(0, kept));
    for (const gone of f.events.get(day)!.slice(kept)) assert.deepEqual(f.engine.index.ordinalsOfEventId(gone.metadata.event_id), []);
    await assertDayReadable(f.engine, f.events.get(DAYS[0])!);
    await assertDayReadable(f.engine, f.events.get(DAYS[2])!);
    const report = await validateStore(f.engine, { threads: 1 });
    assert.ok(report.findings.some((x) => x.code === 'EB003' && x.file === 'events/events_2024-01-02.jsonl' && x.line === kept + 1));
  } finally {
    await f.cleanup();
  }
});

test('a file deleted or replaced (renamed over with other events) under an open store: refresh follows, nothing stale is read', async () => {
  const f = await fixture();
  try {
    fs.rmSync(fileOf(f.root, DAYS[0]));
    const replacement = dayEvents(DAYS[2], 10, 100);
    const temp = `${fileOf(f.root, DAYS[2])}.tmp`;
    fs.writeFileSync(temp, replacement.map(serializeEvent).join('\n') + '\n');
    fs.renameSync(temp, fileOf(f.root, DAYS[2]));
    const delta = await f.engine.refresh();
    assert.deepEqual(delta.removedFiles, ['events/events_2024-01-01.jsonl']);
    assert.deepEqual(delta.rebuiltFiles, ['events/events_2024-01-03.jsonl']);
    for (const gone of [...f.events.get(DAYS[0])!, ...f.events.get(DAYS[2])!]) assert.deepEqual(f.engine.index.ordinalsOfEventId(gone.metadata.event_id), []);
    await assertDayReadable(f.engine, f.events.get(DAYS[1])!);
    await assertDayReadable(f.engine, replacement);
  } finally {
    await f.cleanup();
  }
});

test('a file replaced by a symlink out of the store after indexing is not read through', async () => {
  const f = await fixture();
  try {
    const day = DAYS[1];
    const ordinal = f.engine.index.ordinalsOfEventId(f.events.get(day)![0].metadata.event_id)[0];
    const outside = path.join(path.dirname(f.root), 'outside.jsonl');
    fs.writeFileSync(outside, fs.readFileSync(fileOf(f.root, day)));
    fs.rmSync(fileOf(f.root, day));
    fs.symlinkSync(outside, fileOf(f.root, day));
    await assert.rejects(f.engine.readEvent(ordinal), /outside the store/);
    await f.engine.refresh();
    assert.deepEqual(f.engine.index.ordinalsOfEventId(f.events.get(day)![0].metadata.event_id), []);
    assert.ok(f.engine.index.problems.some((p) => p.file === 'events/events_2024-01-02.jsonl' && /outside the store/.test(p.message)));
    await assertDayReadable(f.engine, f.events.get(DAYS[0])!);
  } finally {
    await f.cleanup();
  }
});

/** Waits for watch deltas until `done` says the index caught up (the watcher's own debounce decides when). */
function watchUntil(engine: StoreEngine, done: () => boolean): { deltas: IndexDelta[]; settled: Promise<void>; stop: () => Promise<void> } {
  const deltas: IndexDelta[] = [];
  let resolve: () => void = () => undefined;
  const settled = new Promise<void>((r) => (resolve = r));
  const stop = engine.watch((delta) => {
    deltas.push(delta);
    if (done()) resolve();
  });
  return { deltas, settled, stop };
}

/**
 * Waits for the watcher to catch up. Under load chokidar may still be in its
 * initial scan when the files change and miss them; then touching a file
 * (its times only, contents unchanged) makes it look again. Gives up with a
 * clear failure rather than hanging the suite.
 */
async function settleOrNudge(settled: Promise<void>, touch: string): Promise<void> {
  let done = false;
  void settled.then(() => (done = true));
  for (let attempt = 0; attempt < 20 && !done; attempt++) {
    await Promise.race([settled, new Promise((r) => setTimeout(r, 1000))]);
    if (!done) fs.utimesSync(touch, new Date(), new Date());
  }
  assert.ok(done, 'the watcher never caught up with the changes');
}

test('while watched: a day deleted, one truncated and one replaced are followed, with no failed refresh, and the store is not written', async () => {
  const f = await fixture();
  try {
    const [first, second, third] = DAYS;
    const replacement = dayEvents(third, 4, 200);
    const gone = (e: Event) => f.engine.index.ordinalsOfEventId(e.metadata.event_id).length === 0;
    const watching = watchUntil(
      f.engine,
      () => gone(f.events.get(first)![0]) && gone(f.events.get(second)![9]) && f.engine.index.ordinalsOfEventId(replacement[3].metadata.event_id).length === 1,
    );
    // chokidar reports only after its initial scan; give it that before changing files.
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(fileOf(f.root, first));
    const secondBytes = fs.readFileSync(fileOf(f.root, second));
    fs.writeFileSync(fileOf(f.root, second), secondBytes.subarray(0, secondBytes.indexOf(10, secondBytes.length - 50) - 3));
    fs.writeFileSync(`${fileOf(f.root, third)}.new`, replacement.map(serializeEvent).join('\n') + '\n');
    fs.renameSync(`${fileOf(f.root, third)}.new`, fileOf(f.root, third));
    const before = hashTree(f.root, [], { withTimes: false });
    await settleOrNudge(watching.settled, fileOf(f.root, second));
    await watching.stop();
    const failures = watching.deltas.flatMap((d) => d.newProblems).filter((p) => /refresh failed/.test(p.message));
    assert.deepEqual(failures, []);
    await assertDayReadable(f.engine, f.events.get(second)!.slice(0, 8));
    await assertDayReadable(f.engine, replacement);
    assert.ok(f.engine.index.problems.some((p) => p.kind === 'torn-line' && p.file === 'events/events_2024-01-02.jsonl'));
    await f.engine.refresh();
    assert.deepEqual(hashTree(f.root, [], { withTimes: false }), before);
  } finally {
    await f.cleanup();
  }
});
