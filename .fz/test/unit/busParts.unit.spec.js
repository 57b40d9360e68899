"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const busConfig_1 = require("../../src/engine/bus/busConfig");
const correlationTracker_1 = require("../../src/engine/bus/correlationTracker");
const eventQueue_1 = require("../../src/engine/bus/eventQueue");
const historyRing_1 = require("../../src/engine/bus/historyRing");
const latency_1 = require("../../src/engine/bus/latency");
const retryPolicy_1 = require("../../src/engine/bus/retryPolicy");
const event_1 = require("../../src/engine/model/event");
(0, node_test_1.describe)('bus parts', () => {
    (0, node_test_1.it)('resolveBusConfig fills the guide defaults and keeps given values', () => {
        // The guide's 15 keys plus fold, event_types, statuses and time_order_tolerance_ms (agreeing with the store's writer).
        strict_1.default.equal(Object.keys(busConfig_1.DEFAULT_BUS_CONFIG).length, 20);
        const config = (0, busConfig_1.resolveBusConfig)({ batch_size: 5, compression_enabled: false, max_history: undefined });
        strict_1.default.equal(config.batch_size, 5);
        strict_1.default.equal(config.compression_enabled, false);
        strict_1.default.equal(config.max_history, 1000);
        strict_1.default.equal(config.processing_interval, 1);
        strict_1.default.equal(config.storage_path, 'event_store');
        strict_1.default.equal(config.health_check_interval, 60);
        strict_1.default.ok(Object.isFrozen(config));
    });
    (0, node_test_1.it)('HistoryRing keeps the newest items, oldest first', () => {
        const ring = new historyRing_1.HistoryRing(3);
        strict_1.default.deepEqual(ring.toArray(), []);
        for (let i = 1; i <= 5; i++)
            ring.push(i);
        strict_1.default.deepEqual(ring.toArray(), [3, 4, 5]);
        strict_1.default.deepEqual(ring.toArray(1), [5]);
        strict_1.default.equal(ring.size, 3);
        const none = new historyRing_1.HistoryRing(0);
        none.push(1);
        strict_1.default.deepEqual(none.toArray(), []);
    });
    (0, node_test_1.it)('LatencyReservoir gives nearest-rank p50/p99 over the most recent samples', () => {
        const reservoir = new latency_1.LatencyReservoir(100);
        strict_1.default.deepEqual(reservoir.summary(), { p50: null, p99: null, samples: 0 });
        for (let i = 1; i <= 100; i++)
            reservoir.record(i);
        strict_1.default.deepEqual(reservoir.summary(), { p50: 50, p99: 99, samples: 100 });
        for (let i = 0; i < 100; i++)
            reservoir.record(1000); // old samples roll out
        strict_1.default.deepEqual(reservoir.summary(), { p50: 1000, p99: 1000, samples: 100 });
    });
    (0, node_test_1.it)('CorrelationTracker is bounded in correlations and ids per correlation', () => {
        const tracker = new correlationTracker_1.CorrelationTracker(2, 3);
        tracker.track('a', '1');
        tracker.track('b', '2');
        tracker.track('a', '3'); // a is now the most recently extended
        tracker.track('c', '4'); // evicts b
        strict_1.default.deepEqual(tracker.eventIds('b'), []);
        strict_1.default.deepEqual(tracker.eventIds('a'), ['1', '3']);
        for (const id of ['5', '6'])
            tracker.track('a', id);
        strict_1.default.deepEqual(tracker.eventIds('a'), ['3', '5', '6']);
        strict_1.default.equal(tracker.size, 2);
    });
    (0, node_test_1.it)('EventQueue is FIFO across its compaction', () => {
        const queue = new eventQueue_1.EventQueue();
        const events = Array.from({ length: 3000 }, (_, i) => (0, event_1.createEvent)('t', i));
        events.forEach((e, i) => queue.push(e, i));
        const out = [];
        for (let i = 0; i < 2000; i++) {
            strict_1.default.equal(queue.peekQueuedAt(), i);
            out.push(queue.shift().data);
        }
        queue.push((0, event_1.createEvent)('t', 'tail'), 9999);
        while (queue.size > 0)
            out.push(queue.shift().data);
        strict_1.default.deepEqual(out, [...events.map((e) => e.data), 'tail']);
    });
    (0, node_test_1.it)('retryDelayMs doubles per retry', () => {
        const policy = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 1000, random: () => 0 };
        strict_1.default.deepEqual([1, 2, 3, 4].map((n) => (0, retryPolicy_1.retryDelayMs)(policy, n)), [10, 20, 40, 80]);
    });
});
//# sourceMappingURL=busParts.unit.spec.js.map