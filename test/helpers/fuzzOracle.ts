import { EnvelopeScanner, Field, ScannedEnvelope, ScanStatus, SpanKind } from '../../src/engine/index/envelopeScanner';

/**
 * The index's byte-level scanner judged against JSON.parse on the same text:
 * the scanner promises to accept exactly what JSON.parse accepts, to call a
 * line an event exactly when it is an object with a string `event_type` and
 * an object `metadata`, and to read the envelope fields JSON.parse would
 * (last duplicate key wins, escaped key spellings count, keys inside
 * `data` never do).
 */

const scanner = new EnvelopeScanner();
const found = new ScannedEnvelope();

const FIELD_KEYS: ReadonlyArray<readonly [Field, string]> = [
  [Field.EventId, 'event_id'],
  [Field.AggregateId, 'aggregate_id'],
  [Field.CorrelationId, 'correlation_id'],
  [Field.CausationId, 'causation_id'],
  [Field.Source, 'source'],
  [Field.Status, 'status'],
  [Field.SchemaVersion, 'schema_version'],
  [Field.Timestamp, 'timestamp'],
];

const STATUS_NAMES = ['ok', 'invalid JSON', 'NaN/Infinity', 'not an event'];
const KIND_NAMES = ['absent', 'null', 'plain string', 'escaped string', 'not a string'];

export interface ParsedLine {
  readonly ok: boolean;
  readonly value?: unknown;
}

export function jsonParse(line: Buffer): ParsedLine {
  try {
    return { ok: true, value: JSON.parse(line.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What the index requires of a line to take it as an event. */
export function isIndexableEvent(value: unknown): boolean {
  return isObject(value) && typeof value.event_type === 'string' && isObject(value.metadata);
}

/** The scanner's verdict on one line (bytes without a line feed). */
export function scanLine(line: Buffer): ScannedEnvelope {
  scanner.scan(line, 0, line.length, found);
  return found;
}

/** Why the scanner and JSON.parse disagree on this line, or null when they agree. */
export function scannerMismatch(line: Buffer): string | null {
  const out = scanLine(line);
  const parsed = jsonParse(line);
  const scannedValid = out.status === ScanStatus.Ok || out.status === ScanStatus.NotAnEvent;
  if (scannedValid !== parsed.ok) return `scanner says ${STATUS_NAMES[out.status]}, JSON.parse ${parsed.ok ? 'accepts' : 'rejects'}`;
  if (!parsed.ok) return null;
  const event = isIndexableEvent(parsed.value);
  if ((out.status === ScanStatus.Ok) !== event) return `scanner says ${out.status === ScanStatus.Ok ? 'event' : 'not an event'}, JSON.parse gives ${event ? 'an event' : 'no event'}`;
  if (!event) return null;
  const top = parsed.value as Record<string, unknown>;
  const metadata = top.metadata as Record<string, unknown>;
  const typeProblem = fieldMismatch(line, out, Field.EventType, top, 'event_type');
  if (typeProblem) return typeProblem;
  for (const [field, key] of FIELD_KEYS) {
    const problem = fieldMismatch(line, out, field, metadata, key);
    if (problem) return problem;
  }
  const sequence = ownValue(metadata, 'sequence_number');
  const expectedSequence = typeof sequence === 'number' ? sequence : Number.NaN;
  if (!Object.is(out.sequenceNumber, expectedSequence)) return `sequence_number: scanner ${out.sequenceNumber}, JSON.parse ${String(sequence)}`;
  const retries = ownValue(metadata, 'retry_count');
  const expectedRetries = typeof retries === 'number' ? retries : 0;
  if (!Object.is(out.retryCount, expectedRetries)) return `retry_count: scanner ${out.retryCount}, JSON.parse ${String(retries)}`;
  return null;
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function fieldMismatch(line: Buffer, out: ScannedEnvelope, field: Field, owner: Record<string, unknown>, key: string): string | null {
  const present = Object.prototype.hasOwnProperty.call(owner, key);
  const value = present ? owner[key] : undefined;
  const kind = out.kind(field);
  const expectedKind = !present ? SpanKind.Absent : value === null ? SpanKind.Null : typeof value === 'string' ? 'string' : SpanKind.NotString;
  const gotKind = kind === SpanKind.PlainString || kind === SpanKind.EscapedString ? 'string' : kind;
  if (gotKind !== expectedKind) return `${key}: scanner kind ${KIND_NAMES[kind]}, JSON.parse gives ${present ? JSON.stringify(value) : 'no key'}`;
  if (typeof value === 'string' && out.text(line, field) !== value) return `${key}: scanner reads ${JSON.stringify(out.text(line, field))}, JSON.parse ${JSON.stringify(value)}`;
  return null;
}
