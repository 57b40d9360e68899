"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregatePageOf = aggregatePageOf;
exports.assertOneAggregate = assertOneAggregate;
exports.highestSequenceOf = highestSequenceOf;
const naturalOrder_1 = require("../model/naturalOrder");
/**
 * A page of aggregates for a backend that knows its ids as a list (the
 * folder's index, the memory store): natural id order (trader_2 before
 * trader_10), narrowed by prefix, continued after the previous page's last
 * id. The cursor is that id, so a page stays right when aggregates are
 * added before it.
 */
function aggregatePageOf(ids, request, summarize) {
    const limit = Math.max(0, Math.floor(request.limit));
    const prefix = request.prefix ?? '';
    const sorted = ids.filter((id) => id.startsWith(prefix)).sort(naturalOrder_1.naturalCompare);
    const after = request.after;
    const start = after === undefined ? 0 : firstAfter(sorted, after);
    const pageIds = sorted.slice(start, start + limit);
    const more = start + limit < sorted.length && pageIds.length > 0;
    return { items: pageIds.map(summarize), ...(more ? { next: pageIds[pageIds.length - 1] } : {}) };
}
/** The first position whose id sorts after `id` (binary search in natural order). */
function firstAfter(sorted, id) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((0, naturalOrder_1.naturalCompare)(sorted[mid], id) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Refuses events that do not belong to the aggregate an expected-version append names. */
function assertOneAggregate(aggregateId, events) {
    for (const event of events) {
        if (event.metadata.aggregate_id !== aggregateId) {
            throw new Error(`appendExpecting(${JSON.stringify(aggregateId)}): event ${event.metadata.event_id} belongs to aggregate ${JSON.stringify(event.metadata.aggregate_id)} (expected every event to be of ${JSON.stringify(aggregateId)})`);
        }
    }
}
/** The highest sequence number among events, or `fallback` when none is a number. */
function highestSequenceOf(events, fallback) {
    let highest = fallback;
    for (const event of events)
        if (Number.isFinite(event.metadata.sequence_number) && event.metadata.sequence_number > highest)
            highest = event.metadata.sequence_number;
    return highest;
}
//# sourceMappingURL=aggregatePage.js.map