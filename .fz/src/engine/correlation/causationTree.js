"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.causationInputFromEvent = causationInputFromEvent;
exports.buildCausationTree = buildCausationTree;
const timestamp_1 = require("../model/timestamp");
/** A causation input from a full event (e.g. from a storage query rather than the index). */
function causationInputFromEvent(event, ordinal) {
    const seq = event.metadata.sequence_number;
    return {
        eventId: event.metadata.event_id,
        causationId: event.metadata.causation_id ?? null,
        aggregateId: event.metadata.aggregate_id ?? null,
        eventType: event.event_type,
        timestampMs: (0, timestamp_1.parseTimestamp)(event.metadata.timestamp),
        sequenceNumber: typeof seq === 'number' ? seq : Number.NaN,
        ordinal,
        source: event.metadata.source,
        correlationId: event.metadata.correlation_id ?? null,
    };
}
function byTime(a, b, ia, ib) {
    const ta = Number.isNaN(a.timestampMs) ? Number.POSITIVE_INFINITY : a.timestampMs;
    const tb = Number.isNaN(b.timestampMs) ? Number.POSITIVE_INFINITY : b.timestampMs;
    if (ta !== tb)
        return ta - tb;
    const sa = Number.isNaN(a.sequenceNumber) ? Number.POSITIVE_INFINITY : a.sequenceNumber;
    const sb = Number.isNaN(b.sequenceNumber) ? Number.POSITIVE_INFINITY : b.sequenceNumber;
    if (sa !== sb)
        return sa - sb;
    return (a.ordinal ?? ia) - (b.ordinal ?? ib);
}
function buildCausationTree(events) {
    // Sort once by time; every later list is filled in this order, so stays sorted.
    const order = events.map((_, i) => i).sort((i, j) => byTime(events[i], events[j], i, j));
    const nodes = order.map((i) => ({ event: events[i], children: [], sinceCauseMs: null, depth: 0 }));
    const position = new Map(nodes.map((node, i) => [node, i]));
    const earlier = (a, b) => position.get(a) - position.get(b);
    const byId = new Map();
    let duplicateIds = 0;
    for (const node of nodes) {
        if (byId.has(node.event.eventId)) {
            node.duplicateId = true;
            duplicateIds++;
        }
        else {
            byId.set(node.event.eventId, node);
        }
    }
    const parentOf = new Map();
    const roots = [];
    let brokenLinks = 0;
    for (const node of nodes) {
        const causeId = node.event.causationId;
        const cause = causeId ? byId.get(causeId) : undefined;
        if (cause && cause !== node) {
            parentOf.set(node, cause);
            cause.children.push(node);
        }
        else if (causeId && !cause) {
            node.brokenCause = true;
            brokenLinks++;
            roots.push(node);
        }
        else if (!causeId) {
            roots.push(node);
        }
        else {
            // Caused by itself: a one-event cycle.
            node.cycle = true;
            roots.push(node);
        }
    }
    const visited = new Set();
    const walk = (root) => {
        const stack = [root];
        visited.add(root);
        while (stack.length > 0) {
            const node = stack.pop();
            node.children = node.children.filter((child) => !visited.has(child));
            for (const child of node.children) {
                visited.add(child);
                child.depth = node.depth + 1;
                const gap = child.event.timestampMs - node.event.timestampMs;
                child.sinceCauseMs = Number.isFinite(gap) ? gap : null;
                stack.push(child);
            }
        }
    };
    for (const root of roots)
        walk(root);
    // Whatever was not reached hangs off a causation loop. Walk up from it to
    // the loop and cut it at the loop's earliest event.
    let cycles = roots.filter((root) => root.cycle).length;
    for (const node of nodes) {
        if (visited.has(node))
            continue;
        const path = new Set();
        let cursor = node;
        while (cursor && !path.has(cursor) && !visited.has(cursor)) {
            path.add(cursor);
            cursor = parentOf.get(cursor);
        }
        if (!cursor || visited.has(cursor))
            continue;
        const loop = [];
        let member = cursor;
        do {
            loop.push(member);
            member = parentOf.get(member);
        } while (member !== cursor);
        const cut = loop.reduce((best, candidate) => (earlier(candidate, best) < 0 ? candidate : best));
        const parent = parentOf.get(cut);
        parent.children = parent.children.filter((child) => child !== cut);
        parentOf.delete(cut);
        cut.cycle = true;
        cycles++;
        roots.push(cut);
        walk(cut);
    }
    roots.sort(earlier);
    const aggregates = [];
    const seen = new Set();
    for (const node of nodes) {
        const id = node.event.aggregateId;
        if (id !== null && !seen.has(id)) {
            seen.add(id);
            aggregates.push(id);
        }
    }
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const node of nodes) {
        const t = node.event.timestampMs;
        if (!Number.isFinite(t))
            continue;
        if (t < first)
            first = t;
        if (t > last)
            last = t;
    }
    return {
        roots,
        eventCount: events.length,
        brokenLinks,
        cycles,
        duplicateIds,
        aggregates,
        durationMs: Number.isFinite(first) ? last - first : null,
    };
}
//# sourceMappingURL=causationTree.js.map