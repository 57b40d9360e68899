"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FilterableSource = void 0;
exports.storeTag = storeTag;
const basicItems_1 = require("../model/basicItems");
const nodeInterner_1 = require("../model/nodeInterner");
const pagedCache_1 = require("../model/pagedCache");
const viewFilter_1 = require("../model/viewFilter");
/**
 * What the filterable sources share: a filter and a sort, node interning,
 * paged lists, and generations that decide when a list is stale.
 */
class FilterableSource {
    options;
    pages;
    nodes = new nodeInterner_1.NodeInterner();
    /** Bumped on every store change: top levels re-fetch (their counts moved). */
    generation = 0;
    /** Bumped when ordinals or lines may have moved: everything re-fetches. */
    fullGeneration = 0;
    filterState = {};
    sortState;
    constructor(options, defaultSort, pages = new pagedCache_1.PagedCache(options.pageSize)) {
        this.options = options;
        this.pages = pages;
        this.sortState = defaultSort;
    }
    get filter() {
        return this.filterState;
    }
    get sort() {
        return this.sortState;
    }
    setFilter(filter) {
        this.filterState = filter;
        this.reset();
    }
    setSort(sort) {
        this.sortState = sort;
        this.reset();
    }
    isFiltered() {
        return !(0, viewFilter_1.isFilterEmpty)(this.filterState);
    }
    description() {
        return [(0, viewFilter_1.describeFilter)(this.filterState), this.describeSort()].filter(Boolean).join(' · ');
    }
    invalidate(full) {
        this.generation++;
        if (full) {
            this.fullGeneration++;
            this.pages.forget();
        }
    }
    loadMore(node) {
        return this.pages.loadMore(this.listKeyOfOwner(node));
    }
    /** The paged list a "Load more" row belongs to. */
    listKeyOfOwner(node) {
        return node.key.slice(0, -'/more'.length);
    }
    /** Items of a list, then a "Load more" row when more exist. */
    withLoadMore(listKey, list, nodes, store, parent) {
        if (list.items.length >= list.total)
            return nodes;
        const more = { kind: 'more', key: `${listKey}/more`, store, parent, loaded: list.items.length, total: list.total };
        return [...nodes, this.nodes.intern(more)];
    }
    message(key, text, store, parent, severity = 'info') {
        return this.nodes.intern({ kind: 'message', key, text, store, parent, severity });
    }
    /** Rows every view renders the same way; undefined for the source's own kinds. */
    commonItem(node) {
        if (node.kind === 'more')
            return (0, basicItems_1.loadMoreItem)(node, this.options.pageSize());
        if (node.kind === 'message')
            return (0, basicItems_1.messageItem)(node);
        return undefined;
    }
    reset() {
        this.pages.forget();
        this.nodes.clear();
        this.generation++;
    }
    get(key, stamp, fetch) {
        return this.pages.get(key, stamp, fetch);
    }
}
exports.FilterableSource = FilterableSource;
/** A key part for the store (`''` for the default store). */
function storeTag(store) {
    return store ?? '';
}
//# sourceMappingURL=treeSource.js.map