"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_SCHEMA_VERSION = exports.DEFAULT_EVENT_VERSION = exports.METADATA_KEYS = void 0;
exports.createEvent = createEvent;
exports.withMetadata = withMetadata;
exports.freezeEvent = freezeEvent;
exports.serializeEvent = serializeEvent;
const deepFreeze_1 = require("./deepFreeze");
const eventStatus_1 = require("./eventStatus");
const ids_1 = require("./ids");
const timestamp_1 = require("./timestamp");
exports.METADATA_KEYS = Object.freeze([
    'event_id',
    'version',
    'schema_version',
    'timestamp',
    'source',
    'correlation_id',
    'causation_id',
    'aggregate_id',
    'sequence_number',
    'retry_count',
    'status',
    'tags',
]);
exports.DEFAULT_EVENT_VERSION = '1.0.0';
exports.DEFAULT_SCHEMA_VERSION = '1.0';
function createEvent(eventType, data, fields = {}) {
    const timestamp = fields.timestamp instanceof Date
        ? (0, timestamp_1.formatTimestamp)(fields.timestamp.getTime())
        : (fields.timestamp ?? (0, timestamp_1.formatTimestamp)(Date.now()));
    const metadata = {
        event_id: fields.event_id ?? (0, ids_1.newEventId)(),
        version: fields.version ?? exports.DEFAULT_EVENT_VERSION,
        schema_version: fields.schema_version ?? exports.DEFAULT_SCHEMA_VERSION,
        timestamp,
        source: fields.source ?? 'unknown',
        correlation_id: fields.correlation_id ?? null,
        causation_id: fields.causation_id ?? null,
        aggregate_id: fields.aggregate_id ?? null,
        sequence_number: fields.sequence_number ?? 0,
        retry_count: fields.retry_count ?? 0,
        status: fields.status ?? eventStatus_1.EventStatus.PENDING,
        tags: { ...(fields.tags ?? {}) },
    };
    return freezeEvent({ event_type: eventType, data, metadata });
}
/** A copy of the event with some metadata changed (events themselves never change). */
function withMetadata(event, changes) {
    return freezeEvent({ event_type: event.event_type, data: event.data, metadata: { ...event.metadata, ...changes } });
}
function freezeEvent(event) {
    return (0, deepFreeze_1.deepFreeze)(event);
}
/** The on-disk line for an event (snake_case keys, the guide's key order). */
function serializeEvent(event) {
    return JSON.stringify({ event_type: event.event_type, data: event.data, metadata: event.metadata });
}
//# sourceMappingURL=event.js.map