"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotsSource = void 0;
const protocol_1 = require("../../../shared/protocol");
const pagedCache_1 = require("../model/pagedCache");
const snapshotItems_1 = require("../model/snapshotItems");
const viewSort_1 = require("../model/viewSort");
const treeSource_1 = require("./treeSource");
/**
 * Aggregates with snapshots → their snapshots. Verification results are
 * kept here (per store and file) so the drift status survives refreshes
 * until the next verification or a full reload.
 */
class SnapshotsSource extends treeSource_1.FilterableSource {
    view = 'snapshots';
    listings = new Map();
    verifications = new Map();
    constructor(options) {
        super(options, 'key');
    }
    describeSort() {
        return (0, viewSort_1.describeSort)(this.view, this.sortState);
    }
    /** Verifies every snapshot of a store (or one aggregate's) and keeps the results for the rows. */
    async verify(store, aggregateId) {
        const results = await this.options.send(protocol_1.SnapshotVerifyRequest.type, { ...(store !== undefined ? { store } : {}), ...(aggregateId ? { aggregateId } : {}) });
        this.setVerifications(store, results, aggregateId === undefined);
        return results;
    }
    /** Results from elsewhere (the palette's Verify Snapshots) show here too; `replace` drops older ones. */
    setVerifications(store, results, replace = true) {
        const tag = (0, treeSource_1.storeTag)(store);
        const map = replace ? new Map() : (this.verifications.get(tag) ?? new Map());
        for (const result of results)
            map.set(result.file, result);
        this.verifications.set(tag, map);
    }
    verificationsOf(store) {
        return this.verifications.get((0, treeSource_1.storeTag)(store)) ?? new Map();
    }
    invalidate(full) {
        super.invalidate(full);
        // A rewritten or removed day can change what a rebuild gives: old verdicts no longer hold.
        if (full)
            this.verifications.clear();
    }
    async roots(store, parent) {
        const listKey = `${(0, treeSource_1.storeTag)(store)}|snapshots`;
        const listing = await this.listingOf(store);
        const groups = (0, snapshotItems_1.groupSnapshots)(listing.snapshots, this.filterState.prefix, this.sortState);
        const list = await this.get(listKey, `g${this.generation}`, async (offset, limit) => (0, pagedCache_1.pageOfArray)(groups, offset, limit));
        if (list.items.length === 0) {
            return [this.message(`${listKey}/empty`, this.isFiltered() ? 'No snapshots match the filter' : 'No snapshots in the store', store, parent)];
        }
        const nodes = list.items.map((group) => this.nodes.intern({ kind: 'snapshotGroup', key: `${listKey}/${group.aggregateId}`, store, parent, aggregateId: group.aggregateId, snapshots: group.snapshots }));
        return this.withLoadMore(listKey, list, nodes, store, parent);
    }
    async children(node) {
        if (node.kind !== 'snapshotGroup')
            return [];
        return node.snapshots.map((snapshot) => this.nodes.intern({ kind: 'snapshot', key: `${node.key}/${snapshot.sequenceNumber}`, store: node.store, parent: node, snapshot }));
    }
    item(node) {
        const common = this.commonItem(node);
        if (common)
            return common;
        const verifications = this.verificationsOf(node.store);
        if (node.kind === 'snapshotGroup')
            return (0, snapshotItems_1.snapshotGroupItem)(node, verifications);
        if (node.kind === 'snapshot')
            return (0, snapshotItems_1.snapshotItem)(node, verifications.get(node.snapshot.file));
        throw new Error(`snapshots view: no row for a ${node.kind} node`);
    }
    /** The store's snapshot files, listed once per generation (a directory listing, no file read). */
    listingOf(store) {
        const tag = (0, treeSource_1.storeTag)(store);
        const known = this.listings.get(tag);
        if (known && known.generation === this.generation)
            return known.listing;
        const listing = this.options.send(protocol_1.SnapshotsRequest.type, store !== undefined ? { store } : {});
        this.listings.set(tag, { generation: this.generation, listing });
        listing.catch(() => this.listings.delete(tag));
        return listing;
    }
}
exports.SnapshotsSource = SnapshotsSource;
//# sourceMappingURL=snapshotsSource.js.map