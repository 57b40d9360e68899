import type { Event } from '../model/event';
import { recordMeta } from './defaultReducer';
import { isForbiddenKey, isPlainObject } from '../model/safeMerge';
import type { StateObject } from './stateTypes';

/**
 * The state of the bus-wide `system` aggregate: a summary, since merging
 * every aggregate's data into one object would mix unrelated values.
 * `{ event_types: {type: n}, sources: {source: n}, aggregates: {id:
 * {event_count, last_sequence, last_event_type}}, _meta }`. Keys that could
 * reach a prototype are not counted (see safeMerge.ts).
 */
export function systemReducer(state: unknown, event: Event): StateObject {
  const target: StateObject = isPlainObject(state) ? state : {};
  bump(table(target, 'event_types'), event.event_type);
  bump(table(target, 'sources'), event.metadata.source);
  const aggregateId = event.metadata.aggregate_id;
  if (typeof aggregateId === 'string' && !isForbiddenKey(aggregateId)) {
    const aggregates = table(target, 'aggregates');
    const previous = aggregates[aggregateId];
    const count = isPlainObject(previous) && typeof previous.event_count === 'number' ? previous.event_count : 0;
    aggregates[aggregateId] = {
      event_count: count + 1,
      last_sequence: event.metadata.sequence_number,
      last_event_type: event.event_type,
    };
  }
  return recordMeta(target, event);
}

function table(state: StateObject, key: string): StateObject {
  const existing = state[key];
  if (isPlainObject(existing)) return existing;
  const created: StateObject = {};
  state[key] = created;
  return created;
}

function bump(counts: StateObject, key: string): void {
  if (typeof key !== 'string' || isForbiddenKey(key)) return;
  const previous = counts[key];
  counts[key] = (typeof previous === 'number' ? previous : 0) + 1;
}
