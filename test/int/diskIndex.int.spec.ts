import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { buildIndex } from '../../src/engine/index/indexBuilder';
import { diskIndexPath } from '../../src/engine/index/diskIndex';
import { DISK_INDEX_MAGIC, PREFIX_BYTES } from '../../src/engine/index/diskIndexFormat';
import { openStore } from '../../src/engine/openStore';
import type { LayeredIndex } from '../../src/engine/index/layeredIndex';
import { assertSameAnswers } from '../helpers/indexEquivalence';
import { makeTempDir } from '../helpers/tempStore';

const PYTHON_WRITER = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');

/** Opens the store twice: the first open builds and persists, the second reads the persisted index in place. */
async function reopened(store: string): Promise<Awaited<ReturnType<typeof openStore>>> {
  const first = await openStore(store, { threads: 1 });
  await first.close();
  const second = await openStore(store, { threads: 1 });
  const layered = second.index as LayeredIndex;
  assert.ok(layered.base, 'the second open reads the persisted index');
  assert.equal(layered.tail, null, 'nothing appended: no tail');
  return second;
}

test('every question asked of the persisted index is answered as the fresh in-memory build answers it (generator store with faults)', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    generateStoreSync({ events: 4000, days: 3, outDir: store, seed: 7, withErrors: true });
    const fresh = await buildIndex(store, { threads: 1 });
    assert.ok(fresh.problems.length > 0 && fresh.duplicateEventIds().length > 0 && fresh.unknownCauses().length > 0, 'the store has faults of every kind');
    const engine = await reopened(store);
    assertSameAnswers(engine.index as LayeredIndex, fresh, 3);
    await engine.close();
    // Per-aggregate numbering and Python-style lines too.
    generateStoreSync({ events: 3000, days: 2, outDir: store, seed: 9, withErrors: true, pythonStyle: true, sequenceMode: 'aggregate', force: true });
    const freshAggregate = await buildIndex(store, { threads: 1 });
    const again = await reopened(store);
    assert.equal(again.index.sequenceMode, 'aggregate');
    assertSameAnswers(again.index as LayeredIndex, freshAggregate, 5);
    await again.close();
  } finally {
    cleanup();
  }
});

test('the persisted index of the store the Python bus wrote (gzip day, NaN, torn tail, microseconds) answers as the fresh build', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    execFileSync('python3', [PYTHON_WRITER, store]);
    const fresh = await buildIndex(store, { threads: 1 });
    const engine = await reopened(store);
    assertSameAnswers(engine.index as LayeredIndex, fresh);
    assert.equal(engine.index.firstTimestamp(), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
    await engine.close();
  } finally {
    cleanup();
  }
});

test('appends are taken in by a tail over the persisted base, and equal a fresh build: in process, after reopening, and across a new day', async () => {
  const { dir, cleanup } = makeTempDir();
  const more = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    // The same generator run twice as long gives the lines to append (same seed: the first days are byte-identical).
    generateStoreSync({ events: 2000, days: 2, outDir: store, seed: 3, withErrors: false });
    const longer = path.join(more.dir, 'event_store');
    generateStoreSync({ events: 4000, days: 4, outDir: longer, seed: 3, withErrors: false });
    const engine = await reopened(store);
    const lastDay = fs.readdirSync(path.join(store, 'events')).sort().at(-1) as string;
    const extra = fs.readFileSync(path.join(longer, 'events', lastDay), 'utf8').split('\n').slice(0, 40).join('\n') + '\n';
    // Lines of other stores' days, with their ids: some repeat ids of the base (duplicates across the layers).
    const repeated = fs.readFileSync(path.join(store, 'events', lastDay), 'utf8').split('\n').slice(0, 3).join('\n') + '\n';
    fs.appendFileSync(path.join(store, 'events', lastDay), extra + repeated);
    fs.writeFileSync(path.join(store, 'events', 'events_2099-01-01.jsonl'), extra);
    const delta = await engine.refresh();
    assert.equal(delta.appendedEvents, 83);
    const layered = engine.index as LayeredIndex;
    assert.ok(layered.base && layered.tail, 'appends go to the tail, the base stays');
    assertSameAnswers(layered, await buildIndex(store, { threads: 1 }));
    assert.ok(layered.duplicateEventIds().length >= 3);
    await engine.close();
    const again = await openStore(store, { threads: 1 });
    assert.ok((again.index as LayeredIndex).tail, 'the tail was saved beside the base');
    assertSameAnswers(again.index as LayeredIndex, await buildIndex(store, { threads: 1 }));
    await again.close();
  } finally {
    cleanup();
    more.cleanup();
  }
});

