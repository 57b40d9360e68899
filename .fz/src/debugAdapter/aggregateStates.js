"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AggregateStates = exports.CHECKPOINT_EVERY = void 0;
const safeMerge_1 = require("../engine/model/safeMerge");
const rebuild_1 = require("../engine/state/rebuild");
/** A checkpoint every this many events of an aggregate: stepping back refolds at most this many. */
exports.CHECKPOINT_EVERY = 100;
/** Frozen states kept by position (the ones around the last few stops). */
const RECENT_STATES = 8;
/**
 * Exact state of any aggregate after any of its events, for stepping both
 * ways: from the store's snapshots plus its events (the engine's
 * rebuildWorking, through the store's fold) at a checkpoint, then the events
 * from there, folded one by one with the same foldEvent. Checkpoints every
 * CHECKPOINT_EVERY events are kept as they are passed, so a step back costs
 * at most that many folds, and one step forward costs one.
 */
class AggregateStates {
    storage;
    index;
    events;
    tracks = new Map();
    constructor(storage, index, events) {
        this.storage = storage;
        this.index = index;
        this.events = events;
    }
    /** The aggregate's events in sequence order (what positions count). */
    ordinalsOf(aggregateId) {
        return this.track(aggregateId).ordinals;
    }
    /** Where an event stands among its aggregate's events, -1 when it is not one of them. */
    positionOf(aggregateId, ordinal) {
        const ordinals = this.track(aggregateId).ordinals;
        const sequence = this.index.sequenceOf(ordinal);
        let lo = 0;
        let hi = ordinals.length - 1;
        if (Number.isFinite(sequence)) {
            // Sequence order: binary search, then walk the ties.
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                const s = this.index.sequenceOf(ordinals[mid]);
                if (s < sequence)
                    lo = mid + 1;
                else
                    hi = mid;
            }
        }
        else
            lo = 0;
        for (let i = lo; i < ordinals.length; i++)
            if (ordinals[i] === ordinal)
                return i;
        return ordinals.indexOf(ordinal);
    }
    /** The state before and after the aggregate's event at `position`. */
    async around(aggregateId, position) {
        const before = await this.after(aggregateId, position - 1);
        const after = await this.after(aggregateId, position);
        const reducerError = this.track(aggregateId).errors.get(position);
        return { before, after, ...(reducerError !== undefined ? { reducerError } : {}) };
    }
    /** The frozen state after the aggregate's event at `position` (-1: before its first event). */
    async after(aggregateId, position) {
        const track = this.track(aggregateId);
        const cached = track.checkpoints.get(position) ?? track.recent.get(position);
        if (cached !== undefined)
            return cached;
        const working = await this.workingAt(track, aggregateId, position);
        const frozen = (0, safeMerge_1.deepFreeze)(working.state);
        track.recent.set(position, frozen);
        if (track.recent.size > RECENT_STATES)
            track.recent.delete(track.recent.keys().next().value);
        return frozen;
    }
    /** Forget everything (the store's files were rewritten). */
    clear() {
        this.tracks.clear();
    }
    /** Forget one aggregate's list of events (appends arrived): checkpoints stay valid. */
    refreshOrdinals(aggregateId) {
        const old = this.tracks.get(aggregateId);
        if (!old)
            return;
        this.tracks.set(aggregateId, { ...old, ordinals: this.index.ordinalsOfAggregate(aggregateId) });
    }
    track(aggregateId) {
        let track = this.tracks.get(aggregateId);
        if (!track) {
            track = { ordinals: this.index.ordinalsOfAggregate(aggregateId), checkpoints: new Map(), errors: new Map(), recent: new Map() };
            this.tracks.set(aggregateId, track);
        }
        return track;
    }
    /** A private working state after `position`, from the hot state, a checkpoint or the store's snapshots. */
    async workingAt(track, aggregateId, position) {
        if (track.hot && track.hot.position === position)
            return track.hot.working;
        let from;
        if (track.hot && track.hot.position < position && position - track.hot.position <= exports.CHECKPOINT_EVERY)
            from = track.hot;
        else
            from = await this.startingPoint(track, aggregateId, position);
        const reducers = await this.reducersOf(track, aggregateId);
        const working = from.working;
        // The hot state may have been handed out frozen: fold into a private copy.
        if (position > from.position && Object.isFrozen(working.state))
            working.state = (0, safeMerge_1.safeClone)(working.state);
        for (let p = from.position + 1; p <= position; p++) {
            if (!track.errors.has(p)) {
                const event = await this.events.read(track.ordinals[p]);
                try {
                    (0, rebuild_1.foldEvent)(working, event, reducers);
                }
                catch (error) {
                    if (!(error instanceof rebuild_1.ReducerError))
                        throw error;
                    // The reducer may have changed the state before failing: refold without this event.
                    track.errors.set(p, error.message);
                    track.hot = undefined;
                    return this.workingAt(track, aggregateId, position);
                }
            }
            if (p % exports.CHECKPOINT_EVERY === 0 && !track.checkpoints.has(p))
                track.checkpoints.set(p, (0, safeMerge_1.deepFreeze)((0, safeMerge_1.safeClone)(working.state)));
        }
        track.hot = { position, working };
        return working;
    }
    /** The nearest checkpoint at or below `position`, made from the store's snapshots when there is none yet. */
    async startingPoint(track, aggregateId, position) {
        let best = -1;
        for (const p of track.checkpoints.keys())
            if (p <= position && p > best)
                best = p;
        const aligned = Math.floor(position / exports.CHECKPOINT_EVERY) * exports.CHECKPOINT_EVERY;
        if (best < aligned && aligned >= 0 && this.isSequenceBoundary(track, aligned) && ![...track.errors.keys()].some((p) => p <= aligned)) {
            try {
                // The engine's own rebuild at that sequence: the latest snapshot at or before it plus the events after.
                const working = await (0, rebuild_1.rebuildWorking)(this.storage, aggregateId, { atSequence: this.index.sequenceOf(track.ordinals[aligned]) });
                track.checkpoints.set(aligned, (0, safeMerge_1.deepFreeze)((0, safeMerge_1.safeClone)(working.state)));
                return { position: aligned, working };
            }
            catch (error) {
                if (!(error instanceof rebuild_1.ReducerError))
                    throw error;
                // A reducer fails before this point: fold from the start, which records the failing events.
            }
        }
        const state = best >= 0 ? track.checkpoints.get(best) : {};
        return { position: best, working: freshWorking((0, safeMerge_1.safeClone)(state)) };
    }
    /** Whether "up to this event's sequence number" means exactly the events up to this position. */
    isSequenceBoundary(track, position) {
        const sequence = this.index.sequenceOf(track.ordinals[position]);
        if (!Number.isFinite(sequence))
            return false;
        const next = track.ordinals[position + 1];
        const previous = track.ordinals[position - 1];
        return (next === undefined || this.index.sequenceOf(next) > sequence) && (previous === undefined || this.index.sequenceOf(previous) < sequence);
    }
    async reducersOf(track, aggregateId) {
        track.reducers ??= await (0, rebuild_1.reducersForRebuild)(this.storage, aggregateId, undefined);
        return track.reducers;
    }
}
exports.AggregateStates = AggregateStates;
function freshWorking(state) {
    return { state, lastSequence: -1, eventsApplied: 0, eventCount: undefined, lastEventId: undefined, skippedSnapshots: [] };
}
//# sourceMappingURL=aggregateStates.js.map