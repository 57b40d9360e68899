"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timelineBins = timelineBins;
exports.timelineBinsChoosingLanes = timelineBinsChoosingLanes;
exports.timelineNeighbour = timelineNeighbour;
const query_1 = require("../../engine/query");
const filterOfParams_1 = require("./filterOfParams");
const handlerStore_1 = require("./handlerStore");
const MAX_BUCKETS = 2000;
const NO_AGGREGATE = '(none)';
const OTHER_LANES = '(other)';
/**
 * Events per lane (aggregate, source or type) per equal time bucket over
 * [from, to], from the index's id lists and timestamp column alone: no event
 * body is read, so a million events bin in well under a second. When the
 * range holds few events, each one is listed as a mark too.
 */
function timelineBins(store, params) {
    const index = store.engine.index;
    const buckets = Math.min(MAX_BUCKETS, Math.max(1, Math.floor((0, handlerStore_1.finiteOr)(params.buckets, 100))));
    const from = (0, handlerStore_1.finiteOr)(params.from, index.firstTimestamp());
    const to = (0, handlerStore_1.finiteOr)(params.to, index.lastTimestamp());
    if (!Number.isFinite(from) || !Number.isFinite(to))
        return { from: 0, to: 0, bucketMs: 0, lanes: [], total: 0 };
    if (to < from)
        throw new Error(`timeline range: from (${from}) is after to (${to})`);
    const bucketMs = Math.max(to - from, 1) / buckets;
    const table = laneTable(index, params.lane);
    const { timestamps, order, laneOf } = table;
    const filter = (0, filterOfParams_1.filterOfParams)(params.filters) ?? {};
    const keep = (0, query_1.ordinalTestOf)(index, filter);
    // The filter's time window narrows the scan; the buckets stay those of [from, to].
    const scanFrom = Math.max(from, (0, handlerStore_1.finiteOr)(filter.since, Number.NEGATIVE_INFINITY));
    const scanTo = Math.min(to, (0, handlerStore_1.finiteOr)(filter.until, Number.POSITIVE_INFINITY));
    const marksBelow = Math.max(0, Math.floor((0, handlerStore_1.finiteOr)(params.marksBelow, 500)));
    let marks = [];
    // Only the events inside [from, to], found in the time order: a zoomed-in
    // view costs what it shows, not the whole store.
    const counts = new Int32Array(table.keys.length * buckets);
    const totals = new Int32Array(table.keys.length);
    for (let k = firstAtOrAfter(order, timestamps, scanFrom); k < order.length; k++) {
        const ordinal = order[k];
        const t = timestamps[ordinal];
        if (t > scanTo)
            break;
        if (keep && !keep(ordinal))
            continue;
        const lane = laneOf[ordinal];
        counts[lane * buckets + Math.min(buckets - 1, Math.floor((t - from) / bucketMs))]++;
        totals[lane]++;
        if (marks) {
            marks.push(ordinal);
            if (marks.length > marksBelow)
                marks = null;
        }
    }
    const binsOf = (lane) => ({ key: table.keys[lane], counts: Array.from(counts.subarray(lane * buckets, (lane + 1) * buckets)), total: totals[lane] });
    const maxLanes = Math.max(1, Math.floor((0, handlerStore_1.finiteOr)(params.maxLanes, 50)));
    const markList = marks?.map((ordinal) => markOf(index, ordinal, table.keys[laneOf[ordinal]])).sort((a, b) => a.timestampMs - b.timestampMs || a.ordinal - b.ordinal);
    const withMarks = markList ? { marks: markList } : {};
    if (params.laneOrder !== undefined || params.pinnedLanes?.length || params.laneWhere?.trim() || params.listOther) {
        const arranged = arrangeLanes(index, table, totals, binsOf, buckets, maxLanes, params);
        return { from, to, bucketMs, lanes: arranged.lanes, total: arranged.lanes.reduce((sum, lane) => sum + lane.total, 0), ...withMarks, ...arranged.other };
    }
    const lanes = [];
    table.keys.forEach((_key, lane) => {
        if (totals[lane] > 0)
            lanes.push(binsOf(lane));
    });
    lanes.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
    const shown = lanes.length > maxLanes ? foldExtraLanes(lanes, maxLanes, buckets) : lanes;
    const total = shown.reduce((sum, lane) => sum + lane.total, 0);
    return { from, to, bucketMs, lanes: shown, total, ...withMarks };
}
/** timelineBins after evaluating the content query that chooses lanes (it reads event bodies, so it is done first, asynchronously). */
async function timelineBinsChoosingLanes(store, params) {
    if (params.laneWhere?.trim())
        await (0, query_1.prepareContentMask)(store.engine, params.laneWhere);
    return timelineBins(store, params);
}
const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;
/**
 * Which lanes get a row and in which order, decided by the whole store and
 * the user's choices, not by what the range holds, so a zoom never
 * reorders the rows: the pinned lanes first (even when empty here), then
 * the lanes with events in the range (and, with `laneWhere`, a matching
 * event in the store) in the chosen order; the rest fold into `(other)`,
 * which lists what it holds when asked.
 */
