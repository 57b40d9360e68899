import type { EventTypeSummary } from '../../shared/protocol';
import type { HandlerStore } from './handlerStore';

/** Event types with counts, most frequent first, and the schema versions the store defines for each. */
export function eventTypes(store: HandlerStore): EventTypeSummary[] {
  const summaries: EventTypeSummary[] = [];
  for (const [eventType, count] of store.engine.index.eventTypeCounts()) {
    summaries.push({ eventType, count, schemaVersions: [...store.registry.knownVersions(eventType)] });
  }
  return summaries.sort((a, b) => b.count - a.count || (a.eventType < b.eventType ? -1 : 1));
}
