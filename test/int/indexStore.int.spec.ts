import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { openStore } from '../../src/engine/openStore';
import { buildIndex, refreshIndex } from '../../src/engine/index/indexBuilder';
import { loadIndex, saveIndex } from '../../src/engine/index/indexPersistence';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

let counter = 0;
function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
function line(opts: { seq: number; agg?: string; type?: string; corr?: string; cause?: number | null; ts?: string; python?: boolean; data?: unknown }): string {
  const event = {
    event_type: opts.type ?? 'trade_executed',
    data: opts.data ?? { symbol: 'BTCUSDT', n: counter++ },
    metadata: {
      event_id: uuid(opts.seq),
      version: '1.0.0',
      schema_version: '1.0',
      timestamp: opts.ts ?? new Date(Date.UTC(2024, 0, 15, 10, 0, opts.seq)).toISOString(),
      source: 'TradingBot',
      correlation_id: opts.corr ?? null,
      causation_id: opts.cause === undefined || opts.cause === null ? null : uuid(opts.cause),
      aggregate_id: opts.agg ?? 'trader_1',
      sequence_number: opts.seq,
      retry_count: 0,
      status: 'completed',
      tags: {},
    },
  };
  const text = JSON.stringify(event);
  return opts.python ? text.replace(/":/g, '": ').replace(/,"/g, ', "') : text;
}

test('indexes a store written Python-style, with CRLF, a BOM, blank lines, gzip members and a torn tail', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    writeEventFile(dir, 'events_2024-01-15.jsonl', '\ufeff' + [line({ seq: 1, python: true, ts: '2024-01-15T10:00:01.123456' }), '', line({ seq: 2, agg: 'market_data_BTC_USDT', corr: 'c1' })].join('\r\n') + '\r\n');
    const member1 = zlib.gzipSync(line({ seq: 3, corr: 'c1', cause: 2 }) + '\n');
    const member2 = zlib.gzipSync(line({ seq: 4, corr: 'c1', cause: 3, ts: '2024-01-16T00:00:04+00:00' }) + '\n');
    writeEventFile(dir, 'events_2024-01-16.jsonl.gz', Buffer.concat([member1, member2]));
    writeEventFile(dir, 'events_2024-01-17.jsonl', [line({ seq: 5 }), '{"event_type": "x", "data": {"p": NaN}, "metadata": {}}', '{not json', line({ seq: 6 }).slice(0, 40)].join('\n'));
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.eventCount, 5);
    assert.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl.gz', 'events/events_2024-01-17.jsonl']);
    const kinds = index.problems.map((p) => `${p.kind}@${p.file.slice(-16)}:${p.line}`);
    assert.deepEqual(kinds, ['non-json-number@2024-01-17.jsonl:2', 'invalid-json@2024-01-17.jsonl:3', 'torn-line@2024-01-17.jsonl:4']);
    const first = index.event(0);
    assert.equal(first.line, 1);
    assert.equal(first.timestampMs, Date.UTC(2024, 0, 15, 10, 0, 1) + 123.456);
    assert.equal(index.event(1).line, 3, 'blank line counted');
    assert.deepEqual(index.ordinalsOfCorrelation('c1'), [1, 2, 3]);
    assert.deepEqual(index.ordinalsCausedBy(uuid(2)), [2]);
    assert.deepEqual(index.ordinalsOfEventId(uuid(4)), [3]);
    assert.equal(index.event(3).file, 'events/events_2024-01-16.jsonl.gz');
    assert.deepEqual([...index.aggregateIds()].sort(), ['market_data_BTC_USDT', 'trader_1']);
    assert.equal(index.sequenceMode, 'global');

    const engine = await openStore(dir, { noCache: true });
    const viaGzip = await engine.readEvent(3);
    assert.equal(viaGzip.metadata.sequence_number, 4);
    const firstEvent = await engine.readEvent(0);
    assert.equal(firstEvent.metadata.timestamp, '2024-01-15T10:00:01.123456');
    assert.ok(Object.isFrozen(firstEvent) && Object.isFrozen(firstEvent.metadata));
    await engine.close();
    // Reading never wrote into the store (no cache with noCache).
    assert.deepEqual(fs.readdirSync(dir), ['events']);
  } finally {
    cleanup();
  }
});

test('per-aggregate numbering is detected, and aggregate queries come in sequence order', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(line({ seq: i >> 1, agg: i % 2 ? 'b' : 'a' }).replace(uuid(i >> 1), uuid(1000 + i)));
    // One event of `a` out of order in the file.
    lines.push(line({ seq: 100, agg: 'a' }).replace(/"sequence_number":100/, '"sequence_number":15'));
    writeEventFile(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.sequenceMode, 'aggregate');
    const seqs = index.ordinalsOfAggregate('a').map((o) => index.event(o).sequenceNumber);
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y));
    assert.equal(seqs.length, 16);
  } finally {
    cleanup();
  }
});

