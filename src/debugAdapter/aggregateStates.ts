import type { StoreIndex } from '../engine/model/indexTypes';
import { deepFreeze, safeClone } from '../engine/model/safeMerge';
import { defaultReducer } from '../engine/state/defaultReducer';
import { shallowReducer } from '../engine/state/fold/shallowReducer';
import { foldEvent, ReducerError, reducersForRebuild, rebuildWorking, type WorkingState } from '../engine/state/rebuild';
import type { SnapshotRef } from '../engine/model/snapshotTypes';
import type { Reducer, ReducerSet } from '../engine/state/stateTypes';
import type { EventStorage } from '../engine/store/storage';
import type { EventCache } from './eventCache';

/** A checkpoint every this many events of an aggregate: stepping back refolds at most this many. */
export const CHECKPOINT_EVERY = 100;
/**
 * Frozen states kept by position: the ones around the last few stops, and a
 * whole stretch between checkpoints once a step back has folded it.
 */
const RECENT_STATES = CHECKPOINT_EVERY + 8;

/**
 * The reducers that copy a frozen state on write (only the paths an event
 * changes; the rest stays shared with the states handed out): folding from
 * a frozen state with them costs what the event changed, not the state's size.
 */
const COPIES_ON_WRITE: ReadonlySet<Reducer> = new Set<Reducer>([defaultReducer, shallowReducer]);

/** The aggregate's state around one of its events. */
export interface StatePair {
  /** Deep-frozen. */
  readonly before: unknown;
  readonly after: unknown;
  /** The reducer's error on this event (then `after` is `before`: the event was not folded). */
  readonly reducerError?: string;
}

interface AggregateTrack {
  readonly ordinals: readonly number[];
  /** Position among `ordinals` → the frozen state after that event; -1 is the state before the first. */
  readonly checkpoints: Map<number, unknown>;
  /** Positions whose event the reducer refused, with why. */
  readonly errors: Map<number, string>;
  /**
   * The last state computed. Its state is handed out frozen (no copy); the
   * next fold from it starts with one copy, so a step forward costs one copy and one fold.
   */
  hot?: { position: number; working: WorkingState };
  /** The last few frozen states handed out, by position: a step back finds the one it needs here. */
  readonly recent: Map<number, unknown>;
  reducers?: ReducerSet;
}

/**
 * Exact state of any aggregate after any of its events, for stepping both
 * ways: from the store's snapshots plus its events (the engine's
 * rebuildWorking, through the store's fold) at a checkpoint, then the events
 * from there, folded one by one with the same foldEvent. Checkpoints every
 * CHECKPOINT_EVERY events are kept as they are passed, so a step back costs
 * at most that many folds, and one step forward costs one.
 */
export class AggregateStates {
  private readonly tracks = new Map<string, AggregateTrack>();
  /**
   * Working states that may hold frozen parts shared with states handed out
   * (made by a copy-on-write fold from a frozen state): a reducer that
   * mutates in depth gets a private deep copy of one first.
   */
  private readonly sharing = new WeakSet<object>();

  constructor(
    private readonly storage: EventStorage,
    private readonly index: StoreIndex,
    private readonly events: EventCache,
  ) {}

  /** The aggregate's events in sequence order (what positions count). */
  ordinalsOf(aggregateId: string): readonly number[] {
    return this.track(aggregateId).ordinals;
  }

