import type { EventGroupSort } from '../../../shared/protocol';
import type { ItemModel } from '../model/itemModel';
import { messageItem, loadMoreItem } from '../model/basicItems';
import { NodeInterner } from '../model/nodeInterner';
import type { LoadMoreNode, MessageNode, ViewNode } from '../model/nodes';
import { PagedCache, type PagedList } from '../model/pagedCache';
import { describeFilter, isFilterEmpty, type ViewFilter } from '../model/viewFilter';
import type { ViewName } from '../model/viewNames';
import type { SendRequest } from './requester';

/** What a view's tree provider asks of its source; everything but the TreeItem conversion. */
export interface TreeSource {
  readonly view: ViewName;
  /** The top level of one store (`parent`: its heading in a multi-root workspace). */
  roots(store: string, parent: ViewNode | undefined): Promise<ViewNode[]>;
  children(node: ViewNode): Promise<ViewNode[]>;
  item(node: ViewNode, nowMs: number): ItemModel;
  /** Raises the owner's wanted count; the provider then refreshes `node.parent`. */
  loadMore(node: LoadMoreNode): boolean;
  /** After a store change: `full` drops every loaded page, otherwise lists re-fetch where their stamp changed. */
  invalidate(full: boolean): void;
  /** The view's description (filter and sort), empty when neither is set. */
  description(): string;
}

export interface SourceOptions {
  readonly send: SendRequest;
  readonly pageSize: () => number;
}

/**
 * What the filterable sources share: a filter and a sort, node interning,
 * paged lists, and generations that decide when a list is stale.
 */
export abstract class FilterableSource implements TreeSource {
  abstract readonly view: ViewName;
  protected readonly nodes = new NodeInterner();
  /** Bumped on every store change: top levels re-fetch (their counts moved). */
  protected generation = 0;
  /** Bumped when ordinals or lines may have moved: everything re-fetches. */
  protected fullGeneration = 0;
  protected filterState: ViewFilter = {};
  protected sortState: EventGroupSort;

  constructor(
    protected readonly options: SourceOptions,
    defaultSort: EventGroupSort,
    protected readonly pages = new PagedCache<unknown>(options.pageSize),
  ) {
    this.sortState = defaultSort;
  }

  abstract roots(store: string, parent: ViewNode | undefined): Promise<ViewNode[]>;
  abstract children(node: ViewNode): Promise<ViewNode[]>;
  abstract item(node: ViewNode, nowMs: number): ItemModel;
  protected abstract describeSort(): string;

  get filter(): ViewFilter {
    return this.filterState;
  }

  get sort(): EventGroupSort {
    return this.sortState;
  }

  setFilter(filter: ViewFilter): void {
    this.filterState = filter;
    this.reset();
  }

  setSort(sort: EventGroupSort): void {
    this.sortState = sort;
    this.reset();
  }

  isFiltered(): boolean {
    return !isFilterEmpty(this.filterState);
  }

  description(): string {
    return [describeFilter(this.filterState), this.describeSort()].filter(Boolean).join(' · ');
  }

  invalidate(full: boolean): void {
    this.generation++;
    if (full) {
      this.fullGeneration++;
      this.pages.forget();
    }
  }

  loadMore(node: LoadMoreNode): boolean {
    return this.pages.loadMore(this.listKeyOfOwner(node));
  }

  /** The paged list a "Load more" row belongs to. */
  protected listKeyOfOwner(node: LoadMoreNode): string {
    return node.key.slice(0, -'/more'.length);
  }

  /** Items of a list, then a "Load more" row when more exist. */
  protected withLoadMore<N extends ViewNode>(listKey: string, list: PagedList<unknown>, nodes: N[], store: string, parent: ViewNode | undefined): ViewNode[] {
    if (list.items.length >= list.total) return nodes;
    const more: LoadMoreNode = { kind: 'more', key: `${listKey}/more`, store, parent, loaded: list.items.length, total: list.total };
    return [...nodes, this.nodes.intern(more)];
  }

  protected message(key: string, text: string, store: string, parent: ViewNode | undefined, severity: MessageNode['severity'] = 'info'): MessageNode {
    return this.nodes.intern<MessageNode>({ kind: 'message', key, text, store, parent, severity });
  }

  /** Rows every view renders the same way; undefined for the source's own kinds. */
  protected commonItem(node: ViewNode): ItemModel | undefined {
    if (node.kind === 'more') return loadMoreItem(node, this.options.pageSize());
    if (node.kind === 'message') return messageItem(node);
    return undefined;
  }

  protected reset(): void {
    this.pages.forget();
    this.nodes.clear();
    this.generation++;
  }

  protected get<T>(key: string, stamp: string, fetch: (offset: number, limit: number) => Promise<{ items: T[]; total: number; offset: number }>): Promise<PagedList<T>> {
    return this.pages.get(key, stamp, fetch as (offset: number, limit: number) => Promise<{ items: unknown[]; total: number; offset: number }>) as Promise<PagedList<T>>;
  }
}

/** A key part for the store (`''` for the default store). */
export function storeTag(store: string): string {
  return store ?? '';
}
