"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventGroups = eventGroups;
exports.groupKeysInOrder = groupKeysInOrder;
const naturalOrder_1 = require("../../engine/model/naturalOrder");
const query_1 = require("../../engine/query");
const filterOfParams_1 = require("./filterOfParams");
const handlerStore_1 = require("./handlerStore");
const recentGroups_1 = require("./recentGroups");
function groupingOf(index, groupBy) {
    switch (groupBy) {
        case 'aggregate':
            return { keys: () => index.aggregateIds(), ordinals: (k) => index.ordinalsOfAggregate(k), size: (k) => index.aggregateSize(k) };
        case 'correlation':
            return { keys: () => index.correlationIds(), ordinals: (k) => index.ordinalsOfCorrelation(k), size: (k) => index.correlationSize(k) };
        case 'type': {
            const counts = index.eventTypeCounts();
            return { keys: () => [...counts.keys()], ordinals: (k) => index.ordinalsOfType(k), size: (k) => counts.get(k) ?? 0 };
        }
        case 'source':
            return { keys: () => index.sources(), ordinals: (k) => index.ordinalsOfSource(k), size: (k) => index.ordinalsOfSource(k).length };
        default:
            throw new Error(`groupBy must be aggregate, correlation, type or source, got ${JSON.stringify(groupBy)}`);
    }
}
const SORTS = ['key', 'count', 'lastActivity'];
/**
 * Aggregates, correlations, types or sources with the count and time span
 * of their events that pass the filter. Without a filter and sorted by key
 * only the page's spans are computed (the 1,000,000-event case stays fast);
 * otherwise every group is measured once, O(events).
 */
function eventGroups(store, params) {
    const fromIndex = pagedFromIndex(store, params);
    if (fromIndex)
        return fromIndex;
    const listed = listGroups(store, params);
    return 'keys' in listed ? (0, handlerStore_1.pageOf)(listed.keys, params, listed.measure) : (0, handlerStore_1.pageOf)(listed.summaries, params, (s) => s);
}
/** The groups' keys in the order the view lists them (for finding one's position). */
function groupKeysInOrder(store, params) {
    const listed = listGroups(store, params);
    return 'keys' in listed ? listed.keys : listed.summaries.map((s) => s.key);
}
/**
 * The unfiltered questions a view asks while a big store opens, answered
 * from the index without listing every group: a count alone (limit 0, the
 * Status view's), and the most recently active groups (the Correlations
 * view's default sort). Undefined when the general path must answer.
 */
function pagedFromIndex(store, params) {
    // A filter (the client sends one only when set) needs every group's members tested.
    if (params.filter)
        return undefined;
    const index = store.engine.index;
    const { offset, limit } = (0, handlerStore_1.pageWindow)(params);
    const kind = params.groupBy;
    if (kind !== 'aggregate' && kind !== 'correlation')
        return undefined;
    const total = () => (params.prefix ? index.keyPage(kind, params.prefix, 0, 0).total : kind === 'aggregate' ? index.aggregateCount() : index.correlationCount());
    if (limit === 0)
        return { items: [], total: total(), offset };
    if (params.sort !== 'lastActivity')
        return undefined;
    const keys = (0, recentGroups_1.recentGroupKeys)(index, kind, params.prefix ?? '', offset, limit);
    if (!keys)
        return undefined;
    const grouping = groupingOf(index, kind);
    return { items: keys.map((key) => summarize(key, grouping, index, kind, null)), total: total(), offset };
}
/** Unfiltered and by key: just the keys (a page measures its own); otherwise every group measured, filtered and sorted. */
function listGroups(store, params) {
    const index = store.engine.index;
    const sort = params.sort ?? 'key';
    if (!SORTS.includes(sort))
        throw new Error(`sort must be ${SORTS.join(', ')}, got ${JSON.stringify(sort)}`);
    const grouping = groupingOf(index, params.groupBy);
    const keys = (0, handlerStore_1.sortedWithPrefix)(grouping.keys(), params.prefix);
    const test = (0, query_1.ordinalTestOf)(index, (0, filterOfParams_1.viewFilterOfParams)(params.filter));
    const measure = (key) => summarize(key, grouping, index, params.groupBy, test);
    if (sort === 'key' && !test)
        return { keys, measure };
    let summaries = keys.map(measure);
    if (test)
        summaries = summaries.filter((s) => s.count > 0);
    if (sort === 'count')
        summaries.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
    if (sort === 'lastActivity')
        summaries.sort((a, b) => (b.lastTimestampMs ?? -Infinity) - (a.lastTimestampMs ?? -Infinity) || compareKeys(a.key, b.key));
    return { summaries };
}
/** A group's row: unfiltered, its count and time span come from the index without listing it; filtered, its members are tested. */
function summarize(key, grouping, index, kind, test) {
    let count = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    if (!test) {
        ({ first, last } = index.timeSpanOf(kind, key));
    }
    else {
        for (const ordinal of grouping.ordinals(key)) {
            if (!test(ordinal))
                continue;
            count++;
            const t = index.timestampOf(ordinal);
            if (Number.isNaN(t))
                continue;
            if (!(t >= first))
                first = t;
            if (!(t <= last))
                last = t;
        }
    }
    return {
        key,
        count: test ? count : grouping.size(key),
        firstTimestamp: (0, handlerStore_1.timestampText)(first),
        firstTimestampMs: Number.isFinite(first) ? first : null,
        lastTimestamp: (0, handlerStore_1.timestampText)(last),
        lastTimestampMs: Number.isFinite(last) ? last : null,
    };
}
function compareKeys(a, b) {
    return (0, naturalOrder_1.naturalCompare)(a, b);
}
//# sourceMappingURL=eventGroups.js.map