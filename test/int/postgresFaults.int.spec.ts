import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyEvents } from '../../src/engine/backends/copyEvents';
import { openCopyTarget } from '../../src/engine/backends/copyTarget';
import { openPostgresBackend } from '../../src/engine/backends/postgres/postgresBackend';
import type { StoredEvent } from '../../src/engine/backends/storeBackend';
import { createEvent, type Event } from '../../src/engine/model/event';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/servers/postgresServer';
import { waitFor, memoryCopySource } from '../helpers/asyncKit';

// Faults with a real PostgreSQL started for this file: the server killed (an
// immediate shutdown, as a crash) during a copy and during a live tail, and a
// streaming replica opened read-only. Stopped by their pids.
const skip = postgresUnavailable() ?? false;

function manyEvents(count: number, prefix: string): Event[] {
  return Array.from({ length: count }, (_, i) =>
    createEvent('tick', { i }, { aggregate_id: `${prefix}_${i % 50}`, sequence_number: Math.floor(i / 50) + 1, correlation_id: `c${i % 7}`, timestamp: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() }),
  );
}

describe('PostgreSQL faults (a real server, killed and restarted)', { skip }, () => {
  let server: PostgresServer;
  let databases = 0;
  const freshDatabase = (): { name: string; url: string } => {
    const name = `faults_${++databases}`;
    return { name, url: server.createDatabase(name) };
  };

  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.stop());

  it('a copy killed by the server dying resumes when run again: nothing lost or doubled', async () => {
    const { name, url } = freshDatabase();
    const events = manyEvents(20_000, 'copy');
    let crashed = false;
    const target = await openCopyTarget(url, { create: true });
    await assert.rejects(
      copyEvents(memoryCopySource(events), target, {
        batchSize: 500,
        onProgress: ({ read }) => {
          if (!crashed && read >= 6_000) {
            crashed = true;
            server.crash();
          }
        },
      }),
    );
    await target.close().catch(() => {});
    assert.ok(crashed);
    server.restart();
    const partial = Number(server.psql('SELECT count(*) FROM eventbus_events', name));
    assert.ok(partial >= 5_500 && partial < 20_000, `part of the copy is in (${partial})`);
    const again = await openCopyTarget(url, { create: true });
    try {
      const summary = await copyEvents(memoryCopySource(events), again, { batchSize: 2_000 });
      assert.equal(summary.inserted + summary.alreadyThere, 20_000);
      assert.equal(summary.alreadyThere, partial);
    } finally {
      await again.close();
    }
    assert.equal(server.psql('SELECT count(*), count(DISTINCT event_id) FROM eventbus_events', name).trim(), '20000|20000');
  });

  it('a live tail survives the server dying: it reports once, resumes, and delivers each event once, in order', async () => {
    const { url } = freshDatabase();
    const backend = await openPostgresBackend(url, { create: true, pollIntervalMs: 200 });
    const seen: StoredEvent[] = [];
    const errors: Error[] = [];
    const subscription = backend.subscribe(
      'start',
      (batch) => {
        seen.push(...batch);
      },
      (error) => errors.push(error),
    );
    try {
      const before = manyEvents(300, 'tail');
      await backend.append(before.slice(0, 150));
      await backend.append(before.slice(150));
      await waitFor('the first events', () => seen.length >= 300);
      server.crash();
      await waitFor('the outage reported', () => errors.length >= 1);
      server.restart();
      const afterRestart = manyEvents(300, 'later');
      for (let i = 0; i < afterRestart.length; i += 100) await backend.append(afterRestart.slice(i, i + 100));
      await waitFor('the events after the restart', () => seen.length >= 600);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(
        seen.map((e) => e.event.metadata.event_id),
        [...before, ...afterRestart].map((e) => e.metadata.event_id),
        'every event once, in order',
      );
      assert.match(errors[0].message, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/faults_\d+: /, 'one clear line naming the store');
    } finally {
      await subscription.stop();
      await backend.close();
    }
  });

  it('reads and follows a streaming replica, read-only', async () => {
    const { name, url } = freshDatabase();
    const primary = await openPostgresBackend(url, { create: true });
    await primary.append(manyEvents(100, 'rep'));
    const replicaServer = await server.startReplica();
    const replica = await openPostgresBackend(`${replicaServer.url.replace(/\/postgres$/, `/${name}`)}`, { write: true });
    try {
      await waitFor('the replica to catch up', () => Number(replicaServer.psql('SELECT count(*) FROM eventbus_events', name)) === 100);
      assert.equal((await replica.countEvents()).total, 100);
      const seen: StoredEvent[] = [];
      const errors: Error[] = [];
      const subscription = replica.subscribe(
        'end',
        (batch) => {
          seen.push(...batch);
        },
        (error) => errors.push(error),
      );
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const fresh = manyEvents(10, 'fresh');
        await primary.append(fresh);
        await waitFor('the new events on the replica', () => seen.length >= 10 || errors.length > 0);
        assert.deepEqual(errors, []);
        assert.deepEqual(
          seen.map((e) => e.event.metadata.event_id),
          fresh.map((e) => e.metadata.event_id),
        );
      } finally {
        await subscription.stop();
      }
      const refused = await replica.appendExpecting('solo', -1, [createEvent('tick', {}, { aggregate_id: 'solo', sequence_number: 1 })]);
      assert.deepEqual(refused.ok ? null : refused.reason, 'read-only', 'a replica is read-only even when opened for writing');
      assert.match(refused.ok || refused.reason !== 'read-only' ? '' : refused.detail, /streaming replica is read-only: write to its primary/);
      assert.equal(replica.capabilities().subscribe.how, 'engine', 'a replica polls');
    } finally {
      await replica.close();
      await primary.close();
      replicaServer.stop();
    }
  });
});
