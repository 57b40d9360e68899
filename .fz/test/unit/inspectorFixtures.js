"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.step = step;
exports.eventEntry = eventEntry;
/** A step of the inspector as the host sends it; override what a test is about. */
function step(sequence, overrides = {}) {
    return {
        ordinal: sequence ?? 0,
        sequence,
        type: 'OrderPlaced',
        timestamp: '2024-01-15T10:00:00Z',
        eventId: `evt-${sequence}`,
        status: 'completed',
        source: 'orders',
        retryCount: 0,
        correlationId: null,
        ...overrides,
    };
}
function eventEntry(sequence, overrides = {}) {
    return {
        ordinal: sequence ?? 0,
        sequence,
        type: 'OrderPlaced',
        timestamp: '2024-01-15T10:00:00Z',
        timestampMs: Date.parse('2024-01-15T10:00:00Z'),
        status: 'completed',
        retryCount: 0,
        file: 'events/events_2024-01-15.jsonl',
        uri: 'file:///store/events/events_2024-01-15.jsonl',
        line: (sequence ?? 0) + 1,
        eventId: `evt-${sequence}`,
        aggregateId: 'order-1',
        correlationId: 'corr-1',
        causationId: null,
        source: 'orders',
        schemaVersion: '1.0',
        ...overrides,
    };
}
//# sourceMappingURL=inspectorFixtures.js.map