function arrangeLanes(index, table, totals, binsOf, buckets, maxLanes, params) {
    const stats = laneStats(table);
    const pinned = [...new Set(params.pinnedLanes ?? [])];
    const pinnedIds = new Set();
    const pinnedRows = pinned.map((key) => {
        const id = table.keyIds.get(key);
        if (id === undefined)
            return { key, counts: new Array(buckets).fill(0), total: 0 };
        pinnedIds.add(id);
        return binsOf(id);
    });
    const chosen = params.laneWhere?.trim() ? lanesMatching(index, table, params.laneWhere) : null;
    const order = params.laneOrder ?? 'count';
    const compare = (a, b) => order === 'count'
        ? stats.totals[b] - stats.totals[a] || naturalOrder(table.keys[a], table.keys[b])
        : order === 'first'
            ? stats.first[a] - stats.first[b] || naturalOrder(table.keys[a], table.keys[b])
            : naturalOrder(table.keys[a], table.keys[b]);
    let kept = [];
    let folded = [];
    for (let lane = 0; lane < table.keys.length; lane++) {
        if (totals[lane] === 0 || pinnedIds.has(lane))
            continue;
        (chosen === null || chosen[lane] === 1 ? kept : folded).push(lane);
    }
    kept.sort(compare);
    const room = Math.max(1, maxLanes - pinnedRows.length);
    if (kept.length + (folded.length > 0 ? 1 : 0) > room) {
        folded = [...kept.slice(room - 1), ...folded];
        kept = kept.slice(0, room - 1);
    }
    const lanes = [...pinnedRows, ...kept.map(binsOf)];
    if (folded.length === 0)
        return { lanes, other: {} };
    const foldedBins = folded.map(binsOf);
    const counts = new Array(buckets).fill(0);
    let total = 0;
    for (const lane of foldedBins) {
        for (let b = 0; b < buckets; b++)
            counts[b] += lane.counts[b];
        total += lane.total;
    }
    lanes.push({ key: OTHER_LANES, counts, total });
    const listOther = Math.max(0, Math.floor((0, handlerStore_1.finiteOr)(params.listOther, 0)));
    if (listOther === 0)
        return { lanes, other: { otherLaneCount: folded.length } };
    const otherLanes = foldedBins
        .sort((a, b) => b.total - a.total || naturalOrder(a.key, b.key))
        .slice(0, listOther)
        .map((lane) => ({ key: lane.key, total: lane.total }));
    return { lanes, other: { otherLanes, otherLaneCount: folded.length } };
}
/** The whole store's count and first time per lane: one pass per lane table, kept with it. */
const statsOfTable = new WeakMap();
function laneStats(table) {
    const known = statsOfTable.get(table);
    if (known)
        return known;
    const totals = new Int32Array(table.keys.length);
    const first = new Float64Array(table.keys.length).fill(Number.POSITIVE_INFINITY);
    for (let ordinal = 0; ordinal < table.laneOf.length; ordinal++) {
        const lane = table.laneOf[ordinal];
        totals[lane]++;
        const t = table.timestamps[ordinal];
        if (t < first[lane])
            first[lane] = t;
    }
    const stats = { totals, first };
    statsOfTable.set(table, stats);
    return stats;
}
/** 1 for each lane holding at least one event the content query matches. */
function lanesMatching(index, table, where) {
    const mask = (0, query_1.contentMaskOf)(index, where);
    const lanes = new Uint8Array(table.keys.length);
    for (let ordinal = 0; ordinal < mask.length; ordinal++)
        if (mask[ordinal] === 1)
            lanes[table.laneOf[ordinal]] = 1;
    return lanes;
}
/**
 * The event after (or before) an event, or a time, in the time order among
 * the events the filters keep: the timeline's "next/previous event". Events
 * at the same instant are stepped through one by one, in the time order.
 */
