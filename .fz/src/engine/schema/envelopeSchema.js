"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.METADATA_SCHEMA = void 0;
exports.metadataValidator = metadataValidator;
exports.validateMetadata = validateMetadata;
const event_1 = require("../model/event");
const ajvFactory_1 = require("./ajvFactory");
const nullableString = { type: ['string', 'null'] };
const count = { type: 'integer', minimum: 0 };
/**
 * The guide's `EventMetadata` (model/event.ts) as a JSON Schema. Extra keys
 * are allowed: the Python bus may add fields, and they hurt no reader.
 * `status` is only typed here; an unknown value is a separate warning.
 */
exports.METADATA_SCHEMA = Object.freeze({
    $id: 'eventbus:metadata',
    type: 'object',
    required: [...event_1.METADATA_KEYS],
    properties: {
        event_id: { type: 'string', format: ajvFactory_1.UUID_FORMAT },
        version: { type: 'string' },
        schema_version: { type: 'string' },
        timestamp: { type: 'string', format: ajvFactory_1.TIMESTAMP_FORMAT },
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
let compiled;
/** Compiled once per process (each worker thread compiles its own). */
function metadataValidator() {
    compiled ??= (0, ajvFactory_1.createAjv)().compile(exports.METADATA_SCHEMA);
    return compiled;
}
/** ajv errors for a metadata object; empty when it is valid. */
function validateMetadata(metadata) {
    const validate = metadataValidator();
    return validate(metadata) ? [] : (validate.errors ?? []);
}
//# sourceMappingURL=envelopeSchema.js.map