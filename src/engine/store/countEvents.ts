import type { Event } from '../model/event';
import type { EventCounts } from './storage';

/** Counts for a backend that holds its events in a list. */
export function countEventsOf(events: Iterable<Event>): EventCounts {
  let total = 0;
  const byAggregate = new Map<string, number>();
  for (const event of events) {
    total++;
    const id = event.metadata.aggregate_id;
    if (typeof id === 'string' && id !== '') byAggregate.set(id, (byAggregate.get(id) ?? 0) + 1);
  }
  return { total, byAggregate };
}
