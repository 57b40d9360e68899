"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.structuralDiff = void 0;
exports.verifySnapshots = verifySnapshots;
exports.verifySnapshot = verifySnapshot;
exports.describeDifference = describeDifference;
const defaultReducer_1 = require("../state/defaultReducer");
const rebuild_1 = require("../state/rebuild");
const safeMerge_1 = require("../model/safeMerge");
const unsafeNumbers_1 = require("../state/unsafeNumbers");
const snapshotTypes_1 = require("../model/snapshotTypes");
const structuralDiff_1 = require("./structuralDiff");
var structuralDiff_2 = require("./structuralDiff");
Object.defineProperty(exports, "structuralDiff", { enumerable: true, get: function () { return structuralDiff_2.structuralDiff; } });
/**
 * Which `_meta` keys to compare. A snapshot written by the Python bus may
 * have no `_meta` at all, or fewer keys than ours: only the `_meta` keys the
 * snapshot itself holds are compared (a snapshot with no `_meta` skips it
 * entirely). Those values are deterministic from the events (type,
 * sequence, stored timestamp, id, count), so a mismatch there is real drift.
 */
function alignMeta(snapshotState, rebuiltState) {
    if (!(0, safeMerge_1.isPlainObject)(rebuiltState) || !(0, safeMerge_1.isPlainObject)(snapshotState))
        return rebuiltState;
    const rebuiltMeta = (0, defaultReducer_1.stateMeta)(rebuiltState);
    const snapshotMeta = (0, defaultReducer_1.stateMeta)(snapshotState);
    const { [defaultReducer_1.META_KEY]: _dropped, ...rest } = rebuiltState;
    if (!snapshotMeta || !rebuiltMeta)
        return snapshotMeta ? rebuiltState : rest;
    const kept = {};
    for (const key of Object.keys(snapshotMeta)) {
        if (Object.prototype.hasOwnProperty.call(rebuiltMeta, key))
            kept[key] = rebuiltMeta[key];
    }
    return { ...rest, [defaultReducer_1.META_KEY]: kept };
}
/**
 * The lowest sequence number still in the store for what a snapshot of
 * `aggregateId` folds, and whether events before it were removed (the
 * numbering does not start at 0 or 1). In a store numbered bus-wide the
 * removed events could have been anyone's, so the store's lowest counts.
 */
async function retainedFrom(storage, aggregateId) {
    let lowest = Number.POSITIVE_INFINITY;
    const perAggregate = storage.sequenceMode?.() === 'aggregate';
    if (aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE && perAggregate) {
        // Counted by position: any aggregate that lost its first events makes every count unknowable.
        const seen = new Map();
        for await (const event of storage.query({})) {
            const id = event.metadata.aggregate_id ?? '';
            if (!seen.has(id))
                seen.set(id, event.metadata.sequence_number);
        }
        const removed = [...seen.values()].some((first) => first > 1);
        return { lowest: removed ? Number.POSITIVE_INFINITY : 0, removed };
    }
    const query = perAggregate ? { aggregateId, limit: 1 } : { limit: 1000 };
    for await (const event of storage.query(query))
        lowest = Math.min(lowest, event.metadata.sequence_number);
    return { lowest, removed: Number.isFinite(lowest) && lowest > 1 };
}
async function rebuildAndCompare(storage, ref, snapshotState, previous, reducers) {
    try {
        const rebuilt = await (0, rebuild_1.rebuildFromEvents)(storage, ref.aggregate_id, {
            atSequence: ref.sequence_number,
            reducers,
            ...(previous ? { startFrom: previous } : { useSnapshots: false }),
        });
        const differences = (0, structuralDiff_1.structuralDiff)(snapshotState, alignMeta(snapshotState, rebuilt.state));
        const numberFinding = (0, unsafeNumbers_1.stateNumberFinding)(ref.file, rebuilt.state);
        return {
            ref,
            ...(numberFinding ? { numberFinding } : {}),
            ok: differences.length === 0,
            differences,
            eventsApplied: rebuilt.eventsApplied,
            rebuiltToSequence: rebuilt.lastSequence,
            ...(previous ? { fromSnapshot: previous.ref } : {}),
        };
    }
    catch (error) {
        return { ref, ok: false, differences: [], eventsApplied: 0, rebuiltToSequence: -1, error: messageOf(error) };
    }
}
/**
 * Checks each snapshot of an aggregate against the previous one plus the
 * events between them (the first against the events from the start), with
 * the store's fold: the question a snapshot answers is "is this what
 * folding on from the last snapshot gives", and it needs only the events
 * since then. Where those events were removed (TTL), the answer is "cannot
 * verify", never drift. Unreadable snapshots are reported and skipped as
 * starting points.
 */
async function verifySnapshots(storage, aggregateId, reducers) {
    const refs = await storage.listSnapshots(aggregateId);
    const byAggregate = new Map();
    for (const ref of refs) {
        const list = byAggregate.get(ref.aggregate_id) ?? [];
        list.push(ref);
        byAggregate.set(ref.aggregate_id, list);
    }
    const results = new Map();
    for (const [id, list] of byAggregate) {
        list.sort((a, b) => a.sequence_number - b.sequence_number);
        const retained = await retainedFrom(storage, id);
        let previous;
        for (const ref of list) {
            let snapshot;
            try {
                snapshot = await storage.loadSnapshot(ref);
            }
            catch (error) {
                results.set(ref, { ref, ok: false, differences: [], eventsApplied: 0, rebuiltToSequence: -1, error: messageOf(error) });
                continue;
            }
            const firstNeeded = previous ? previous.snapshot.sequence_number + 1 : Number.NEGATIVE_INFINITY;
            if (retained.removed && firstNeeded < retained.lowest && ref.sequence_number >= firstNeeded) {
                const before = Number.isFinite(retained.lowest) ? ` ${retained.lowest}` : ' the oldest retained one';
                results.set(ref, {
                    ref,
                    ok: false,
                    differences: [],
                    eventsApplied: 0,
                    rebuiltToSequence: -1,
                    unverifiable: `cannot verify: events before${before} were removed`,
                });
            }
            else {
                results.set(ref, await rebuildAndCompare(storage, ref, snapshot.state, previous, reducers));
            }
            previous = { snapshot, ref };
        }
    }
    return refs.map((ref) => results.get(ref));
}
/** Verifies one snapshot (against the previous snapshot of its aggregate, as verifySnapshots does). */
async function verifySnapshot(storage, ref, reducers) {
    const all = await verifySnapshots(storage, ref.aggregate_id, reducers);
    const found = all.find((r) => r.ref.file === ref.file && r.ref.sequence_number === ref.sequence_number);
    if (found)
        return found;
    return { ref, ok: false, differences: [], eventsApplied: 0, rebuiltToSequence: -1, error: `${ref.file} is not among the snapshots of ${ref.aggregate_id}` };
}
/** One line per difference, for the CLI. */
function describeDifference(difference) {
    const show = (value) => {
        const text = JSON.stringify(value);
        return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
    };
    const where = difference.path === '' ? '(root)' : difference.path;
    if (difference.kind === 'added')
        return `${where}: missing from the snapshot, rebuilt has ${show(difference.after)}`;
    if (difference.kind === 'removed')
        return `${where}: snapshot has ${show(difference.before)}, rebuilt state has nothing`;
    return `${where}: snapshot has ${show(difference.before)}, rebuilt has ${show(difference.after)}`;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=drift.js.map