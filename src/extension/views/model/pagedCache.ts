import type { Page } from '../../../shared/protocol';

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export interface PagedList<T> {
  readonly items: readonly T[];
  /** Items on the server, over all pages. */
  readonly total: number;
}

interface Entry<T> {
  items: T[];
  total: number;
  /** How many items the person asked to see (a page, plus a page per "Load more"). */
  wanted: number;
  /** What the items were fetched against; a different stamp means they are out of date. */
  stamp: string;
  loaded: boolean;
  pending: Promise<void> | undefined;
}

/** The server's page limit: bigger spans are fetched in several requests. */
export const MAX_REQUEST = 10_000;

/**
 * The pages loaded per tree node. A node's list is fetched when first
 * expanded; "Load more" raises how many items it wants; a refresh re-fetches
 * a list only when its stamp changed (an aggregate's count, a new
 * generation of the view), and then only as many items as were shown.
 * Collapsed nodes are never fetched: VS Code does not ask for them.
 */
export class PagedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly pageSize: () => number) {}

  async get(key: string, stamp: string, fetch: FetchPage<T>): Promise<PagedList<T>> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { items: [], total: 0, wanted: this.page(), stamp, loaded: false, pending: undefined };
      this.entries.set(key, entry);
    }
    // Concurrent asks for one node (VS Code may ask twice while a refresh runs) share one fetch.
    while (entry.pending) await entry.pending;
    if (entry.stamp !== stamp || !entry.loaded) {
      entry.pending = this.reload(entry, stamp, fetch);
    } else if (entry.items.length < Math.min(entry.wanted, entry.total)) {
      entry.pending = this.extend(entry, fetch);
    }
    if (entry.pending) {
      try {
        await entry.pending;
      } finally {
        entry.pending = undefined;
      }
    }
    return { items: entry.items, total: entry.total };
  }

  /** Asks for one more page of `key` on its next `get`; false when the list is unknown or complete. */
  loadMore(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.items.length >= entry.total) return false;
    entry.wanted = entry.items.length + this.page();
    return true;
  }

  /** Makes `key`'s next `get` hold at least `count` items (whole pages), to reveal an item that far in. */
  want(key: string, count: number): void {
    const page = this.page();
    const wanted = Math.max(page, Math.ceil(count / page) * page);
    const entry = this.entries.get(key);
    if (entry) entry.wanted = Math.max(entry.wanted, wanted);
    else this.entries.set(key, { items: [], total: 0, wanted, stamp: '', loaded: false, pending: undefined });
  }

  /** Forgets one list (or all): the next `get` fetches from the start. */
  forget(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  private page(): number {
    return Math.max(1, Math.min(MAX_REQUEST, Math.floor(this.pageSize()) || 1));
  }

  private async reload(entry: Entry<T>, stamp: string, fetch: FetchPage<T>): Promise<void> {
    const want = Math.max(this.page(), entry.loaded ? entry.items.length : entry.wanted);
    const fresh = await fetchSpan(fetch, 0, want);
    entry.items = fresh.items;
    entry.total = fresh.total;
    entry.wanted = Math.max(want, entry.wanted);
    entry.stamp = stamp;
    entry.loaded = true;
  }

  private async extend(entry: Entry<T>, fetch: FetchPage<T>): Promise<void> {
    const more = await fetchSpan(fetch, entry.items.length, entry.wanted - entry.items.length);
    entry.items = entry.items.concat(more.items);
    entry.total = more.total;
  }
}

async function fetchSpan<T>(fetch: FetchPage<T>, offset: number, count: number): Promise<PagedList<T> & { items: T[] }> {
  const items: T[] = [];
  let total = 0;
  for (let at = offset; ; ) {
    const page = await fetch(at, Math.min(MAX_REQUEST, offset + count - at));
    items.push(...page.items);
    total = page.total;
    at += page.items.length;
    if (page.items.length === 0 || at >= offset + count || at >= total) break;
  }
  return { items, total };
}

/** A page of a list already in memory (causation roots, snapshot groups), in the server's Page shape. */
export function pageOfArray<T>(items: readonly T[], offset: number, limit: number): Page<T> {
  return { items: items.slice(offset, offset + limit), total: items.length, offset };
}
