import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NatsEventStorage } from '../../src/engine/backends/nats/natsStorage';
import { freePort } from '../helpers/servers/freePort';
import { natsUnavailable, startNats, type NatsServer } from '../helpers/servers/natsServer';
import { assertAnswersLikeMemory, collectEvents, storageSample } from '../helpers/storageSample';
import { makeTempDir } from '../helpers/tempStore';

// A real nats-server with JetStream (Debian's 2.9, installed by .ci/run),
// started for this file on a free 127.0.0.1 port and stopped by its pid.
const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PYTHON_WRITER = path.join(ROOT, 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
const skip = natsUnavailable() ?? false;

function eventbus(args: readonly string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe('NATS JetStream stores (a real server)', { skip }, () => {
  let server: NatsServer;
  let streams = 0;
  const freshStream = (): string => `${server.url}?stream=S${++streams}`;

  before(async () => {
    server = await startNats();
  });
  after(async () => server?.stop());

  it('answers every EventQuery field exactly as the in-memory store does', async () => {
    const nats = await NatsEventStorage.open(freshStream(), { create: true });
    try {
      assert.match(nats.serverVersion(), /^2\./);
      const events = storageSample();
      await nats.append(events);
      await assertAnswersLikeMemory(nats, events);
      assert.equal(await nats.lastSequence('a'), 1, 'the last appended event of aggregate a');
      assert.equal(await nats.lastSequence(), 4);
      assert.equal((await nats.getEvent(events[1].metadata.event_id))?.event_type, 'risk_alert');
      const counts = await nats.countEvents();
      assert.equal(counts.total, 4);
      assert.deepEqual([...counts.byAggregate.entries()].sort(), [['a', 2], ['b', 1]]);
      await nats.saveSnapshot({ aggregate_id: 'market data/BTC.USDT', sequence_number: 7, timestamp: '2024-01-16T00:00:00Z', state: { price: 1.5 } });
      assert.deepEqual((await nats.listSnapshots()).map((r) => `${r.aggregate_id}@${r.sequence_number}`), ['market data/BTC.USDT@7']);
      assert.deepEqual((await nats.loadSnapshot({ aggregate_id: 'market data/BTC.USDT', sequence_number: 7, file: '' })).state, { price: 1.5 });
    } finally {
      await nats.close();
    }
  });

  it('an aggregate whose id is no subject token still reads from one literal subject', async () => {
    const nats = await NatsEventStorage.open(freshStream(), { create: true });
    try {
      const [first] = storageSample();
      const odd = { ...first, metadata: { ...first.metadata, aggregate_id: 'orders.*.>' } };
      await nats.append([odd, ...storageSample()]);
      assert.deepEqual((await collectEvents(nats, { aggregateId: 'orders.*.>' })).map((e) => e.metadata.event_id), [odd.metadata.event_id]);
      assert.deepEqual((await collectEvents(nats, { aggregateId: 'orders' })).length, 0);
    } finally {
      await nats.close();
    }
  });

  it('eventbus copy moves a Python-written store line for line, and --verify agrees', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      execFileSync('python3', [PYTHON_WRITER, store]);
      const copied = eventbus(['copy', '--from', store, '--to', freshStream(), '--verify']);
      assert.equal(copied.status, 0, copied.stderr + copied.stdout);
      assert.match(copied.stdout, /\(server 2\.\d+\.\d+\)/);
      assert.match(copied.stdout, /copied 199 events of 199 read; 0 were already there/);
      assert.match(copied.stdout, /verified: all 199 events are in the target with identical lines/);
    } finally {
      cleanup();
    }
  });

  it('a copy killed part way is finished by running it again: nothing lost or doubled', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      assert.equal(eventbus(['generate', '--events', '5000', '--out', store, '--seed', '3', '--days', '2']).status, 0);
      const url = freshStream();
      const child = spawn(process.execPath, [CLI, 'copy', '--from', store, '--to', url, '--batch', '100'], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let partial = 0;
      for (let waited = 0; waited < 60_000 && partial === 0; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
        partial = await countIn(url).catch(() => 0);
      }
      child.kill('SIGKILL');
      await exited;
      partial = await countIn(url);
      assert.ok(partial > 0 && partial < 5_000, `killed after ${partial} events`);
      const resumed = eventbus(['copy', '--from', store, '--to', url, '--verify', '--json']);
      assert.equal(resumed.status, 0, resumed.stderr + resumed.stdout);
      const summary = JSON.parse(resumed.stdout);
      assert.equal(summary.copy.read, 5_000);
      assert.equal(summary.copy.inserted + summary.copy.already_there, 5_000);
      assert.equal(summary.verify.differenceCount, 0);
      assert.equal(summary.verify.extraInTarget, 0);
      assert.equal(await countIn(url), 5_000);
    } finally {
      cleanup();
    }
  });

  it('nothing listening is one clear line and exit 2', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      fs.mkdirSync(store);
      assert.equal(eventbus(['generate', '--events', '50', '--out', store]).status, 0);
      const nobody = await freePort();
      const refused = eventbus(['copy', '--from', store, '--to', `nats://127.0.0.1:${nobody}?stream=X`]);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /nats:\/\/127\.0\.0\.1:\d+\?stream=X: cannot connect/);
      assert.equal(refused.stderr.trim().split('\n').length, 1);
    } finally {
      cleanup();
    }
  });
});

async function countIn(url: string): Promise<number> {
  const storage = await NatsEventStorage.open(url);
  try {
    return await storage.total();
  } finally {
    await storage.close();
  }
}