  /** Where an event stands among its aggregate's events, -1 when it is not one of them. */
  positionOf(aggregateId: string, ordinal: number): number {
    const ordinals = this.track(aggregateId).ordinals;
    const sequence = this.index.sequenceOf(ordinal);
    let lo = 0;
    let hi = ordinals.length - 1;
    if (Number.isFinite(sequence)) {
      // Sequence order: binary search, then walk the ties.
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const s = this.index.sequenceOf(ordinals[mid]);
        if (s < sequence) lo = mid + 1;
        else hi = mid;
      }
    } else lo = 0;
    for (let i = lo; i < ordinals.length; i++) if (ordinals[i] === ordinal) return i;
    return ordinals.indexOf(ordinal);
  }

  /** The state before and after the aggregate's event at `position`. */
  async around(aggregateId: string, position: number): Promise<StatePair> {
    const before = await this.after(aggregateId, position - 1);
    const after = await this.after(aggregateId, position);
    const reducerError = this.track(aggregateId).errors.get(position);
    return { before, after, ...(reducerError !== undefined ? { reducerError } : {}) };
  }

  /** The frozen state after the aggregate's event at `position` (-1: before its first event). */
  async after(aggregateId: string, position: number): Promise<unknown> {
    const track = this.track(aggregateId);
    const cached = track.checkpoints.get(position) ?? track.recent.get(position);
    if (cached !== undefined) return cached;
    const working = await this.workingAt(track, aggregateId, position);
    const frozen = deepFreeze(working.state);
    this.remember(track, position, frozen);
    return frozen;
  }

  /**
   * Restart Frame: forget all this aggregate's cached states and rebuild the
   * state after `position` as the engine's rebuild does, from the latest
   * usable snapshot at or before that event plus the events after it.
   * Says where it started; undefined when the event is not a sequence
   * boundary (ties or no sequence) or a reducer fails before it: then the
   * state is folded from the start, as any step would.
   */
  async restartAt(aggregateId: string, position: number): Promise<{ readonly fromSnapshot?: SnapshotRef; readonly eventsApplied: number } | undefined> {
    this.tracks.delete(aggregateId);
    const track = this.track(aggregateId);
    if (position < 0 || !this.isSequenceBoundary(track, position)) return undefined;
    let working: WorkingState;
    try {
      working = await rebuildWorking(this.storage, aggregateId, { atSequence: this.index.sequenceOf(track.ordinals[position]) });
    } catch (error) {
      if (!(error instanceof ReducerError)) throw error;
      return undefined;
    }
    track.hot = { position, working };
    return { ...(working.fromSnapshot ? { fromSnapshot: working.fromSnapshot } : {}), eventsApplied: working.eventsApplied };
  }

  /** Forget everything (the store's files were rewritten). */
  clear(): void {
    this.tracks.clear();
  }

  /** Forget one aggregate's list of events (appends arrived): checkpoints stay valid. */
  refreshOrdinals(aggregateId: string): void {
    const old = this.tracks.get(aggregateId);
    if (!old) return;
    this.tracks.set(aggregateId, { ...old, ordinals: this.index.ordinalsOfAggregate(aggregateId) });
  }

  private track(aggregateId: string): AggregateTrack {
    let track = this.tracks.get(aggregateId);
    if (!track) {
      track = { ordinals: this.index.ordinalsOfAggregate(aggregateId), checkpoints: new Map(), errors: new Map(), recent: new Map() };
      this.tracks.set(aggregateId, track);
    }
    return track;
  }

  /** A private working state after `position`, from the hot state, a checkpoint or the store's snapshots. */
  private async workingAt(track: AggregateTrack, aggregateId: string, position: number): Promise<WorkingState> {
    if (track.hot && track.hot.position === position) return track.hot.working;
    let from: { position: number; working: WorkingState };
    if (track.hot && track.hot.position < position && position - track.hot.position <= CHECKPOINT_EVERY) from = track.hot;
    else from = await this.startingPoint(track, aggregateId, position);
    const reducers = await this.reducersOf(track, aggregateId);
    const working = from.working;
    // Folding a stretch again from a checkpoint is a step back (or a jump): keep each state on the way.
    const refolding = from !== track.hot;
    for (let p = from.position + 1; p <= position; p++) {
      let copiedOnWrite = false;
      if (!track.errors.has(p)) {
        const event = await this.events.read(track.ordinals[p]);
        copiedOnWrite = this.prepareFold(working, reducers.reducerFor(event.event_type) ?? reducers.fallback);
        try {
          foldEvent(working, event, reducers);
          if (copiedOnWrite && isObject(working.state)) this.sharing.add(working.state);
        } catch (error) {
          if (!(error instanceof ReducerError)) throw error;
          // The reducer may have changed the state before failing: refold without this event.
          track.errors.set(p, error.message);
          track.hot = undefined;
          return this.workingAt(track, aggregateId, position);
        }
      }
      // Freezing the working state in place is safe: the next fold copies it (on write, or whole).
      if (p % CHECKPOINT_EVERY === 0 && !track.checkpoints.has(p)) track.checkpoints.set(p, deepFreeze(working.state));
      if (refolding && copiedOnWrite && p < position) this.remember(track, p, deepFreeze(working.state));
    }
    track.hot = { position, working };
    return working;
  }

  /**
   * Makes the working state safe to fold with `reducer`: a state that is
   * frozen or shares frozen parts is copied whole, unless the reducer copies
   * on write. Says whether the fold will copy on write from shared parts.
   */
  private prepareFold(working: WorkingState, reducer: Reducer): boolean {
    const state = working.state;
    if (!isObject(state) || (!Object.isFrozen(state) && !this.sharing.has(state))) return false;
    if (COPIES_ON_WRITE.has(reducer)) return true;
    working.state = safeClone(state);
    return false;
  }

  private remember(track: AggregateTrack, position: number, frozen: unknown): void {
    track.recent.delete(position);
    track.recent.set(position, frozen);
    if (track.recent.size > RECENT_STATES) track.recent.delete(track.recent.keys().next().value as number);
  }

  /** The nearest checkpoint at or below `position`, made from the store's snapshots when there is none yet. */
  private async startingPoint(track: AggregateTrack, aggregateId: string, position: number): Promise<{ position: number; working: WorkingState }> {
    let best = -1;
    for (const p of track.checkpoints.keys()) if (p <= position && p > best) best = p;
    const aligned = Math.floor(position / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    if (best < aligned && aligned >= 0 && this.isSequenceBoundary(track, aligned) && ![...track.errors.keys()].some((p) => p <= aligned)) {
      try {
        // The engine's own rebuild at that sequence: the latest snapshot at or before it plus the events after.
        const working = await rebuildWorking(this.storage, aggregateId, { atSequence: this.index.sequenceOf(track.ordinals[aligned]) });
        track.checkpoints.set(aligned, deepFreeze(working.state));
        return { position: aligned, working };
      } catch (error) {
        if (!(error instanceof ReducerError)) throw error;
        // A reducer fails before this point: fold from the start, which records the failing events.
      }
    }
    // A checkpoint is frozen: the first fold from it copies it (on write, or whole).
    const state = best >= 0 ? track.checkpoints.get(best) : {};
    return { position: best, working: freshWorking(state) };
  }

  /** Whether "up to this event's sequence number" means exactly the events up to this position. */
  private isSequenceBoundary(track: AggregateTrack, position: number): boolean {
    const sequence = this.index.sequenceOf(track.ordinals[position]);
    if (!Number.isFinite(sequence)) return false;
    const next = track.ordinals[position + 1];
    const previous = track.ordinals[position - 1];
    return (next === undefined || this.index.sequenceOf(next) > sequence) && (previous === undefined || this.index.sequenceOf(previous) < sequence);
  }

  private async reducersOf(track: AggregateTrack, aggregateId: string): Promise<ReducerSet> {
    track.reducers ??= await reducersForRebuild(this.storage, aggregateId, undefined);
    return track.reducers;
  }
}

function freshWorking(state: unknown): WorkingState {
  return { state, lastSequence: -1, eventsApplied: 0, eventCount: undefined, lastEventId: undefined, skippedSnapshots: [] };
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
