import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../src/engine/model/event';
import { replayEvents, replayEventStream, replayIntoSubscribers } from '../../src/engine/replay/replay';
import { ev, StateTestStorage } from './stateTestStorage';

const T0 = Date.UTC(2024, 0, 15, 10, 30, 0);

async function store(): Promise<StateTestStorage> {
  const storage = new StateTestStorage();
  // Written out of sequence order on purpose: an aggregate replay must come back in sequence order.
  await storage.append([
    ev('trader_1', 2, { n: 2 }, 'trade_executed', { correlation_id: 'c1', timeMs: T0 + 2000 }),
    ev('trader_1', 1, { n: 1 }, 'trade_decision_made', { correlation_id: 'c1', timeMs: T0 + 1000 }),
    ev('risk', 1, { n: 3 }, 'risk_alert', { correlation_id: 'c1', timeMs: T0 + 3000 }),
    ev('trader_1', 3, { n: 4 }, 'trade_executed', { correlation_id: 'c2', timeMs: T0 + 4000 }),
    ev('trader_1', 4, { n: 5 }, 'trade_executed', { timeMs: T0 + 5000 }),
  ]);
  return storage;
}

const ns = (events: readonly Event[]): number[] => events.map((e) => (e.data as { n: number }).n);

describe('replay', () => {
  it('replays an aggregate in sequence order within inclusive bounds', async () => {
    const storage = await store();
    assert.deepEqual(ns(await replayEvents(storage, { aggregateId: 'trader_1' })), [1, 2, 4, 5]);
    assert.deepEqual(ns(await replayEvents(storage, { aggregateId: 'trader_1', fromSequenceNumber: 2, toSequenceNumber: 3 })), [2, 4]);
  });

  it('replays a correlation across aggregates, and a time range given as ISO text', async () => {
    const storage = await store();
    assert.deepEqual(ns(await replayEvents(storage, { correlationId: 'c1' })), [2, 1, 3]);
    const range = await replayEvents(storage, { since: '2024-01-15T10:30:02Z', until: '2024-01-15T10:30:04+00:00' });
    assert.deepEqual(ns(range), [2, 3, 4]);
    assert.deepEqual(ns(await replayEvents(storage, { since: T0 + 4500 })), [5]);
  });

  it('refuses bad bounds with a message naming the option', async () => {
    const storage = await store();
    assert.throws(() => replayEventStream(storage, { since: 'yesterday' }), /since: "yesterday" is not an ISO 8601 timestamp/);
    assert.throws(() => replayEventStream(storage, { fromSequenceNumber: 5, toSequenceNumber: 2 }), /fromSequenceNumber 5 is after toSequenceNumber 2/);
    assert.throws(() => replayEventStream(storage, { since: T0 + 10, until: T0 }), /since .* is after until/);
    assert.equal(storage.queries.length, 0);
  });

  it('re-dispatches into subscribers in one streamed replay, in order', async () => {
    const storage = await store();
    const calls: number[][] = [];
    const bus = {
      async replayIntoSubscribers(events: AsyncIterable<Event>) {
        const seen: Event[] = [];
        for await (const event of events) seen.push(event);
        calls.push(ns(seen));
      },
    };
    const count = await replayIntoSubscribers(storage, bus, { aggregateId: 'trader_1', fromSequenceNumber: 2 });
    assert.equal(count, 3);
    assert.deepEqual(calls, [[2, 4, 5]], 'one call, so the bus counts one replay');
  });
});
