import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_BUS_CONFIG, resolveBusConfig } from '../../src/engine/bus/busConfig';
import { CorrelationTracker } from '../../src/engine/bus/correlationTracker';
import { EventQueue } from '../../src/engine/bus/eventQueue';
import { HistoryRing } from '../../src/engine/bus/historyRing';
import { LatencyReservoir } from '../../src/engine/bus/latency';
import { retryDelayMs } from '../../src/engine/bus/retryPolicy';
import { createEvent } from '../../src/engine/model/event';

describe('bus parts', () => {
  it('resolveBusConfig fills the guide defaults and keeps given values', () => {
    // The guide's 15 keys plus fold, event_types, statuses and time_order_tolerance_ms (agreeing with the store's writer).
    assert.equal(Object.keys(DEFAULT_BUS_CONFIG).length, 20);
    const config = resolveBusConfig({ batch_size: 5, compression_enabled: false, max_history: undefined });
    assert.equal(config.batch_size, 5);
    assert.equal(config.compression_enabled, false);
    assert.equal(config.max_history, 1000);
    assert.equal(config.processing_interval, 1);
    assert.equal(config.storage_path, 'event_store');
    assert.equal(config.health_check_interval, 60);
    assert.ok(Object.isFrozen(config));
  });

  it('HistoryRing keeps the newest items, oldest first', () => {
    const ring = new HistoryRing<number>(3);
    assert.deepEqual(ring.toArray(), []);
    for (let i = 1; i <= 5; i++) ring.push(i);
    assert.deepEqual(ring.toArray(), [3, 4, 5]);
    assert.deepEqual(ring.toArray(1), [5]);
    assert.equal(ring.size, 3);
    const none = new HistoryRing<number>(0);
    none.push(1);
    assert.deepEqual(none.toArray(), []);
  });

  it('LatencyReservoir gives nearest-rank p50/p99 over the most recent samples', () => {
    const reservoir = new LatencyReservoir(100);
    assert.deepEqual(reservoir.summary(), { p50: null, p99: null, samples: 0 });
    for (let i = 1; i <= 100; i++) reservoir.record(i);
    assert.deepEqual(reservoir.summary(), { p50: 50, p99: 99, samples: 100 });
    for (let i = 0; i < 100; i++) reservoir.record(1000); // old samples roll out
    assert.deepEqual(reservoir.summary(), { p50: 1000, p99: 1000, samples: 100 });
  });

  it('CorrelationTracker is bounded in correlations and ids per correlation', () => {
    const tracker = new CorrelationTracker(2, 3);
    tracker.track('a', '1');
    tracker.track('b', '2');
    tracker.track('a', '3'); // a is now the most recently extended
    tracker.track('c', '4'); // evicts b
    assert.deepEqual(tracker.eventIds('b'), []);
    assert.deepEqual(tracker.eventIds('a'), ['1', '3']);
    for (const id of ['5', '6']) tracker.track('a', id);
    assert.deepEqual(tracker.eventIds('a'), ['3', '5', '6']);
    assert.equal(tracker.size, 2);
  });

  it('EventQueue is FIFO across its compaction', () => {
    const queue = new EventQueue();
    const events = Array.from({ length: 3000 }, (_, i) => createEvent('t', i));
    events.forEach((e, i) => queue.push(e, i));
    const out: unknown[] = [];
    for (let i = 0; i < 2000; i++) {
      assert.equal(queue.peekQueuedAt(), i);
      out.push(queue.shift().data);
    }
    queue.push(createEvent('t', 'tail'), 9999);
    while (queue.size > 0) out.push(queue.shift().data);
    assert.deepEqual(out, [...events.map((e) => e.data), 'tail']);
  });

  it('retryDelayMs doubles per retry', () => {
    const policy = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 1000, random: () => 0 };
    assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(policy, n)), [10, 20, 40, 80]);
  });
});
