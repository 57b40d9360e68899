"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const deadLetter_1 = require("../../src/engine/bus/deadLetter");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const tempStore_1 = require("../helpers/tempStore");
const quiet = { processing_interval: 0, health_check_interval: 0, enable_persistence: false };
/** Records the backoff waits instead of waiting. */
function fakeClock() {
    const sleeps = [];
    return { sleeps, now: () => Date.parse('2024-01-15T10:30:00Z'), sleep: async (ms) => void sleeps.push(ms) };
}
(0, node_test_1.describe)('EventBus retries and dead letters', () => {
    (0, node_test_1.it)('retries only the failing handler, max_retry_count times, with exponential backoff', async () => {
        const clock = fakeClock();
        const deadLetter = new deadLetter_1.MemoryDeadLetterSink();
        const bus = new eventBus_1.EventBus({
            config: { ...quiet, max_retry_count: 3 },
            clock,
            deadLetter,
            retryBaseDelayMs: 100,
            random: () => 0, // no jitter: exact delays
        });
        const attempts = [];
        let healthyCalls = 0;
        bus.subscribe('trade_executed', function flakyRisk(_event, context) {
            attempts.push(context.attempt);
            throw new Error('risk service down');
        });
        bus.subscribe('trade_executed', () => {
            healthyCalls++;
        });
        const systemErrors = [];
        bus.subscribe('system_error', (event) => {
            systemErrors.push(event);
        });
        await bus.start();
        const event = await bus.publish('trade_executed', { qty: 1 }, { correlation_id: 'c-1' });
        await bus.stop();
        strict_1.default.deepEqual(attempts, [1, 2, 3, 4], 'first delivery plus three retries');
        strict_1.default.equal(healthyCalls, 1, 'the healthy handler is not re-run');
        strict_1.default.deepEqual(clock.sleeps, [100, 200, 400]);
        strict_1.default.equal(deadLetter.entries.length, 1);
        const entry = deadLetter.entries[0];
        strict_1.default.equal(entry.handler, 'flakyRisk');
        strict_1.default.equal(entry.attempts, 4);
        strict_1.default.equal(entry.error.message, 'risk service down');
        strict_1.default.equal(entry.event.metadata.event_id, event.metadata.event_id);
        strict_1.default.equal(entry.event.metadata.status, 'failed');
        strict_1.default.equal(entry.event.metadata.retry_count, 3);
        strict_1.default.equal(event.metadata.status, 'pending', 'the original event is untouched');
        strict_1.default.equal(systemErrors.length, 1);
        const data = systemErrors[0].data;
        strict_1.default.equal(data.failed_event_id, event.metadata.event_id);
        strict_1.default.equal(data.handler, 'flakyRisk');
        strict_1.default.equal(data.component, 'EventBus');
        strict_1.default.equal(systemErrors[0].metadata.causation_id, event.metadata.event_id);
        strict_1.default.equal(systemErrors[0].metadata.correlation_id, 'c-1');
        const metrics = bus.getStatus().metrics;
        strict_1.default.equal(metrics.events_failed, 1);
        strict_1.default.equal(metrics.deliveries_retried, 3);
    });
    (0, node_test_1.it)('adds up to 50% jitter and caps each delay', async () => {
        const clock = fakeClock();
        const bus = new eventBus_1.EventBus({
            config: { ...quiet, max_retry_count: 4 },
            clock,
            retryBaseDelayMs: 100,
            retryMaxDelayMs: 500,
            random: () => 0.999,
        });
        bus.subscribe('t', () => Promise.reject(new Error('no')));
        await bus.start();
        await bus.publish('t', 1);
        await bus.stop();
        strict_1.default.deepEqual(clock.sleeps.map(Math.round), [150, 300, 500, 500]);
    });
    (0, node_test_1.it)('stops retrying once a retry succeeds', async () => {
        const clock = fakeClock();
        const deadLetter = new deadLetter_1.MemoryDeadLetterSink();
        const bus = new eventBus_1.EventBus({ config: quiet, clock, deadLetter });
        let calls = 0;
        bus.subscribe('t', async () => {
            if (++calls < 3)
                throw new Error('transient');
        });
        await bus.start();
        await bus.publish('t', 1);
        await bus.stop();
        strict_1.default.equal(calls, 3);
        strict_1.default.equal(deadLetter.entries.length, 0);
        strict_1.default.equal(bus.getStatus().metrics.events_failed, 0);
    });
    (0, node_test_1.it)('never publishes a system_error about a failing system_error handler (no loops)', async () => {
        const deadLetter = new deadLetter_1.MemoryDeadLetterSink();
        const bus = new eventBus_1.EventBus({ config: { ...quiet, max_retry_count: 1 }, clock: fakeClock(), deadLetter });
        let systemErrorCalls = 0;
        bus.subscribe('*', (event) => {
            if (event.event_type === 'system_error')
                systemErrorCalls++;
            throw new Error(`cannot handle ${event.event_type}`);
        });
        await bus.start();
        await bus.publish('trade_executed', {});
        await bus.stop();
        // trade_executed fails (2 attempts) -> one system_error, which fails too (2 attempts) -> nothing more.
        strict_1.default.equal(systemErrorCalls, 2);
        strict_1.default.deepEqual(deadLetter.entries.map((e) => e.event.event_type), ['trade_executed', 'system_error']);
        strict_1.default.equal(bus.getStatus().metrics.events_published, 2);
    });
    (0, node_test_1.it)('retries replayed deliveries too and marks their dead letters as replay', async () => {
        const deadLetter = new deadLetter_1.MemoryDeadLetterSink();
        const bus = new eventBus_1.EventBus({ config: { ...quiet, max_retry_count: 0 }, clock: fakeClock(), deadLetter });
        const replayed = await new eventBus_1.EventBus({ config: quiet }).publish('t', 1);
        bus.subscribe('t', () => {
            throw new Error('boom');
        });
        await bus.replayIntoSubscribers([replayed]);
        await bus.stop();
        strict_1.default.equal(deadLetter.entries.length, 1);
        strict_1.default.equal(deadLetter.entries[0].replay, true);
        strict_1.default.equal(deadLetter.entries[0].attempts, 1);
    });
    (0, node_test_1.it)('writes dead letters to <store>/dead_letter.jsonl, one JSON line each', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const sink = new deadLetter_1.FileDeadLetterSink(dir);
            const bus = new eventBus_1.EventBus({ config: { ...quiet, max_retry_count: 1 }, clock: fakeClock(), deadLetter: sink });
            bus.subscribe('t', function brokenProjection() {
                throw new TypeError('cannot read x');
            });
            await bus.start();
            await bus.publish('t', 1);
            await bus.publish('t', 2);
            await bus.stop();
            strict_1.default.equal(sink.file, path.join(dir, 'dead_letter.jsonl'));
            const lines = fs.readFileSync(sink.file, 'utf8').split('\n');
            strict_1.default.equal(lines.pop(), '', 'the file ends with a newline');
            const entries = lines.map((line) => JSON.parse(line));
            strict_1.default.deepEqual(entries.map((e) => e.event.data), [1, 2]);
            strict_1.default.equal(entries[0].handler, 'brokenProjection');
            strict_1.default.equal(entries[0].error.name, 'TypeError');
            strict_1.default.equal(entries[0].attempts, 2);
            strict_1.default.equal(entries[0].event.metadata.status, 'failed');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=busRetry.unit.spec.js.map