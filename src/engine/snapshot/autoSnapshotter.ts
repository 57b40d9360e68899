import type { Event } from '../model/event';
import { foldEvent, rebuildWorking, reducersForRebuild, systemAxis, type RebuildOptions, type WorkingState } from '../state/rebuild';
import { resolveStoreFold } from '../state/fold/storeFold';
import type { EventStorage } from '../store/storage';
import { snapshotOf } from './createSnapshot';
import { SYSTEM_AGGREGATE, type Snapshot, type SnapshotRef } from '../model/snapshotTypes';

/**
 * Automatic snapshots, designed as the bus's `afterPersist(events)` hook:
 * every `frequency` events bus-wide a `system` snapshot, and a snapshot of
 * an aggregate whenever its event count reaches a multiple of `frequency`.
 *
 * Incremental: the working state of each aggregate seen stays in memory
 * (least recently used ones are dropped beyond `maxCachedAggregates`); an
 * aggregate met for the first time is rebuilt once from its latest snapshot
 * up to just before the event being folded (later events may already be
 * persisted), and from then on events are folded one by one as the hook
 * receives them, so a multiple reached mid-batch is snapshotted at exactly
 * that event. Calls must come once per persisted batch, in persistence order.
 *
 * Writing is decoupled from the hook: the bus awaits its hooks before a
 * publish resolves, and a snapshot write costs two fsyncs, so due snapshots
 * are written in the background, one at a time, in order. The hook only
 * waits when more than `maxPendingSaves` are queued (back-pressure, so a
 * slow disk cannot pile up state copies). `flush()` waits for all of it.
 *
 * The hook never rejects: a failed snapshot must not fail a publish. Errors
 * go to `onError` (and `errors`).
 */
export interface AutoSnapshotterOptions {
  readonly storage: EventStorage;
  /** The config's `snapshot_frequency`; 0 or less turns snapshots off. */
  readonly frequency: number;
  readonly reducers?: RebuildOptions['reducers'];
  readonly maxCachedAggregates?: number;
  /** Queued snapshot writes beyond which the hook waits for the writer; default 16. */
  readonly maxPendingSaves?: number;
  /** Called per snapshot written (the bus counts `snapshots_created`). */
  readonly onSnapshot?: (ref: SnapshotRef) => void;
  readonly onError?: (error: Error) => void;
}

export interface AutoSnapshotter {
  afterPersist(events: readonly Event[]): Promise<void>;
  /** Resolves once every event handed to the hook is folded and every due snapshot written. */
  flush(): Promise<void>;
  readonly snapshotsCreated: number;
  /** The most recent errors (at most 20), newest last. */
  readonly errors: readonly Error[];
  /** Forgets every cached state (e.g. after the store was changed behind the bus). */
  reset(): void;
}

const DEFAULT_MAX_CACHED = 10_000;
const DEFAULT_MAX_PENDING_SAVES = 16;
const MAX_ERRORS = 20;

