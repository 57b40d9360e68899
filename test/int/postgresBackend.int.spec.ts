import assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresBackend } from '../../src/engine/backends/postgres/postgresBackend';
import type { StoredEvent } from '../../src/engine/backends/storeBackend';
import { createEvent, type Event } from '../../src/engine/model/event';
import { freePort } from '../helpers/servers/freePort';
import { PASSWORD_ROLE, postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/servers/postgresServer';
import { assertAnswersLikeMemory, storageSample } from '../helpers/storageSample';
import { collect, waitFor } from '../helpers/asyncKit';

// The seam over the project's own PostgreSQL layout, against a real server
// started for this file on a free 127.0.0.1 port and stopped by its pid.
const skip = postgresUnavailable() ?? false;

const ids = (events: readonly StoredEvent[]) => events.map((e) => e.event.metadata.event_id);

function trade(aggregate: string, sequence: number, extra: { correlation?: string; type?: string; at?: string } = {}): Event {
  return createEvent(extra.type ?? 'trade_executed', { aggregate, sequence }, {
    aggregate_id: aggregate,
    sequence_number: sequence,
    correlation_id: extra.correlation ?? null,
    source: 'test',
    timestamp: extra.at ?? `2024-01-15T10:00:${String(sequence % 60).padStart(2, '0')}Z`,
  });
}

describe('PostgreSQL backend, the project layout (a real server)', { skip }, () => {
  let server: PostgresServer;
  let databases = 0;
  const freshDatabase = (): string => server.createDatabase(`backend_${++databases}`);

  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.stop());

  it('answers EventQuery as the in-memory store does, and the seam questions by SQL', async () => {
    const url = `${freshDatabase()}?schema=bus`;
    const backend = await openPostgresBackend(url, { create: true });
    try {
      const events = storageSample();
      await backend.append(events);
      await assertAnswersLikeMemory(backend, events);
      assert.deepEqual([...(await backend.countByType())].sort(), [['risk_alert', 1], ['system_health_check', 1], ['trade_executed', 2]]);
      const aggregate = await collect(backend.readAggregate('a'));
      assert.deepEqual(aggregate.map((e) => e.event.metadata.sequence_number), [1, 2], 'sequence order, not store order');
      assert.deepEqual(await collect(backend.readAggregate('a', { fromSequenceNumber: 2 })).then((r) => r.map((e) => e.event.data)), [{ n: 1 }]);
      assert.deepEqual((await collect(backend.readCorrelation('c1'))).map((e) => e.event.data), [{ n: 1 }, { n: 2 }]);
      const all = await collect(backend.readRange({}));
      assert.equal(all.length, 4);
      const rest = await collect(backend.readRange({ after: all[1].cursor }));
      assert.deepEqual(ids(rest), ids(all.slice(2)), 'a cursor pages the global order');
      assert.deepEqual((await collect(backend.readRange({ eventTypes: ['risk_alert'] }))).map((e) => e.event.event_type), ['risk_alert']);
      assert.equal(all[0].raw, JSON.stringify(JSON.parse(all[0].raw)), 'the line as written');
      const caps = backend.capabilities();
      assert.deepEqual([caps.aggregateReads.how, caps.correlationReads.how, caps.countsByType.how, caps.subscribe.how, caps.append.how], ['native', 'native', 'native', 'native', 'native']);
    } finally {
      await backend.close();
    }
  });

  it('lists aggregates in natural order, paged, narrowed by prefix', async () => {
    const url = freshDatabase();
    const writer = await openPostgresBackend(url, { create: true });
    try {
      for (const id of ['trader_10', 'trader_2', 'trader_1', 'desk_3']) await writer.append([trade(id, 1), trade(id, 2)]);
      const first = await writer.listAggregates({ prefix: 'trader_', limit: 2 });
      assert.deepEqual(first.items.map((a) => a.aggregateId), ['trader_1', 'trader_2']);
      assert.equal(first.items[0].events, 2);
      assert.equal(first.items[0].lastSequenceNumber, 2);
      const second = await writer.listAggregates({ prefix: 'trader_', limit: 2, after: first.next });
      assert.deepEqual(second.items.map((a) => a.aggregateId), ['trader_10']);
      assert.equal(second.next, undefined);
      assert.equal((await writer.listAggregates({ limit: 10 })).items.length, 4);
    } finally {
      await writer.close();
    }
  });

  it('is read-only unless opened for writing; appendExpecting names the expected version', async () => {
    const url = freshDatabase();
    await (await openPostgresBackend(url, { create: true })).close();
    const reader = await openPostgresBackend(url);
    const writer = await openPostgresBackend(url, { write: true });
    try {
      const refused = await reader.appendExpecting('acct', -1, [trade('acct', 1)]);
      assert.equal(refused.ok, false);
      assert.equal(!refused.ok && refused.reason, 'read-only');
      await assert.rejects(reader.append([trade('acct', 1)]), /read-only/);
      assert.equal(reader.capabilities().append.how, 'unsupported');

      assert.deepEqual(await writer.appendExpecting('acct', -1, [trade('acct', 1), trade('acct', 2)]), { ok: true, lastSequenceNumber: 2 });
      assert.deepEqual(await writer.appendExpecting('acct', 1, [trade('acct', 2)]), { ok: false, reason: 'version-mismatch', actualVersion: 2 });
      // Two writers racing for the same version: exactly one wins.
      const rival = await openPostgresBackend(url, { write: true });
      const race = await Promise.all([writer.appendExpecting('acct', 2, [trade('acct', 3)]), rival.appendExpecting('acct', 2, [trade('acct', 3)])]);
      await rival.close();
      assert.equal(race.filter((r) => r.ok).length, 1, JSON.stringify(race));
      assert.equal(await reader.lastSequence('acct'), 3);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('follows live by NOTIFY, and never passes a transaction still in flight', async () => {
    const url = freshDatabase();
    const backend = await openPostgresBackend(url, { create: true, pollIntervalMs: 60_000 });
    const seen: StoredEvent[] = [];
    await backend.append([trade('x', 1)]);
    const subscription = backend.subscribe('end', (batch) => {
      seen.push(...batch);
    });
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A transaction takes the next position but does not commit yet.
      const held = trade('held', 1);
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO eventbus_events (event_id, event_type, aggregate_id, sequence_number, raw) VALUES ($1, $2, 'held', 1, $3)`, [held.metadata.event_id, held.event_type, JSON.stringify(held)]);
      // A later one commits (its position is higher); NOTIFY wakes the reader (the poll is a minute away).
      const later = trade('later', 1);
      await backend.append([later]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.deepEqual(ids(seen), [], 'nothing past the transaction in flight');
      await slow.query('COMMIT');
      await waitFor('both events', () => seen.length >= 2);
      assert.deepEqual(ids(seen), [held.metadata.event_id, later.metadata.event_id], 'in commit order, the held one first (its transaction is older)');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(seen.length, 2, 'nothing twice');
      // Resuming from the last cursor delivers nothing again, then what comes next.
      const resumed: StoredEvent[] = [];
      const again = backend.subscribe(seen[1].cursor, (batch) => {
        resumed.push(...batch);
      });
      const next = trade('next', 1);
      await backend.append([next]);
      await waitFor('the next event', () => resumed.length >= 1);
      assert.deepEqual(ids(resumed), [next.metadata.event_id]);
      await again.stop();
    } finally {
      await subscription.stop();
      await slow.end();
      await backend.close();
    }
  });

  it('says when an index is missing and gives the CREATE INDEX, instead of scanning silently', async () => {
    const url = freshDatabase();
    await (await openPostgresBackend(url, { create: true })).close();
    server.psql('DROP INDEX eventbus_events_correlation', url.split('/').pop());
    const backend = await openPostgresBackend(url);
    try {
      const support = backend.capabilities().correlationReads;
      assert.equal(support.how, 'unindexed');
      assert.match(support.how === 'unindexed' ? support.advice : '', /^CREATE INDEX ON "public"\.eventbus_events \(correlation_id, global_position\)$/);
    } finally {
      await backend.close();
    }
  });

  it('fails with one clear line: missing tables, wrong password, unreachable host (no hang)', async () => {
    const empty = freshDatabase();
    await assert.rejects(openPostgresBackend(empty), (error: Error) => {
      assert.match(error.message, /holds no event table: looked for eventbus_events \(eventbus\), emt_messages \(emmett\), mt_events \(marten\), messages \(message-db\)/);
      return true;
    });
    server.psql(`CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD 'right'`);
    const wrong = `postgres://${PASSWORD_ROLE}:wrong@127.0.0.1:${server.port}/postgres`;
    await assert.rejects(openPostgresBackend(wrong), (error: Error) => {
      assert.match(error.message, /password was refused \(28P01\)/);
      assert.doesNotMatch(error.message, /wrong/, 'the password is never shown');
      return true;
    });
    const closedPort = await freePort();
    await assert.rejects(openPostgresBackend(`postgres://postgres@127.0.0.1:${closedPort}/postgres`), /nothing is listening there/);
    // A host that accepts the connection and never answers: the connect timeout ends the wait.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    try {
      await assert.rejects(openPostgresBackend(`postgres://postgres@127.0.0.1:${silentPort}/postgres`, { connectTimeoutMs: 1_000 }), /the connection timed out/);
    } finally {
      silent.close();
    }
    assert.ok(Date.now() - started < 10_000, 'no hang');
  });
});
