import type { EventPlace, EventPlaceParams } from '../../shared/protocol';
import { ordinalTestOf } from '../../engine/query';
import { viewFilterOfParams } from './filterOfParams';
import { groupKeysInOrder } from './eventGroups';
import type { HandlerStore } from './handlerStore';

/**
 * Where an event sits in the Aggregates view under its prefix, filter and
 * sort, computed as that view's own requests list it: the client then
 * loads exactly enough pages to reveal it.
 */
export function eventPlace(store: HandlerStore, params: EventPlaceParams): EventPlace | null {
  const index = store.engine.index;
  const [ordinal] = index.ordinalsOfEventId(params.eventId);
  if (ordinal === undefined) return null;
  const aggregateId = index.event(ordinal).aggregateId;
  if (aggregateId === null) return { aggregateId: null, groupIndex: -1, eventIndex: -1 };
  const keys = groupKeysInOrder(store, { store: params.store, groupBy: 'aggregate', ...(params.prefix ? { prefix: params.prefix } : {}), ...(params.filter ? { filter: params.filter } : {}), ...(params.sort ? { sort: params.sort } : {}) });
  const groupIndex = keys.indexOf(aggregateId);
  const test = ordinalTestOf(index, viewFilterOfParams(params.filter));
  const ordinals = index.ordinalsOfAggregate(aggregateId);
  const listed = test ? ordinals.filter(test) : ordinals;
  return { aggregateId, groupIndex, eventIndex: groupIndex === -1 ? -1 : listed.indexOf(ordinal) };
}
