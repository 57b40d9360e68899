import { freezeEvent, type Event } from '../model/event';

/**
 * An indexed line's text as an Event. The index already proved the line is
 * an object with `event_type` and `metadata`; this only fills what a writer
 * left out so that consumers can rely on the shape.
 */
export function parseEventLine(text: string, where: string): Event {
  const raw: unknown = JSON.parse(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${where}: expected an event object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
  }
  const record = raw as Record<string, unknown>;
  const metadata = (record.metadata ?? {}) as Record<string, unknown>;
  return freezeEvent({
    event_type: String(record.event_type ?? ''),
    data: record.data ?? null,
    metadata: {
      event_id: String(metadata.event_id ?? ''),
      version: String(metadata.version ?? ''),
      schema_version: String(metadata.schema_version ?? ''),
      timestamp: String(metadata.timestamp ?? ''),
      source: String(metadata.source ?? ''),
      correlation_id: (metadata.correlation_id as string | null | undefined) ?? null,
      causation_id: (metadata.causation_id as string | null | undefined) ?? null,
      aggregate_id: (metadata.aggregate_id as string | null | undefined) ?? null,
      sequence_number: typeof metadata.sequence_number === 'number' ? metadata.sequence_number : Number.NaN,
      retry_count: typeof metadata.retry_count === 'number' ? metadata.retry_count : 0,
      status: String(metadata.status ?? ''),
      tags: (metadata.tags as Record<string, string> | undefined) ?? {},
    },
  });
}
