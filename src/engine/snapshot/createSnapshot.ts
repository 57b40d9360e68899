import { formatTimestamp } from '../model/timestamp';
import { detectTimestampStyle, formatInStyle } from '../model/timestampStyle';
import type { FoldMode } from '../model/foldSetting';
import { resolveStoreFold } from '../state/fold/storeFold';
import { rebuildWorking, type RebuildOptions, type WorkingState } from '../state/rebuild';
import { safeClone } from '../model/safeMerge';
import type { EventStorage } from '../store/storage';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';

export interface CreateSnapshotOptions {
  /** Snapshot the state at this sequence (for `system`: after this many events); default: latest. */
  readonly atSequence?: number;
  readonly reducers?: RebuildOptions['reducers'];
}

/**
 * The snapshot of a working state (the state is copied: the working state
 * keeps changing). In the engine's deep fold it carries `event_count` and
 * `last_event_id`; otherwise it is what the writer's own snapshots hold
 * (aggregate_id, sequence_number, timestamp, state), its timestamp in the
 * form of the store's events.
 */
export function snapshotOf(aggregateId: string, working: WorkingState, fold: FoldMode = 'deep'): Snapshot {
  const style = working.lastTimestamp === undefined ? undefined : detectTimestampStyle([working.lastTimestamp]);
  const base = {
    aggregate_id: aggregateId,
    sequence_number: working.lastSequence,
    timestamp: style ? formatInStyle(Date.now(), style) : formatTimestamp(Date.now()),
    state: safeClone(working.state),
  };
  return fold === 'deep' ? { ...base, event_count: working.eventCount, last_event_id: working.lastEventId ?? null } : base;
}

/**
 * Creates a snapshot of an aggregate now (`eventbus snapshot create`): the
 * rebuilt state at `atSequence` or at its last event. When an existing
 * snapshot already sits exactly there, that one is returned.
 */
export async function createSnapshot(
  storage: EventStorage,
  aggregateId: string,
  options: CreateSnapshotOptions = {},
): Promise<SnapshotRef> {
  const working = await rebuildWorking(storage, aggregateId, { atSequence: options.atSequence, reducers: options.reducers });
  if (working.lastSequence < 0) {
    const bound = options.atSequence === undefined ? '' : ` at or before sequence ${options.atSequence}`;
    throw new Error(`aggregate "${aggregateId}" has no events${bound}; there is nothing to snapshot`);
  }
  if (working.eventsApplied === 0 && working.fromSnapshot) return working.fromSnapshot;
  return storage.saveSnapshot(snapshotOf(aggregateId, working, options.reducers ? 'deep' : (await resolveStoreFold(storage)).mode));
}
