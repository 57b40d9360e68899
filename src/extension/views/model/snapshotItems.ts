import { naturalCompare } from '../../../engine/model/naturalOrder';
import type { EventGroupSort, SnapshotSummary, SnapshotVerification } from '../../../shared/protocol';
import type { ItemModel } from './itemModel';
import { escapeMarkdown, field, lines } from './markdown';
import type { SnapshotGroupNode, SnapshotNode } from './nodes';

export const OPEN_SNAPSHOT_COMMAND = 'eventbus.openSnapshot';

export interface SnapshotGroup {
  readonly aggregateId: string;
  /** Ascending by sequence. */
  readonly snapshots: SnapshotSummary[];
}

/** Snapshots by aggregate (prefix-filtered, sorted as the view asks). */
export function groupSnapshots(snapshots: readonly SnapshotSummary[], prefix: string | undefined, sort: EventGroupSort): SnapshotGroup[] {
  const byAggregate = new Map<string, SnapshotSummary[]>();
  for (const s of snapshots) {
    if (prefix && !s.aggregateId.startsWith(prefix)) continue;
    const list = byAggregate.get(s.aggregateId) ?? [];
    list.push(s);
    byAggregate.set(s.aggregateId, list);
  }
  const groups = [...byAggregate].map(([aggregateId, list]) => ({ aggregateId, snapshots: list.sort((a, b) => a.sequenceNumber - b.sequenceNumber) }));
  const byId = (a: SnapshotGroup, b: SnapshotGroup) => naturalCompare(a.aggregateId, b.aggregateId);
  const newest = (g: SnapshotGroup) => g.snapshots[g.snapshots.length - 1]?.sequenceNumber ?? -1;
  if (sort === 'count') return groups.sort((a, b) => b.snapshots.length - a.snapshots.length || byId(a, b));
  if (sort === 'lastActivity') return groups.sort((a, b) => newest(b) - newest(a) || byId(a, b));
  return groups.sort(byId);
}

/** What verification found for a group: drifted snapshots count first. */
export function groupVerdict(snapshots: readonly SnapshotSummary[], verifications: ReadonlyMap<string, SnapshotVerification>): 'unverified' | 'ok' | 'drift' {
  let seen = 0;
  for (const s of snapshots) {
    const v = verifications.get(s.file);
    if (!v || v.unverifiable !== undefined) continue;
    if (!v.ok) return 'drift';
    seen++;
  }
  return seen === 0 ? 'unverified' : 'ok';
}

export function snapshotGroupItem(node: SnapshotGroupNode, verifications: ReadonlyMap<string, SnapshotVerification>): ItemModel {
  const count = node.snapshots.length;
  const verdict = groupVerdict(node.snapshots, verifications);
  return {
    id: node.key,
    label: node.aggregateId,
    description: `${count} snapshot${count === 1 ? '' : 's'}${verdict === 'drift' ? ' · drift' : verdict === 'ok' ? ' · ok' : ''}`,
    icon: verdict === 'drift' ? { id: 'warning', color: 'list.warningForeground' } : { id: 'symbol-class' },
    collapsible: 'collapsed',
    contextValue: 'snapshotAggregate',
  };
}

/** `#120 · drift (3 differences)` once verified; `#120` before. */
export function snapshotItem(node: SnapshotNode, verification: SnapshotVerification | undefined): ItemModel {
  const s = node.snapshot;
  const base = {
    id: node.key,
    label: `#${s.sequenceNumber}`,
    contextValue: 'snapshot',
    collapsible: 'none' as const,
    command: { command: OPEN_SNAPSHOT_COMMAND, title: 'Open Snapshot', arguments: [s.uri] },
  };
  if (!verification) {
    return { ...base, description: 'not verified', icon: { id: 'file' }, tooltip: { markdown: lines([field('Snapshot', s.file), 'Run **Verify Snapshots** to compare it with a rebuild from events.']) } };
  }
  const n = verification.differences.length;
  const status = verification.error
    ? 'error'
    : verification.unverifiable !== undefined
      ? verification.unverifiable
      : verification.ok
        ? 'ok'
        : `drift (${n} difference${n === 1 ? '' : 's'})`;
  const shown = verification.differences.slice(0, 10).map((d) => `- ${escapeMarkdown(d)}`);
  return {
    ...base,
    description: status,
    icon: verification.error
      ? { id: 'error', color: 'list.errorForeground' }
      : verification.unverifiable !== undefined
        ? { id: 'circle-slash' }
        : verification.ok
        ? { id: 'pass', color: 'testing.iconPassed' }
        : { id: 'warning', color: 'list.warningForeground' },
    tooltip: {
      markdown: lines([
        field('Snapshot', s.file),
        field('Status', status),
        field('Events applied', verification.eventsApplied),
        field('Rebuilt to sequence', verification.rebuiltToSequence),
        ...(verification.error ? [field('Error', verification.error)] : []),
        ...shown,
        ...(n > shown.length ? [`… and ${n - shown.length} more`] : []),
      ]),
    },
  };
}
