"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.narrowingFilter = narrowingFilter;
exports.isEmptyFilter = isEmptyFilter;
exports.filterOfQuery = filterOfQuery;
/** The filter with only the fields that narrow (empty lists and blank queries dropped). */
function narrowingFilter(filter) {
    const out = {};
    const lists = ['aggregateIds', 'correlationIds', 'eventTypes', 'sources'];
    for (const key of lists)
        if (filter[key]?.length)
            out[key] = filter[key];
    if (filter.aggregatePrefix)
        out.aggregatePrefix = filter.aggregatePrefix;
    const numbers = ['since', 'until', 'fromSequenceNumber', 'toSequenceNumber'];
    for (const key of numbers)
        if (typeof filter[key] === 'number' && Number.isFinite(filter[key]))
            out[key] = filter[key];
    if (filter.where?.trim())
        out.where = filter.where;
    return out;
}
/** True when the filter keeps every event. */
function isEmptyFilter(filter) {
    return Object.keys(narrowingFilter(filter)).length === 0;
}
/**
 * A storage lookup (`EventStorage.query`: one aggregate, correlation, type
 * or source, the bus's and replay's question, which every backend answers
 * natively) as the one filter, so the index evaluates both the same way.
 */
function filterOfQuery(query) {
    return narrowingFilter({
        ...(query.aggregateId !== undefined ? { aggregateIds: [query.aggregateId] } : {}),
        ...(query.correlationId !== undefined ? { correlationIds: [query.correlationId] } : {}),
        ...(query.eventType !== undefined ? { eventTypes: [query.eventType] } : {}),
        ...(query.source !== undefined ? { sources: [query.source] } : {}),
        ...(query.since !== undefined ? { since: query.since } : {}),
        ...(query.until !== undefined ? { until: query.until } : {}),
        ...(query.fromSequenceNumber !== undefined ? { fromSequenceNumber: query.fromSequenceNumber } : {}),
        ...(query.toSequenceNumber !== undefined ? { toSequenceNumber: query.toSequenceNumber } : {}),
    });
}
//# sourceMappingURL=eventFilter.js.map