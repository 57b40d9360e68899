"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SAMPLE_QUERIES = void 0;
exports.storageSample = storageSample;
exports.collectEvents = collectEvents;
exports.assertAnswersLikeMemory = assertAnswersLikeMemory;
const strict_1 = __importDefault(require("node:assert/strict"));
const event_1 = require("../../src/engine/model/event");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
/**
 * Four events that exercise every EventQuery field: two aggregates, two
 * correlations, three sources, timestamps with Z, an offset and naive
 * microseconds, and an aggregate stored out of sequence order (aggregate
 * queries must sort by sequence). `data.n` names each (the health check has none).
 */
function storageSample() {
    return [
        (0, event_1.createEvent)('trade_executed', { n: 1 }, { aggregate_id: 'a', sequence_number: 2, correlation_id: 'c1', source: 'bot', timestamp: '2024-01-15T10:00:00Z' }),
        (0, event_1.createEvent)('risk_alert', { n: 2 }, { aggregate_id: 'b', sequence_number: 3, correlation_id: 'c1', source: 'risk', timestamp: '2024-01-15T11:00:00Z' }),
        // Stored after sequence 2 but numbered 1: aggregate queries must sort by sequence.
        (0, event_1.createEvent)('trade_executed', { n: 3 }, { aggregate_id: 'a', sequence_number: 1, correlation_id: 'c2', source: 'bot', timestamp: '2024-01-16T09:00:00+02:00' }),
        (0, event_1.createEvent)('system_health_check', {}, { sequence_number: 4, source: 'EventBus', timestamp: '2024-01-16T12:00:00.123456' }),
    ];
}
async function collectEvents(storage, query) {
    const out = [];
    for await (const event of storage.query(query))
        out.push(event);
    return out;
}
/** Every EventQuery field, alone and combined, over `storageSample()`. */
exports.SAMPLE_QUERIES = [
    {},
    { aggregateId: 'a' },
    { correlationId: 'c1' },
    { eventType: 'trade_executed' },
    { source: 'risk' },
    { fromSequenceNumber: 2, toSequenceNumber: 3 },
    { aggregateId: 'a', fromSequenceNumber: 2 },
    { since: Date.parse('2024-01-15T10:30:00Z'), until: Date.parse('2024-01-16T08:00:00Z') },
    { since: Date.parse('2024-01-16T12:00:00.123Z') },
    { limit: 2 },
    { limit: 0 },
    { aggregateId: 'nobody' },
];
/**
 * Asserts a backend holding `storageSample()` answers every sample query with
 * the same events in the same order as the in-memory store holding them.
 */
async function assertAnswersLikeMemory(backend, events) {
    const memory = new memoryStorage_1.MemoryEventStorage();
    await memory.append(events);
    const names = async (storage, query) => (await collectEvents(storage, query)).map((e) => e.data.n ?? 'hc');
    for (const query of exports.SAMPLE_QUERIES)
        strict_1.default.deepEqual(await names(backend, query), await names(memory, query), `${backend.kind}: ${JSON.stringify(query)}`);
}
//# sourceMappingURL=storageSample.js.map