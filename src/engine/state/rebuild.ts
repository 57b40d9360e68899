import type { Event } from '../model/event';
import { SYSTEM_AGGREGATE, type Snapshot, type SnapshotRef } from '../model/snapshotTypes';
import type { EventStorage } from '../store/storage';
import { defaultReducer, recordMeta, stateMeta } from './defaultReducer';
import { runProjection } from './projectionRunner';
import type { LoadedProjection, ProjectionLimits } from './projectionTypes';
import { resolveStoreFold } from './fold/storeFold';
import { ReducerRegistry, reducersFrom } from './reducerRegistry';
import { deepFreeze, isPlainObject, safeClone } from '../model/safeMerge';
import type { RebuildResult, Reducer, ReducerSet } from './stateTypes';
import { systemReducer } from './systemReducer';

/**
 * Rebuilding state: the latest usable snapshot at or before the target,
 * then the events after it, folded through reducers. The fold mutates one
 * private working copy (a deep copy per event would make a 10,000-event
 * aggregate quadratic); the result is frozen once at the end.
 *
 * The fold is the store's (resolveStoreFold: its config, or what its
 * snapshots show) unless the caller passes reducers.
 *
 * The `system` aggregate is bus-wide: every event, folded through the
 * store's fold (in the engine's own `deep` mode: a summary, systemReducer).
 * Its sequence axis is the store's: in a store numbered bus-wide, N of
 * `snapshot_system_N` is the sequence number of the last event folded in,
 * as the Python bus names them; in a store numbered per aggregate, where no
 * bus-wide number exists, it is the number of events folded in store order.
 */
export interface RebuildOptions {
  /** Rebuild up to and including this sequence number (for `system`: this many events). */
  readonly atSequence?: number;
  /** Reducers per event type (a registry or a `{type: reducer}` table); default: the deep-merge reducer. */
  readonly reducers?: ReducerSet | Readonly<Record<string, Reducer>>;
  /** State before the first event, when no snapshot is used; default `{}`. */
  readonly initialState?: () => unknown;
  /** Start from a snapshot when one fits (default true). */
  readonly useSnapshots?: boolean;
  /** Start from exactly this snapshot (drift checks: the previous snapshot plus the events between). */
  readonly startFrom?: { readonly snapshot: Snapshot; readonly ref: SnapshotRef };
  /** Fold through a store projection (in a worker, from scratch: snapshots hold reducer state, not projection state). */
  readonly projection?: LoadedProjection;
  readonly projectionLimits?: ProjectionLimits;
  /**
   * Stop at this event, leaving it and everything after it out: the
   * auto-snapshotter rebuilds the state just before the batch it is about to fold.
   */
  readonly stopBeforeEventId?: string;
}

/** A rebuild in progress: mutable, so the auto-snapshotter can keep folding new events into it. */
export interface WorkingState {
  state: unknown;
  lastSequence: number;
  eventsApplied: number;
  eventCount: number | undefined;
  lastEventId: string | undefined;
  /** The stored timestamp text of the last event folded (its form is the store's). */
  lastTimestamp?: string;
  readonly fromSnapshot?: SnapshotRef;
  readonly skippedSnapshots: { readonly ref: SnapshotRef; readonly reason: string }[];
}

/** An error from a reducer, naming the event it failed on. */
export class ReducerError extends Error {
  constructor(
    readonly event: Event,
    cause: unknown,
  ) {
    super(
      `reducer for ${event.event_type} failed on event ${event.metadata.event_id} ` +
        `(aggregate ${event.metadata.aggregate_id ?? '-'}, sequence ${event.metadata.sequence_number}): ` +
        (cause instanceof Error ? cause.message : String(cause)),
    );
    this.name = 'ReducerError';
  }
}

export function toReducerSet(reducers: RebuildOptions['reducers']): ReducerSet {
  if (!reducers) return DEFAULT_REDUCERS;
  if (typeof (reducers as ReducerSet).reducerFor === 'function') return reducers as ReducerSet;
  return reducersFrom(reducers as Readonly<Record<string, Reducer>>);
}

