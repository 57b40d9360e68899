import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../src/engine/model/event';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';
import { collectEvents, storageSample } from '../helpers/storageSample';

const collect = collectEvents;
const sample = storageSample;

describe('MemoryEventStorage', () => {
  it('answers every EventQuery field', async () => {
    const storage = new MemoryEventStorage();
    await storage.append(sample());
    const data = (events: Event[]) => events.map((e) => (e.data as { n?: number }).n ?? 'hc');
    assert.deepEqual(data(await collect(storage, {})), [1, 2, 3, 'hc']);
    assert.deepEqual(data(await collect(storage, { aggregateId: 'a' })), [3, 1], 'aggregate queries come in sequence order');
    assert.deepEqual(data(await collect(storage, { correlationId: 'c1' })), [1, 2]);
    assert.deepEqual(data(await collect(storage, { eventType: 'trade_executed' })), [1, 3]);
    assert.deepEqual(data(await collect(storage, { source: 'risk' })), [2]);
    assert.deepEqual(data(await collect(storage, { fromSequenceNumber: 2, toSequenceNumber: 3 })), [1, 2]);
    assert.deepEqual(data(await collect(storage, { aggregateId: 'a', fromSequenceNumber: 2 })), [1]);
    // 2024-01-16T09:00+02:00 is 07:00Z: before the naive 12:00 (UTC) health check.
    const since = Date.parse('2024-01-15T10:30:00Z');
    const until = Date.parse('2024-01-16T08:00:00Z');
    assert.deepEqual(data(await collect(storage, { since, until })), [2, 3]);
    assert.deepEqual(data(await collect(storage, { since: Date.parse('2024-01-16T12:00:00.123Z') })), ['hc']);
    assert.deepEqual(data(await collect(storage, { limit: 2 })), [1, 2]);
    assert.deepEqual(data(await collect(storage, { limit: 0 })), []);
  });

  it('tracks the last sequence per aggregate and bus-wide', async () => {
    const storage = new MemoryEventStorage();
    assert.equal(await storage.lastSequence(), -1);
    assert.equal(await storage.lastSequence('a'), -1);
    await storage.append(sample());
    assert.equal(await storage.lastSequence(), 4);
    assert.equal(await storage.lastSequence('a'), 2);
    assert.equal(await storage.lastSequence('b'), 3);
    assert.equal(await storage.lastSequence('nobody'), -1);
  });

  it('finds events by id and keeps them frozen', async () => {
    const storage = new MemoryEventStorage();
    const events = sample();
    await storage.append(events);
    const found = await storage.getEvent(events[1].metadata.event_id);
    assert.equal(found?.event_type, 'risk_alert');
    assert.equal(await storage.getEvent('missing'), undefined);
    assert.ok(Object.isFrozen(found) && Object.isFrozen(found?.metadata));
  });

  it('saves, lists and loads snapshots as copies', async () => {
    const storage = new MemoryEventStorage();
    const state = { balance: 10 };
    const ref = await storage.saveSnapshot({ aggregate_id: 'market_data_BTC', sequence_number: 150, timestamp: '2024-01-15T10:00:00Z', state });
    await storage.saveSnapshot({ aggregate_id: 'market_data_BTC', sequence_number: 50, timestamp: '2024-01-15T09:00:00Z', state: {} });
    await storage.saveSnapshot({ aggregate_id: 'system', sequence_number: 100, timestamp: '2024-01-15T09:00:00Z', state: {} });
    state.balance = 99;
    assert.equal(ref.file, 'snapshots/snapshot_market_data_BTC_150.json');
    assert.deepEqual(
      (await storage.listSnapshots()).map((r) => `${r.aggregate_id}@${r.sequence_number}`),
      ['market_data_BTC@50', 'market_data_BTC@150', 'system@100'],
    );
    assert.deepEqual((await storage.listSnapshots('system')).map((r) => r.sequence_number), [100]);
    const loaded = await storage.loadSnapshot(ref);
    assert.deepEqual(loaded.state, { balance: 10 }, 'later changes to the caller object do not leak in');
    await assert.rejects(storage.loadSnapshot({ aggregate_id: 'x', sequence_number: 1, file: 'snapshots/snapshot_x_1.json' }), /No snapshot of aggregate "x" at sequence 1/);
  });

  it('reports health and refuses work once closed', async () => {
    const storage = new MemoryEventStorage();
    await storage.append(sample());
    assert.deepEqual(await storage.health(), { healthy: true, detail: 'in memory (nothing is persisted)', events: 4 });
    await storage.close();
    assert.equal((await storage.health()).healthy, false);
    await assert.rejects(storage.append(sample()), /closed/);
  });
});
