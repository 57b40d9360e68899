import { naturalCompare } from '../model/naturalOrder';
import type { AggregatePageRequest, AggregateSummary, Page } from './storeBackend';

/**
 * A page of aggregates for a backend that knows its ids as a list (the
 * folder's index, the memory store): natural id order (trader_2 before
 * trader_10), narrowed by prefix, continued after the previous page's last
 * id. The cursor is that id, so a page stays right when aggregates are
 * added before it.
 */
export function aggregatePageOf(ids: readonly string[], request: AggregatePageRequest, summarize: (aggregateId: string) => AggregateSummary): Page<AggregateSummary> {
  const limit = Math.max(0, Math.floor(request.limit));
  const prefix = request.prefix ?? '';
  const sorted = ids.filter((id) => id.startsWith(prefix)).sort(naturalCompare);
  const after = request.after;
  const start = after === undefined ? 0 : firstAfter(sorted, after);
  const pageIds = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length && pageIds.length > 0;
  return { items: pageIds.map(summarize), ...(more ? { next: pageIds[pageIds.length - 1] } : {}) };
}

/** The first position whose id sorts after `id` (binary search in natural order). */
function firstAfter(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (naturalCompare(sorted[mid], id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Refuses events that do not belong to the aggregate an expected-version append names. */
export function assertOneAggregate(aggregateId: string, events: readonly { readonly metadata: { readonly aggregate_id: string | null; readonly event_id: string } }[]): void {
  for (const event of events) {
    if (event.metadata.aggregate_id !== aggregateId) {
      throw new Error(`appendExpecting(${JSON.stringify(aggregateId)}): event ${event.metadata.event_id} belongs to aggregate ${JSON.stringify(event.metadata.aggregate_id)} (expected every event to be of ${JSON.stringify(aggregateId)})`);
    }
  }
}

/** The highest sequence number among events, or `fallback` when none is a number. */
export function highestSequenceOf(events: readonly { readonly metadata: { readonly sequence_number: number } }[], fallback: number): number {
  let highest = fallback;
  for (const event of events) if (Number.isFinite(event.metadata.sequence_number) && event.metadata.sequence_number > highest) highest = event.metadata.sequence_number;
  return highest;
}
