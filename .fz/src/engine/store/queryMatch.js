"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.matchesQuery = matchesQuery;
exports.eventMatchesQuery = eventMatchesQuery;
const timestamp_1 = require("../model/timestamp");
/** Whether an event's fields satisfy every bound of the query (all bounds inclusive; `limit` is the caller's). */
function matchesQuery(f, q) {
    if (q.aggregateId !== undefined && f.aggregateId !== q.aggregateId)
        return false;
    if (q.correlationId !== undefined && f.correlationId !== q.correlationId)
        return false;
    if (q.eventType !== undefined && f.eventType !== q.eventType)
        return false;
    if (q.source !== undefined && f.source !== q.source)
        return false;
    if (q.fromSequenceNumber !== undefined && !(f.sequenceNumber >= q.fromSequenceNumber))
        return false;
    if (q.toSequenceNumber !== undefined && !(f.sequenceNumber <= q.toSequenceNumber))
        return false;
    if (q.since !== undefined && !(f.timestampMs >= q.since))
        return false;
    if (q.until !== undefined && !(f.timestampMs <= q.until))
        return false;
    return true;
}
/** Whether a whole event satisfies the query (for backends that filter events they have read). */
function eventMatchesQuery(event, q) {
    const meta = event.metadata;
    return matchesQuery({
        aggregateId: meta.aggregate_id,
        correlationId: meta.correlation_id,
        eventType: event.event_type,
        source: meta.source,
        sequenceNumber: meta.sequence_number,
        // Parsed only when the query has a time bound.
        timestampMs: q.since !== undefined || q.until !== undefined ? (0, timestamp_1.parseTimestamp)(meta.timestamp) : Number.NaN,
    }, q);
}
//# sourceMappingURL=queryMatch.js.map