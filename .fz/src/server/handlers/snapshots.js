"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshots = snapshots;
exports.snapshotCreate = snapshotCreate;
exports.snapshotVerify = snapshotVerify;
const createSnapshot_1 = require("../../engine/snapshot/createSnapshot");
const handlerBackend_1 = require("./handlerBackend");
const drift_1 = require("../../engine/snapshot/drift");
const snapshotStore_1 = require("../../engine/snapshot/snapshotStore");
const uris_1 = require("../../shared/uris");
const handlerStore_1 = require("./handlerStore");
function summaryOf(store, ref) {
    return {
        aggregateId: ref.aggregate_id,
        sequenceNumber: ref.sequence_number,
        file: ref.file,
        uri: (0, uris_1.fileUriOf)(`${store.root}/${ref.file}`),
    };
}
/** Snapshot files by aggregate then sequence (names only, no file read), and what was not a snapshot. */
async function snapshots(store, params) {
    const listing = await (0, snapshotStore_1.listSnapshotFiles)(store.root, params.aggregateId);
    return {
        snapshots: listing.snapshots.map((ref) => summaryOf(store, ref)),
        ignored: listing.ignored.map((i) => ({ file: i.file, reason: i.reason })),
    };
}
/** Writes a snapshot of the rebuilt state (at a sequence, default the last event), as `eventbus snapshot create`. */
async function snapshotCreate(store, params) {
    const atSequence = params.atSequence === undefined ? undefined : (0, handlerStore_1.finiteOr)(params.atSequence, Number.NaN);
    if (atSequence !== undefined && !Number.isInteger(atSequence))
        throw new Error(`atSequence must be a whole number, got ${String(params.atSequence)}`);
    const ref = await (0, createSnapshot_1.createSnapshot)((0, handlerBackend_1.backendOf)(store), params.aggregateId, { atSequence });
    return summaryOf(store, ref);
}
/** Checks each snapshot against the previous one plus the events between, the store's fold, as `eventbus snapshot verify`. */
async function snapshotVerify(store, params) {
    const results = await (0, drift_1.verifySnapshots)((0, handlerBackend_1.backendOf)(store), params.aggregateId);
    return results.map((r) => ({
        aggregateId: r.ref.aggregate_id,
        sequenceNumber: r.ref.sequence_number,
        file: r.ref.file,
        ok: r.ok,
        eventsApplied: r.eventsApplied,
        rebuiltToSequence: r.rebuiltToSequence,
        differences: r.differences.map(drift_1.describeDifference),
        ...(r.error !== undefined ? { error: r.error } : {}),
        ...(r.unverifiable !== undefined ? { unverifiable: r.unverifiable } : {}),
    }));
}
//# sourceMappingURL=snapshots.js.map