"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.snapshotOf = snapshotOf;
exports.createSnapshot = createSnapshot;
const timestamp_1 = require("../model/timestamp");
const timestampStyle_1 = require("../model/timestampStyle");
const storeFold_1 = require("../state/fold/storeFold");
const rebuild_1 = require("../state/rebuild");
const safeMerge_1 = require("../model/safeMerge");
/**
 * The snapshot of a working state (the state is copied: the working state
 * keeps changing). In the engine's deep fold it carries `event_count` and
 * `last_event_id`; otherwise it is what the writer's own snapshots hold
 * (aggregate_id, sequence_number, timestamp, state), its timestamp in the
 * form of the store's events.
 */
function snapshotOf(aggregateId, working, fold = 'deep') {
    const style = working.lastTimestamp === undefined ? undefined : (0, timestampStyle_1.detectTimestampStyle)([working.lastTimestamp]);
    const base = {
        aggregate_id: aggregateId,
        sequence_number: working.lastSequence,
        timestamp: style ? (0, timestampStyle_1.formatInStyle)(Date.now(), style) : (0, timestamp_1.formatTimestamp)(Date.now()),
        state: (0, safeMerge_1.safeClone)(working.state),
    };
    return fold === 'deep' ? { ...base, event_count: working.eventCount, last_event_id: working.lastEventId ?? null } : base;
}
/**
 * Creates a snapshot of an aggregate now (`eventbus snapshot create`): the
 * rebuilt state at `atSequence` or at its last event. When an existing
 * snapshot already sits exactly there, that one is returned.
 */
async function createSnapshot(storage, aggregateId, options = {}) {
    const working = await (0, rebuild_1.rebuildWorking)(storage, aggregateId, { atSequence: options.atSequence, reducers: options.reducers });
    if (working.lastSequence < 0) {
        const bound = options.atSequence === undefined ? '' : ` at or before sequence ${options.atSequence}`;
        throw new Error(`aggregate "${aggregateId}" has no events${bound}; there is nothing to snapshot`);
    }
    if (working.eventsApplied === 0 && working.fromSnapshot)
        return working.fromSnapshot;
    return storage.saveSnapshot(snapshotOf(aggregateId, working, options.reducers ? 'deep' : (await (0, storeFold_1.resolveStoreFold)(storage)).mode));
}
//# sourceMappingURL=createSnapshot.js.map