"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReducerError = void 0;
exports.toReducerSet = toReducerSet;
exports.reducersForRebuild = reducersForRebuild;
exports.systemAxis = systemAxis;
exports.foldEvent = foldEvent;
exports.rebuildWorking = rebuildWorking;
exports.rebuildFromEvents = rebuildFromEvents;
const snapshotTypes_1 = require("../model/snapshotTypes");
const defaultReducer_1 = require("./defaultReducer");
const projectionRunner_1 = require("./projectionRunner");
const storeFold_1 = require("./fold/storeFold");
const reducerRegistry_1 = require("./reducerRegistry");
const safeMerge_1 = require("../model/safeMerge");
const systemReducer_1 = require("./systemReducer");
/** An error from a reducer, naming the event it failed on. */
class ReducerError extends Error {
    event;
    constructor(event, cause) {
        super(`reducer for ${event.event_type} failed on event ${event.metadata.event_id} ` +
            `(aggregate ${event.metadata.aggregate_id ?? '-'}, sequence ${event.metadata.sequence_number}): ` +
            (cause instanceof Error ? cause.message : String(cause)));
        this.event = event;
        this.name = 'ReducerError';
    }
}
exports.ReducerError = ReducerError;
function toReducerSet(reducers) {
    if (!reducers)
        return DEFAULT_REDUCERS;
    if (typeof reducers.reducerFor === 'function')
        return reducers;
    return (0, reducerRegistry_1.reducersFrom)(reducers);
}
const DEFAULT_REDUCERS = new reducerRegistry_1.ReducerRegistry();
const SYSTEM_REDUCERS = new reducerRegistry_1.ReducerRegistry(systemReducer_1.systemReducer);
/**
 * The reducers a rebuild of `aggregateId` uses: the caller's, else the
 * store's fold. `system` folds through the summary reducer with the
 * caller's reducers and in deep mode, else through the store's fold.
 */
async function reducersForRebuild(storage, aggregateId, reducers) {
    if (reducers)
        return aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE ? SYSTEM_REDUCERS : toReducerSet(reducers);
    const fold = await (0, storeFold_1.resolveStoreFold)(storage);
    if (fold.mode === 'projection') {
        throw new Error(`the store's fold is the projection "${fold.projection ?? ''}" (eventbus.config.json): it runs code from the store, ` +
            'so allow projections (--allow-projections, or a trusted workspace) to rebuild its state');
    }
    return fold.mode === 'deep' && aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE ? SYSTEM_REDUCERS : fold.reducers;
}
/** How `system` snapshots count: by the bus-wide sequence number when the store has one, else by events folded. */
function systemAxis(storage) {
    return storage.sequenceMode?.() === 'global' ? 'sequence' : 'position';
}
/**
 * Folds one event into a working state. Custom per-type reducers get `_meta`
 * maintained for them (when their state is a mutable object), so `_meta`
 * means the same whichever reducer ran.
 */
