import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorrelationTracker } from '../../src/engine/bus/correlationTracker';
import { EventBus } from '../../src/engine/bus/eventBus';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';
import { runLoadScenario } from './busLoadScenario';

/**
 * The bus under sustained load at test scale (the bench runs the same
 * scenario with 1,000,000 events, see test/bench/loadMeasures.ts): 4
 * concurrent publishers (async producers in this one process) and 10
 * subscribers, some slow and some failing.
 */
describe('event bus under load', () => {
  for (const persistence of ['off', 'memory'] as const) {
    it(`delivers 50,000 events from 4 publishers to 10 subscribers exactly per the retry rules, within its bounds (persistence ${persistence})`, async () => {
      const result = await runLoadScenario({ events: 50_000, maxQueueSize: 500, maxHistory: 300, batchSize: 100, persistence, sampleEvery: 250 });
      assert.deepEqual(result.violations, []);
      assert.ok(result.samples > 200, `getStatus() was sampled ${result.samples} times`);
      assert.ok(result.deadLetters > 0 && result.finalStatus.metrics.deliveries_retried > result.deadLetters, 'the failing subscribers did fail and retry');
      assert.ok(result.peak.queue > 0 && result.peak.history === 300, 'the queue and the history were used');
    });
  }

  it('counts events still being persisted toward the limit: a publisher that does not await cannot overfill it', async () => {
    const storage = new MemoryEventStorage();
    const bus = new EventBus({ config: { enable_persistence: true, schema_validation: false, health_check_interval: 0, processing_interval: 0 }, storage, maxQueueSize: 100 });
    let delivered = 0;
    bus.subscribe('t', () => void delivered++);
    // Started once (the sequence counter is loaded), then stopped: nothing is delivered, so only the limit stops the burst.
    await bus.start();
    await bus.stop();
    const settled: number[] = [];
    const burst = Array.from({ length: 3000 }, (_, i) => bus.publish('t', { i }).then(() => void settled.push(i)));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(bus.queueSize, 100, 'the first 100 are queued');
    assert.equal(await storage.lastSequence(), 100, 'and no more were persisted: the others wait before the store');
    assert.equal(settled.length, 100);
    await bus.start();
    await Promise.all(burst);
    await bus.stop();
    assert.equal(delivered, 3000);
    assert.deepEqual(settled.slice(0, 5), [0, 1, 2, 3, 4]);
  });

  it('tracks the correlations of the last max_history events only, however many correlations there are', async () => {
    const bus = new EventBus({ config: { enable_persistence: false, processing_interval: 0, health_check_interval: 0, max_history: 10 } });
    const ids: Record<string, string[]> = { a: [], b: [], c: [] };
    for (let i = 0; i < 60; i++) {
      const correlation = 'abc'[i % 3] === 'c' && i > 30 ? 'c' : 'abc'[i % 2];
      const event = await bus.publish('t', i, { correlation_id: correlation });
      ids[correlation].push(event.metadata.event_id);
    }
    const recent = new Set(bus.getHistory().map((e) => e.metadata.event_id));
    for (const [correlation, all] of Object.entries(ids)) {
      assert.deepEqual(bus.getCorrelatedEventIds(correlation), all.filter((id) => recent.has(id)), correlation);
    }
  });

  it('CorrelationTracker keeps its three bounds together: ids in all, ids per correlation, correlations', () => {
    const tracker = new CorrelationTracker(2, 3, 5);
    for (const [c, id] of [['a', '1'], ['a', '2'], ['a', '3'], ['a', '4'], ['b', '5'], ['b', '6']] as const) tracker.track(c, id);
    // a lost 1 to its own cap; when the total cap (5) is reached, the slot 1 had is skipped, not taken from a again.
    assert.deepEqual(tracker.eventIds('a'), ['2', '3', '4']);
    assert.deepEqual(tracker.eventIds('b'), ['5', '6']);
    tracker.track('c', '7'); // evicts a (least recently extended); the total cap takes a's 2, already forgotten
    assert.deepEqual(tracker.eventIds('a'), []);
    assert.deepEqual(tracker.eventIds('b'), ['5', '6']);
    assert.deepEqual(tracker.eventIds('c'), ['7']);
    // a starts over (evicting b): the old a's slots, reached first by the total cap, must not take its new ids.
    for (const id of ['8', '9', '10']) tracker.track('a', id);
    assert.deepEqual(tracker.eventIds('a'), ['8', '9', '10']);
    assert.deepEqual(tracker.eventIds('c'), ['7']);
    assert.deepEqual(tracker.eventIds('b'), []);
    assert.equal(tracker.size, 2);
  });
});
