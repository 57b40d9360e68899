import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { describeCleanupPlan } from '../../src/engine/ttl/describeCleanupPlan';
import { executeCleanup } from '../../src/engine/ttl/executeCleanup';
import { planCleanup } from '../../src/engine/ttl/planCleanup';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

const NOW = Date.parse('2024-02-10T12:00:00Z');

function snapshot(root: string, aggregate: string, sequence: number, timestamp: string | undefined, mtime?: string): void {
  const file = path.join(root, 'snapshots', `snapshot_${aggregate}_${sequence}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ aggregate_id: aggregate, sequence_number: sequence, ...(timestamp ? { timestamp } : {}), state: {} }));
  if (mtime) fs.utimesSync(file, new Date(mtime), new Date(mtime));
}

function buildStore(root: string): void {
  writeEventFile(root, 'events_2024-01-01.jsonl', '{}\n');
  writeEventFile(root, 'events_2024-01-02.jsonl.gz', zlib.gzipSync('{}\n'));
  writeEventFile(root, 'events_2024-01-10.jsonl', '{}\n');
  writeEventFile(root, 'events_2024-01-11.jsonl', '{}\n');
  writeEventFile(root, 'events_2024-02-10.jsonl', '{}\n');
  writeEventFile(root, 'notes_2024-01-01.txt', 'not an event file');
  snapshot(root, 'trader_1', 50, '2024-01-01T10:00:00Z');
  snapshot(root, 'trader_1', 100, '2024-01-05T10:00:00.123456');
  snapshot(root, 'trader_1', 150, '2024-01-25T10:00:00Z');
  snapshot(root, 'trader_1', 200, '2024-02-09T10:00:00Z');
  snapshot(root, 'old_agg', 10, '2024-01-01T00:00:00Z');
  snapshot(root, 'old_agg', 20, '2024-01-02T00:00:00Z');
  snapshot(root, 'system', 100, '2024-01-03T00:00:00Z');
  snapshot(root, 'market_data_BTC_USDT', 5, undefined, '2024-01-01T00:00:00Z');
  snapshot(root, 'market_data_BTC_USDT', 9, '2024-01-04T00:00:00+00:00');
  fs.writeFileSync(path.join(root, 'snapshots', 'snapshot_broken_3.json'), '{"aggregate_id": ');
  fs.utimesSync(path.join(root, 'snapshots', 'snapshot_broken_3.json'), new Date('2024-01-01'), new Date('2024-01-01'));
}

describe('TTL cleanup', () => {
  it('plans old day files and superseded snapshots, never the latest or the rebuild base', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      buildStore(dir);
      const plan = await planCleanup(dir, { event_ttl_days: 30 }, NOW, { removeSnapshots: true });
      // As the Python bus: 2024-01-11T00:00 is before now - 30 days (2024-01-11T12:00), so that day goes too.
      assert.equal(plan.cutoffDay, '2024-01-12');
      assert.deepEqual(
        plan.eventFiles.map((f) => [f.file, f.day]),
        [
          ['events/events_2024-01-01.jsonl', '2024-01-01'],
          ['events/events_2024-01-02.jsonl.gz', '2024-01-02'],
          ['events/events_2024-01-10.jsonl', '2024-01-10'],
          ['events/events_2024-01-11.jsonl', '2024-01-11'],
        ],
      );
      assert.deepEqual(
        plan.snapshots.map((s) => [s.file, s.aggregateId, s.sequenceNumber, s.timestamp]),
        [
          ['snapshots/snapshot_market_data_BTC_USDT_5.json', 'market_data_BTC_USDT', 5, '2024-01-01T00:00:00.000Z'],
          ['snapshots/snapshot_old_agg_10.json', 'old_agg', 10, '2024-01-01T00:00:00.000Z'],
          ['snapshots/snapshot_trader_1_50.json', 'trader_1', 50, '2024-01-01T10:00:00.000Z'],
        ],
      );
      assert.deepEqual(
        plan.keptSnapshots.map((k) => [k.file, k.reason.split(':')[0]]),
        [
          ['snapshots/snapshot_broken_3.json', 'not valid JSON; kept'],
          ['snapshots/snapshot_market_data_BTC_USDT_9.json', 'latest snapshot of market_data_BTC_USDT'],
          ['snapshots/snapshot_old_agg_20.json', 'latest snapshot of old_agg'],
          ['snapshots/snapshot_system_100.json', 'latest snapshot of system'],
          ['snapshots/snapshot_trader_1_100.json', 'newest snapshot of trader_1 before the cutoff'],
        ],
      );
      const sizes = plan.eventFiles.reduce((n, f) => n + f.bytes, 0) + plan.snapshots.reduce((n, s) => n + s.bytes, 0);
      assert.equal(plan.bytes, sizes);
      assert.ok(plan.bytes > 0);

      const text = describeCleanupPlan(plan);
      assert.match(text, /^TTL 30 days: removes event days before 2024-01-12/);
      assert.match(text, /\n {2}remove events\/events_2024-01-02\.jsonl\.gz \(\d+ B\)/);
      assert.match(text, /\n {2}keep {3}snapshots\/snapshot_trader_1_100\.json: newest snapshot/);
      assert.match(text, /\n7 files, \d+ B\./);

      // Planning removes nothing.
      assert.ok(fs.existsSync(path.join(dir, 'events', 'events_2024-01-01.jsonl')));
    } finally {
      cleanup();
    }
  });

  it('executes exactly the plan, and a second plan finds nothing more', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      buildStore(dir);
      const plan = await planCleanup(dir, DEFAULT_CONFIG, new Date(NOW), { removeSnapshots: true });
      const before = new Set([...fs.readdirSync(path.join(dir, 'events')).map((n) => `events/${n}`), ...fs.readdirSync(path.join(dir, 'snapshots')).map((n) => `snapshots/${n}`)]);
      // One file vanished meanwhile (another cleanup): still counts as removed.
      fs.rmSync(path.join(dir, 'snapshots', 'snapshot_old_agg_10.json'));
      const result = await executeCleanup(plan);
      assert.deepEqual(result.failed, []);
      assert.deepEqual([...result.removed].sort(), [...plan.eventFiles.map((f) => f.file), ...plan.snapshots.map((s) => s.file)].sort());
      const after = new Set([...fs.readdirSync(path.join(dir, 'events')).map((n) => `events/${n}`), ...fs.readdirSync(path.join(dir, 'snapshots')).map((n) => `snapshots/${n}`)]);
      for (const file of before) assert.equal(after.has(file), !result.removed.includes(file), file);
      for (const latest of ['snapshot_trader_1_200.json', 'snapshot_old_agg_20.json', 'snapshot_system_100.json', 'snapshot_trader_1_100.json']) {
        assert.ok(fs.existsSync(path.join(dir, 'snapshots', latest)), latest);
      }
      assert.ok(fs.existsSync(path.join(dir, 'events', 'notes_2024-01-01.txt')), 'files that are not day files stay');

      const again = await planCleanup(dir, DEFAULT_CONFIG, NOW, { removeSnapshots: true });
      assert.deepEqual(again.eventFiles, []);
      assert.deepEqual(again.snapshots, []);
      assert.match(describeCleanupPlan(again), /Nothing to remove\./);
    } finally {
      cleanup();
    }
  });

  it('refuses to remove anything outside events/ and snapshots/', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      fs.writeFileSync(path.join(dir, 'precious.json'), '{}');
      const result = await executeCleanup({
        storeRoot: dir,
        now: new Date(NOW).toISOString(),
        ttlDays: 30,
        cutoffDay: '2024-01-11',
        eventFiles: [{ file: 'events/../precious.json', day: '2024-01-01', bytes: 2 }],
        snapshots: [{ file: 'precious.json', aggregateId: 'x', sequenceNumber: 1, timestamp: '', bytes: 2 }],
        keptSnapshots: [],
        bytes: 4,
      });
      assert.equal(result.removed.length, 0);
      assert.equal(result.failed.length, 2);
      assert.ok(fs.existsSync(path.join(dir, 'precious.json')));
    } finally {
      cleanup();
    }
  });

  it('plans nothing for an empty store', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const plan = await planCleanup(dir, { event_ttl_days: 1 }, NOW);
      assert.deepEqual([plan.eventFiles, plan.snapshots, plan.keptSnapshots, plan.bytes], [[], [], [], 0]);
      // now - 1 day is 2024-02-09T12:00: the day 2024-02-09 started before it, so the first day kept is 2024-02-10.
      assert.equal(plan.cutoffDay, '2024-02-10');
    } finally {
      cleanup();
    }
  });
});
