"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeTimestamp = describeTimestamp;
const timestamp_1 = require("../../engine/model/timestamp");
const markdown_1 = require("./markdown");
const timeText_1 = require("./timeText");
/** Hover on a timestamp: the instant in UTC and local time, and the gap since the aggregate's previous event. */
function describeTimestamp(ctx, subject) {
    const ms = (0, timestamp_1.parseTimestamp)(subject.timestamp);
    if (!Number.isFinite(ms)) {
        return (0, markdown_1.paragraphs)([
            `**Timestamp** ${(0, markdown_1.escapeMarkdown)(subject.timestamp)}`,
            'Not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z, an offset such as +00:00, or a naive UTC time).',
        ]);
    }
    return (0, markdown_1.paragraphs)([
        `**UTC**: ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(ms))}  \n**Local**: ${(0, markdown_1.escapeMarkdown)((0, timeText_1.localText)(ms))}`,
        gapLine(ctx, subject, ms),
    ]);
}
function gapLine(ctx, subject, ms) {
    if (subject.aggregateId === undefined)
        return undefined;
    const index = ctx.engine.index;
    const stream = index.ordinalsOfAggregate(subject.aggregateId);
    const previous = previousInStream(ctx, stream, subject);
    if (previous === undefined)
        return `First event of aggregate ${(0, markdown_1.escapeMarkdown)(subject.aggregateId)}.`;
    const before = index.event(previous);
    if (!Number.isFinite(before.timestampMs))
        return undefined;
    const gap = ms - before.timestampMs;
    const what = gap < 0 ? `**Goes back** ${(0, markdown_1.escapeMarkdown)((0, timeText_1.durationText)(-gap))}` : `**+${(0, markdown_1.escapeMarkdown)((0, timeText_1.durationText)(gap))}**`;
    return `${what} after the previous event of ${(0, markdown_1.escapeMarkdown)(subject.aggregateId)} (sequence ${before.sequenceNumber}, ${(0, markdown_1.escapeMarkdown)(before.eventType)}).`;
}
/**
 * The aggregate's event just before this one, in the index's stream order.
 * An event the index does not know yet (being typed) is placed by its
 * sequence number instead.
 */
function previousInStream(ctx, stream, subject) {
    const index = ctx.engine.index;
    if (subject.eventId !== undefined) {
        for (const ordinal of index.ordinalsOfEventId(subject.eventId)) {
            const at = stream.indexOf(ordinal);
            if (at >= 0)
                return at > 0 ? stream[at - 1] : undefined;
        }
    }
    const sequence = subject.sequenceNumber;
    if (sequence === undefined)
        return stream[stream.length - 1];
    let found;
    for (const ordinal of stream) {
        if (index.event(ordinal).sequenceNumber < sequence)
            found = ordinal;
        else
            break;
    }
    return found;
}
//# sourceMappingURL=timestampHover.js.map