const DEFAULT_REDUCERS: ReducerSet = new ReducerRegistry();
const SYSTEM_REDUCERS: ReducerSet = new ReducerRegistry(systemReducer);

/**
 * The reducers a rebuild of `aggregateId` uses: the caller's, else the
 * store's fold. `system` folds through the summary reducer with the
 * caller's reducers and in deep mode, else through the store's fold.
 */
export async function reducersForRebuild(storage: EventStorage, aggregateId: string, reducers: RebuildOptions['reducers']): Promise<ReducerSet> {
  if (reducers) return aggregateId === SYSTEM_AGGREGATE ? SYSTEM_REDUCERS : toReducerSet(reducers);
  const fold = await resolveStoreFold(storage);
  if (fold.mode === 'projection') {
    throw new Error(
      `the store's fold is the projection "${fold.projection ?? ''}" (eventbus.config.json): it runs code from the store, ` +
        'so allow projections (--allow-projections, or a trusted workspace) to rebuild its state',
    );
  }
  return fold.mode === 'deep' && aggregateId === SYSTEM_AGGREGATE ? SYSTEM_REDUCERS : fold.reducers;
}

/** How `system` snapshots count: by the bus-wide sequence number when the store has one, else by events folded. */
export function systemAxis(storage: EventStorage): 'sequence' | 'position' {
  return storage.sequenceMode?.() === 'global' ? 'sequence' : 'position';
}

/**
 * Folds one event into a working state. Custom per-type reducers get `_meta`
 * maintained for them (when their state is a mutable object), so `_meta`
 * means the same whichever reducer ran.
 */
export function foldEvent(working: WorkingState, event: Event, reducers: ReducerSet): void {
  const custom = reducers.reducerFor(event.event_type);
  const reducer = custom ?? reducers.fallback;
  let next: unknown;
  try {
    next = reducer(working.state, event);
  } catch (error) {
    throw new ReducerError(event, error);
  }
  if (isPlainObject(next) && !Object.isFrozen(next)) {
    if (reducers.afterFold) reducers.afterFold(next, event);
    else if (reducer !== defaultReducer && reducer !== systemReducer) recordMeta(next, event);
  }
  working.state = next;
  working.lastSequence = event.metadata.sequence_number;
  working.lastEventId = event.metadata.event_id;
  working.lastTimestamp = event.metadata.timestamp;
  working.eventsApplied++;
  if (working.eventCount !== undefined) working.eventCount++;
}

interface StartingPoint {
  readonly snapshot?: Snapshot;
  readonly ref?: SnapshotRef;
  readonly skipped: { ref: SnapshotRef; reason: string }[];
}

