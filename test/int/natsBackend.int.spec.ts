import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openNatsBackend } from '../../src/engine/backends/nats/natsBackend';
import type { StoredEvent } from '../../src/engine/backends/storeBackend';
import { createEvent, type Event } from '../../src/engine/model/event';
import { natsUnavailable, startNats, type NatsServer } from '../helpers/servers/natsServer';
import { assertAnswersLikeMemory, storageSample } from '../helpers/storageSample';
import { collect, waitFor } from '../helpers/asyncKit';

// The seam over JetStream, against a real nats-server (Debian's 2.9) started
// for this file on a free 127.0.0.1 port and stopped by its pid.
const skip = natsUnavailable() ?? false;

const ids = (events: readonly StoredEvent[]) => events.map((e) => e.event.metadata.event_id);

function trade(aggregate: string, sequence: number, type = 'trade_executed'): Event {
  return createEvent(type, { aggregate, sequence }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: `c-${aggregate}`, timestamp: `2024-01-15T10:00:0${sequence}Z` });
}

describe('NATS JetStream backend (a real server)', { skip }, () => {
  let server: NatsServer;
  let streams = 0;
  const freshStream = (): string => `${server.url}?stream=B${++streams}`;

  before(async () => {
    server = await startNats();
  });
  after(async () => server?.stop());

  it('reads by literal subject and stream sequence, says what the server version lacks', async () => {
    const backend = await openNatsBackend(freshStream(), { create: true });
    try {
      const events = storageSample();
      await backend.append(events);
      await assertAnswersLikeMemory(backend, events);
      assert.deepEqual((await collect(backend.readAggregate('a'))).map((e) => e.event.metadata.sequence_number), [1, 2]);
      const all = await collect(backend.readRange({}));
      assert.deepEqual(all.map((e) => e.cursor), ['1', '2', '3', '4'], 'the cursor is the stream sequence');
      assert.deepEqual(ids(await collect(backend.readRange({ after: all[1].cursor }))), ids(all.slice(2)));
      assert.deepEqual(Object.fromEntries(await backend.countByType()), { trade_executed: 2, risk_alert: 1, system_health_check: 1 });
      assert.deepEqual((await collect(backend.readCorrelation('c1'))).map((e) => e.event.data), [{ n: 1 }, { n: 2 }]);
      const caps = backend.capabilities();
      assert.equal(caps.aggregateReads.how, 'native');
      assert.equal(caps.correlationReads.how, 'engine');
      assert.ok(caps.notes.some((note) => /lacks the cross-subject expected sequence \(2\.11\)/.test(note)), caps.notes.join('\n'));
      assert.match(backend.description, /server 2\.\d+/);
      const page = await backend.listAggregates({ limit: 1 });
      assert.deepEqual(page.items, [{ aggregateId: 'a', events: 2, lastSequenceNumber: 1 }], 'the last appended is sequence 1 (stored out of order)');
      assert.equal(page.next, 'a');
    } finally {
      await backend.close();
    }
  });

  it('appends with the expected last subject sequence; read-only unless opened for writing', async () => {
    const url = freshStream();
    await (await openNatsBackend(url, { create: true })).close();
    const reader = await openNatsBackend(url);
    const writer = await openNatsBackend(url, { write: true });
    const rival = await openNatsBackend(url, { write: true });
    try {
      assert.equal((await reader.appendExpecting('acct', -1, [trade('acct', 1)])).ok, false);
      assert.equal(reader.capabilities().append.how, 'unsupported');
      assert.deepEqual(await writer.appendExpecting('acct', -1, [trade('acct', 1), trade('acct', 2)]), { ok: true, lastSequenceNumber: 2 });
      assert.deepEqual(await writer.appendExpecting('acct', 1, [trade('acct', 2)]), { ok: false, reason: 'version-mismatch', actualVersion: 2 });
      const race = await Promise.all([writer.appendExpecting('acct', 2, [trade('acct', 3)]), rival.appendExpecting('acct', 2, [trade('acct', 3)])]);
      assert.equal(race.filter((r) => r.ok).length, 1, JSON.stringify(race));
      assert.deepEqual((await collect(reader.readAggregate('acct'))).map((e) => e.event.metadata.sequence_number), [1, 2, 3]);
      await writer.saveSnapshot({ aggregate_id: 'acct', sequence_number: 3, timestamp: '2024-01-15T10:00:03Z', state: { n: 3 } });
      assert.deepEqual((await reader.listSnapshots('acct')).map((ref) => ref.sequence_number), [3], 'snapshots in the KV bucket');
    } finally {
      await reader.close();
      await writer.close();
      await rival.close();
    }
  });

  it('follows live from a cursor by an ordered consumer, nothing twice', async () => {
    const backend = await openNatsBackend(freshStream(), { create: true });
    try {
      await backend.append([trade('x', 1), trade('y', 1)]);
      const first = await collect(backend.readRange({ limit: 1 }));
      const seen: StoredEvent[] = [];
      const subscription = backend.subscribe(first[0].cursor, (batch) => {
        seen.push(...batch);
      });
      await waitFor('the stored event after the cursor', () => seen.length >= 1);
      const started = Date.now();
      await backend.append([trade('x', 2)]);
      await waitFor('the new event', () => seen.length >= 2);
      assert.ok(Date.now() - started < 2_000, 'a new event arrives promptly');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(seen.map((e) => e.cursor), ['2', '3']);
      await subscription.stop();
    } finally {
      await backend.close();
    }
  });
});
