"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ordinalTestOf = ordinalTestOf;
exports.selectOrdinals = selectOrdinals;
exports.selectMatchingOrdinals = selectMatchingOrdinals;
exports.startOf = startOf;
exports.hasLookup = hasLookup;
const contentMask_1 = require("./contentMask");
const eventFilter_1 = require("./eventFilter");
const eventQuery_1 = require("./eventQuery");
/**
 * The filter as a test over ordinals: the id lists become one mask (built
 * once, O(matching events)), the time and sequence windows are read from
 * the index's columns per tested event, the content query from its
 * prepared mask. Null when the filter keeps everything, so callers skip
 * the work.
 */
function ordinalTestOf(index, filter) {
    if (!filter)
        return null;
    const f = (0, eventFilter_1.narrowingFilter)(filter);
    // A window given backwards keeps nothing (a rebuild from a snapshot at its target asks for (n, n]); callers that take one from a user refuse it first.
    const since = f.since ?? Number.NEGATIVE_INFINITY;
    const until = f.until ?? Number.POSITIVE_INFINITY;
    const fromSequence = f.fromSequenceNumber ?? Number.NEGATIVE_INFINITY;
    const toSequence = f.toSequenceNumber ?? Number.POSITIVE_INFINITY;
    const mask = lookupMask(index, f);
    const content = f.where !== undefined ? (0, contentMask_1.contentMaskOf)(index, f.where) : null;
    const timed = f.since !== undefined || f.until !== undefined;
    const sequenced = f.fromSequenceNumber !== undefined || f.toSequenceNumber !== undefined;
    if (!mask && !content && !timed && !sequenced)
        return null;
    return (ordinal) => {
        if (mask && mask[ordinal] !== 1)
            return false;
        if (content && content[ordinal] !== 1)
            return false;
        if (timed) {
            const t = index.timestampOf(ordinal);
            if (!(t >= since && t <= until))
                return false;
        }
        if (sequenced) {
            const s = index.sequenceOf(ordinal);
            if (!(s >= fromSequence && s <= toSequence))
                return false;
        }
        return true;
    };
}
/**
 * The ordinals the filter keeps, started from its most selective lookup:
 * one aggregate's come in sequence order, every other selection in store
 * order. `limit` counts kept ordinals. The content query must have been
 * prepared (the server does); the CLI streams it with selectMatchingOrdinals.
 */
function selectOrdinals(index, filter, limit = Number.POSITIVE_INFINITY) {
    const result = [];
    if (limit <= 0)
        return result;
    const { ordinals, rest } = startOf(index, filter);
    const test = ordinalTestOf(index, rest);
    for (const ordinal of ordinals) {
        if (test && !test(ordinal))
            continue;
        result.push(ordinal);
        if (result.length >= limit)
            break;
    }
    return result;
}
/**
 * Like selectOrdinals, streamed, with the content query read as it goes:
 * the envelope filters narrow by the index first, bodies are read only for
 * what is left, and `limit` counts matches (a `--where` over a million
 * events stops reading at the limit).
 */
async function* selectMatchingOrdinals(store, filter, limit = Number.POSITIVE_INFINITY) {
    if (limit <= 0)
        return;
    const { where, ...envelope } = (0, eventFilter_1.narrowingFilter)(filter);
    const { ordinals, rest } = startOf(store.index, envelope);
    const candidates = filtered(ordinals, ordinalTestOf(store.index, rest));
    const kept = where !== undefined ? (0, eventQuery_1.matchingOrdinals)(store, (0, eventQuery_1.compileQuery)(where), candidates) : candidates;
    let left = limit;
    for await (const ordinal of kept) {
        yield ordinal;
        if (--left <= 0)
            return;
    }
}
/**
 * Where a selection starts, and what is left to test: the lookup the filter names (one aggregate in
 * sequence order; several ids, a type, a source or a time range merged into
 * store order), else every ordinal in store order, generated lazily (a
 * million ordinals are not an array first).
 */
function startOf(index, filter) {
    const f = (0, eventFilter_1.narrowingFilter)(filter);
    const { aggregateIds, correlationIds, eventTypes, sources, since, until, ...afterIds } = f;
    // The lookup answers the field it came from: only the rest is tested per event (one aggregate's replay builds no mask).
    if (aggregateIds)
        return { ordinals: aggregateIds.length === 1 ? index.ordinalsOfAggregate(aggregateIds[0]) : union(aggregateIds.map((id) => index.ordinalsOfAggregate(id))), rest: { ...f, aggregateIds: undefined } };
    if (correlationIds)
        return { ordinals: union(correlationIds.map((id) => index.ordinalsOfCorrelation(id))), rest: { ...f, correlationIds: undefined } };
    if (eventTypes)
        return { ordinals: union(eventTypes.map((type) => index.ordinalsOfType(type))), rest: { ...f, eventTypes: undefined } };
    if (sources)
        return { ordinals: union(sources.map((source) => index.ordinalsOfSource(source))), rest: { ...f, sources: undefined } };
    if (since !== undefined || until !== undefined)
        return { ordinals: [...index.ordinalsInTimeRange(since ?? -Infinity, until ?? Infinity)].sort((a, b) => a - b), rest: afterIds };
    return { ordinals: storeOrder(index.eventCount), rest: f };
}
/** True when the filter names an id lookup of the index (its matches are a group, not a scan of the store). */
function hasLookup(filter) {
    const f = (0, eventFilter_1.narrowingFilter)(filter);
    return f.aggregateIds !== undefined || f.correlationIds !== undefined || f.eventTypes !== undefined || f.sources !== undefined;
}
/** One list as it is; several merged into store order. */
function union(lists) {
    if (lists.length === 1)
        return lists[0];
    return [...new Set(lists.flat())].sort((a, b) => a - b);
}
/** 1 for ordinals every id list of the filter accepts (values within a list are alternatives); null when it names none. */
function lookupMask(index, f) {
    const groups = [];
    if (f.aggregateIds)
        groups.push(f.aggregateIds.map((id) => index.ordinalsOfAggregate(id)));
    if (f.aggregatePrefix !== undefined) {
        const prefix = f.aggregatePrefix;
        groups.push(index.aggregateIds().filter((id) => id.startsWith(prefix)).map((id) => index.ordinalsOfAggregate(id)));
    }
    if (f.correlationIds)
        groups.push(f.correlationIds.map((id) => index.ordinalsOfCorrelation(id)));
    if (f.eventTypes)
        groups.push(f.eventTypes.map((type) => index.ordinalsOfType(type)));
    if (f.sources)
        groups.push(f.sources.map((source) => index.ordinalsOfSource(source)));
    if (groups.length === 0)
        return null;
    const hits = new Uint8Array(index.eventCount);
    // An ordinal counts once per group (its bit), so alternatives within a group do not add up.
    groups.forEach((group, g) => {
        for (const ordinals of group)
            for (const ordinal of ordinals)
                hits[ordinal] |= 1 << g;
    });
    const all = (1 << groups.length) - 1;
    for (let i = 0; i < hits.length; i++)
        hits[i] = hits[i] === all ? 1 : 0;
    return hits;
}
function* filtered(ordinals, test) {
    for (const ordinal of ordinals)
        if (!test || test(ordinal))
            yield ordinal;
}
function* storeOrder(count) {
    for (let ordinal = 0; ordinal < count; ordinal++)
        yield ordinal;
}
//# sourceMappingURL=selectOrdinals.js.map