test('refresh reads appends incrementally, completes a torn line, and re-reads a rewritten file', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const file = writeEventFile(dir, 'events_2024-01-15.jsonl', line({ seq: 1 }) + '\n' + line({ seq: 2 }).slice(0, 30));
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.eventCount, 1);
    assert.equal(index.problems[0]?.kind, 'torn-line');
    fs.appendFileSync(file, line({ seq: 2 }).slice(30) + '\n' + line({ seq: 3, agg: 'other' }) + '\n');
    const delta = await refreshIndex(index, dir);
    assert.equal(delta.appendedEvents, 2);
    assert.deepEqual(delta.rebuiltFiles, []);
    assert.equal(index.problems.length, 0, 'the completed line is no longer torn');
    assert.deepEqual(index.ordinalsOfAggregate('other'), [2]);
    assert.deepEqual(index.ordinalsOfEventId(uuid(3)), [2]);
    // A new day's file.
    writeEventFile(dir, 'events_2024-01-16.jsonl', line({ seq: 4 }) + '\n');
    assert.equal((await refreshIndex(index, dir)).appendedEvents, 1);
    assert.equal(index.event(3).file, 'events/events_2024-01-16.jsonl');
    // Rewritten (shrunk) first file.
    fs.writeFileSync(file, line({ seq: 9, agg: 'z' }) + '\n');
    const rewritten = await refreshIndex(index, dir);
    assert.deepEqual(rewritten.rebuiltFiles, ['events/events_2024-01-15.jsonl']);
    assert.equal(index.eventCount, 2);
    assert.deepEqual(index.ordinalsOfAggregate('z'), [0]);
    assert.deepEqual(index.ordinalsOfAggregate('other'), []);
    // Removed file.
    fs.rmSync(file);
    const removed = await refreshIndex(index, dir);
    assert.deepEqual(removed.removedFiles, ['events/events_2024-01-15.jsonl']);
    assert.equal(index.eventCount, 1);
  } finally {
    cleanup();
  }
});

test('the persisted index reloads to the same answers and is ignored for another store', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) lines.push(line({ seq: i, agg: `agg_${i % 7}`, corr: `corr_${i % 13}`, cause: i > 0 ? i - 1 : null }));
    writeEventFile(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
    const built = await buildIndex(dir, { threads: 1 });
    const cacheDir = path.join(dir, '.eventbus');
    saveIndex(built, dir, cacheDir);
    const loaded = loadIndex(dir, cacheDir);
    assert.ok(loaded);
    assert.equal(loaded.eventCount, 200);
    assert.deepEqual(loaded.ordinalsOfAggregate('agg_3'), built.ordinalsOfAggregate('agg_3'));
    assert.deepEqual(loaded.ordinalsOfCorrelation('corr_5'), built.ordinalsOfCorrelation('corr_5'));
    assert.deepEqual(loaded.ordinalsOfEventId(uuid(150)), [150]);
    assert.deepEqual(loaded.ordinalsCausedBy(uuid(150)), [151]);
    assert.deepEqual(loaded.event(77), built.event(77));
    assert.equal(loadIndex(path.join(dir, 'elsewhere'), cacheDir), null);
    fs.writeFileSync(path.join(cacheDir, 'index.bin'), 'garbage');
    assert.equal(loadIndex(dir, cacheDir), null, 'a corrupt cache is ignored, not fatal');
    // openStore: first open builds and saves, appends after it are picked up on reopen.
    const first = await openStore(dir);
    await first.close();
    fs.appendFileSync(path.join(dir, 'events', 'events_2024-01-15.jsonl'), line({ seq: 500, agg: 'late' }) + '\n');
    const second = await openStore(dir);
    assert.equal(second.index.eventCount, 201);
    assert.equal(second.select({ aggregateId: 'late' }).length, 1);
    await second.close();
  } finally {
    cleanup();
  }
});

test('symlinks out of the store are not followed; a plain+gz pair of one day is read once', async () => {
  const { dir, cleanup } = makeTempDir();
  const outside = makeTempDir('eventbus-outside-');
  try {
    // A compression that died after writing the gzip, before removing the plain file: the same bytes twice.
    const day = line({ seq: 1 }) + '\n';
    writeEventFile(dir, 'events_2024-01-15.jsonl', day);
    writeEventFile(dir, 'events_2024-01-15.jsonl.gz', zlib.gzipSync(day));
    fs.writeFileSync(path.join(outside.dir, 'secret.jsonl'), line({ seq: 2 }) + '\n');
    fs.symlinkSync(path.join(outside.dir, 'secret.jsonl'), path.join(dir, 'events', 'events_2024-01-16.jsonl'));
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.eventCount, 1);
    assert.equal(index.problems.length, 2);
    assert.ok(index.problems.some((p) => /outside the store/.test(p.message)));
    assert.ok(index.problems.some((p) => p.file === 'events/events_2024-01-15.jsonl' && /already end events\/events_2024-01-15\.jsonl\.gz/.test(p.message)));
  } finally {
    cleanup();
    outside.cleanup();
  }
});

