import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { openStore } from '../../src/engine/openStore';
import { validateStore } from '../../src/engine/validate/validateStore';
import { makeTempDir } from '../helpers/tempStore';

// python3 is part of this project's machines (see the env notes); the store
// is written by real Python code, not by our generator imitating it.
const WRITER = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');

test('a store written by Python code as the guide describes is read, indexed and validated exactly', async () => {
  const { dir, cleanup } = makeTempDir();
  try {
    const store = path.join(dir, 'event_store');
    execFileSync('python3', [WRITER, store]);
    const engine = await openStore(store, { noCache: true });
    const index = engine.index;
    assert.equal(index.eventCount, 199, '200 written, one of them holding NaN');
    assert.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl.gz', 'events/events_2024-01-16.jsonl']);
    assert.deepEqual(
      index.problems.map((p) => `${p.kind} ${p.file}:${p.line}`),
      ['non-json-number events/events_2024-01-15.jsonl.gz:51', 'torn-line events/events_2024-01-16.jsonl:120'],
    );
    // `metadata` keys inside data are not the envelope's.
    assert.deepEqual([...index.aggregateIds()].sort(), ['market_data_BTC_USDT', 'trader_1']);
    assert.equal(index.sequenceMode, 'global');
    // Naive microsecond timestamps are UTC and keep their microseconds.
    assert.equal(index.firstTimestamp(), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
    const first = await engine.readEvent(0);
    assert.equal((first.data as { note: string }).note, 'déjà vu ünïcode');
    assert.equal(first.metadata.status, 'completed');
    // The causation chain written by the bus resolves across the gzip day and the plain one.
    const last = index.event(index.eventCount - 1);
    assert.ok(last.causationId && index.ordinalsOfEventId(last.causationId).length === 1);
    const report = await validateStore(engine, { threads: 1 });
    assert.deepEqual(
      report.findings.map((f) => `${f.code} ${f.file}:${f.line}`),
      ['EB002 events/events_2024-01-15.jsonl.gz:51', 'EB014 events/events_2024-01-15.jsonl.gz:52', 'EB003 events/events_2024-01-16.jsonl:120'],
    );
    await engine.close();
  } finally {
    cleanup();
  }
});
