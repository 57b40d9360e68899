"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.restoreFromSnapshot = restoreFromSnapshot;
const rebuild_1 = require("../../engine/state/rebuild");
const writeStore_1 = require("./writeStore");
/**
 * The state rebuilt from the snapshot the user chose plus the events after
 * it. The ordinary rebuild picks the latest usable snapshot; here the
 * storage it reads through offers only the chosen one, so the same code
 * (snapshot loading, folding, the `system` aggregate's axis) does the work.
 */
async function restoreFromSnapshot(store, params) {
    const aggregateId = (0, writeStore_1.requireText)('aggregateId', params.aggregateId, '"trader_1"');
    const snapshotFile = (0, writeStore_1.requireText)('snapshotFile', params.snapshotFile, '"snapshots/snapshot_trader_1_150.json"');
    const toSequence = (0, writeStore_1.optionalWhole)('toSequence', params.toSequence);
    const storage = store.engine.storage;
    const refs = await storage.listSnapshots(aggregateId);
    const ref = refs.find((r) => r.file === snapshotFile && r.aggregate_id === aggregateId);
    if (!ref) {
        const known = refs.filter((r) => r.aggregate_id === aggregateId).map((r) => r.file);
        throw new Error(`${snapshotFile} is not a snapshot of ${aggregateId} (expected one of: ${known.length > 0 ? known.join(', ') : 'none, the aggregate has no snapshots'})`);
    }
    if (toSequence !== undefined && toSequence < ref.sequence_number) {
        throw new Error(`toSequence ${toSequence} is before the snapshot's sequence ${ref.sequence_number}: expected ${ref.sequence_number} or later`);
    }
    const result = await (0, rebuild_1.rebuildFromEvents)(offeringOnly(storage, ref), aggregateId, { atSequence: toSequence });
    if (result.fromSnapshot?.file !== ref.file) {
        throw new Error(`${ref.file} cannot be used: ${result.skippedSnapshots.find((s) => s.ref.file === ref.file)?.reason ?? 'it was not loaded'}`);
    }
    return {
        aggregateId,
        state: result.state,
        lastSequence: result.lastSequence,
        eventsApplied: result.eventsApplied,
        fromSnapshot: ref.file,
        skippedSnapshots: [],
    };
}
/** The storage, except that its only snapshot is `ref`. Closing it leaves the session's storage open. */
function offeringOnly(storage, ref) {
    return {
        kind: storage.kind,
        append: (events) => storage.append(events),
        query: (query) => storage.query(query),
        getEvent: (eventId) => storage.getEvent(eventId),
        lastSequence: (aggregateId) => storage.lastSequence(aggregateId),
        countEvents: () => storage.countEvents(),
        saveSnapshot: (snapshot) => storage.saveSnapshot(snapshot),
        listSnapshots: async () => [ref],
        loadSnapshot: (wanted) => storage.loadSnapshot(wanted),
        health: () => storage.health(),
        close: async () => undefined,
    };
}
//# sourceMappingURL=writeRestore.js.map