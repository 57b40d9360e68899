import { META_KEY, stateMeta } from '../state/defaultReducer';
import { rebuildFromEvents, type RebuildOptions } from '../state/rebuild';
import { isPlainObject } from '../state/safeMerge';
import type { EventStorage } from '../store/storage';
import type { SnapshotRef } from './snapshotTypes';
import { structuralDiff, type Difference } from './structuralDiff';

export { structuralDiff, type Difference, type DifferenceKind } from './structuralDiff';

export interface SnapshotVerification {
  readonly ref: SnapshotRef;
  readonly ok: boolean;
  /** From the snapshot (before) to the rebuilt state (after). */
  readonly differences: readonly Difference[];
  /** Events folded to rebuild the state, and the sequence of the last one. */
  readonly eventsApplied: number;
  readonly rebuiltToSequence: number;
  /** Set when the snapshot could not be read or the rebuild failed (then `ok` is false). */
  readonly error?: string;
}

/**
 * Which `_meta` keys to compare. A snapshot written by the Python bus may
 * have no `_meta` at all, or fewer keys than ours: only the `_meta` keys the
 * snapshot itself holds are compared (a snapshot with no `_meta` skips it
 * entirely). Those values are deterministic from the events (type,
 * sequence, stored timestamp, id, count), so a mismatch there is real drift.
 */
function alignMeta(snapshotState: unknown, rebuiltState: unknown): unknown {
  if (!isPlainObject(rebuiltState) || !isPlainObject(snapshotState)) return rebuiltState;
  const rebuiltMeta = stateMeta(rebuiltState);
  const snapshotMeta = stateMeta(snapshotState);
  const { [META_KEY]: _dropped, ...rest } = rebuiltState;
  if (!snapshotMeta || !rebuiltMeta) return snapshotMeta ? rebuiltState : rest;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(snapshotMeta)) {
    if (Object.prototype.hasOwnProperty.call(rebuiltMeta, key)) kept[key] = (rebuiltMeta as Record<string, unknown>)[key];
  }
  return { ...rest, [META_KEY]: kept };
}

/**
 * Rebuilds the aggregate to the snapshot's sequence from the events alone
 * (no snapshot at all, so neither this one nor a later or earlier possibly
 * drifted one can leak in) and compares the result with the snapshot.
 */
export async function verifySnapshot(
  storage: EventStorage,
  ref: SnapshotRef,
  reducers?: RebuildOptions['reducers'],
): Promise<SnapshotVerification> {
  let snapshotState: unknown;
  try {
    snapshotState = (await storage.loadSnapshot(ref)).state;
  } catch (error) {
    return { ref, ok: false, differences: [], eventsApplied: 0, rebuiltToSequence: -1, error: messageOf(error) };
  }
  try {
    const rebuilt = await rebuildFromEvents(storage, ref.aggregate_id, {
      atSequence: ref.sequence_number,
      reducers,
      useSnapshots: false,
    });
    const differences = structuralDiff(snapshotState, alignMeta(snapshotState, rebuilt.state));
    return {
      ref,
      ok: differences.length === 0,
      differences,
      eventsApplied: rebuilt.eventsApplied,
      rebuiltToSequence: rebuilt.lastSequence,
    };
  } catch (error) {
    return { ref, ok: false, differences: [], eventsApplied: 0, rebuiltToSequence: -1, error: messageOf(error) };
  }
}

/** Verifies every snapshot (of one aggregate when given), in listing order. */
export async function verifySnapshots(
  storage: EventStorage,
  aggregateId?: string,
  reducers?: RebuildOptions['reducers'],
): Promise<SnapshotVerification[]> {
  const results: SnapshotVerification[] = [];
  for (const ref of await storage.listSnapshots(aggregateId)) results.push(await verifySnapshot(storage, ref, reducers));
  return results;
}

/** One line per difference, for the CLI. */
export function describeDifference(difference: Difference): string {
  const show = (value: unknown): string => {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const where = difference.path === '' ? '(root)' : difference.path;
  if (difference.kind === 'added') return `${where}: missing from the snapshot, rebuilt has ${show(difference.after)}`;
  if (difference.kind === 'removed') return `${where}: snapshot has ${show(difference.before)}, rebuilt state has nothing`;
  return `${where}: snapshot has ${show(difference.before)}, rebuilt has ${show(difference.after)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
