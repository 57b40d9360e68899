import type { ErrorObject } from 'ajv';
import { EVENT_STATUSES } from '../model/eventStatus';
import { TIMESTAMP_FORMAT, UUID_FORMAT } from '../schema/ajvFactory';
import { kindOf } from '../schema/describeValue';
import { metadataValidator } from '../schema/envelopeSchema';
import type { LineFindings } from './findingBuilder';
import { metadataPassesFast } from './metadataFastCheck';
import { describePath, pointerSegments } from '../store/lineLocator';

const KNOWN_STATUSES = new Set(EVENT_STATUSES);

/**
 * EB005-EB008 from the envelope schema (one source of truth for the
 * metadata's shape), then the two value warnings EB019/EB020. The compiled
 * validator answers "valid" for nearly every line; the mapping below runs
 * only for the rare invalid one.
 */
export function checkMetadata(
  metadata: Record<string, unknown>,
  maxRetryCount: number | undefined,
  out: LineFindings,
  /** The store's own statuses (eventbus.config.json `statuses`). */
  storeStatuses?: ReadonlySet<string>,
): void {
  if (!metadataPassesFast(metadata)) {
    const validate = metadataValidator();
    if (!validate(metadata)) reportEnvelopeErrors(validate.errors ?? [], metadata, out);
    else reportInfiniteCounts(metadata, out);
  }

  const status = metadata.status;
  if (typeof status === 'string' && !KNOWN_STATUSES.has(status) && !storeStatuses?.has(status)) {
    out.add('EB020', out.locator.valueRange(['metadata', 'status']), `unknown status "${status}" (expected one of ${EVENT_STATUSES.join(', ')})`, {
      status,
    });
  }
  const retries = metadata.retry_count;
  if (maxRetryCount !== undefined && typeof retries === 'number' && retries > maxRetryCount) {
    out.add(
      'EB019',
      out.locator.valueRange(['metadata', 'retry_count']),
      `retry_count ${retries} is above max_retry_count ${maxRetryCount}`,
      { retryCount: retries, maxRetryCount },
    );
  }
}

function reportEnvelopeErrors(errors: readonly ErrorObject[], metadata: Record<string, unknown>, out: LineFindings): void {
  // With allErrors, -1.5 fails both "integer" and "minimum": one finding per value is enough.
  const reported = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'required') {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      out.add('EB005', out.locator.keyRange(['metadata']), `metadata is missing "${field}"`, { field });
      continue;
    }
    if (reported.has(error.instancePath)) continue;
    reported.add(error.instancePath);
    const segments = pointerSegments(error.instancePath);
    const where = describePath('metadata', segments);
    const value = valueAt(metadata, segments);
    const range = out.locator.valueRange(['metadata', ...segments]);
    const field = segments[0] ?? '';
    if (error.keyword === 'format' && (error.params as { format: string }).format === UUID_FORMAT) {
      out.add('EB007', range, `event_id ${JSON.stringify(value)} is not a UUID (expected 8-4-4-4-12 hex digits)`, { field });
    } else if (error.keyword === 'format' && (error.params as { format: string }).format === TIMESTAMP_FORMAT) {
      out.add(
        'EB008',
        range,
        `timestamp ${JSON.stringify(value)} is not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z, +00:00 or naive 2024-01-15T10:30:00.123456)`,
        { field },
      );
    } else {
      out.add('EB006', range, `${where} must be ${expectedOf(error)}, got ${kindOf(value)}`, { field });
    }
  }
}

/**
 * ajv's "integer" accepts Infinity (`Infinity % 1` is NaN, which it reads as
 * no remainder), and JSON.parse turns a number beyond a double, such as
 * 1e400, into Infinity: such a count passes the schema but orders nothing.
 */
function reportInfiniteCounts(metadata: Record<string, unknown>, out: LineFindings): void {
  for (const field of ['sequence_number', 'retry_count']) {
    const value = metadata[field];
    if (typeof value !== 'number' || Number.isFinite(value)) continue;
    out.add('EB006', out.locator.valueRange(['metadata', field]), `metadata.${field} must be a non-negative integer, got a number too large for a double (read as ${value})`, { field });
  }
}

function expectedOf(error: ErrorObject): string {
  if (error.keyword === 'minimum') return 'a non-negative integer';
  if (error.keyword !== 'type') return error.message ?? 'valid';
  const type = (error.params as { type: string | string[] }).type;
  const names = (Array.isArray(type) ? type : String(type).split(',')).map((t) =>
    t === 'null' ? 'null' : t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`,
  );
  return names.join(' or ');
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
