"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PagedCache = exports.MAX_REQUEST = void 0;
exports.pageOfArray = pageOfArray;
/** The server's page limit: bigger spans are fetched in several requests. */
exports.MAX_REQUEST = 10_000;
/**
 * The pages loaded per tree node. A node's list is fetched when first
 * expanded; "Load more" raises how many items it wants; a refresh re-fetches
 * a list only when its stamp changed (an aggregate's count, a new
 * generation of the view), and then only as many items as were shown.
 * Collapsed nodes are never fetched: VS Code does not ask for them.
 */
class PagedCache {
    pageSize;
    entries = new Map();
    constructor(pageSize) {
        this.pageSize = pageSize;
    }
    async get(key, stamp, fetch) {
        let entry = this.entries.get(key);
        if (!entry) {
            entry = { items: [], total: 0, wanted: this.page(), stamp, loaded: false, pending: undefined };
            this.entries.set(key, entry);
        }
        // Concurrent asks for one node (VS Code may ask twice while a refresh runs) share one fetch.
        while (entry.pending)
            await entry.pending;
        if (entry.stamp !== stamp || !entry.loaded) {
            entry.pending = this.reload(entry, stamp, fetch);
        }
        else if (entry.items.length < Math.min(entry.wanted, entry.total)) {
            entry.pending = this.extend(entry, fetch);
        }
        if (entry.pending) {
            try {
                await entry.pending;
            }
            finally {
                entry.pending = undefined;
            }
        }
        return { items: entry.items, total: entry.total };
    }
    /** Asks for one more page of `key` on its next `get`; false when the list is unknown or complete. */
    loadMore(key) {
        const entry = this.entries.get(key);
        if (!entry || entry.items.length >= entry.total)
            return false;
        entry.wanted = entry.items.length + this.page();
        return true;
    }
    /** Makes `key`'s next `get` hold at least `count` items (whole pages), to reveal an item that far in. */
    want(key, count) {
        const page = this.page();
        const wanted = Math.max(page, Math.ceil(count / page) * page);
        const entry = this.entries.get(key);
        if (entry)
            entry.wanted = Math.max(entry.wanted, wanted);
        else
            this.entries.set(key, { items: [], total: 0, wanted, stamp: '', loaded: false, pending: undefined });
    }
    /** Forgets one list (or all): the next `get` fetches from the start. */
    forget(key) {
        if (key === undefined)
            this.entries.clear();
        else
            this.entries.delete(key);
    }
    has(key) {
        return this.entries.has(key);
    }
    page() {
        return Math.max(1, Math.min(exports.MAX_REQUEST, Math.floor(this.pageSize()) || 1));
    }
    async reload(entry, stamp, fetch) {
        const want = Math.max(this.page(), entry.loaded ? entry.items.length : entry.wanted);
        const fresh = await fetchSpan(fetch, 0, want);
        entry.items = fresh.items;
        entry.total = fresh.total;
        entry.wanted = Math.max(want, entry.wanted);
        entry.stamp = stamp;
        entry.loaded = true;
    }
    async extend(entry, fetch) {
        const more = await fetchSpan(fetch, entry.items.length, entry.wanted - entry.items.length);
        entry.items = entry.items.concat(more.items);
        entry.total = more.total;
    }
}
exports.PagedCache = PagedCache;
async function fetchSpan(fetch, offset, count) {
    const items = [];
    let total = 0;
    for (let at = offset;;) {
        const page = await fetch(at, Math.min(exports.MAX_REQUEST, offset + count - at));
        items.push(...page.items);
        total = page.total;
        at += page.items.length;
        if (page.items.length === 0 || at >= offset + count || at >= total)
            break;
    }
    return { items, total };
}
/** A page of a list already in memory (causation roots, snapshot groups), in the server's Page shape. */
function pageOfArray(items, offset, limit) {
    return { items: items.slice(offset, offset + limit), total: items.length, offset };
}
//# sourceMappingURL=pagedCache.js.map