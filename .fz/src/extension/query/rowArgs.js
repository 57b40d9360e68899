"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.groupRowOf = groupRowOf;
exports.eventRowOf = eventRowOf;
exports.groupQuery = groupQuery;
const isRecord = (value) => typeof value === 'object' && value !== null;
function groupRowOf(value) {
    if (!isRecord(value) || value.kind !== 'group')
        return undefined;
    const summary = value.summary;
    if ((value.groupBy !== 'aggregate' && value.groupBy !== 'correlation') || !isRecord(summary) || typeof summary.key !== 'string')
        return undefined;
    return { groupBy: value.groupBy, key: summary.key, store: typeof value.store === 'string' ? value.store : undefined };
}
function eventRowOf(value) {
    if (!isRecord(value) || value.kind !== 'event' || !isRecord(value.entry))
        return undefined;
    const { eventId, type } = value.entry;
    if (typeof eventId !== 'string' || typeof type !== 'string')
        return undefined;
    return { eventId, type, store: typeof value.store === 'string' ? value.store : undefined };
}
/** A query that selects exactly one aggregate's or correlation's events (the id quoted as a JSON string). */
function groupQuery(row) {
    return `${row.groupBy} == ${JSON.stringify(row.key)}`;
}
//# sourceMappingURL=rowArgs.js.map