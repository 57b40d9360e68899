import { deepFreeze } from './deepFreeze';
import { EventStatus, type EventStatusValue } from './eventStatus';
import { newEventId } from './ids';
import { formatTimestamp } from './timestamp';

/** The guide's `EventMetadata`, with the snake_case keys it has on disk. */
export interface EventMetadata {
  readonly event_id: string;
  readonly version: string;
  readonly schema_version: string;
  /** ISO 8601; written with `Z`, read in any ISO form (see timestamp.ts). */
  readonly timestamp: string;
  readonly source: string;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly aggregate_id: string | null;
  readonly sequence_number: number;
  readonly retry_count: number;
  readonly status: EventStatusValue | string;
  readonly tags: Readonly<Record<string, string>>;
}

/** One event: immutable once created (deep-frozen by `createEvent`/`freezeEvent`). */
export interface Event<Data = unknown> {
  readonly event_type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export const METADATA_KEYS: readonly (keyof EventMetadata)[] = Object.freeze([
  'event_id',
  'version',
  'schema_version',
  'timestamp',
  'source',
  'correlation_id',
  'causation_id',
  'aggregate_id',
  'sequence_number',
  'retry_count',
  'status',
  'tags',
]);

export const DEFAULT_EVENT_VERSION = '1.0.0';
export const DEFAULT_SCHEMA_VERSION = '1.0';

export interface NewEventFields {
  readonly event_id?: string;
  readonly version?: string;
  readonly schema_version?: string;
  readonly timestamp?: string | Date;
  readonly source?: string;
  readonly correlation_id?: string | null;
  readonly causation_id?: string | null;
  readonly aggregate_id?: string | null;
  readonly sequence_number?: number;
  readonly retry_count?: number;
  readonly status?: EventStatusValue | string;
  readonly tags?: Readonly<Record<string, string>>;
}

export function createEvent<Data>(eventType: string, data: Data, fields: NewEventFields = {}): Event<Data> {
  const timestamp =
    fields.timestamp instanceof Date
      ? formatTimestamp(fields.timestamp.getTime())
      : (fields.timestamp ?? formatTimestamp(Date.now()));
  const metadata: EventMetadata = {
    event_id: fields.event_id ?? newEventId(),
    version: fields.version ?? DEFAULT_EVENT_VERSION,
    schema_version: fields.schema_version ?? DEFAULT_SCHEMA_VERSION,
    timestamp,
    source: fields.source ?? 'unknown',
    correlation_id: fields.correlation_id ?? null,
    causation_id: fields.causation_id ?? null,
    aggregate_id: fields.aggregate_id ?? null,
    sequence_number: fields.sequence_number ?? 0,
    retry_count: fields.retry_count ?? 0,
    status: fields.status ?? EventStatus.PENDING,
    tags: { ...(fields.tags ?? {}) },
  };
  return freezeEvent({ event_type: eventType, data, metadata });
}

/** A copy of the event with some metadata changed (events themselves never change). */
export function withMetadata<Data>(event: Event<Data>, changes: Partial<EventMetadata>): Event<Data> {
  return freezeEvent({ event_type: event.event_type, data: event.data, metadata: { ...event.metadata, ...changes } });
}

export function freezeEvent<Data>(event: Event<Data>): Event<Data> {
  return deepFreeze(event);
}

/** The on-disk line for an event (snake_case keys, the guide's key order). */
export function serializeEvent(event: Event): string {
  return JSON.stringify({ event_type: event.event_type, data: event.data, metadata: event.metadata });
}