test('a truncated, a flipped or a foreign-version index file is rebuilt, never trusted', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    generateStoreSync({ events: 3000, days: 2, outDir: store, seed: 5, withErrors: true });
    const fresh = await buildIndex(store, { threads: 1 });
    (await reopened(store)).close();
    const file = diskIndexPath(path.join(store, '.eventbus'));
    const good = fs.readFileSync(file);

    // Truncated: refused at open (its length is in the header), rebuilt.
    fs.writeFileSync(file, good.subarray(0, good.length - 100));
    let engine = await openStore(store, { threads: 1 });
    assertSameAnswers(engine.index as LayeredIndex, fresh, 7);
    await engine.close();
    assert.deepEqual(fs.readFileSync(file).subarray(0, 4), good.subarray(0, 4), 'written again');

    // Another version of the format: refused at open.
    const foreign = Buffer.from(good);
    foreign.writeUInt32LE(999, 4);
    fs.writeFileSync(file, foreign);
    engine = await openStore(store, { threads: 1 });
    assert.ok((engine.index as LayeredIndex).base === null || (engine.index as LayeredIndex).base?.header.format !== 999);
    assertSameAnswers(engine.index as LayeredIndex, fresh, 7);
    await engine.close();

    // Bytes flipped in the header: refused at open by its checksum.
    const header = Buffer.from(good);
    header[PREFIX_BYTES + 10] ^= 0x55;
    fs.writeFileSync(file, header);
    engine = await openStore(store, { threads: 1 });
    assertSameAnswers(engine.index as LayeredIndex, fresh, 7);
    await engine.close();

    // Bytes flipped deep in the body: found by the page checksum when read, the index is built again and the answer is right.
    for (const at of [good.length - 5000, Math.floor(good.length / 2), good.length - 10]) {
      const flipped = Buffer.from(good);
      flipped[at] ^= 0xff;
      fs.writeFileSync(file, flipped);
      engine = await openStore(store, { threads: 1 });
      const layered = engine.index as LayeredIndex;
      assert.ok(layered.base, 'the header is intact: the base is opened');
      assertSameAnswers(layered, fresh, 7);
      assert.equal(layered.rebuiltAfterDamage, true, `the flip at ${at} of ${good.length} was found`);
      await engine.close();
      assert.equal(fs.readFileSync(file).readUInt32LE(0), DISK_INDEX_MAGIC, 'a sound index was written again');
      assert.doesNotThrow(() => fs.readFileSync(file));
    }
  } finally {
    cleanup();
  }
});

test('a question reads a small share of the index file: the header at open, then only the pages it needs', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    generateStoreSync({ events: 40_000, days: 4, outDir: store, seed: 11 });
    const engine = await reopened(store);
    const base = (engine.index as LayeredIndex).base;
    assert.ok(base);
    const size = fs.statSync(diskIndexPath(path.join(store, '.eventbus'))).size;
    const atOpen = base.paged.bytesRead;
    assert.ok(atOpen < 16 * 1024, `opening read ${atOpen} bytes of ${size}`);
    const stats = { events: engine.index.eventCount, types: engine.index.eventTypeCounts().size, aggregates: engine.index.aggregateCount(), correlations: engine.index.correlationCount() };
    assert.ok(stats.events === 40_000 && stats.types > 5 && stats.aggregates > 10 && stats.correlations > 1000);
    assert.ok(base.paged.bytesRead - atOpen < 8 * 1024, 'the counts come from the header');
    // One aggregate's events, with their ids (read from the event lines): its postings and the record blocks of its events.
    const aggregate = engine.index.aggregateIds().find((id) => engine.index.aggregateSize(id) < 100) as string;
    const before = base.paged.bytesRead;
    const events = engine.select({ aggregateId: aggregate });
    const ids = events.map((e) => e.eventId);
    assert.equal(ids.length, engine.index.aggregateSize(aggregate));
    const forAggregate = base.paged.bytesRead - before;
    // Its directory entry and postings, then at most the two 1 KiB pages holding each event's record block, and checksum chunks.
    assert.ok(forAggregate <= 16 * 1024 + ids.length * 2 * 1024, `an aggregate of ${ids.length} events read ${forAggregate} bytes`);
    assert.ok(forAggregate < size / 5, `an aggregate of ${ids.length} events read ${forAggregate} bytes of ${size}`);
    const beforeId = base.paged.bytesRead;
    assert.deepEqual([...engine.index.ordinalsOfEventId(ids[0])], [events[0].ordinal]);
    assert.ok(base.paged.bytesRead - beforeId < 6 * 1024, 'an id probe reads one bucket (and its directory page)');
    await engine.close();
  } finally {
    cleanup();
  }
});

test('the heap after opening a persisted index does not grow with the number of events (50k against 200k)', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const heapAfterOpen = async (events: number): Promise<number> => {
      const store = path.join(dir, `store-${events}`);
      generateStoreSync({ events, days: 4, outDir: store, seed: 13 });
      (await openStore(store, { threads: 1 })).close();
      // A collection before and after each measure, so that only what the open keeps is counted.
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      gc();
      const before = process.memoryUsage().heapUsed;
      const engine = await openStore(store, { threads: 1 });
      // Questions a view asks first: counts, a page of aggregates, one aggregate's events.
      engine.index.eventTypeCounts();
      const first = engine.index.aggregateIds()[0];
      engine.select({ aggregateId: first, limit: 50 });
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      (globalThis as { keep?: unknown }).keep = engine;
      await engine.close();
      return grown;
    };
    const small = await heapAfterOpen(50_000);
    const large = await heapAfterOpen(200_000);
    // A whole-array index would hold ~4x more for 4x the events (tens of MB); the in-place one holds pages and small tables.
    assert.ok(large < small + 2 * 1024 * 1024, `heap after open: ${small} bytes at 50k, ${large} bytes at 200k`);
    assert.ok(large < 8 * 1024 * 1024, `heap after open at 200k: ${large} bytes`);
  } finally {
    cleanup();
  }
});
