"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const publishValidation_1 = require("../../src/engine/bus/publishValidation");
const event_1 = require("../../src/engine/model/event");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
const FIXED_MS = Date.parse('2024-01-15T10:30:00.000Z');
const fixedClock = { now: () => FIXED_MS, sleep: async () => undefined };
const quiet = { processing_interval: 0, health_check_interval: 0 };
async function stored(storage) {
    const out = [];
    for await (const e of storage.query({}))
        out.push(e);
    return out;
}
(0, node_test_1.describe)('EventBus.publish', () => {
    (0, node_test_1.it)('assigns the metadata and freezes the event', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet, clock: fixedClock });
        const event = await bus.publish('trade_executed', { symbol: 'BTCUSDT', fills: [{ qty: 1 }] }, { source: 'TradingBot', correlation_id: 'c-1', causation_id: 'e-0', aggregate_id: 'trader_1', tags: { env: 'test' }, schema_version: '2.0' });
        strict_1.default.match(event.metadata.event_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        strict_1.default.equal(event.metadata.timestamp, '2024-01-15T10:30:00.000Z');
        strict_1.default.equal(event.metadata.source, 'TradingBot');
        strict_1.default.equal(event.metadata.correlation_id, 'c-1');
        strict_1.default.equal(event.metadata.causation_id, 'e-0');
        strict_1.default.equal(event.metadata.aggregate_id, 'trader_1');
        strict_1.default.equal(event.metadata.schema_version, '2.0');
        strict_1.default.equal(event.metadata.version, '1.0.0');
        strict_1.default.equal(event.metadata.status, 'pending');
        strict_1.default.equal(event.metadata.retry_count, 0);
        strict_1.default.deepEqual(event.metadata.tags, { env: 'test' });
        strict_1.default.equal(event.metadata.sequence_number, 1);
        strict_1.default.ok(Object.isFrozen(event) && Object.isFrozen(event.metadata) && Object.isFrozen(event.metadata.tags));
        strict_1.default.ok(Object.isFrozen(event.data.fills[0]), 'data is deep-frozen');
        const defaults = await bus.publish('risk_alert', null);
        strict_1.default.equal(defaults.metadata.correlation_id, null);
        strict_1.default.equal(defaults.metadata.aggregate_id, null);
        strict_1.default.deepEqual(defaults.metadata.tags, {});
    });
    (0, node_test_1.it)('continues the bus-wide sequence from the storage', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        await storage.append([(0, event_1.createEvent)('x', {}, { sequence_number: 41 })]);
        const bus = new eventBus_1.EventBus({ config: quiet, storage });
        const [a, b, c] = await Promise.all([
            bus.publish('t', 1, { aggregate_id: 'p' }),
            bus.publish('t', 2, { aggregate_id: 'q' }),
            bus.publish('t', 3),
        ]);
        strict_1.default.deepEqual([a, b, c].map((e) => e.metadata.sequence_number), [42, 43, 44]);
        strict_1.default.equal(bus.sequenceMode, 'global');
    });
    (0, node_test_1.it)('numbers per aggregate in aggregate mode', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        await storage.append([(0, event_1.createEvent)('x', {}, { aggregate_id: 'p', sequence_number: 7 })]);
        const bus = new eventBus_1.EventBus({ config: quiet, storage, sequenceMode: 'aggregate' });
        const events = await Promise.all([
            bus.publish('t', 1, { aggregate_id: 'p' }),
            bus.publish('t', 2, { aggregate_id: 'q' }),
            bus.publish('t', 3, { aggregate_id: 'p' }),
            bus.publish('t', 4, { aggregate_id: 'q' }),
        ]);
        strict_1.default.deepEqual(events.map((e) => e.metadata.sequence_number), [8, 1, 9, 2]);
    });
    (0, node_test_1.it)('persists in publish order when enable_persistence, and not otherwise', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const bus = new eventBus_1.EventBus({ config: quiet, storage });
        const published = await Promise.all(Array.from({ length: 20 }, (_, i) => bus.publish('t', i)));
        strict_1.default.deepEqual((await stored(storage)).map((e) => e.metadata.event_id), published.map((e) => e.metadata.event_id));
        const offStorage = new memoryStorage_1.MemoryEventStorage();
        const off = new eventBus_1.EventBus({ config: { ...quiet, enable_persistence: false }, storage: offStorage });
        await off.publish('t', 1);
        strict_1.default.equal((await stored(offStorage)).length, 0);
    });
    (0, node_test_1.it)('resolves only after the storage append resolved', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        let release = () => undefined;
        const gate = new Promise((resolve) => (release = resolve));
        const append = storage.append.bind(storage);
        storage.append = async (events) => {
            await gate;
            await append(events);
        };
        const bus = new eventBus_1.EventBus({ config: quiet, storage });
        let resolved = false;
        const publishing = bus.publish('t', 1).then(() => (resolved = true));
        await new Promise((r) => setTimeout(r, 10));
        strict_1.default.equal(resolved, false);
        release();
        await publishing;
        strict_1.default.equal(resolved, true);
    });
    (0, node_test_1.it)('rejects with the storage named when persisting fails', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        storage.append = async () => {
            throw new Error('disk full');
        };
        const bus = new eventBus_1.EventBus({ config: quiet, storage });
        await strict_1.default.rejects(bus.publish('t', 1), /Could not persist t event .* to the memory storage: disk full/);
        strict_1.default.equal(bus.queueSize, 0, 'an event that is not durable is not dispatched');
    });
    (0, node_test_1.it)('rejects an invalid event listing the problems, records a system_error and leaves no sequence gap', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const bus = new eventBus_1.EventBus({
            config: quiet,
            storage,
            validate: (event) => event.event_type === 'trade_executed' && typeof event.data.qty !== 'number'
                ? { valid: false, errors: ['data.qty: expected a number', 'data.symbol: required'] }
                : { valid: true, errors: [] },
        });
        const before = await bus.publish('trade_executed', { qty: 1 });
        const rejection = bus.publish('trade_executed', { qty: 'one' }, { correlation_id: 'c-9' });
        await strict_1.default.rejects(rejection, (error) => {
            strict_1.default.ok(error instanceof publishValidation_1.EventValidationError);
            strict_1.default.match(error.message, /"trade_executed" .* rejected by schema validation: data\.qty: expected a number; data\.symbol: required/);
            strict_1.default.deepEqual(error.problems, ['data.qty: expected a number', 'data.symbol: required']);
            return true;
        });
        const events = await stored(storage);
        strict_1.default.deepEqual(events.map((e) => e.event_type), ['trade_executed', 'system_error']);
        const systemError = events[1];
        strict_1.default.equal(systemError.metadata.sequence_number, before.metadata.sequence_number + 1, 'the rejected event gave its number back');
        strict_1.default.equal(systemError.metadata.correlation_id, 'c-9');
        strict_1.default.equal(systemError.metadata.source, 'EventBus');
        strict_1.default.deepEqual(systemError.data.errors, ['data.qty: expected a number', 'data.symbol: required']);
        strict_1.default.equal(bus.getStatus().metrics.validation_failures, 1);
    });
    (0, node_test_1.it)('checks the envelope basics even without a schema validator, and not at all when schema_validation is off', async () => {
        const bus = new eventBus_1.EventBus({ config: quiet });
        await strict_1.default.rejects(bus.publish('', 1), /event_type must be a non-empty string/);
        await strict_1.default.rejects(bus.publish('t', undefined), /data must be a JSON value, got undefined/);
        await strict_1.default.rejects(bus.publish('t', 1, { tags: { n: 5 } }), /tags\.n must be a string, got number/);
        const lax = new eventBus_1.EventBus({ config: { ...quiet, schema_validation: false }, validate: () => ({ valid: false, errors: ['no'] }) });
        strict_1.default.equal((await lax.publish('t', 1)).event_type, 't');
    });
    (0, node_test_1.it)('does not answer a rejected system_error with another system_error', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const bus = new eventBus_1.EventBus({ config: quiet, storage, validate: () => ({ valid: false, errors: ['everything is wrong'] }) });
        await strict_1.default.rejects(bus.publish('system_error', { message: 'x' }), publishValidation_1.EventValidationError);
        await strict_1.default.rejects(bus.publish('trade_executed', {}), publishValidation_1.EventValidationError);
        strict_1.default.equal((await stored(storage)).length, 0, 'the system_error about the rejection was itself rejected, and nothing looped');
        strict_1.default.equal(bus.getStatus().metrics.validation_failures, 3);
    });
    (0, node_test_1.it)('runs afterPersist hooks with the durable events and survives a failing hook', async () => {
        const seen = [];
        const bus = new eventBus_1.EventBus({
            config: quiet,
            afterPersist: [
                async (events) => {
                    seen.push(...events.map((e) => e.event_type));
                },
                async () => {
                    throw new Error('snapshot failed');
                },
            ],
        });
        const remove = bus.addAfterPersistHook(async (events) => {
            bus.recordSnapshotsCreated(events.length);
        });
        await bus.publish('a', 1);
        remove();
        await bus.publish('b', 2);
        strict_1.default.deepEqual(seen, ['a', 'b']);
        const metrics = bus.getStatus().metrics;
        strict_1.default.equal(metrics.after_persist_hook_errors, 2);
        strict_1.default.equal(metrics.snapshots_created, 1);
    });
    (0, node_test_1.it)('makes publish wait while the queue is full (back-pressure)', async () => {
        const bus = new eventBus_1.EventBus({ config: { ...quiet, enable_persistence: false }, maxQueueSize: 2 });
        await bus.publish('t', 1);
        await bus.publish('t', 2);
        let third = false;
        const waiting = bus.publish('t', 3).then(() => (third = true));
        await new Promise((r) => setTimeout(r, 10));
        strict_1.default.equal(third, false, 'not started: the queue stays full');
        strict_1.default.equal(bus.queueSize, 2);
        await bus.start();
        await waiting;
        await bus.stop();
        strict_1.default.equal(third, true);
        strict_1.default.equal(bus.getStatus().metrics.events_processed, 3);
    });
});
//# sourceMappingURL=busPublish.unit.spec.js.map