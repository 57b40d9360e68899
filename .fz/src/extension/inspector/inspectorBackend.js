"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toInspectorStep = toInspectorStep;
exports.createInspectorBackend = createInspectorBackend;
exports.driftOf = driftOf;
const protocol_1 = require("../../shared/protocol");
function toInspectorStep(entry) {
    return {
        ordinal: entry.ordinal,
        sequence: entry.sequence,
        type: entry.type,
        timestamp: entry.timestamp,
        eventId: entry.eventId,
        status: entry.status,
        source: entry.source,
        retryCount: entry.retryCount,
        correlationId: entry.correlationId,
    };
}
function createInspectorBackend(send, subject) {
    const scope = { aggregateId: subject.aggregateId, ...(subject.store === undefined ? {} : { store: subject.store }) };
    const rebuild = (atSequence) => send(protocol_1.RebuildRequest.type, { ...scope, atSequence });
    return {
        async steps({ offset, limit }) {
            const page = await send(protocol_1.AggregateEventsRequest.type, { ...scope, offset, limit });
            return { offset: page.offset, total: page.total, steps: page.items.map(toInspectorStep) };
        },
        async state({ atSequence }) {
            const result = await rebuild(atSequence);
            return {
                atSequence,
                state: result.state,
                lastSequence: result.lastSequence,
                eventsApplied: result.eventsApplied,
                fromSnapshot: result.fromSnapshot,
                ...(result.stateText !== undefined ? { stateText: result.stateText } : {}),
                ...(result.numberSpellings !== undefined ? { numberSpellings: result.numberSpellings } : {}),
                ...(result.roundedNumbers !== undefined ? { roundedNumbers: result.roundedNumbers } : {}),
                ...(result.bookkeepingKeys !== undefined ? { bookkeepingKeys: result.bookkeepingKeys } : {}),
            };
        },
        async snapshots() {
            const list = await send(protocol_1.SnapshotsRequest.type, scope);
            return {
                snapshots: list.snapshots
                    .filter((s) => s.aggregateId === subject.aggregateId)
                    .map((s) => ({ sequenceNumber: s.sequenceNumber, file: s.file })),
            };
        },
        async snapshotDrift(params) {
            const [verifications, atSnapshot] = await Promise.all([send(protocol_1.SnapshotVerifyRequest.type, scope), rebuild(params.sequenceNumber)]);
            return driftOf(params, verifications, atSnapshot);
        },
    };
}
/**
 * One snapshot's drift from the verify results, plus its own state: a
 * rebuild at the snapshot's sequence that started from that very file and
 * applied no event is the snapshot's state (the server reads it; the client
 * never parses the store).
 */
function driftOf(snapshot, verifications, atSnapshot) {
    const found = verifications.find((v) => v.file === snapshot.file) ?? verifications.find((v) => v.sequenceNumber === snapshot.sequenceNumber);
    const known = atSnapshot.fromSnapshot === snapshot.file && atSnapshot.eventsApplied === 0;
    if (!found) {
        return {
            ...snapshot,
            ok: false,
            differences: [],
            error: `the server did not verify ${snapshot.file} (is it still in snapshots/?)`,
            snapshotState: known ? atSnapshot.state : null,
            snapshotStateKnown: known,
        };
    }
    return {
        sequenceNumber: found.sequenceNumber,
        file: found.file,
        ok: found.ok,
        differences: [...found.differences],
        error: found.error ?? null,
        snapshotState: known ? atSnapshot.state : null,
        snapshotStateKnown: known,
    };
}
//# sourceMappingURL=inspectorBackend.js.map