export function createAutoSnapshotter(options: AutoSnapshotterOptions): AutoSnapshotter {
  const { storage, frequency } = options;
  const maxCached = options.maxCachedAggregates ?? DEFAULT_MAX_CACHED;
  // Map order is insertion order: re-inserting on use makes the first key the least recently used.
  const states = new Map<string, WorkingState>();
  const errors: Error[] = [];
  let created = 0;
  const maxPendingSaves = options.maxPendingSaves ?? DEFAULT_MAX_PENDING_SAVES;
  // Events per aggregate (and bus-wide, under SYSTEM_AGGREGATE), taken from
  // the store now, before the bus persists anything through this hook, and
  // counted on from there.
  let counts = takeCounts(storage);
  let chain: Promise<void> = Promise.resolve();
  let writer: Promise<void> = Promise.resolve();
  let pendingSaves = 0;

  const report = (error: unknown): void => {
    const wrapped = error instanceof Error ? error : new Error(String(error));
    errors.push(wrapped);
    if (errors.length > MAX_ERRORS) errors.shift();
    options.onError?.(wrapped);
  };

  /** The state just before `event`: cached, or rebuilt from the store once. */
  async function workingFor(aggregateId: string, event: Event): Promise<WorkingState> {
    const cached = states.get(aggregateId);
    if (cached) {
      states.delete(aggregateId);
      states.set(aggregateId, cached);
      return cached;
    }
    const bound =
      aggregateId === SYSTEM_AGGREGATE
        ? { stopBeforeEventId: event.metadata.event_id }
        : { atSequence: event.metadata.sequence_number - 1, stopBeforeEventId: event.metadata.event_id };
    const working = await rebuildWorking(storage, aggregateId, { reducers: options.reducers, ...bound });
    states.set(aggregateId, working);
    if (states.size > maxCached) {
      const oldest = states.keys().next().value;
      if (oldest !== undefined && oldest !== aggregateId) states.delete(oldest);
    }
    return working;
  }

  async function fold(aggregateId: string, event: Event, due: Snapshot[]): Promise<void> {
    try {
      const known = await counts;
      const count = (known.get(aggregateId) ?? 0) + 1;
      known.set(aggregateId, count);
      const isDue = count % frequency === 0;
      // State is kept, and folded event by event, only from an aggregate's
      // first due snapshot on: until then counting is enough, where
      // rebuilding every aggregate at first sight would read the whole store.
      let working = states.get(aggregateId);
      if (!working) {
        if (!isDue) return;
        working = await workingFor(aggregateId, event);
      }
      foldEvent(working, event, await reducersForRebuild(storage, aggregateId, options.reducers));
      working.eventCount = count;
      // `system` snapshots are named on the store's axis: the bus-wide sequence number when there is one.
      if (aggregateId === SYSTEM_AGGREGATE && systemAxis(storage) === 'position') working.lastSequence = count;
      if (isDue) due.push(snapshotOf(aggregateId, working, options.reducers ? 'deep' : (await resolveStoreFold(storage)).mode));
    } catch (error) {
      // Its working state may be half-updated: drop it, it is rebuilt from the store next time.
      states.delete(aggregateId);
      report(error);
    }
  }

  async function process(events: readonly Event[]): Promise<void> {
    if (!(frequency > 0) || events.length === 0) return;
    const due: Snapshot[] = [];
    for (const event of events) {
      await fold(SYSTEM_AGGREGATE, event, due);
      const aggregateId = event.metadata.aggregate_id;
      if (typeof aggregateId === 'string' && aggregateId !== '' && aggregateId !== SYSTEM_AGGREGATE) {
        await fold(aggregateId, event, due);
      }
    }
    for (const snapshot of due) enqueueSave(snapshot);
    if (pendingSaves > maxPendingSaves) await writer;
  }

  function enqueueSave(snapshot: Snapshot): void {
    pendingSaves++;
    writer = writer.then(async () => {
      try {
        const ref = await storage.saveSnapshot(snapshot);
        created++;
        options.onSnapshot?.(ref);
      } catch (error) {
        report(error);
      } finally {
        pendingSaves--;
      }
    });
  }

  return {
    afterPersist(events) {
      // Serialized: two overlapping batches must fold in the order they were persisted.
      chain = chain.then(() => process(events)).catch(report);
      return chain;
    },
    async flush() {
      await chain;
      await writer;
    },
    get snapshotsCreated() {
      return created;
    },
    get errors() {
      return errors;
    },
    reset() {
      states.clear();
      counts = takeCounts(storage);
    },
  };
}

async function takeCounts(storage: EventStorage): Promise<Map<string, number>> {
  const { total, byAggregate } = await storage.countEvents();
  const counts = new Map(byAggregate);
  counts.set(SYSTEM_AGGREGATE, total);
  return counts;
}
