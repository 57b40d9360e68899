import type { EventEntry, EventsQueryParams, Page } from '../../shared/protocol';
import { ordinalTestOf } from '../../engine/query';
import { viewFilterOfParams } from './filterOfParams';
import { type HandlerStore, pageOf, toEventEntry } from './handlerStore';

/** The events of one aggregate (sequence order), type or correlation (store order) that pass the filter, one page, from the index only. */
export function eventsQuery(store: HandlerStore, params: EventsQueryParams): Page<EventEntry> {
  const index = store.engine.index;
  const named = [params.aggregateId, params.eventType, params.correlationId].filter((v) => typeof v === 'string');
  if (named.length !== 1) throw new Error('eventsQuery: expected exactly one of aggregateId, eventType or correlationId');
  const ordinals =
    params.aggregateId !== undefined
      ? index.ordinalsOfAggregate(params.aggregateId)
      : params.eventType !== undefined
        ? index.ordinalsOfType(params.eventType)
        : index.ordinalsOfCorrelation(params.correlationId as string);
  const test = ordinalTestOf(index, viewFilterOfParams(params.filter));
  const kept = test ? ordinals.filter(test) : ordinals;
  return pageOf(kept, params, (ordinal) => toEventEntry(store, index.event(ordinal)));
}
