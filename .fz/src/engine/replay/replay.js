"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayQuery = replayQuery;
exports.replayEventStream = replayEventStream;
exports.replayEvents = replayEvents;
exports.replayIntoSubscribers = replayIntoSubscribers;
const timestamp_1 = require("../model/timestamp");
function toEpoch(value, option) {
    if (value === undefined || typeof value === 'number')
        return value;
    const parsed = (0, timestamp_1.parseTimestamp)(value);
    if (Number.isNaN(parsed)) {
        throw new RangeError(`${option}: "${value}" is not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z)`);
    }
    return parsed;
}
/** The storage query a replay runs; throws a RangeError naming the option for a bad bound. */
function replayQuery(options) {
    const from = options.fromSequenceNumber;
    const to = options.toSequenceNumber;
    if (from !== undefined && to !== undefined && from > to) {
        throw new RangeError(`fromSequenceNumber ${from} is after toSequenceNumber ${to}`);
    }
    const since = toEpoch(options.since, 'since');
    const until = toEpoch(options.until, 'until');
    if (since !== undefined && until !== undefined && since > until) {
        throw new RangeError(`since (${options.since}) is after until (${options.until})`);
    }
    return {
        aggregateId: options.aggregateId,
        correlationId: options.correlationId,
        eventType: options.eventType,
        fromSequenceNumber: from,
        toSequenceNumber: to,
        since,
        until,
        limit: options.limit,
    };
}
/** The events to replay, streamed in order (bounds are validated before the first read). */
function replayEventStream(storage, options = {}) {
    return storage.query(replayQuery(options));
}
/** The events to replay, collected in order. */
async function replayEvents(storage, options = {}) {
    const events = [];
    for await (const event of replayEventStream(storage, options))
        events.push(event);
    return events;
}
/**
 * Re-dispatches stored events to the bus's subscribers (the bus marks them
 * as replayed so handlers can tell and counts the replay once). Events are
 * streamed, so a long replay never holds every event at once. Returns how
 * many were handed over.
 */
async function replayIntoSubscribers(storage, bus, options = {}) {
    const source = replayEventStream(storage, options);
    let count = 0;
    async function* counted() {
        for await (const event of source) {
            count++;
            yield event;
        }
    }
    await bus.replayIntoSubscribers(counted());
    return count;
}
//# sourceMappingURL=replay.js.map