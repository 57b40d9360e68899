"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
const quiet = { processing_interval: 0, health_check_interval: 0, enable_persistence: false };
function tick(ms = 0) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function until(condition, timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline)
            throw new Error('condition not reached in time');
        await tick(1);
    }
}
(0, node_test_1.describe)('EventBus dispatch', () => {
    (0, node_test_1.it)('delivers by type and to wildcard subscribers, in publish order, and stops after unsubscribe', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet });
        const typed = [];
        const all = [];
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
        strict_1.default.deepEqual(typed, [1, 3]);
        strict_1.default.deepEqual(all, ['trade_executed', 'risk_alert', 'trade_executed', 'trade_executed']);
        strict_1.default.deepEqual(bus.getStatus().subscribers_count, { '*': 1 });
    });
    (0, node_test_1.it)('awaits async handlers so each handler sees events in order', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet });
        const order = [];
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
        strict_1.default.deepEqual(order, ['start 1', 'sync 1', 'end 1', 'start 2', 'sync 2', 'end 2']);
    });
    (0, node_test_1.it)('does not dispatch before start, and stop() drains everything queued', async () => {
        const bus = new eventBus_1.EventBus({ config: { ...quiet, batch_size: 3 } });
        let delivered = 0;
        bus.subscribe('*', () => {
            delivered++;
        });
        for (let i = 0; i < 10; i++)
            await bus.publish('t', i);
        await tick(5);
        strict_1.default.equal(delivered, 0);
        strict_1.default.equal(bus.getStatus().queue_size, 10);
        await bus.start();
        await bus.stop();
        strict_1.default.equal(delivered, 10);
        strict_1.default.equal(bus.getStatus().queue_size, 0);
        strict_1.default.equal(bus.getStatus().status, 'stopped');
    });
    (0, node_test_1.it)('keeps cycling while the queue is not empty instead of waiting processing_interval per batch', async () => {
        // One-hour interval: if the dispatcher paused between batches of 2, 10 events would take 4 hours.
        const bus = new eventBus_1.EventBus({ config: { ...quiet, processing_interval: 3600, batch_size: 2 } });
        let delivered = 0;
        bus.subscribe('*', () => {
            delivered++;
        });
        await bus.start();
        for (let i = 0; i < 10; i++)
            void bus.publish('t', i);
        await until(() => delivered === 10, 1000);
        // Now idle: the next event waits for the interval, not for a busy loop.
        await bus.publish('t', 'late');
        await tick(20);
        strict_1.default.equal(delivered, 10);
        await bus.stop();
        strict_1.default.equal(delivered, 11, 'stop drains what the interval was holding');
    });
    (0, node_test_1.it)('passes replay: true to handlers on replayIntoSubscribers, false on live delivery', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const bus = new eventBus_1.EventBus({ config: { ...quiet, enable_persistence: true }, storage });
        const seen = [];
        bus.subscribe('t', (event, context) => {
            seen.push([event.data, context]);
        });
        await bus.start();
        await bus.publish('t', 'live');
        await bus.stop();
        const result = await bus.replayIntoSubscribers(storage.query({ eventType: 't' }));
        strict_1.default.deepEqual(result, { delivered: 1 });
        strict_1.default.deepEqual(seen, [
            ['live', { replay: false, attempt: 1 }],
            ['live', { replay: true, attempt: 1 }],
        ]);
        strict_1.default.equal(bus.getStatus().metrics.replays_performed, 1);
        strict_1.default.equal((await storage.lastSequence()), 1, 'replay persisted nothing');
    });
    (0, node_test_1.it)('keeps only max_history recent events', async () => {
        const bus = new eventBus_1.EventBus({ config: { ...quiet, max_history: 3 } });
        for (let i = 0; i < 7; i++)
            await bus.publish('t', i);
        strict_1.default.deepEqual(bus.getHistory().map((e) => e.data), [4, 5, 6]);
        strict_1.default.deepEqual(bus.getHistory(2).map((e) => e.data), [5, 6]);
        strict_1.default.equal(bus.getStatus().history_size, 3);
    });
    (0, node_test_1.it)('tracks correlations when correlation_tracking, and not otherwise', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet });
        const a = await bus.publish('trade_decision_made', {}, { correlation_id: 'c1' });
        await bus.publish('x', {}, { correlation_id: 'c2' });
        const b = await bus.publish('trade_executed', {}, { correlation_id: 'c1' });
        strict_1.default.deepEqual(bus.getCorrelatedEventIds('c1'), [a.metadata.event_id, b.metadata.event_id]);
        strict_1.default.deepEqual(bus.getCorrelatedEventIds('none'), []);
        const off = new eventBus_1.EventBus({ config: { ...quiet, correlation_tracking: false } });
        await off.publish('x', {}, { correlation_id: 'c1' });
        strict_1.default.deepEqual(off.getCorrelatedEventIds('c1'), []);
    });
    (0, node_test_1.it)('getStatus has the guide shape plus latency, storage and sequence mode', async () => {
        const bus = new eventBus_1.EventBus({ config: { ...quiet, enable_snapshots: false } });
        bus.subscribe('market_data_received', () => undefined);
        bus.subscribe('market_data_received', () => undefined);
        bus.subscribe('*', () => undefined);
        await bus.start();
        await bus.publish('market_data_received', {});
        await bus.stop();
        const status = await bus.getHealth();
        strict_1.default.match(status.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        strict_1.default.equal(status.status, 'stopped');
        strict_1.default.equal(status.queue_size, 0);
        strict_1.default.deepEqual(status.subscribers_count, { market_data_received: 2, '*': 1 });
        strict_1.default.equal(status.persistence_enabled, false);
        strict_1.default.equal(status.snapshots_enabled, false);
        for (const key of ['events_processed', 'events_failed', 'snapshots_created', 'replays_performed']) {
            strict_1.default.equal(typeof status.metrics[key], 'number', key);
        }
        strict_1.default.equal(status.metrics.events_processed, 1);
        strict_1.default.equal(status.latency_ms.samples, 1);
        strict_1.default.ok(typeof status.latency_ms.p50 === 'number' && typeof status.latency_ms.p99 === 'number');
        strict_1.default.equal(status.storage.kind, 'memory');
        strict_1.default.equal(status.storage.healthy, true);
        strict_1.default.equal(status.sequence_mode, 'global');
    });
    (0, node_test_1.it)('reports running while running', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet });
        await bus.start();
        strict_1.default.equal(bus.getStatus().status, 'running');
        const running = bus.run();
        let finished = false;
        void running.then(() => (finished = true));
        await tick(5);
        strict_1.default.equal(finished, false, 'run() lasts until stop()');
        await bus.stop();
        await running;
        strict_1.default.equal(finished, true);
    });
    (0, node_test_1.it)('publishes a system_health_check every health_check_interval', async () => {
        const bus = new eventBus_1.EventBus({ config: { ...quiet, health_check_interval: 0.02 } });
        const checks = [];
        bus.subscribe('system_health_check', (event) => {
            checks.push(event);
        });
        await bus.start();
        await until(() => checks.length >= 2);
        await bus.stop();
        const data = checks[0].data;
        strict_1.default.equal(data.status, 'running');
        strict_1.default.equal(typeof data.queue_size, 'number');
        strict_1.default.equal(data.storage.healthy, true);
        strict_1.default.equal(checks[0].metadata.source, 'EventBus');
        const count = checks.length;
        await tick(50);
        strict_1.default.equal(checks.length, count, 'no health checks after stop');
    });
});
//# sourceMappingURL=busDispatch.unit.spec.js.map