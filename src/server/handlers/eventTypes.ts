import type { EventTypeSummary } from '../../shared/protocol';
import { backendOf } from './handlerBackend';
import type { HandlerStore } from './handlerStore';

/** Event types with counts (the seam's countByType), most frequent first, and the schema versions the store defines for each. */
export async function eventTypes(store: HandlerStore): Promise<EventTypeSummary[]> {
  const summaries: EventTypeSummary[] = [];
  for (const [eventType, count] of await backendOf(store).countByType()) {
    summaries.push({ eventType, count, schemaVersions: [...store.registry.knownVersions(eventType)] });
  }
  return summaries.sort((a, b) => b.count - a.count || (a.eventType < b.eventType ? -1 : 1));
}
