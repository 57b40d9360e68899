import type { JsonStyle } from './jsonStyle';

/**
 * The pieces of one event line, each already JSON text where it is a value
 * that may be null or an object (`correlation`, `causation`, `data`, `tags`).
 * Kept apart until the end so a fault can change one piece.
 */
export interface LineParts {
  type: string;
  data: string;
  eventId: string;
  schemaVersion: string;
  timestamp: string;
  source: string;
  /** `null` or a quoted id. */
  correlation: string;
  /** `null` or a quoted id. */
  causation: string;
  aggregateId: string;
  sequence: number;
  retryCount: number;
  status: string;
  tags: string;
}

export const EVENT_VERSION = '1.0.0';

/** The guide's line: `{"event_type", "data", "metadata": {...}}` with metadata in the guide's field order. */
export function assembleLine(s: JsonStyle, p: LineParts): string {
  const c = s.comma;
  const k = s.colon;
  return (
    `{"event_type"${k}"${p.type}"${c}"data"${k}${p.data}${c}"metadata"${k}{` +
    `"event_id"${k}"${p.eventId}"${c}"version"${k}"${EVENT_VERSION}"${c}"schema_version"${k}"${p.schemaVersion}"${c}` +
    `"timestamp"${k}"${p.timestamp}"${c}"source"${k}${s.str(p.source)}${c}"correlation_id"${k}${p.correlation}${c}` +
    `"causation_id"${k}${p.causation}${c}"aggregate_id"${k}${s.str(p.aggregateId)}${c}"sequence_number"${k}${p.sequence}${c}` +
    `"retry_count"${k}${p.retryCount}${c}"status"${k}"${p.status}"${c}"tags"${k}${p.tags}}}`
  );
}
