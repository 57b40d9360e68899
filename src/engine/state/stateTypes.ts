import type { Event } from '../model/event';
import type { SnapshotRef } from '../model/snapshotTypes';

/** What the default reducer keeps about the last event it folded. */
export interface StateMeta {
  readonly last_event_type: string;
  readonly sequence_number: number;
  /** The event's timestamp exactly as stored. */
  readonly timestamp: string;
  readonly event_id: string;
  /** Events folded into the state so far. */
  readonly event_count: number;
}

export type StateObject = Record<string, unknown>;

/**
 * Folds one event into the state. During a rebuild `state` is a private
 * working copy owned by the rebuild, so a reducer may mutate it in place and
 * return it (cheap), or return a new value. Never pass a state you share.
 */
export type Reducer<S = unknown> = (state: S, event: Event) => S;

/** Reducers chosen per event type; anything without one goes to `fallback`. */
export interface ReducerSet {
  reducerFor(eventType: string): Reducer | undefined;
  readonly fallback: Reducer;
  /**
   * Runs after each folded event on a mutable object state: the store
   * fold's bookkeeping keys. Absent: custom reducers get `_meta` kept for
   * them (the engine's deep mode).
   */
  afterFold?(state: StateObject, event: Event): void;
}

export interface RebuildResult<S = unknown> {
  /** Deep-frozen. */
  readonly state: S;
  /** The snapshot the rebuild started from, if any. */
  readonly fromSnapshot?: SnapshotRef;
  /** Snapshots that could not be used (unreadable), with why; the rebuild went on without them. */
  readonly skippedSnapshots: readonly { readonly ref: SnapshotRef; readonly reason: string }[];
  /** Events folded after the starting point. */
  readonly eventsApplied: number;
  /** Sequence number of the last event folded (or of the snapshot); -1 when nothing. */
  readonly lastSequence: number;
  /** Events in the state in total, when known (snapshot count + eventsApplied). */
  readonly eventCount?: number;
  readonly lastEventId?: string;
}
