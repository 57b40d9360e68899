import { matchesQuery } from '../store/queryMatch';
import type { EventQuery } from '../store/storage';
import type { StoreIndex } from '../model/indexTypes';

/**
 * Ordinals matching a query, without reading any event body: starts from the
 * most selective lookup the query allows and filters the rest by columns.
 * Aggregate queries come in sequence order, all others in store order.
 */
export function selectOrdinals(index: StoreIndex, query: EventQuery): number[] {
  let candidates: readonly number[] | null = null;
  let needsStoreOrder = false;
  if (query.aggregateId !== undefined) {
    candidates = index.ordinalsOfAggregate(query.aggregateId);
  } else if (query.correlationId !== undefined) {
    candidates = index.ordinalsOfCorrelation(query.correlationId);
  } else if (query.eventType !== undefined) {
    candidates = index.ordinalsOfType(query.eventType);
  } else if (query.source !== undefined) {
    candidates = index.ordinalsOfSource(query.source);
  } else if (query.since !== undefined || query.until !== undefined) {
    candidates = index.ordinalsInTimeRange(query.since ?? -Infinity, query.until ?? Infinity);
    needsStoreOrder = true;
  }
  const limit = query.limit ?? Infinity;
  const result: number[] = [];
  const matches = (o: number): boolean => matchesQuery(index.event(o), query);
  const onlyPrimary = isOnlyPrimaryFilter(query);
  if (candidates === null) {
    for (let o = 0; o < index.eventCount && result.length < limit; o++) if (onlyPrimary || matches(o)) result.push(o);
    return result;
  }
  const ordered = needsStoreOrder ? [...candidates].sort((a, b) => a - b) : candidates;
  for (const o of ordered) {
    if (result.length >= limit) break;
    if (onlyPrimary || matches(o)) result.push(o);
  }
  return result;
}

/** True when the lookup alone answers the query (no per-event filtering needed). */
function isOnlyPrimaryFilter(query: EventQuery): boolean {
  const set = [query.aggregateId, query.correlationId, query.eventType, query.source].filter((v) => v !== undefined).length;
  const ranged = query.since !== undefined || query.until !== undefined || query.fromSequence !== undefined || query.toSequence !== undefined;
  return (set === 1 && !ranged) || (set === 0 && !ranged);
}
