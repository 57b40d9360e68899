"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.T0 = exports.HOSTILE_AGGREGATE = exports.HOSTILE_TYPE = exports.HOSTILE_ID = void 0;
exports.fixtureEvents = fixtureEvents;
exports.binsOf = binsOf;
exports.neighbourOf = neighbourOf;
exports.fixtureBackend = fixtureBackend;
/**
 * A small store for the timeline page tests, answered as the language server
 * would (bins per lane per bucket, marks below a threshold, types, causation
 * trees), with an aggregate, a type and ids that hold markup.
 */
exports.HOSTILE_ID = '<img src=x onerror="window.__pwned=1">';
exports.HOSTILE_TYPE = '<script>window.__pwned=2</script>';
exports.HOSTILE_AGGREGATE = '<b onmouseover="window.__pwned=3">agg</b>';
exports.T0 = Date.UTC(2024, 0, 15, 10, 0, 0);
function fixtureEvents() {
    const events = [];
    // Two busy aggregates over ten minutes, one event every 2 s each.
    for (let k = 0; k < 300; k++) {
        events.push({ eventId: `o1-${k}`, t: exports.T0 + k * 2000, type: k % 3 === 0 ? 'order_placed' : 'item_added', aggregateId: 'order-1', source: 'Orders', correlationId: null, causationId: null });
        events.push({ eventId: `o2-${k}`, t: exports.T0 + k * 2000 + 1000, type: 'item_added', aggregateId: 'order-2', source: 'Orders', correlationId: null, causationId: null });
    }
    // A correlated chain across lanes, the last hop with markup everywhere.
    events.push({ eventId: 'c-root', t: exports.T0 + 300_000, type: 'order_placed', aggregateId: 'order-3', source: 'Orders', correlationId: 'corr-1', causationId: null });
    events.push({ eventId: 'c-pay', t: exports.T0 + 300_400, type: 'payment_failed', aggregateId: 'pay-3', source: 'Payments', correlationId: 'corr-1', causationId: 'c-root' });
    events.push({ eventId: exports.HOSTILE_ID, t: exports.T0 + 301_000, type: exports.HOSTILE_TYPE, aggregateId: exports.HOSTILE_AGGREGATE, source: 'Shipping', correlationId: 'corr-1', causationId: 'c-pay' });
    return events.sort((a, b) => a.t - b.t);
}
function laneKey(e, lane) {
    return lane === 'aggregate' ? (e.aggregateId ?? '(none)') : lane === 'source' ? e.source : e.type;
}
function entryOf(e, ordinal) {
    return {
        ordinal,
        sequence: ordinal,
        type: e.type,
        timestamp: new Date(e.t).toISOString(),
        timestampMs: e.t,
        status: 'processed',
        retryCount: 0,
        file: 'events/events_2024-01-15.jsonl',
        uri: 'file:///fixture/events/events_2024-01-15.jsonl',
        line: ordinal + 1,
        eventId: e.eventId,
        aggregateId: e.aggregateId,
        correlationId: e.correlationId,
        causationId: e.causationId,
        source: e.source,
        schemaVersion: '1.0',
    };
}
function binsOf(events, params) {
    const from = params.from ?? events[0].t;
    const to = params.to ?? events[events.length - 1].t;
    const buckets = params.buckets ?? 100;
    const bucketMs = Math.max(to - from, 1) / buckets;
    const f = params.filters ?? {};
    const types = f.types ? new Set(f.types) : null;
    const sources = f.sources ? new Set(f.sources) : null;
    const passes = (e) => (!types || types.has(e.type)) &&
        (!sources || sources.has(e.source)) &&
        (!f.aggregatePrefix || (e.aggregateId ?? '').startsWith(f.aggregatePrefix)) &&
        (f.from === undefined || e.t >= f.from) &&
        (f.to === undefined || e.t <= f.to);
    const lanes = new Map();
    const inRange = [];
    events.forEach((e, ordinal) => {
        if (e.t < from || e.t > to || !passes(e))
            return;
        const key = laneKey(e, params.lane);
        const lane = lanes.get(key) ?? { counts: new Array(buckets).fill(0), total: 0 };
        lane.counts[Math.min(buckets - 1, Math.floor((e.t - from) / bucketMs))]++;
        lane.total++;
        lanes.set(key, lane);
        inRange.push({ e, ordinal });
    });
    let sorted = [...lanes.entries()].map(([key, l]) => ({ key, ...l })).sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
    const maxLanes = params.maxLanes ?? 50;
    const total = inRange.length;
    const marks = total <= (params.marksBelow ?? 500)
        ? inRange.map(({ e, ordinal }) => markOf(e, ordinal, params.lane))
        : undefined;
    if (params.laneOrder !== undefined || params.pinnedLanes?.length) {
        // As the server does: the whole store's order, pinned lanes first (empty when they hold nothing here), the rest folded and listed.
        const storeCount = new Map();
        for (const e of events)
            storeCount.set(laneKey(e, params.lane), (storeCount.get(laneKey(e, params.lane)) ?? 0) + 1);
        const natural = new Intl.Collator('en', { numeric: true }).compare;
        const pinned = params.pinnedLanes ?? [];
        const rest = sorted.filter((l) => !pinned.includes(l.key)).sort((a, b) => (params.laneOrder === 'name' ? natural(a.key, b.key) : (storeCount.get(b.key) ?? 0) - (storeCount.get(a.key) ?? 0) || natural(a.key, b.key)));
        const room = Math.max(1, maxLanes - pinned.length);
        const kept = rest.length > room ? rest.slice(0, room - 1) : rest;
        const folded = rest.length > room ? rest.slice(room - 1) : [];
        const rows = [...pinned.map((key) => ({ key, counts: lanes.get(key)?.counts ?? new Array(buckets).fill(0), total: lanes.get(key)?.total ?? 0 })), ...kept];
        if (folded.length > 0) {
            const counts = new Array(buckets).fill(0);
            for (const l of folded)
                l.counts.forEach((c, i) => (counts[i] += c));
            rows.push({ key: '(other)', counts, total: folded.reduce((n, l) => n + l.total, 0) });
        }
        const other = folded.length > 0 ? { otherLaneCount: folded.length, otherLanes: folded.sort((a, b) => b.total - a.total).slice(0, params.listOther ?? 0).map((l) => ({ key: l.key, total: l.total })) } : {};
        return { from, to, bucketMs, lanes: rows, total, ...(marks ? { marks } : {}), ...other };
    }
    if (sorted.length > maxLanes) {
        const rest = sorted.slice(maxLanes - 1);
        const counts = new Array(buckets).fill(0);
        for (const l of rest)
            l.counts.forEach((c, i) => (counts[i] += c));
        sorted = [...sorted.slice(0, maxLanes - 1), { key: '(other)', counts, total: rest.reduce((n, l) => n + l.total, 0) }];
    }
    return { from, to, bucketMs, lanes: sorted, total, ...(marks ? { marks } : {}) };
}
function markOf(e, ordinal, lane) {
    return { ordinal, timestampMs: e.t, lane: laneKey(e, lane), type: e.type, eventId: e.eventId, aggregateId: e.aggregateId, correlationId: e.correlationId, file: 'events/x.jsonl', line: ordinal + 1, status: 'completed', retryCount: 0 };
}
/** The next (previous) event after an event or a time, as the server steps: the events are in time order already. */
function neighbourOf(events, params) {
    const types = params.filters?.types ? new Set(params.filters.types) : null;
    const at = params.eventId !== undefined ? events.findIndex((e) => e.eventId === params.eventId) : -1;
    const forward = params.direction === 'next';
    let k = at >= 0 ? at + (forward ? 1 : -1) : forward ? events.findIndex((e) => e.t > params.timestampMs) : events.filter((e) => e.t < params.timestampMs).length - 1;
    if (k < 0 && at < 0)
        return null;
    for (; k >= 0 && k < events.length; k += forward ? 1 : -1)
        if (!types || types.has(events[k].type))
            return markOf(events[k], k, params.lane);
    return null;
}
function causationTree(events, correlationId) {
    const members = events.filter((e) => e.correlationId === correlationId);
    if (members.length === 0)
        return null;
    const node = (e, depth, cause) => ({
        entry: entryOf(e, events.indexOf(e)),
        sinceCauseMs: cause ? e.t - cause.t : null,
        depth,
        children: members.filter((c) => c.causationId === e.eventId).map((c) => node(c, depth + 1, e)),
    });
    return {
        correlationId,
        eventCount: members.length,
        aggregates: [],
        durationMs: members[members.length - 1].t - members[0].t,
        brokenLinks: 0,
        cycles: 0,
        duplicateIds: 0,
        roots: members.filter((e) => e.causationId === null).map((e) => node(e, 0, null)),
    };
}
function fixtureBackend(events = fixtureEvents()) {
    const binsAsked = [];
    const neighboursAsked = [];
    return {
        events,
        binsAsked,
        neighboursAsked,
        async sendRequest(type, params) {
            switch (type.method) {
                case 'eventbus/timelineBins':
                    binsAsked.push(params);
                    return binsOf(events, params);
                case 'eventbus/timelineNeighbour':
                    neighboursAsked.push(params);
                    return neighbourOf(events, params);
                case 'eventbus/eventTypes': {
                    const counts = new Map();
                    for (const e of events)
                        counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
                    return [...counts].map(([eventType, count]) => ({ eventType, count, schemaVersions: [] }));
                }
                case 'eventbus/eventGroups': {
                    const counts = new Map();
                    for (const e of events)
                        counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
                    return { items: [...counts].map(([key, count]) => ({ key, count })), total: counts.size, offset: 0 };
                }
                case 'eventbus/causationTree':
                    return causationTree(events, params.correlationId);
                default:
                    throw new Error(`the fixture does not answer ${type.method}`);
            }
        },
    };
}
//# sourceMappingURL=timelineFixture.js.map