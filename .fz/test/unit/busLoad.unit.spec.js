"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const correlationTracker_1 = require("../../src/engine/bus/correlationTracker");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
const busLoadScenario_1 = require("./busLoadScenario");
/**
 * The bus under sustained load at test scale (the bench runs the same
 * scenario with 1,000,000 events, see test/bench/loadMeasures.ts): 4
 * concurrent publishers (async producers in this one process) and 10
 * subscribers, some slow and some failing.
 */
(0, node_test_1.describe)('event bus under load', () => {
    for (const persistence of ['off', 'memory']) {
        (0, node_test_1.it)(`delivers 50,000 events from 4 publishers to 10 subscribers exactly per the retry rules, within its bounds (persistence ${persistence})`, async () => {
            const result = await (0, busLoadScenario_1.runLoadScenario)({ events: 50_000, maxQueueSize: 500, maxHistory: 300, batchSize: 100, persistence, sampleEvery: 250 });
            strict_1.default.deepEqual(result.violations, []);
            strict_1.default.ok(result.samples > 200, `getStatus() was sampled ${result.samples} times`);
            strict_1.default.ok(result.deadLetters > 0 && result.finalStatus.metrics.deliveries_retried > result.deadLetters, 'the failing subscribers did fail and retry');
            strict_1.default.ok(result.peak.queue > 0 && result.peak.history === 300, 'the queue and the history were used');
        });
    }
    (0, node_test_1.it)('counts events still being persisted toward the limit: a publisher that does not await cannot overfill it', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const bus = new eventBus_1.EventBus({ config: { enable_persistence: true, schema_validation: false, health_check_interval: 0, processing_interval: 0 }, storage, maxQueueSize: 100 });
        let delivered = 0;
        bus.subscribe('t', () => void delivered++);
        // Started once (the sequence counter is loaded), then stopped: nothing is delivered, so only the limit stops the burst.
        await bus.start();
        await bus.stop();
        const settled = [];
        const burst = Array.from({ length: 3000 }, (_, i) => bus.publish('t', { i }).then(() => void settled.push(i)));
        for (let i = 0; i < 20; i++)
            await new Promise((resolve) => setImmediate(resolve));
        strict_1.default.equal(bus.queueSize, 100, 'the first 100 are queued');
        strict_1.default.equal(await storage.lastSequence(), 100, 'and no more were persisted: the others wait before the store');
        strict_1.default.equal(settled.length, 100);
        await bus.start();
        await Promise.all(burst);
        await bus.stop();
        strict_1.default.equal(delivered, 3000);
        strict_1.default.deepEqual(settled.slice(0, 5), [0, 1, 2, 3, 4]);
    });
    (0, node_test_1.it)('tracks the correlations of the last max_history events only, however many correlations there are', async () => {
        const bus = new eventBus_1.EventBus({ config: { enable_persistence: false, processing_interval: 0, health_check_interval: 0, max_history: 10 } });
        const ids = { a: [], b: [], c: [] };
        for (let i = 0; i < 60; i++) {
            const correlation = 'abc'[i % 3] === 'c' && i > 30 ? 'c' : 'abc'[i % 2];
            const event = await bus.publish('t', i, { correlation_id: correlation });
            ids[correlation].push(event.metadata.event_id);
        }
        const recent = new Set(bus.getHistory().map((e) => e.metadata.event_id));
        for (const [correlation, all] of Object.entries(ids)) {
            strict_1.default.deepEqual(bus.getCorrelatedEventIds(correlation), all.filter((id) => recent.has(id)), correlation);
        }
    });
    (0, node_test_1.it)('CorrelationTracker keeps its three bounds together: ids in all, ids per correlation, correlations', () => {
        const tracker = new correlationTracker_1.CorrelationTracker(2, 3, 5);
        for (const [c, id] of [['a', '1'], ['a', '2'], ['a', '3'], ['a', '4'], ['b', '5'], ['b', '6']])
            tracker.track(c, id);
        // a lost 1 to its own cap; when the total cap (5) is reached, the slot 1 had is skipped, not taken from a again.
        strict_1.default.deepEqual(tracker.eventIds('a'), ['2', '3', '4']);
        strict_1.default.deepEqual(tracker.eventIds('b'), ['5', '6']);
        tracker.track('c', '7'); // evicts a (least recently extended); the total cap takes a's 2, already forgotten
        strict_1.default.deepEqual(tracker.eventIds('a'), []);
        strict_1.default.deepEqual(tracker.eventIds('b'), ['5', '6']);
        strict_1.default.deepEqual(tracker.eventIds('c'), ['7']);
        // a starts over (evicting b): the old a's slots, reached first by the total cap, must not take its new ids.
        for (const id of ['8', '9', '10'])
            tracker.track('a', id);
        strict_1.default.deepEqual(tracker.eventIds('a'), ['8', '9', '10']);
        strict_1.default.deepEqual(tracker.eventIds('c'), ['7']);
        strict_1.default.deepEqual(tracker.eventIds('b'), []);
        strict_1.default.equal(tracker.size, 2);
    });
});
//# sourceMappingURL=busLoad.unit.spec.js.map