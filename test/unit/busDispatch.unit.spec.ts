import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventBus } from '../../src/engine/bus/eventBus';
import type { DeliveryContext } from '../../src/engine/bus/subscriptions';
import type { Event } from '../../src/engine/model/event';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';

const quiet = { processing_interval: 0, health_check_interval: 0, enable_persistence: false };

function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await tick(1);
  }
}

describe('EventBus dispatch', () => {
  it('delivers by type and to wildcard subscribers, in publish order, and stops after unsubscribe', async () => {
    const bus = new EventBus({ config: quiet });
    const typed: unknown[] = [];
    const all: string[] = [];
    const unsubscribe = bus.subscribe('trade_executed', (event) => {
      typed.push(event.data);
    });
    bus.subscribe('*', (event) => {
      all.push(event.event_type);
    });
    await bus.start();
    await bus.publish('trade_executed', 1);
    await bus.publish('risk_alert', 2);
    await bus.publish('trade_executed', 3);
    await until(() => all.length === 3);
    unsubscribe();
    unsubscribe(); // twice is harmless
    await bus.publish('trade_executed', 4);
    await bus.stop();
    assert.deepEqual(typed, [1, 3]);
    assert.deepEqual(all, ['trade_executed', 'risk_alert', 'trade_executed', 'trade_executed']);
    assert.deepEqual(bus.getStatus().subscribers_count, { '*': 1 });
  });

  it('awaits async handlers so each handler sees events in order', async () => {
    const bus = new EventBus({ config: quiet });
    const order: string[] = [];
    bus.subscribe('t', async (event) => {
      order.push(`start ${String(event.data)}`);
      await tick(event.data === 1 ? 15 : 0);
      order.push(`end ${String(event.data)}`);
    });
    bus.subscribe('t', (event) => {
      order.push(`sync ${String(event.data)}`);
    });
    await bus.start();
    await bus.publish('t', 1);
    await bus.publish('t', 2);
    await bus.stop();
    assert.deepEqual(order, ['start 1', 'sync 1', 'end 1', 'start 2', 'sync 2', 'end 2']);
  });

  it('does not dispatch before start, and stop() drains everything queued', async () => {
    const bus = new EventBus({ config: { ...quiet, batch_size: 3 } });
    let delivered = 0;
    bus.subscribe('*', () => {
      delivered++;
    });
    for (let i = 0; i < 10; i++) await bus.publish('t', i);
    await tick(5);
    assert.equal(delivered, 0);
    assert.equal(bus.getStatus().queue_size, 10);
    await bus.start();
    await bus.stop();
    assert.equal(delivered, 10);
    assert.equal(bus.getStatus().queue_size, 0);
    assert.equal(bus.getStatus().status, 'stopped');
  });

  it('keeps cycling while the queue is not empty instead of waiting processing_interval per batch', async () => {
    // One-hour interval: if the dispatcher paused between batches of 2, 10 events would take 4 hours.
    const bus = new EventBus({ config: { ...quiet, processing_interval: 3600, batch_size: 2 } });
    let delivered = 0;
    bus.subscribe('*', () => {
      delivered++;
    });
    await bus.start();
    for (let i = 0; i < 10; i++) void bus.publish('t', i);
    await until(() => delivered === 10, 1000);
    // Now idle: the next event waits for the interval, not for a busy loop.
    await bus.publish('t', 'late');
    await tick(20);
    assert.equal(delivered, 10);
    await bus.stop();
    assert.equal(delivered, 11, 'stop drains what the interval was holding');
  });

  it('passes replay: true to handlers on replayIntoSubscribers, false on live delivery', async () => {
    const storage = new MemoryEventStorage();
    const bus = new EventBus({ config: { ...quiet, enable_persistence: true }, storage });
    const seen: Array<[unknown, DeliveryContext]> = [];
    bus.subscribe('t', (event, context) => {
      seen.push([event.data, context]);
    });
    await bus.start();
    await bus.publish('t', 'live');
    await bus.stop();
    const result = await bus.replayIntoSubscribers(storage.query({ eventType: 't' }));
    assert.deepEqual(result, { delivered: 1 });
    assert.deepEqual(seen, [
      ['live', { replay: false, attempt: 1 }],
      ['live', { replay: true, attempt: 1 }],
    ]);
    assert.equal(bus.getStatus().metrics.replays_performed, 1);
    assert.equal((await storage.lastSequence()), 1, 'replay persisted nothing');
  });

  it('keeps only max_history recent events', async () => {
    const bus = new EventBus({ config: { ...quiet, max_history: 3 } });
    for (let i = 0; i < 7; i++) await bus.publish('t', i);
    assert.deepEqual(bus.getHistory().map((e) => e.data), [4, 5, 6]);
    assert.deepEqual(bus.getHistory(2).map((e) => e.data), [5, 6]);
    assert.equal(bus.getStatus().history_size, 3);
  });

  it('tracks correlations when correlation_tracking, and not otherwise', async () => {
    const bus = new EventBus({ config: quiet });
    const a = await bus.publish('trade_decision_made', {}, { correlation_id: 'c1' });
    await bus.publish('x', {}, { correlation_id: 'c2' });
    const b = await bus.publish('trade_executed', {}, { correlation_id: 'c1' });
    assert.deepEqual(bus.getCorrelatedEventIds('c1'), [a.metadata.event_id, b.metadata.event_id]);
    assert.deepEqual(bus.getCorrelatedEventIds('none'), []);
    const off = new EventBus({ config: { ...quiet, correlation_tracking: false } });
    await off.publish('x', {}, { correlation_id: 'c1' });
    assert.deepEqual(off.getCorrelatedEventIds('c1'), []);
  });

  it('getStatus has the guide shape plus latency, storage and sequence mode', async () => {
    const bus = new EventBus({ config: { ...quiet, enable_snapshots: false } });
    bus.subscribe('market_data_received', () => undefined);
    bus.subscribe('market_data_received', () => undefined);
    bus.subscribe('*', () => undefined);
    await bus.start();
    await bus.publish('market_data_received', {});
    await bus.stop();
    const status = await bus.getHealth();
    assert.match(status.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(status.status, 'stopped');
    assert.equal(status.queue_size, 0);
    assert.deepEqual(status.subscribers_count, { market_data_received: 2, '*': 1 });
    assert.equal(status.persistence_enabled, false);
    assert.equal(status.snapshots_enabled, false);
    for (const key of ['events_processed', 'events_failed', 'snapshots_created', 'replays_performed'] as const) {
      assert.equal(typeof status.metrics[key], 'number', key);
    }
    assert.equal(status.metrics.events_processed, 1);
    assert.equal(status.latency_ms.samples, 1);
    assert.ok(typeof status.latency_ms.p50 === 'number' && typeof status.latency_ms.p99 === 'number');
    assert.equal(status.storage.kind, 'memory');
    assert.equal(status.storage.healthy, true);
    assert.equal(status.sequence_mode, 'global');
  });

  it('reports running while running', async () => {
    const bus = new EventBus({ config: quiet });
    await bus.start();
    assert.equal(bus.getStatus().status, 'running');
    const running = bus.run();
    let finished = false;
    void running.then(() => (finished = true));
    await tick(5);
    assert.equal(finished, false, 'run() lasts until stop()');
    await bus.stop();
    await running;
    assert.equal(finished, true);
  });

  it('publishes a system_health_check every health_check_interval', async () => {
    const bus = new EventBus({ config: { ...quiet, health_check_interval: 0.02 } });
    const checks: Event[] = [];
    bus.subscribe('system_health_check', (event) => {
      checks.push(event);
    });
    await bus.start();
    await until(() => checks.length >= 2);
    await bus.stop();
    const data = checks[0].data as { status: string; queue_size: number; storage: { healthy: boolean } };
    assert.equal(data.status, 'running');
    assert.equal(typeof data.queue_size, 'number');
    assert.equal(data.storage.healthy, true);
    assert.equal(checks[0].metadata.source, 'EventBus');
    const count = checks.length;
    await tick(50);
    assert.equal(checks.length, count, 'no health checks after stop');
  });
});
