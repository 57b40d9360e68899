import type { CausationTreeNode, EventEntry, EventGroupKey, EventGroupSummary, SnapshotSummary, StoreStatus } from '../../../shared/protocol';

/**
 * The elements of every tree. Each carries its `key` (unique in its view,
 * stable across refreshes), the store it belongs to and its parent (for
 * TreeView.reveal). Nodes are interned by key (see nodeInterner.ts), so a
 * refresh updates the object VS Code already holds instead of replacing it.
 */
interface NodeBase {
  readonly key: string;
  /** The store root (absolute). */
  readonly store: string;
  readonly parent: ViewNode | undefined;
}

/** A store, shown only when the workspace has more than one. */
export interface StoreNode extends NodeBase {
  readonly kind: 'store';
  status: StoreStatus;
}

/** An aggregate, correlation or event type with its (filtered) event count. */
export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  readonly groupBy: EventGroupKey;
  summary: EventGroupSummary;
}

/**
 * One event. `aggregateId` / `toSequence` sit at the top level because the
 * context menu hands the node itself to eventbus.replayAggregate, whose
 * argument is `{ aggregateId, toSequence }`.
 */
export interface EventNode extends NodeBase {
  readonly kind: 'event';
  entry: EventEntry;
  aggregateId: string | undefined;
  toSequence: number | undefined;
  /** Set in the Correlations view: the causation step (children are its effects). */
  causation?: CausationTreeNode;
}

/** "Load more…": asks its owner (`parent`, undefined for the top level) for another page. */
export interface LoadMoreNode extends NodeBase {
  readonly kind: 'more';
  loaded: number;
  total: number;
}

export interface SnapshotGroupNode extends NodeBase {
  readonly kind: 'snapshotGroup';
  aggregateId: string;
  snapshots: SnapshotSummary[];
}

export interface SnapshotNode extends NodeBase {
  readonly kind: 'snapshot';
  snapshot: SnapshotSummary;
}

/** A `label: value` row of the Status view. */
export interface StatusRowNode extends NodeBase {
  readonly kind: 'statusRow';
  label: string;
  value: string;
  icon?: { id: string; color?: string };
  tooltip?: string;
}

/** A line of text where a list would be: nothing matches, the request failed. */
/** A line of text; one about the whole view (listing the stores failed) belongs to no store. */
export interface MessageNode extends Omit<NodeBase, 'store'> {
  readonly store: string | undefined;
  readonly kind: 'message';
  text: string;
  severity: 'info' | 'error';
}

export type ViewNode = StoreNode | GroupNode | EventNode | LoadMoreNode | SnapshotGroupNode | SnapshotNode | StatusRowNode | MessageNode;

export function eventNode(entry: EventEntry, key: string, store: string, parent: ViewNode | undefined, causation?: CausationTreeNode): EventNode {
  return {
    kind: 'event',
    key,
    store,
    parent,
    entry,
    aggregateId: entry.aggregateId ?? undefined,
    toSequence: entry.sequence ?? undefined,
    ...(causation ? { causation } : {}),
  };
}
