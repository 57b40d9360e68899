import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStorage } from '../../src/engine/backends/postgres/postgresStorage';
import { createEvent, type Event } from '../../src/engine/model/event';
import { freePort } from '../helpers/servers/freePort';
import { PASSWORD_ROLE, postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/servers/postgresServer';
import { assertAnswersLikeMemory, collectEvents, storageSample } from '../helpers/storageSample';
import { makeTempDir } from '../helpers/tempStore';

// A real PostgreSQL (Debian's, installed by .ci/run), started for this file
// on a free 127.0.0.1 port and stopped by its pid.
const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PYTHON_WRITER = path.join(ROOT, 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
const skip = postgresUnavailable() ?? false;

function eventbus(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

const collect = collectEvents;
const sample = storageSample;

/** Lines of a store's day files that parse as events, in store order, without line ends (the Python fixture writes one day with CRLF). */
function eventLines(store: string): string[] {
  const lines: string[] = [];
  for (const file of fs.readdirSync(path.join(store, 'events')).sort()) {
    const bytes = fs.readFileSync(path.join(store, 'events', file));
    const text = (file.endsWith('.gz') ? require('node:zlib').gunzipSync(bytes) : bytes).toString('utf8');
    for (const line of text.split(/\r?\n/)) {
      try {
        const value = JSON.parse(line);
        if (value && typeof value === 'object' && 'event_type' in value) lines.push(line);
      } catch {
        // not an event: torn, NaN, blank
      }
    }
  }
  return lines;
}

describe('PostgreSQL stores (a real server)', { skip }, () => {
  let server: PostgresServer;
  let databases = 0;
  const freshDatabase = (): string => server.createDatabase(`store_${++databases}`);

  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.stop());

  it('answers every EventQuery field exactly as the in-memory store does', async () => {
    const postgres = await PostgresEventStorage.open(`${freshDatabase()}?schema=bus`, { create: true });
    try {
      const events = sample();
      await postgres.append(events);
      await assertAnswersLikeMemory(postgres, events);
      assert.deepEqual((await collect(postgres, { aggregateId: 'a' })).map((e) => e.metadata.sequence_number), [1, 2], 'sequence order');
      assert.equal(await postgres.lastSequence(), 4);
      assert.equal(await postgres.lastSequence('a'), 2);
      assert.equal(await postgres.lastSequence('nobody'), -1);
      assert.equal((await postgres.getEvent(events[1].metadata.event_id))?.event_type, 'risk_alert');
      assert.equal(await postgres.getEvent('missing'), undefined);
      const counts = await postgres.countEvents();
      assert.equal(counts.total, 4);
      assert.deepEqual([...counts.byAggregate.entries()].sort(), [['a', 2], ['b', 1]]);
      await postgres.saveSnapshot({ aggregate_id: 'a', sequence_number: 2, timestamp: '2024-01-16T00:00:00Z', state: { total: 1.5 } });
      assert.deepEqual((await postgres.listSnapshots('a')).map((r) => r.sequence_number), [2]);
      assert.deepEqual((await postgres.loadSnapshot({ aggregate_id: 'a', sequence_number: 2, file: '' })).state, { total: 1.5 });
      // An append names its expected version: a taken (aggregate, sequence) is refused, nothing is written.
      await assert.rejects(postgres.append([createEvent('trade_executed', {}, { aggregate_id: 'a', sequence_number: 2 })]), /sequence 2 of aggregate a is already taken/);
      assert.equal((await postgres.countEvents()).total, 4);
    } finally {
      await postgres.close();
    }
  });

  it('streams a query of more than one page in order', async () => {
    const postgres = await PostgresEventStorage.open(freshDatabase(), { create: true });
    try {
      const events = Array.from({ length: 2_503 }, (_, i) => createEvent('tick', { i }, { aggregate_id: `agg_${i % 3}`, sequence_number: i, timestamp: '2024-01-15T10:00:00Z' }));
      await postgres.append(events);
      const all = await collect(postgres, {});
      assert.deepEqual(all.map((e) => (e.data as { i: number }).i), events.map((_, i) => i));
      const one = await collect(postgres, { aggregateId: 'agg_1' });
      assert.equal(one.length, 834);
      assert.ok(one.every((e, k) => k === 0 || e.metadata.sequence_number > one[k - 1].metadata.sequence_number));
    } finally {
      await postgres.close();
    }
  });

  it('eventbus copy moves a Python-written store with every line byte for byte, and --verify agrees', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      execFileSync('python3', [PYTHON_WRITER, store]);
      const url = `${freshDatabase()}?schema=python_bus`;
      const copied = eventbus(['copy', '--from', store, '--to', url, '--verify']);
      assert.equal(copied.status, 0, copied.stderr + copied.stdout);
      assert.match(copied.stdout, /copied 199 events of 199 read; 0 were already there/);
      assert.match(copied.stdout, /left out 2 lines that are not events/);
      assert.match(copied.stdout, /verified: all 199 events are in the target with identical lines/);
      const stored = server.psql('SELECT raw FROM python_bus.eventbus_events ORDER BY global_position', url.split('/').pop()!.split('?')[0]).split('\n').filter(Boolean);
      assert.deepEqual(stored, eventLines(store), 'the lines as Python wrote them (spacing, key order, number text), without their CRLF line ends');
    } finally {
      cleanup();
    }
  });

  it('a copy killed part way is finished by running it again: nothing lost or doubled', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      const generated = eventbus(['generate', '--events', '20000', '--out', store, '--seed', '3', '--days', '2']);
      assert.equal(generated.status, 0, generated.stderr);
      const url = freshDatabase();
      const database = url.split('/').pop()!;
      const child = spawn(process.execPath, [CLI, 'copy', '--from', store, '--to', url, '--batch', '200'], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Kill it once some batches are in, well before the end.
      const rowsSoFar = (): number => {
        try {
          return Number(server.psql('SELECT count(*) FROM eventbus_events', database).trim());
        } catch {
          return 0; // the copy has not created the table yet
        }
      };
      for (let waited = 0; waited < 60_000; waited += 20) {
        if (rowsSoFar() > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await exited;
      const partial = Number(server.psql('SELECT count(*) FROM eventbus_events', database).trim());
      assert.ok(partial > 0 && partial < 20_000, `killed after ${partial} events`);
      const resumed = eventbus(['copy', '--from', store, '--to', url, '--verify', '--json']);
      assert.equal(resumed.status, 0, resumed.stderr + resumed.stdout);
      const summary = JSON.parse(resumed.stdout);
      assert.equal(summary.copy.read, 20_000);
      assert.equal(summary.copy.inserted + summary.copy.already_there, 20_000);
      assert.equal(summary.copy.already_there, partial);
      assert.equal(summary.verify.differenceCount, 0);
      assert.equal(summary.verify.extraInTarget, 0);
      assert.equal(server.psql('SELECT count(*), count(DISTINCT event_id) FROM eventbus_events', database).trim(), '20000|20000');
    } finally {
      cleanup();
    }
  });

  it('an event whose aggregate and sequence another event holds is refused and named, exit 1', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      assert.equal(eventbus(['generate', '--events', '500', '--out', store, '--seed', '5', '--days', '1']).status, 0);
      const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).find((f) => f.endsWith('.jsonl'))!);
      const taken = eventLines(store).map((line) => JSON.parse(line) as Event).find((e) => e.metadata.aggregate_id !== null)!;
      const intruder = { ...taken, metadata: { ...taken.metadata, event_id: '00000000-0000-4000-8000-000000000001' } };
      fs.appendFileSync(day, `${JSON.stringify(intruder)}\n`);
      const copied = eventbus(['copy', '--from', store, '--to', freshDatabase()]);
      assert.equal(copied.status, 1, copied.stderr + copied.stdout);
      assert.match(copied.stdout, /copied 500 events of 501 read/);
      assert.match(copied.stdout, /refused 1 events: another event holds the same aggregate and sequence/);
      assert.ok(copied.stdout.includes(`"00000000-0000-4000-8000-000000000001" "${taken.metadata.aggregate_id}" #${taken.metadata.sequence_number}`), copied.stdout);
    } finally {
      cleanup();
    }
  });

  it('connection failures are one clear line and exit 2, never a hang or the password', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const store = path.join(dir, 'event_store');
      assert.equal(eventbus(['generate', '--events', '100', '--out', store, '--seed', '1']).status, 0);
      const nobody = await freePort();
      const refused = eventbus(['copy', '--from', store, '--to', `postgres://postgres@127.0.0.1:${nobody}/x`]);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /127\.0\.0\.1:\d+\/x: nothing is listening there/);
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);

      server.psql(`CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD 'right-password'`);
      const wrong = eventbus(['copy', '--from', store, '--to', `postgres://${PASSWORD_ROLE}:wrong-secret@127.0.0.1:${server.port}/postgres`]);
      assert.equal(wrong.status, 2);
      assert.match(wrong.stderr, /the password was refused \(28P01\)/);
      assert.doesNotMatch(wrong.stderr + wrong.stdout, /wrong-secret/);

      const empty = eventbus(['copy', '--from', store, '--to', freshDatabase(), '--no-copy']);
      assert.equal(empty.status, 2);
      assert.match(empty.stderr, /the event table is missing/);

      const folder = eventbus(['copy', '--from', store, '--to', path.join(dir, 'elsewhere')]);
      assert.equal(folder.status, 2);
      assert.match(folder.stderr, /--to must be a postgres:\/\/ or nats:\/\/ URL/);
    } finally {
      cleanup();
    }
  });
});
