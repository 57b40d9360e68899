import { createSnapshot } from '../../engine/snapshot/createSnapshot';
import { backendOf } from './handlerBackend';
import { describeDifference, verifySnapshots } from '../../engine/snapshot/drift';
import { listSnapshotFiles } from '../../engine/snapshot/snapshotStore';
import type { SnapshotRef } from '../../engine/model/snapshotTypes';
import type {
  SnapshotCreateParams,
  SnapshotList,
  SnapshotsParams,
  SnapshotSummary,
  SnapshotVerification,
  SnapshotVerifyParams,
} from '../../shared/protocol';
import { fileUriOf } from '../../shared/uris';
import { finiteOr, type HandlerStore } from './handlerStore';

function summaryOf(store: HandlerStore, ref: SnapshotRef): SnapshotSummary {
  return {
    aggregateId: ref.aggregate_id,
    sequenceNumber: ref.sequence_number,
    file: ref.file,
    uri: fileUriOf(`${store.root}/${ref.file}`),
  };
}

/** Snapshot files by aggregate then sequence (names only, no file read), and what was not a snapshot. */
export async function snapshots(store: HandlerStore, params: SnapshotsParams): Promise<SnapshotList> {
  const listing = await listSnapshotFiles(store.root, params.aggregateId);
  return {
    snapshots: listing.snapshots.map((ref) => summaryOf(store, ref)),
    ignored: listing.ignored.map((i) => ({ file: i.file, reason: i.reason })),
  };
}

/** Writes a snapshot of the rebuilt state (at a sequence, default the last event), as `eventbus snapshot create`. */
export async function snapshotCreate(store: HandlerStore, params: SnapshotCreateParams): Promise<SnapshotSummary> {
  const atSequence = params.atSequence === undefined ? undefined : finiteOr(params.atSequence, Number.NaN);
  if (atSequence !== undefined && !Number.isInteger(atSequence)) throw new Error(`atSequence must be a whole number, got ${String(params.atSequence)}`);
  const ref = await createSnapshot(backendOf(store), params.aggregateId, { atSequence });
  return summaryOf(store, ref);
}

/** Checks each snapshot against the previous one plus the events between, the store's fold, as `eventbus snapshot verify`. */
export async function snapshotVerify(store: HandlerStore, params: SnapshotVerifyParams): Promise<SnapshotVerification[]> {
  const results = await verifySnapshots(backendOf(store), params.aggregateId);
  return results.map((r) => ({
    aggregateId: r.ref.aggregate_id,
    sequenceNumber: r.ref.sequence_number,
    file: r.ref.file,
    ok: r.ok,
    eventsApplied: r.eventsApplied,
    rebuiltToSequence: r.rebuiltToSequence,
    differences: r.differences.map(describeDifference),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.unverifiable !== undefined ? { unverifiable: r.unverifiable } : {}),
  }));
}
