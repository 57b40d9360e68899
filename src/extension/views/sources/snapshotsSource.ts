import { type SnapshotList, SnapshotsRequest, type SnapshotVerification, SnapshotVerifyRequest } from '../../../shared/protocol';
import type { ItemModel } from '../model/itemModel';
import type { SnapshotGroupNode, SnapshotNode, ViewNode } from '../model/nodes';
import { pageOfArray } from '../model/pagedCache';
import { groupSnapshots, snapshotGroupItem, snapshotItem, type SnapshotGroup } from '../model/snapshotItems';
import { describeSort } from '../model/viewSort';
import { FilterableSource, type SourceOptions, storeTag } from './treeSource';

/**
 * Aggregates with snapshots → their snapshots. Verification results are
 * kept here (per store and file) so the drift status survives refreshes
 * until the next verification or a full reload.
 */
export class SnapshotsSource extends FilterableSource {
  readonly view = 'snapshots' as const;
  private readonly listings = new Map<string, { generation: number; listing: Promise<SnapshotList> }>();
  private readonly verifications = new Map<string, Map<string, SnapshotVerification>>();

  constructor(options: SourceOptions) {
    super(options, 'key');
  }

  protected describeSort(): string {
    return describeSort(this.view, this.sortState);
  }

  /** Verifies every snapshot of a store (or one aggregate's) and keeps the results for the rows. */
  async verify(store: string, aggregateId?: string): Promise<SnapshotVerification[]> {
    const results = await this.options.send(SnapshotVerifyRequest.type, { store, ...(aggregateId ? { aggregateId } : {}) });
    this.setVerifications(store, results, aggregateId === undefined);
    return results;
  }

  /** Results from elsewhere (the palette's Verify Snapshots) show here too; `replace` drops older ones. */
  setVerifications(store: string, results: readonly SnapshotVerification[], replace = true): void {
    const tag = storeTag(store);
    const map = replace ? new Map<string, SnapshotVerification>() : (this.verifications.get(tag) ?? new Map());
    for (const result of results) map.set(result.file, result);
    this.verifications.set(tag, map);
  }

  verificationsOf(store: string): ReadonlyMap<string, SnapshotVerification> {
    return this.verifications.get(storeTag(store)) ?? new Map();
  }

  override invalidate(full: boolean): void {
    super.invalidate(full);
    // A rewritten or removed day can change what a rebuild gives: old verdicts no longer hold.
    if (full) this.verifications.clear();
  }

  async roots(store: string, parent: ViewNode | undefined): Promise<ViewNode[]> {
    const listKey = `${storeTag(store)}|snapshots`;
    const listing = await this.listingOf(store);
    const groups = groupSnapshots(listing.snapshots, this.filterState.prefix, this.sortState);
    const list = await this.get<SnapshotGroup>(listKey, `g${this.generation}`, async (offset, limit) => pageOfArray(groups, offset, limit));
    if (list.items.length === 0) {
      return [this.message(`${listKey}/empty`, this.isFiltered() ? 'No snapshots match the filter' : 'No snapshots in the store', store, parent)];
    }
    const nodes = list.items.map((group) =>
      this.nodes.intern<SnapshotGroupNode>({ kind: 'snapshotGroup', key: `${listKey}/${group.aggregateId}`, store, parent, aggregateId: group.aggregateId, snapshots: group.snapshots }),
    );
    return this.withLoadMore(listKey, list, nodes, store, parent);
  }

  async children(node: ViewNode): Promise<ViewNode[]> {
    if (node.kind !== 'snapshotGroup') return [];
    return node.snapshots.map((snapshot) =>
      this.nodes.intern<SnapshotNode>({ kind: 'snapshot', key: `${node.key}/${snapshot.sequenceNumber}`, store: node.store, parent: node, snapshot }),
    );
  }

  item(node: ViewNode): ItemModel {
    const common = this.commonItem(node);
    if (common) return common;
    if (node.kind !== 'snapshotGroup' && node.kind !== 'snapshot') throw new Error(`snapshots view: no row for a ${node.kind} node`);
    const verifications = this.verificationsOf(node.store);
    if (node.kind === 'snapshotGroup') return snapshotGroupItem(node, verifications);
    return snapshotItem(node, verifications.get(node.snapshot.file));
  }

  /** The store's snapshot files, listed once per generation (a directory listing, no file read). */
  private listingOf(store: string): Promise<SnapshotList> {
    const tag = storeTag(store);
    const known = this.listings.get(tag);
    if (known && known.generation === this.generation) return known.listing;
    const listing = this.options.send(SnapshotsRequest.type, { store });
    this.listings.set(tag, { generation: this.generation, listing });
    listing.catch(() => this.listings.delete(tag));
    return listing;
  }
}
