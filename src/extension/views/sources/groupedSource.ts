import { AggregateEventsRequest, type EventEntry, type EventGroupKey, EventGroupsRequest, type EventGroupSort, type EventGroupSummary, EventsQueryRequest } from '../../../shared/protocol';
import { type EventRowStyle, eventItem } from '../model/eventItem';
import { groupItem } from '../model/groupItem';
import type { ItemModel } from '../model/itemModel';
import { eventNode, type GroupNode, type ViewNode } from '../model/nodes';
import { eventFilterOf } from '../model/viewFilter';
import { describeSort } from '../model/viewSort';
import type { FilterableView } from '../model/viewNames';
import { FilterableSource, type SourceOptions, storeTag } from './treeSource';

const GROUP_NOUNS: Readonly<Record<EventGroupKey, string>> = { aggregate: 'aggregates', correlation: 'correlations', type: 'event types', source: 'sources' };

/**
 * A view whose top level is a server-side grouping of events (aggregates,
 * correlations, event types): filtered, sorted and paged by the server.
 */
export abstract class GroupedSource extends FilterableSource {
  abstract override readonly view: FilterableView;
  protected abstract readonly groupBy: EventGroupKey;

  constructor(options: SourceOptions, defaultSort: EventGroupSort) {
    super(options, defaultSort);
  }

  protected describeSort(): string {
    return describeSort(this.view, this.sortState);
  }

  async roots(store: string, parent: ViewNode | undefined): Promise<ViewNode[]> {
    const listKey = `${storeTag(store)}|${this.groupBy}`;
    const filter = eventFilterOf(this.filterState);
    const list = await this.get<EventGroupSummary>(listKey, `g${this.generation}`, (offset, limit) =>
      this.options.send(EventGroupsRequest.type, {
        store,
        groupBy: this.groupBy,
        offset,
        limit,
        sort: this.sortState,
        ...(this.filterState.prefix ? { prefix: this.filterState.prefix } : {}),
        ...(filter ? { filter } : {}),
      }),
    );
    if (list.items.length === 0) {
      const text = this.isFiltered() ? `No ${GROUP_NOUNS[this.groupBy]} match the filter` : `No ${GROUP_NOUNS[this.groupBy]} in the store`;
      return [this.message(`${listKey}/empty`, text, store, parent)];
    }
    const nodes = list.items.map((summary) =>
      this.nodes.intern<GroupNode>({ kind: 'group', key: `${listKey}/${summary.key}`, store, parent, groupBy: this.groupBy, summary }),
    );
    return this.withLoadMore(listKey, list, nodes, store, parent);
  }

  /** The top level lists at least `count` groups on its next fetch. */
  wantGroups(store: string, count: number): void {
    this.pages.want(`${storeTag(store)}|${this.groupBy}`, count);
  }

  /** The group lists at least `count` events on its next fetch. */
  wantEvents(node: GroupNode, count: number): void {
    this.pages.want(`${node.key}/events`, count);
  }

  /** A group's events are stale when its count or last event changed, or lines moved. */
  protected groupStamp(node: GroupNode): string {
    return `f${this.fullGeneration}|${node.summary.count}|${node.summary.lastTimestampMs}`;
  }

  /** The group's events (filtered), paged, as event rows. */
  protected async eventChildren(node: GroupNode, query: { aggregateId?: string; eventType?: string }): Promise<ViewNode[]> {
    const listKey = `${node.key}/events`;
    const filter = eventFilterOf(this.filterState);
    const store = node.store;
    const list = await this.get<EventEntry>(listKey, this.groupStamp(node), (offset, limit) => {
      const where = { store, offset, limit };
      // The plain aggregate request is the fast path the bench measures; the query handles filters and types.
      if (query.aggregateId !== undefined && !filter) return this.options.send(AggregateEventsRequest.type, { ...where, aggregateId: query.aggregateId });
      return this.options.send(EventsQueryRequest.type, { ...where, ...query, ...(filter ? { filter } : {}) });
    });
    if (list.items.length === 0) return [this.message(`${listKey}/empty`, 'No events match the filter', store, node)];
    const nodes = list.items.map((entry, i) => this.nodes.intern(eventNode(entry, `${listKey}/${i}`, store, node)));
    return this.withLoadMore(listKey, list, nodes, store, node);
  }

  protected abstract readonly eventStyle: EventRowStyle;

  item(node: ViewNode, nowMs: number): ItemModel {
    const common = this.commonItem(node);
    if (common) return common;
    if (node.kind === 'group') return groupItem(node, nowMs, this.isFiltered());
    if (node.kind === 'event') return eventItem(node, node.causation ? 'causation' : this.eventStyle, nowMs);
    throw new Error(`${this.view} view: no row for a ${node.kind} node`);
  }
}

export class AggregatesSource extends GroupedSource {
  readonly view = 'aggregates' as const;
  protected readonly groupBy = 'aggregate' as const;
  protected readonly eventStyle = 'aggregate' as const;

  constructor(options: SourceOptions) {
    super(options, 'key');
  }

  children(node: ViewNode): Promise<ViewNode[]> {
    if (node.kind !== 'group') return Promise.resolve([]);
    return this.eventChildren(node, { aggregateId: node.summary.key });
  }
}

export class EventTypesSource extends GroupedSource {
  readonly view = 'eventTypes' as const;
  protected readonly groupBy = 'type' as const;
  protected readonly eventStyle = 'type' as const;

  constructor(options: SourceOptions) {
    super(options, 'count');
  }

  children(node: ViewNode): Promise<ViewNode[]> {
    if (node.kind !== 'group') return Promise.resolve([]);
    return this.eventChildren(node, { eventType: node.summary.key });
  }
}