async function latestUsableSnapshot(storage: EventStorage, aggregateId: string, target: number): Promise<StartingPoint> {
  const skipped: { ref: SnapshotRef; reason: string }[] = [];
  const refs = (await storage.listSnapshots(aggregateId))
    .filter((ref) => ref.aggregate_id === aggregateId && ref.sequence_number <= target)
    .sort((a, b) => b.sequence_number - a.sequence_number);
  for (const ref of refs) {
    try {
      return { snapshot: await storage.loadSnapshot(ref), ref, skipped };
    } catch (error) {
      skipped.push({ ref, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { skipped };
}

/** How many events a snapshot holds, when it says (top-level `event_count`, else `_meta.event_count`). */
function snapshotEventCount(snapshot: Snapshot): number | undefined {
  if (typeof snapshot.event_count === 'number') return snapshot.event_count;
  const fromMeta = stateMeta(snapshot.state)?.event_count;
  return typeof fromMeta === 'number' ? fromMeta : undefined;
}

/** Rebuilds into a mutable working state (not frozen); see rebuildFromEvents. */
export async function rebuildWorking(storage: EventStorage, aggregateId: string, options: RebuildOptions = {}): Promise<WorkingState> {
  const target = options.atSequence ?? Number.POSITIVE_INFINITY;
  const reducers = await reducersForRebuild(storage, aggregateId, options.reducers);
  const start: StartingPoint = options.startFrom
    ? { ...options.startFrom, skipped: [] }
    : options.useSnapshots === false
      ? { skipped: [] }
      : await latestUsableSnapshot(storage, aggregateId, target);
  const isSystem = aggregateId === SYSTEM_AGGREGATE;
  const working: WorkingState = {
    state: start.snapshot ? safeClone(start.snapshot.state) : (options.initialState?.() ?? {}),
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
      if (event.metadata.event_id === options.stopBeforeEventId) break;
      const sequence = event.metadata.sequence_number;
      if (!(sequence > base) || sequence > target) continue;
      foldEvent(working, event, reducers);
    }
    return working;
  }
  if (isSystem) {
    const base = start.snapshot ? start.snapshot.sequence_number : 0;
    let position = 0;
    for await (const event of storage.query(Number.isFinite(target) ? { limit: target } : {})) {
      if (event.metadata.event_id === options.stopBeforeEventId) break;
      position++;
      if (position <= base) continue;
      if (position > target) break;
      foldEvent(working, event, reducers);
      working.lastSequence = position;
    }
    if (working.eventsApplied === 0 && !start.snapshot) working.lastSequence = -1;
    return working;
  }
  const from = start.snapshot ? start.snapshot.sequence_number + 1 : undefined;
  const query = { aggregateId, fromSequenceNumber: from, toSequenceNumber: Number.isFinite(target) ? target : undefined };
  for await (const event of storage.query(query)) {
    const sequence = event.metadata.sequence_number;
    // The storage already bounds the query; this guards a backend that does not.
    if (event.metadata.aggregate_id !== aggregateId || (from !== undefined && sequence < from) || sequence > target) continue;
    if (event.metadata.event_id === options.stopBeforeEventId) break;
    foldEvent(working, event, reducers);
  }
  return working;
}

async function rebuildWithProjection(
  storage: EventStorage,
  aggregateId: string,
  projection: LoadedProjection,
  options: RebuildOptions,
): Promise<RebuildResult> {
  const target = options.atSequence ?? Number.POSITIVE_INFINITY;
  const isSystem = aggregateId === SYSTEM_AGGREGATE;
  const bySequence = !isSystem || systemAxis(storage) === 'sequence';
  // The projection starts from the snapshot's state (a store whose fold is
  // this projection keeps projection state in its snapshots).
  const start: StartingPoint = options.startFrom
    ? { ...options.startFrom, skipped: [] }
    : options.useSnapshots === false
      ? { skipped: [] }
      : await latestUsableSnapshot(storage, aggregateId, target);
  const base = start.snapshot?.sequence_number ?? (bySequence ? Number.NEGATIVE_INFINITY : 0);
  const query = isSystem ? {} : { aggregateId, toSequenceNumber: Number.isFinite(target) ? target : undefined };
  let position = 0;
  async function* bounded(): AsyncGenerator<Event> {
    for await (const event of storage.query(query)) {
      if (!isSystem && event.metadata.aggregate_id !== aggregateId) continue;
      if (bySequence) {
        const sequence = event.metadata.sequence_number;
        if (!(sequence > base) || sequence > target) continue;
      } else {
        position++;
        if (position <= base) continue;
        if (position > target) return;
      }
      yield event;
    }
  }
  const run = await runProjection(projection, bounded(), options.projectionLimits, start.snapshot ? { state: start.snapshot.state } : undefined);
  const lastSequence =
    run.eventsApplied === 0
      ? (start.snapshot?.sequence_number ?? -1)
      : bySequence
        ? run.lastSequence
        : base + run.eventsApplied;
  return {
    state: deepFreeze(run.state),
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
export async function rebuildFromEvents(
  storage: EventStorage,
  aggregateId: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  if (options.projection) return rebuildWithProjection(storage, aggregateId, options.projection, options);
  const working = await rebuildWorking(storage, aggregateId, options);
  return {
    state: deepFreeze(working.state),
    fromSnapshot: working.fromSnapshot,
    skippedSnapshots: working.skippedSnapshots,
    eventsApplied: working.eventsApplied,
    lastSequence: working.lastSequence,
    eventCount: working.eventCount,
    lastEventId: working.lastEventId,
  };
}
