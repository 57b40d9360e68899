"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkMetadata = checkMetadata;
const eventStatus_1 = require("../model/eventStatus");
const ajvFactory_1 = require("../schema/ajvFactory");
const describeValue_1 = require("../schema/describeValue");
const envelopeSchema_1 = require("../schema/envelopeSchema");
const metadataFastCheck_1 = require("./metadataFastCheck");
const lineLocator_1 = require("../store/lineLocator");
const KNOWN_STATUSES = new Set(eventStatus_1.EVENT_STATUSES);
/**
 * EB005-EB008 from the envelope schema (one source of truth for the
 * metadata's shape), then the two value warnings EB019/EB020. The compiled
 * validator answers "valid" for nearly every line; the mapping below runs
 * only for the rare invalid one.
 */
function checkMetadata(metadata, maxRetryCount, out, 
/** The store's own statuses (eventbus.config.json `statuses`). */
storeStatuses) {
    if (!(0, metadataFastCheck_1.metadataPassesFast)(metadata)) {
        const validate = (0, envelopeSchema_1.metadataValidator)();
        if (!validate(metadata))
            reportEnvelopeErrors(validate.errors ?? [], metadata, out);
        else
            reportInfiniteCounts(metadata, out);
    }
    const status = metadata.status;
    if (typeof status === 'string' && !KNOWN_STATUSES.has(status) && !storeStatuses?.has(status)) {
        out.add('EB020', out.locator.valueRange(['metadata', 'status']), `unknown status "${status}" (expected one of ${eventStatus_1.EVENT_STATUSES.join(', ')})`, {
            status,
        });
    }
    const retries = metadata.retry_count;
    if (maxRetryCount !== undefined && typeof retries === 'number' && retries > maxRetryCount) {
        out.add('EB019', out.locator.valueRange(['metadata', 'retry_count']), `retry_count ${retries} is above max_retry_count ${maxRetryCount}`, { retryCount: retries, maxRetryCount });
    }
}
function reportEnvelopeErrors(errors, metadata, out) {
    // With allErrors, -1.5 fails both "integer" and "minimum": one finding per value is enough.
    const reported = new Set();
    for (const error of errors) {
        if (error.keyword === 'required') {
            const field = String(error.params.missingProperty);
            out.add('EB005', out.locator.keyRange(['metadata']), `metadata is missing "${field}"`, { field });
            continue;
        }
        if (reported.has(error.instancePath))
            continue;
        reported.add(error.instancePath);
        const segments = (0, lineLocator_1.pointerSegments)(error.instancePath);
        const where = (0, lineLocator_1.describePath)('metadata', segments);
        const value = valueAt(metadata, segments);
        const range = out.locator.valueRange(['metadata', ...segments]);
        const field = segments[0] ?? '';
        if (error.keyword === 'format' && error.params.format === ajvFactory_1.UUID_FORMAT) {
            out.add('EB007', range, `event_id ${JSON.stringify(value)} is not a UUID (expected 8-4-4-4-12 hex digits)`, { field });
        }
        else if (error.keyword === 'format' && error.params.format === ajvFactory_1.TIMESTAMP_FORMAT) {
            out.add('EB008', range, `timestamp ${JSON.stringify(value)} is not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z, +00:00 or naive 2024-01-15T10:30:00.123456)`, { field });
        }
        else {
            out.add('EB006', range, `${where} must be ${expectedOf(error)}, got ${(0, describeValue_1.kindOf)(value)}`, { field });
        }
    }
}
/**
 * ajv's "integer" accepts Infinity (`Infinity % 1` is NaN, which it reads as
 * no remainder), and JSON.parse turns a number beyond a double, such as
 * 1e400, into Infinity: such a count passes the schema but orders nothing.
 */
function reportInfiniteCounts(metadata, out) {
    for (const field of ['sequence_number', 'retry_count']) {
        const value = metadata[field];
        if (typeof value !== 'number' || Number.isFinite(value))
            continue;
        out.add('EB006', out.locator.valueRange(['metadata', field]), `metadata.${field} must be a non-negative integer, got a number too large for a double (read as ${value})`, { field });
    }
}
function expectedOf(error) {
    if (error.keyword === 'minimum')
        return 'a non-negative integer';
    if (error.keyword !== 'type')
        return error.message ?? 'valid';
    const type = error.params.type;
    const names = (Array.isArray(type) ? type : String(type).split(',')).map((t) => t === 'null' ? 'null' : t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`);
    return names.join(' or ');
}
function valueAt(root, segments) {
    let node = root;
    for (const segment of segments) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
//# sourceMappingURL=metadataRules.js.map