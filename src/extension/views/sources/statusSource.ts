import { EventGroupsRequest, type EventGroupKey, type StoreStatus } from '../../../shared/protocol';
import { statusRowItem } from '../model/basicItems';
import type { ItemModel } from '../model/itemModel';
import type { StatusRowNode, ViewNode } from '../model/nodes';
import { NodeInterner } from '../model/nodeInterner';
import { type StoreCounts, statusRows } from '../model/statusRows';
import type { SendRequest } from './requester';
import type { TreeSource } from './treeSource';
import { storeTag } from './treeSource';

const COUNTED: readonly [keyof StoreCounts, EventGroupKey][] = [
  ['aggregates', 'aggregate'],
  ['correlations', 'correlation'],
  ['eventTypes', 'type'],
  ['sources', 'source'],
];

/**
 * The Status view: what StatusRequest reports for a store, plus the number
 * of aggregates, correlations, types and sources (group totals, asked once
 * per store change with limit 0).
 */
export class StatusSource implements TreeSource {
  readonly view = 'status' as const;
  private readonly nodes = new NodeInterner();
  private generation = 0;
  private readonly counts = new Map<string, { generation: number; counts: Promise<StoreCounts> }>();

  constructor(
    private readonly send: SendRequest,
    private readonly statusOf: (store: string) => StoreStatus | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async roots(store: string, parent: ViewNode | undefined): Promise<ViewNode[]> {
    const status = this.statusOf(store);
    if (!status) return [];
    const counts = status.state === 'ready' ? await this.countsOf(status.storeRoot).catch(() => ({})) : {};
    return statusRows(status, counts, this.now()).map((row) =>
      this.nodes.intern<StatusRowNode>({
        kind: 'statusRow',
        key: `${storeTag(store)}|${row.id}`,
        store,
        parent,
        label: row.label,
        value: row.value,
        ...(row.icon ? { icon: { ...row.icon } } : {}),
        ...(row.tooltip ? { tooltip: row.tooltip } : {}),
      }),
    );
  }

  async children(): Promise<ViewNode[]> {
    return [];
  }

  item(node: ViewNode): ItemModel {
    if (node.kind !== 'statusRow') throw new Error(`status view: no row for a ${node.kind} node`);
    return statusRowItem(node);
  }

  loadMore(): boolean {
    return false;
  }

  invalidate(): void {
    this.generation++;
  }

  description(): string {
    return '';
  }

  private countsOf(store: string): Promise<StoreCounts> {
    const known = this.counts.get(store);
    if (known && known.generation === this.generation) return known.counts;
    const counts = Promise.all(
      COUNTED.map(async ([name, groupBy]) => [name, (await this.send(EventGroupsRequest.type, { store, groupBy, limit: 0 })).total] as const),
    ).then((pairs) => Object.fromEntries(pairs) as StoreCounts);
    this.counts.set(store, { generation: this.generation, counts });
    return counts;
  }
}
