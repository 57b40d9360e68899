"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recentGroupKeys = recentGroupKeys;
const naturalOrder_1 = require("../../engine/model/naturalOrder");
/** Events read backwards at most, per page, before the caller falls back to measuring every group. */
const MAX_EVENTS_WALKED = 2_000_000;
/**
 * The aggregates or correlations most recently active first, from position
 * `offset`, at most `limit` of them: found by walking the persisted time
 * order backwards from the newest event, window by window, so the first page
 * of a store with millions of correlations reads a few hundred events instead
 * of measuring and sorting every group. A group's place is the time of its
 * last event; groups last active at the same instant are in natural key
 * order (as the full sort orders them). Undefined when the walk cannot answer
 * (the page reaches groups without timestamps, or too many events would be
 * read): the caller then measures every group.
 */
function recentGroupKeys(index, kind, prefix, offset, limit) {
    const wanted = offset + limit;
    const newest = index.lastTimestamp();
    const oldest = index.firstTimestamp();
    if (!Number.isFinite(newest) || !Number.isFinite(oldest))
        return undefined;
    const seen = new Set();
    const ordered = [];
    const span = Math.max(newest - oldest, 1);
    // A first window about as wide as the page needs if events were spread evenly (a group has a few events), doubled until the page is full.
    let width = Math.max(1, (span * Math.min(1, (wanted * 8) / Math.max(1, index.eventCount))));
    let upper = newest;
    let upperIncluded = true;
    let walked = 0;
    while (ordered.length < wanted) {
        if (upper < oldest || walked > MAX_EVENTS_WALKED)
            return undefined;
        const lower = upper - width;
        const ordinals = index.ordinalsInTimeRange(lower, upper);
        walked += ordinals.length;
        // Newest first; the window's instants one by one, so ties are put in key order.
        let tie = [];
        let tieTime = Number.NaN;
        const closeTie = () => {
            tie.sort(naturalOrder_1.naturalCompare);
            ordered.push(...tie);
            tie = [];
        };
        for (let k = ordinals.length - 1; k >= 0; k--) {
            const t = index.timestampOf(ordinals[k]);
            if (!upperIncluded && t >= upper)
                continue;
            if (t !== tieTime) {
                closeTie();
                // Whole instants only: a page ends at an instant's end, so its tie order is complete.
                if (ordered.length >= wanted)
                    break;
                tieTime = t;
            }
            const event = index.event(ordinals[k]);
            const key = kind === 'aggregate' ? event.aggregateId : event.correlationId;
            if (key === null || seen.has(key) || !key.startsWith(prefix))
                continue;
            seen.add(key);
            tie.push(key);
        }
        if (ordered.length < wanted)
            closeTie();
        upper = lower;
        upperIncluded = false;
        width *= 2;
    }
    return ordered.slice(offset, wanted);
}
//# sourceMappingURL=recentGroups.js.map