"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeEventId = describeEventId;
exports.describeCausationId = describeCausationId;
exports.describeCorrelationId = describeCorrelationId;
exports.describeAggregateId = describeAggregateId;
const eventLocations_1 = require("./eventLocations");
const markdown_1 = require("./markdown");
const timeText_1 = require("./timeText");
/**
 * Hover text for the four id fields: what the id refers to, told from the
 * store's index (no event bodies are read, except the snapshot listing).
 */
/** More names than this in one list would drown the hover. */
const LISTED = 5;
/** An event, briefly: `trade_executed at 2024-…Z (events/…:12)`. */
function eventSummary(event) {
    return `${(0, markdown_1.escapeMarkdown)(event.eventType)} at ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(event.timestampMs))} (${(0, markdown_1.escapeMarkdown)((0, eventLocations_1.placeOf)(event))})`;
}
function plural(count, one, many = `${one}s`) {
    return `${count} ${count === 1 ? one : many}`;
}
/** Where the event sits in its correlation chain, its cause and its effects. */
function chainLines(ctx, event) {
    const index = ctx.engine.index;
    const lines = [];
    if (event.correlationId) {
        const members = index.ordinalsOfCorrelation(event.correlationId);
        const step = members.indexOf(event.ordinal) + 1;
        lines.push(`step ${step} of ${members.length} in correlation ${(0, markdown_1.escapeMarkdown)(event.correlationId)}`);
    }
    else {
        lines.push('no correlation');
    }
    if (event.causationId) {
        const causes = index.ordinalsOfEventId(event.causationId);
        lines.push(causes.length > 0
            ? `caused by ${eventSummary(index.event(Math.min(...causes)))}`
            : `caused by ${(0, markdown_1.escapeMarkdown)(event.causationId)}, which is not in the store`);
    }
    else {
        lines.push('no cause (starts its chain)');
    }
    lines.push(plural(index.ordinalsCausedBy(event.eventId).length, 'direct effect'));
    return lines;
}
/** Hover on an event_id: the event itself and its place among the others. */
function describeEventId(ctx, eventId, heading = 'Event') {
    const index = ctx.engine.index;
    const ordinals = index.ordinalsOfEventId(eventId);
    if (ordinals.length === 0) {
        return (0, markdown_1.paragraphs)([
            `**${heading}** ${(0, markdown_1.escapeMarkdown)(eventId)}`,
            'Not in the store index (a new or unsaved event, or the index is being refreshed).',
        ]);
    }
    const event = index.event(Math.min(...ordinals));
    const aggregate = event.aggregateId !== null
        ? `**Aggregate**: ${(0, markdown_1.escapeMarkdown)(event.aggregateId)} (sequence ${Number.isFinite(event.sequenceNumber) ? event.sequenceNumber : 'unknown'})`
        : '**Aggregate**: none';
    const duplicates = ordinals.length > 1
        ? `**Duplicate id**: held by ${ordinals.length} events: ${[...ordinals]
            .sort((a, b) => a - b)
            .slice(0, LISTED)
            .map((o) => (0, markdown_1.escapeMarkdown)((0, eventLocations_1.placeOf)(index.event(o))))
            .join(', ')}`
        : undefined;
    return (0, markdown_1.paragraphs)([
        `**${heading}** ${(0, markdown_1.escapeMarkdown)(eventId)}`,
        `**Type**: ${(0, markdown_1.escapeMarkdown)(event.eventType)}  \n**Time**: ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(event.timestampMs))}  \n${aggregate}  \n**Where**: ${(0, markdown_1.escapeMarkdown)((0, eventLocations_1.placeOf)(event))}`,
        (0, markdown_1.bullets)(chainLines(ctx, event)),
        duplicates,
    ]);
}
/** Hover on a causation_id: the causing event, or that there is none in the store. */
function describeCausationId(ctx, causationId) {
    if (ctx.engine.index.ordinalsOfEventId(causationId).length > 0)
        return describeEventId(ctx, causationId, 'Caused by');
    const ttl = ctx.config.event_ttl_days;
    return (0, markdown_1.paragraphs)([
        `**Caused by** ${(0, markdown_1.escapeMarkdown)(causationId)}`,
        `No event in this store has this event_id. The cause may be older than the store keeps (TTL cleanup after ${plural(ttl, 'day')}), in another store, or the id is wrong.`,
    ]);
}
/** Hover on a correlation_id: the whole conversation at a glance. */
function describeCorrelationId(ctx, correlationId) {
    const index = ctx.engine.index;
    const ordinals = index.ordinalsOfCorrelation(correlationId);
    if (ordinals.length === 0) {
        return (0, markdown_1.paragraphs)([`**Correlation** ${(0, markdown_1.escapeMarkdown)(correlationId)}`, 'No indexed event has this correlation_id.']);
    }
    const aggregates = new Set();
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const o of ordinals) {
        const event = index.event(o);
        if (event.aggregateId !== null)
            aggregates.add(event.aggregateId);
        if (Number.isFinite(event.timestampMs)) {
            first = Math.min(first, event.timestampMs);
            last = Math.max(last, event.timestampMs);
        }
    }
    const listed = [...aggregates].slice(0, LISTED).map(markdown_1.escapeMarkdown).join(', ');
    const more = aggregates.size > LISTED ? `, and ${aggregates.size - LISTED} more` : '';
    const span = Number.isFinite(first)
        ? `**Time span**: ${(0, markdown_1.escapeMarkdown)((0, timeText_1.durationText)(last - first))} (${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(first))} to ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(last))})`
        : '**Time span**: unknown';
    return (0, markdown_1.paragraphs)([
        `**Correlation** ${(0, markdown_1.escapeMarkdown)(correlationId)}`,
        `**Events**: ${ordinals.length}  \n**Aggregates** (${aggregates.size}): ${listed || 'none'}${more}  \n${span}`,
        `**First event**: ${eventSummary(index.event(ordinals[0]))}`,
    ]);
}
/** Hover on an aggregate_id: its stream's extent and the newest snapshot. */
async function describeAggregateId(ctx, aggregateId) {
    const index = ctx.engine.index;
    const ordinals = index.ordinalsOfAggregate(aggregateId);
    const heading = `**Aggregate** ${(0, markdown_1.escapeMarkdown)(aggregateId)}`;
    if (ordinals.length === 0)
        return (0, markdown_1.paragraphs)([heading, 'No indexed event has this aggregate_id.']);
    const first = index.event(ordinals[0]);
    const last = index.event(ordinals[ordinals.length - 1]);
    const snapshot = await latestSnapshotLine(ctx, aggregateId);
    return (0, markdown_1.paragraphs)([
        heading,
        `**Events**: ${ordinals.length}  \n**First**: sequence ${first.sequenceNumber} at ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(first.timestampMs))}  \n**Last**: sequence ${last.sequenceNumber} at ${(0, markdown_1.escapeMarkdown)((0, timeText_1.utcText)(last.timestampMs))}  \n${snapshot}`,
    ]);
}
async function latestSnapshotLine(ctx, aggregateId) {
    try {
        const refs = await ctx.engine.storage.listSnapshots(aggregateId);
        if (refs.length === 0)
            return '**Latest snapshot**: none';
        const newest = refs.reduce((a, b) => (b.sequence_number > a.sequence_number ? b : a));
        return `**Latest snapshot**: at sequence ${newest.sequence_number} (${(0, markdown_1.escapeMarkdown)(newest.file)}), ${plural(refs.length, 'snapshot')} in all`;
    }
    catch (error) {
        return `**Latest snapshot**: could not list snapshots (${(0, markdown_1.escapeMarkdown)(error.message)})`;
    }
}
//# sourceMappingURL=idHover.js.map