function foldEvent(working, event, reducers) {
    const custom = reducers.reducerFor(event.event_type);
    const reducer = custom ?? reducers.fallback;
    let next;
    try {
        next = reducer(working.state, event);
    }
    catch (error) {
        throw new ReducerError(event, error);
    }
    if ((0, safeMerge_1.isPlainObject)(next) && !Object.isFrozen(next)) {
        if (reducers.afterFold)
            reducers.afterFold(next, event);
        else if (reducer !== defaultReducer_1.defaultReducer && reducer !== systemReducer_1.systemReducer)
            (0, defaultReducer_1.recordMeta)(next, event);
    }
    working.state = next;
    working.lastSequence = event.metadata.sequence_number;
    working.lastEventId = event.metadata.event_id;
    working.lastTimestamp = event.metadata.timestamp;
    working.eventsApplied++;
    if (working.eventCount !== undefined)
        working.eventCount++;
}
async function latestUsableSnapshot(storage, aggregateId, target) {
    const skipped = [];
    const refs = (await storage.listSnapshots(aggregateId))
        .filter((ref) => ref.aggregate_id === aggregateId && ref.sequence_number <= target)
        .sort((a, b) => b.sequence_number - a.sequence_number);
    for (const ref of refs) {
        try {
            return { snapshot: await storage.loadSnapshot(ref), ref, skipped };
        }
        catch (error) {
            skipped.push({ ref, reason: error instanceof Error ? error.message : String(error) });
        }
    }
    return { skipped };
}
/** How many events a snapshot holds, when it says (top-level `event_count`, else `_meta.event_count`). */
function snapshotEventCount(snapshot) {
    if (typeof snapshot.event_count === 'number')
        return snapshot.event_count;
    const fromMeta = (0, defaultReducer_1.stateMeta)(snapshot.state)?.event_count;
    return typeof fromMeta === 'number' ? fromMeta : undefined;
}
/** Rebuilds into a mutable working state (not frozen); see rebuildFromEvents. */
async function rebuildWorking(storage, aggregateId, options = {}) {
    const target = options.atSequence ?? Number.POSITIVE_INFINITY;
    const reducers = await reducersForRebuild(storage, aggregateId, options.reducers);
    const start = options.startFrom
        ? { ...options.startFrom, skipped: [] }
        : options.useSnapshots === false
            ? { skipped: [] }
            : await latestUsableSnapshot(storage, aggregateId, target);
    const isSystem = aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE;
    const working = {
        state: start.snapshot ? (0, safeMerge_1.safeClone)(start.snapshot.state) : (options.initialState?.() ?? {}),
        lastSequence: start.snapshot ? start.snapshot.sequence_number : -1,
        eventsApplied: 0,
        eventCount: start.snapshot
            ? isSystem && systemAxis(storage) === 'position'
                ? start.snapshot.sequence_number
                : snapshotEventCount(start.snapshot)
            : 0,
        lastEventId: start.snapshot?.last_event_id ?? undefined,
        fromSnapshot: start.ref,
        skippedSnapshots: start.skipped,
    };
    if (isSystem && systemAxis(storage) === 'sequence') {
        const base = start.snapshot ? start.snapshot.sequence_number : Number.NEGATIVE_INFINITY;
        // Bounded by sequence in the query, so only the events between are read (the index filters the rest).
        const bounds = { fromSequenceNumber: Number.isFinite(base) ? base + 1 : undefined, toSequenceNumber: Number.isFinite(target) ? target : undefined };
        for await (const event of storage.query(bounds)) {
            if (event.metadata.event_id === options.stopBeforeEventId)
                break;
            const sequence = event.metadata.sequence_number;
            if (!(sequence > base) || sequence > target)
                continue;
            foldEvent(working, event, reducers);
        }
        return working;
    }
    if (isSystem) {
        const base = start.snapshot ? start.snapshot.sequence_number : 0;
        let position = 0;
        for await (const event of storage.query(Number.isFinite(target) ? { limit: target } : {})) {
            if (event.metadata.event_id === options.stopBeforeEventId)
                break;
            position++;
            if (position <= base)
                continue;
            if (position > target)
                break;
            foldEvent(working, event, reducers);
            working.lastSequence = position;
        }
        if (working.eventsApplied === 0 && !start.snapshot)
            working.lastSequence = -1;
        return working;
    }
    const from = start.snapshot ? start.snapshot.sequence_number + 1 : undefined;
    const query = { aggregateId, fromSequenceNumber: from, toSequenceNumber: Number.isFinite(target) ? target : undefined };
    for await (const event of storage.query(query)) {
        const sequence = event.metadata.sequence_number;
        // The storage already bounds the query; this guards a backend that does not.
        if (event.metadata.aggregate_id !== aggregateId || (from !== undefined && sequence < from) || sequence > target)
            continue;
        if (event.metadata.event_id === options.stopBeforeEventId)
            break;
        foldEvent(working, event, reducers);
    }
    return working;
}
async function rebuildWithProjection(storage, aggregateId, projection, options) {
    const target = options.atSequence ?? Number.POSITIVE_INFINITY;
    const isSystem = aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE;
    const bySequence = !isSystem || systemAxis(storage) === 'sequence';
    // The projection starts from the snapshot's state (a store whose fold is
    // this projection keeps projection state in its snapshots).
    const start = options.startFrom
        ? { ...options.startFrom, skipped: [] }
        : options.useSnapshots === false
            ? { skipped: [] }
            : await latestUsableSnapshot(storage, aggregateId, target);
    const base = start.snapshot?.sequence_number ?? (bySequence ? Number.NEGATIVE_INFINITY : 0);
    const query = isSystem ? {} : { aggregateId, toSequenceNumber: Number.isFinite(target) ? target : undefined };
    let position = 0;
    async function* bounded() {
        for await (const event of storage.query(query)) {
            if (!isSystem && event.metadata.aggregate_id !== aggregateId)
                continue;
            if (bySequence) {
                const sequence = event.metadata.sequence_number;
                if (!(sequence > base) || sequence > target)
                    continue;
            }
            else {
                position++;
                if (position <= base)
                    continue;
                if (position > target)
                    return;
            }
            yield event;
        }
    }
    const run = await (0, projectionRunner_1.runProjection)(projection, bounded(), options.projectionLimits, start.snapshot ? { state: start.snapshot.state } : undefined);
    const lastSequence = run.eventsApplied === 0
        ? (start.snapshot?.sequence_number ?? -1)
        : bySequence
            ? run.lastSequence
            : base + run.eventsApplied;
    return {
        state: (0, safeMerge_1.deepFreeze)(run.state),
        fromSnapshot: start.ref,
        skippedSnapshots: start.skipped,
        eventsApplied: run.eventsApplied,
        lastSequence,
        eventCount: run.eventsApplied + (start.snapshot ? (snapshotEventCount(start.snapshot) ?? 0) : 0),
        lastEventId: run.lastEventId ?? start.snapshot?.last_event_id ?? undefined,
    };
}
/**
 * The state of an aggregate at `atSequence` (default: latest): from the
 * latest snapshot at or before it plus the events after it
 * (`storage.query({aggregateId, fromSequenceNumber, toSequenceNumber})`), through the
 * reducers; or through a projection when one is given. Unreadable
 * snapshots are skipped (listed in `skippedSnapshots`), never fatal.
 */
async function rebuildFromEvents(storage, aggregateId, options = {}) {
    if (options.projection)
        return rebuildWithProjection(storage, aggregateId, options.projection, options);
    const working = await rebuildWorking(storage, aggregateId, options);
    return {
        state: (0, safeMerge_1.deepFreeze)(working.state),
        fromSnapshot: working.fromSnapshot,
        skippedSnapshots: working.skippedSnapshots,
        eventsApplied: working.eventsApplied,
        lastSequence: working.lastSequence,
        eventCount: working.eventCount,
        lastEventId: working.lastEventId,
    };
}
//# sourceMappingURL=rebuild.js.map