function timelineNeighbour(store, params) {
    const index = store.engine.index;
    const table = laneTable(index, params.lane);
    const { order, timestamps } = table;
    const filter = (0, filterOfParams_1.filterOfParams)(params.filters) ?? {};
    const keep = (0, query_1.ordinalTestOf)(index, filter);
    const from = (0, handlerStore_1.finiteOr)(filter.since, Number.NEGATIVE_INFINITY);
    const to = (0, handlerStore_1.finiteOr)(filter.until, Number.POSITIVE_INFINITY);
    const forward = params.direction === 'next';
    const t = (0, handlerStore_1.finiteOr)(params.timestampMs, forward ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    const at = params.eventId !== undefined ? positionOf(order, timestamps, index.ordinalsOfEventId(params.eventId)[0]) : -1;
    // From a time: the first event strictly after it, or the last strictly before it.
    let k = at >= 0 ? at + (forward ? 1 : -1) : forward ? firstAtOrAfter(order, timestamps, t, true) : firstAtOrAfter(order, timestamps, t) - 1;
    for (; k >= 0 && k < order.length; k += forward ? 1 : -1) {
        const ordinal = order[k];
        if (keep && !keep(ordinal))
            continue;
        const time = timestamps[ordinal];
        if (time < from || time > to)
            continue;
        return markOf(index, ordinal, table.keys[table.laneOf[ordinal]]);
    }
    return null;
}
/** Where an ordinal sits in the time order, or -1 (no such event, or one without a timestamp). */
function positionOf(order, timestamps, ordinal) {
    if (ordinal === undefined || ordinal >= timestamps.length)
        return -1;
    const t = timestamps[ordinal];
    for (let k = firstAtOrAfter(order, timestamps, t); k < order.length && timestamps[order[k]] === t; k++)
        if (order[k] === ordinal)
            return k;
    return -1;
}
/**
 * Per index and lane mode. After appends (same ordinals version) a table is
 * extended by the new events only, so a store being written to costs each
 * bins request what was appended, not a pass over a million events.
 */
const laneTables = new WeakMap();
function laneTable(index, lane) {
    if (lane !== 'type' && lane !== 'source' && lane !== 'aggregate')
        throw new Error(`lane must be aggregate, source or type, got ${JSON.stringify(lane)}`);
    const order = index.timeOrdered();
    let byMode = laneTables.get(index);
    if (!byMode) {
        byMode = new Map();
        laneTables.set(index, byMode);
    }
    const known = byMode.get(lane);
    const sameOrdinals = known !== undefined && known.version === index.ordinalsVersion && known.laneOf.length <= index.eventCount;
    if (sameOrdinals && known.order === order && known.laneOf.length === index.eventCount)
        return known;
    const table = sameOrdinals ? extendLaneTable(known, index, lane, order) : buildLaneTable(index, lane, order);
    byMode.set(lane, table);
    return table;
}
function buildLaneTable(index, lane, order) {
    const laneOf = new Int32Array(index.eventCount).fill(-1);
    const keys = [];
    const assign = (key, ordinals) => {
        const id = keys.push(key) - 1;
        for (const ordinal of ordinals)
            laneOf[ordinal] = id;
    };
    if (lane === 'type') {
        for (const key of index.eventTypeCounts().keys())
            assign(key, index.ordinalsOfType(key));
    }
    else if (lane === 'source') {
        // An empty source is no source: it shares the lane of events without one.
        for (const key of index.sources())
            if (key !== '')
                assign(key, index.ordinalsOfSource(key));
    }
    else {
        for (const key of index.aggregateIds())
            assign(key, index.ordinalsOfAggregate(key));
    }
    // Events without an aggregate (or source) share one lane.
    let none = -1;
    for (let ordinal = 0; ordinal < laneOf.length; ordinal++) {
        if (laneOf[ordinal] !== -1)
            continue;
        if (none === -1)
            none = keys.push(NO_AGGREGATE) - 1;
        laneOf[ordinal] = none;
    }
    return { keys, keyIds: new Map(keys.map((key, id) => [key, id])), laneOf, timestamps: index.numericColumns().timestamps, order, version: index.ordinalsVersion };
}
function extendLaneTable(known, index, lane, order) {
    const count = index.eventCount;
    const laneOf = new Int32Array(count);
    laneOf.set(known.laneOf);
    const timestamps = new Float64Array(count);
    timestamps.set(known.timestamps);
    const keys = [...known.keys];
    const keyIds = new Map(known.keyIds);
    const idOf = (key) => {
        let id = keyIds.get(key);
        if (id === undefined) {
            id = keys.push(key) - 1;
            keyIds.set(key, id);
        }
        return id;
    };
    for (let ordinal = known.laneOf.length; ordinal < count; ordinal++) {
        const event = index.event(ordinal);
        const key = lane === 'type' ? event.eventType : lane === 'source' ? event.source : event.aggregateId;
        laneOf[ordinal] = idOf(key === null || key === '' ? NO_AGGREGATE : key);
        timestamps[ordinal] = event.timestampMs;
    }
    return { keys, keyIds, laneOf, timestamps, order, version: known.version };
}
/** First position in the time order whose timestamp is at least `t` (with `after`: greater than `t`). */
function firstAtOrAfter(order, timestamps, t, after = false) {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (timestamps[order[mid]] < t || (after && timestamps[order[mid]] === t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
function foldExtraLanes(lanes, maxLanes, buckets) {
    const kept = lanes.slice(0, maxLanes - 1);
    const counts = new Array(buckets).fill(0);
    let total = 0;
    for (const lane of lanes.slice(maxLanes - 1)) {
        for (let b = 0; b < buckets; b++)
            counts[b] += lane.counts[b];
        total += lane.total;
    }
    return [...kept, { key: OTHER_LANES, counts, total }];
}
function markOf(index, ordinal, lane) {
    const event = index.event(ordinal);
    return {
        ordinal,
        timestampMs: event.timestampMs,
        lane,
        type: event.eventType,
        eventId: event.eventId,
        aggregateId: event.aggregateId,
        correlationId: event.correlationId,
        file: event.file,
        line: event.line,
        status: event.status,
        retryCount: event.retryCount,
    };
}
//# sourceMappingURL=timeline.js.map