test('late events in a plain file beside its day\'s gzip are read after the gzip\'s, none twice', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const compressed = [1, 2, 3].map((seq) => line({ seq, agg: 'early' })).join('\n') + '\n';
    writeEventFile(dir, 'events_2024-01-15.jsonl.gz', zlib.gzipSync(compressed));
    // A late event of the compressed day, plus the same line the gzip ends with (not a suffix of the whole gzip: both files count).
    writeEventFile(dir, 'events_2024-01-15.jsonl', `${line({ seq: 4, agg: 'late' })}\n`);
    writeEventFile(dir, 'events_2024-01-16.jsonl', `${line({ seq: 5, agg: 'next' })}\n`);
    const index = await buildIndex(dir, { threads: 1 });
    assert.equal(index.eventCount, 5);
    assert.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl.gz', 'events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
    assert.deepEqual(Array.from({ length: 5 }, (_, o) => index.event(o).aggregateId), ['early', 'early', 'early', 'late', 'next']);
    assert.deepEqual(index.problems, []);
  } finally {
    cleanup();
  }
});

test('selecting by time range and filters returns store order', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) lines.push(line({ seq: i, type: i % 2 ? 'risk_alert' : 'trade_executed', agg: `a${i % 3}` }));
    writeEventFile(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
    const engine = await openStore(dir, { noCache: true });
    const since = Date.UTC(2024, 0, 15, 10, 0, 10);
    const until = Date.UTC(2024, 0, 15, 10, 0, 20);
    const picked = engine.select({ since, until, eventType: 'risk_alert' }).map((e) => e.sequenceNumber);
    assert.deepEqual(picked, [11, 13, 15, 17, 19]);
    assert.deepEqual(engine.select({ aggregateId: 'a1', fromSequenceNumber: 10, toSequenceNumber: 20 }).map((e) => e.sequenceNumber), [10, 13, 16, 19]);
    assert.equal(engine.select({ limit: 3 }).length, 3);
    const events = [];
    for await (const e of engine.query({ aggregateId: 'a2', limit: 2 })) events.push(e.metadata.sequence_number);
    assert.deepEqual(events, [2, 5]);
    await engine.close();
  } finally {
    cleanup();
  }
});

test('events appended in process without aggregate or correlation survive the saved index', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const file = writeEventFile(dir, 'events_2024-01-15.jsonl', line({ seq: 1 }) + '\n');
    const first = await openStore(dir);
    const noGroups = line({ seq: 2, type: 'system_error' }).replace('"aggregate_id":"trader_1"', '"aggregate_id":null');
    fs.appendFileSync(file, noGroups + '\n');
    await first.refresh();
    assert.deepEqual(first.index.ordinalsOfType('system_error'), [1]);
    await first.close();
    const reopened = await openStore(dir);
    assert.deepEqual(reopened.index.ordinalsOfType('system_error'), [1]);
    assert.equal(reopened.index.eventTypeCounts().get('system_error'), 1);
    await reopened.close();
  } finally {
    cleanup();
  }
});

test('repeated event ids and unknown causes are found at build, after appends and after a reload', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const file = writeEventFile(dir, 'events_2024-01-15.jsonl', [line({ seq: 1 }), line({ seq: 2, cause: 1 }), line({ seq: 1 }).replace('"sequence_number":1', '"sequence_number":3')].join('\n') + '\n');
    const first = await openStore(dir);
    assert.deepEqual(first.index.duplicateEventIds(), [[2, 0]]);
    assert.deepEqual(first.index.unknownCauses(), []);
    fs.appendFileSync(file, [line({ seq: 1 }).replace('"sequence_number":1', '"sequence_number":4'), line({ seq: 5, cause: 99 })].join('\n') + '\n');
    await first.refresh();
    assert.deepEqual(first.index.duplicateEventIds(), [[2, 0], [3, 0]]);
    assert.deepEqual(first.index.unknownCauses(), [4]);
    await first.close();
    const reopened = await openStore(dir);
    assert.deepEqual(reopened.index.duplicateEventIds(), [[2, 0], [3, 0]]);
    assert.deepEqual(reopened.index.unknownCauses(), [4]);
    await reopened.close();
  } finally {
    cleanup();
  }
});
