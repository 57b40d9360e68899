import { METADATA_KEYS } from '../model/event';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, TIMESTAMP_FORMAT, UUID_FORMAT } from './ajvFactory';

const nullableString = { type: ['string', 'null'] };
const count = { type: 'integer', minimum: 0 };

/**
 * The guide's `EventMetadata` (model/event.ts) as a JSON Schema. Extra keys
 * are allowed: the Python bus may add fields, and they hurt no reader.
 * `status` is only typed here; an unknown value is a separate warning.
 */
export const METADATA_SCHEMA = Object.freeze({
  $id: 'eventbus:metadata',
  type: 'object',
  required: [...METADATA_KEYS],
  properties: {
    event_id: { type: 'string', format: UUID_FORMAT },
    version: { type: 'string' },
    schema_version: { type: 'string' },
    timestamp: { type: 'string', format: TIMESTAMP_FORMAT },
    source: { type: 'string' },
    correlation_id: nullableString,
    causation_id: nullableString,
    aggregate_id: nullableString,
    sequence_number: count,
    retry_count: count,
    status: { type: 'string' },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
  },
});

let compiled: ValidateFunction | undefined;

/** Compiled once per process (each worker thread compiles its own). */
export function metadataValidator(): ValidateFunction {
  compiled ??= createAjv().compile(METADATA_SCHEMA);
  return compiled;
}

/** ajv errors for a metadata object; empty when it is valid. */
export function validateMetadata(metadata: unknown): readonly ErrorObject[] {
  const validate = metadataValidator();
  return validate(metadata) ? [] : (validate.errors ?? []);
}
