import type { AggregateEventsParams, AggregatesParams, AggregateSummary, EventEntry, Page } from '../../shared/protocol';
import { type HandlerStore, pageOf, pageWindow, timestampText, toEventEntry } from './handlerStore';

/** Aggregates sorted by id, with counts and last timestamps (only the page's are computed). */
export function aggregates(store: HandlerStore, params: AggregatesParams): Page<AggregateSummary> {
  const index = store.engine.index;
  const { offset, limit } = pageWindow(params);
  // Only the page's keys are read (the index keeps them sorted): 270,000 ids are never listed for 100 rows.
  const { keys, total } = index.keyPage('aggregate', params.prefix ?? '', offset, limit);
  const items = keys.map((aggregateId) => {
    const { last } = index.timeSpanOf('aggregate', aggregateId);
    return {
      aggregateId,
      count: index.aggregateSize(aggregateId),
      lastTimestamp: timestampText(last),
      lastTimestampMs: Number.isFinite(last) ? last : null,
    };
  });
  return { items, total, offset };
}

/** An aggregate's events in sequence order, one page, from the index only. */
export function aggregateEvents(store: HandlerStore, params: AggregateEventsParams): Page<EventEntry> {
  const index = store.engine.index;
  return pageOf(index.ordinalsOfAggregate(params.aggregateId), params, (ordinal) => toEventEntry(store, index.event(ordinal)));
}
