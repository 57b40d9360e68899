import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { storeStatus } from '../../src/engine/bus/storeStatus';
import { openStore } from '../../src/engine/openStore';
import { acquireWriterLock } from '../../src/engine/store/writeLock';
import { findPythons } from '../helpers/pythons';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BUS = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'python_bus.py');
const PYTHON = findPythons().at(-1);
const SKIP = PYTHON === undefined ? 'no python3 on PATH: the store cannot be written by Python here' : false;

function cli(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function writeStore(store: string, ...args: string[]): void {
  const run = spawnSync(PYTHON!.command, [BUS, 'write', store, ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

describe('TTL, the writer lock and status on a Python bus store', { skip: SKIP }, () => {
  it('removes the days the Python bus removes (date compare from --now), keeps snapshots, and refuses while a writer holds the store', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'store');
      writeStore(store, '--days', '7', '--per-day', '10');
      fs.writeFileSync(path.join(dir, 'eventbus.config.json'), JSON.stringify({ event_bus: { event_ttl_days: 6 } }));
      const snapshots = fs.readdirSync(path.join(store, 'snapshots')).sort();
      // now - 6 days = 2024-01-16T12:00: 2024-01-16 started before it, so it goes with 2024-01-15.
      const plan = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--json');
      assert.deepEqual((JSON.parse(plan.out) as { plan: { eventFiles: { day: string }[] } }).plan.eventFiles.map((f) => f.day), ['2024-01-15', '2024-01-16']);
      const lock = await acquireWriterLock(store);
      try {
        const refused = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--yes');
        assert.equal(refused.code, 1);
        assert.match(refused.err, /nothing removed: The event store is already open for writing by process \d+/);
        assert.equal(fs.readdirSync(path.join(store, 'events')).length, 7);
      } finally {
        await lock.release();
      }
      const done = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--yes');
      assert.equal(done.code, 0, done.err);
      assert.deepEqual(fs.readdirSync(path.join(store, 'events')).sort().slice(0, 1), ['events_2024-01-17.jsonl.gz']);
      assert.deepEqual(fs.readdirSync(path.join(store, 'snapshots')).sort(), snapshots, 'snapshots stay without --snapshots');
    } finally {
      cleanup();
    }
  });

  it('status: the guide\'s get_status() keys exactly, the running writer from its lock and last health report', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'store');
      writeStore(store, '--days', '1', '--per-day', '5');
      const stopped = cli(dir, 'status', '--store', store, '--json');
      assert.equal(stopped.code, 0, stopped.err);
      const status = JSON.parse(stopped.out) as Record<string, unknown>;
      assert.deepEqual(Object.keys(status), ['timestamp', 'status', 'metrics', 'queue_size', 'subscribers_count', 'persistence_enabled', 'snapshots_enabled', 'health']);
      assert.equal(status.status, 'stopped');
      assert.deepEqual(Object.keys(status.health as object), ['queue', 'latency', 'storage', 'subscribers', 'writer']);

      // A writer holds the lock and reported a full queue and slow deliveries a moment ago.
      const now = Date.parse('2024-01-15T10:00:00Z');
      const report = {
        event_type: 'system_health_check',
        data: { status: 'running', queue_size: 5000, metrics: { events_processed: 42 }, latency_ms: { p50: 3, p99: 9000, samples: 10 }, subscribers_count: { trade_executed: 2 } },
        metadata: { event_id: '00000000-0000-4000-8000-000000000999', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-15T09:59:30', source: 'EventBus', correlation_id: null, causation_id: null, aggregate_id: null, sequence_number: 6, retry_count: 0, status: 'completed', tags: {} },
      };
      fs.appendFileSync(path.join(store, 'events', 'events_2024-01-15.jsonl'), `${JSON.stringify(report)}\n`);
      const lock = await acquireWriterLock(store);
      const engine = await openStore(store, { noCache: true });
      try {
        const running = await storeStatus(engine, DEFAULT_CONFIG, now);
        assert.equal(running.status, 'running');
        assert.equal(running.queue_size, 5000);
        assert.deepEqual(running.subscribers_count, { trade_executed: 2 });
        assert.deepEqual(running.metrics, { events_processed: 42 });
        assert.equal(running.health.queue.healthy, false);
        assert.equal(running.health.latency.healthy, false);
        assert.equal(running.health.writer.pid, process.pid);
        assert.equal(running.health.subscribers.healthy, true);
        // Ten minutes later the report is stale: the writer is named, its old numbers are not shown as current.
        const stale = await storeStatus(engine, DEFAULT_CONFIG, now + 600_000);
        assert.equal(stale.queue_size, 0);
        assert.equal(stale.health.writer.healthy, false);
      } finally {
        await engine.close();
        await lock.release();
      }
    } finally {
      cleanup();
    }
  });
});
