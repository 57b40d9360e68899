import type { AggregateSummary, Page } from '../../shared/protocol';

export interface AggregatePickItem {
  readonly label: string;
  readonly description: string;
  readonly aggregateId: string;
}

/** Quick-pick items for aggregates: the id, with its event count as the description. */
export function aggregatePickItems(page: Page<AggregateSummary>): AggregatePickItem[] {
  return page.items.map((a) => ({
    label: a.aggregateId,
    description: `${a.count.toLocaleString('en-US')} ${a.count === 1 ? 'event' : 'events'}`,
    aggregateId: a.aggregateId,
  }));
}

/** The placeholder says when the list is a first page of many (typing then asks the server by prefix). */
export function aggregatePickPlaceholder(page: Page<AggregateSummary>): string {
  if (page.total === 0) return 'The store has no aggregates';
  if (page.items.length >= page.total) return `Pick an aggregate to inspect (${page.total.toLocaleString('en-US')})`;
  return `Pick an aggregate to inspect: showing ${page.items.length.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}, type to search by id prefix`;
}
