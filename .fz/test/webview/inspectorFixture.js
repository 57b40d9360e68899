"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOSTILE_NOTE = exports.HOSTILE_TYPE = void 0;
exports.orderEvents = orderEvents;
exports.stepOf = stepOf;
exports.fixtureBackend = fixtureBackend;
/** Markup an attacker could put into a stored event: each would set `window.__pwned` if it ever ran. */
exports.HOSTILE_TYPE = '<img src=x onerror="window.__pwned=1">';
exports.HOSTILE_NOTE = '<script>window.__pwned=2</script><img src=/x2 onerror="window.__pwned=3"><b>bold?</b>';
/** A small aggregate whose state is each event's data merged in (the default reducer's idea). */
function orderEvents() {
    return [
        { sequence: 1, type: 'OrderPlaced', data: { status: 'placed', items: [{ id: 'a', qty: 1 }], total: 10 } },
        { sequence: 2, type: 'ItemAdded', data: { items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 2 }], total: 30 } },
        { sequence: 3, type: exports.HOSTILE_TYPE, data: { note: exports.HOSTILE_NOTE } },
        { sequence: 4, type: 'OrderShipped', data: { status: 'shipped' } },
    ];
}
function stepOf(event) {
    return {
        ordinal: event.sequence - 1,
        sequence: event.sequence,
        type: event.type,
        timestamp: `2024-01-15T10:00:0${event.sequence}Z`,
        eventId: `evt-${event.sequence}`,
        status: 'completed',
        source: 'orders',
        retryCount: 0,
        correlationId: 'corr-1',
    };
}
function fixtureBackend(events = orderEvents(), drift) {
    const stateRequests = [];
    const stateAt = (sequence) => events.filter((e) => e.sequence <= sequence).reduce((state, e) => ({ ...state, ...e.data }), {});
    return {
        events,
        stateRequests,
        async steps({ offset, limit }) {
            return { offset, total: events.length, steps: events.slice(offset, offset + limit).map(stepOf) };
        },
        async state({ atSequence }) {
            stateRequests.push(atSequence);
            const applied = events.filter((e) => e.sequence <= atSequence);
            return { atSequence, state: stateAt(atSequence), lastSequence: applied.at(-1)?.sequence ?? 0, eventsApplied: applied.length, fromSnapshot: null };
        },
        async snapshots() {
            return { snapshots: [{ sequenceNumber: 2, file: 'snapshots/snapshot_order-1_2.json' }] };
        },
        async snapshotDrift({ sequenceNumber, file }) {
            return {
                sequenceNumber,
                file,
                ok: false,
                differences: ['/total: snapshot has 25, rebuilt has 30'],
                error: null,
                snapshotState: { ...stateAt(sequenceNumber), total: 25 },
                snapshotStateKnown: true,
                ...drift,
            };
        },
    };
}
//# sourceMappingURL=inspectorFixture.js.map