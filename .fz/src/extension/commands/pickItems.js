"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregateItem = aggregateItem;
exports.correlationItem = correlationItem;
exports.snapshotItem = snapshotItem;
exports.moreResultsNote = moreResultsNote;
exports.noMatchNote = noMatchNote;
exports.eventTypeItems = eventTypeItems;
exports.validateEventTypeName = validateEventTypeName;
exports.snapshotAggregateItems = snapshotAggregateItems;
const planDescriptions_1 = require("./planDescriptions");
function aggregateItem(summary) {
    return {
        label: summary.aggregateId,
        description: (0, planDescriptions_1.plural)(summary.count, 'event'),
        ...(summary.lastTimestamp ? { detail: `last event ${summary.lastTimestamp}` } : {}),
        value: summary.aggregateId,
    };
}
function correlationItem(summary) {
    const span = summary.firstTimestamp && summary.lastTimestamp ? `${summary.firstTimestamp} → ${summary.lastTimestamp}` : undefined;
    return { label: summary.correlationId, description: (0, planDescriptions_1.plural)(summary.count, 'event'), ...(span ? { detail: span } : {}), value: summary.correlationId };
}
function snapshotItem(summary) {
    return { label: `at sequence ${summary.sequenceNumber}`, description: summary.file, value: summary };
}
/** The note under a page of search results when the server has more than it sent. */
function moreResultsNote(shown, total, prefix) {
    if (total <= shown)
        return undefined;
    const what = prefix ? `starting with "${prefix}"` : 'in the store';
    return { label: `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${what}: type more of the id to narrow`, note: true };
}
/** The note when a search finds nothing. */
function noMatchNote(prefix, noun) {
    return { label: prefix ? `No ${noun} starts with "${prefix}"` : `The store has no ${noun}s`, note: true };
}
/**
 * Event types for Publish: the store's (most used first, with counts and
 * schema versions), then the built-in types it has not used yet; and, when
 * the typed text names no listed type, that text as a new type first (or,
 * when it cannot be a type, a note saying why).
 */
function eventTypeItems(storeTypes, builtIns, typed) {
    const items = [];
    const known = new Set(storeTypes.map((t) => t.eventType));
    const name = typed.trim();
    const problem = name ? validateEventTypeName(name) : undefined;
    if (problem !== undefined)
        items.push({ label: problem, note: true });
    else if (name && !known.has(name) && !builtIns.includes(name))
        items.push({ label: name, description: 'new event type', value: name });
    for (const type of storeTypes) {
        const versions = type.schemaVersions.length > 0 ? `, schema ${type.schemaVersions.join(', ')}` : ', no schema';
        items.push({ label: type.eventType, description: `${(0, planDescriptions_1.plural)(type.count, 'event')}${versions}`, value: type.eventType });
    }
    for (const type of builtIns)
        if (!known.has(type))
            items.push({ label: type, description: 'built-in, not in the store yet', value: type });
    return items;
}
/** An event type a user typed: undefined when usable, else what was expected. */
function validateEventTypeName(text) {
    if (text.trim() === '')
        return 'expected an event type, e.g. trade_executed';
    if (text !== text.trim())
        return 'expected no spaces before or after the event type';
    if (/[\u0000-\u001f]/.test(text))
        return 'expected no control characters in the event type';
    return undefined;
}
/** Aggregates that have snapshots, with how many, for the first step of Restore. */
function snapshotAggregateItems(snapshots) {
    const counts = new Map();
    for (const s of snapshots)
        counts.set(s.aggregateId, (counts.get(s.aggregateId) ?? 0) + 1);
    return [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([aggregateId, n]) => ({ label: aggregateId, description: (0, planDescriptions_1.plural)(n, 'snapshot'), value: aggregateId }));
}
//# sourceMappingURL=pickItems.js.map