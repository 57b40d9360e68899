import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventBus } from '../../src/engine/bus/eventBus';
import type { Event } from '../../src/engine/model/event';
import { createAutoSnapshotter } from '../../src/engine/snapshot/autoSnapshotter';
import { verifySnapshots } from '../../src/engine/snapshot/drift';
import { replayIntoSubscribers } from '../../src/engine/replay/replay';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';
import { ev, StateTestStorage } from './stateTestStorage';

describe('automatic snapshots on the real bus', () => {
  it('snapshots through the afterPersist hook while publishing, and every snapshot verifies', async () => {
    const storage = new MemoryEventStorage();
    let bus: EventBus | undefined;
    const auto = createAutoSnapshotter({ storage, frequency: 10, onSnapshot: () => bus?.recordSnapshotsCreated() });
    bus = new EventBus({ storage, afterPersist: (events) => auto.afterPersist(events), config: { snapshot_frequency: 10 } });
    const publishes: Promise<unknown>[] = [];
    for (let i = 0; i < 45; i++) {
      publishes.push(bus.publish('trade_executed', { qty: i, leg: { [`k${i % 4}`]: i } }, { aggregate_id: i % 3 === 0 ? 'B' : 'A', source: 'test' }));
    }
    await Promise.all(publishes);
    await auto.flush();
    const refs = await storage.listSnapshots();
    assert.deepEqual(
      refs.filter((r) => r.aggregate_id === 'system').map((r) => r.sequence_number),
      [10, 20, 30, 40],
    );
    assert.equal(refs.filter((r) => r.aggregate_id === 'A').length, 3, 'A has 30 events');
    assert.equal(refs.filter((r) => r.aggregate_id === 'B').length, 1, 'B has 15 events');
    const checks = await verifySnapshots(storage);
    assert.ok(checks.every((c) => c.ok), JSON.stringify(checks.filter((c) => !c.ok)));
    assert.equal(auto.snapshotsCreated, refs.length);
    await bus.stop();
  });

  it('replays stored events into subscribers through the bus', async () => {
    const storage = new StateTestStorage();
    await storage.append([ev('A', 1, { n: 1 }), ev('A', 2, { n: 2 }), ev('B', 1, { n: 3 })]);
    const bus = new EventBus({ config: { enable_persistence: false } });
    const seen: unknown[] = [];
    bus.subscribe('*', (event: Event) => {
      seen.push((event.data as { n: number }).n);
    });
    assert.equal(await replayIntoSubscribers(storage, bus, { aggregateId: 'A' }), 2);
    assert.deepEqual(seen, [1, 2]);
    await bus.stop();
  });
});
