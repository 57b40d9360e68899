"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseEventLine = parseEventLine;
const nestingDepth_1 = require("../model/nestingDepth");
const event_1 = require("../model/event");
const safeMerge_1 = require("../model/safeMerge");
/**
 * An indexed line's text as an Event. The index already proved the line is
 * an object with `event_type` and `metadata`; this only fills what a writer
 * left out, and drops what has the wrong type (the validator reports it, and
 * `readLine` still gives the text as written), so that consumers can rely on
 * the shape: a string field is a string, an id is a string or null, tags are
 * an object.
 */
function parseEventLine(text, where, maxNestingDepth = nestingDepth_1.DEFAULT_MAX_NESTING_DEPTH) {
    // Refused before parsing: folds, diffs and printers of such data would overflow the stack.
    const tooDeepAt = (0, nestingDepth_1.nestingBeyond)(text, maxNestingDepth);
    if (tooDeepAt !== undefined)
        throw new nestingDepth_1.NestingTooDeepError(where, maxNestingDepth, tooDeepAt);
    const raw = JSON.parse(text);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new Error(`${where}: expected an event object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
    }
    const record = raw;
    const metadata = isObject(record.metadata) ? record.metadata : {};
    // Frozen here without recursion (JSON.parse accepts data nested 100,000
    // deep; a recursive freeze overflows the stack); freezeEvent then finds it frozen.
    const data = (0, safeMerge_1.deepFreeze)(own(record, 'data') ?? null);
    return (0, event_1.freezeEvent)({
        event_type: asText(own(record, 'event_type')),
        data,
        metadata: {
            event_id: asText(own(metadata, 'event_id')),
            version: asText(own(metadata, 'version')),
            schema_version: asText(own(metadata, 'schema_version')),
            timestamp: asText(own(metadata, 'timestamp')),
            source: asText(own(metadata, 'source')),
            correlation_id: idOrNull(own(metadata, 'correlation_id')),
            causation_id: idOrNull(own(metadata, 'causation_id')),
            aggregate_id: idOrNull(own(metadata, 'aggregate_id')),
            sequence_number: numberOr(own(metadata, 'sequence_number'), Number.NaN),
            retry_count: numberOr(own(metadata, 'retry_count'), 0),
            status: asText(own(metadata, 'status')),
            tags: (0, safeMerge_1.deepFreeze)(isObject(own(metadata, 'tags')) ? own(metadata, 'tags') : {}),
        },
    });
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Own keys only: a line without `source` must not read `Object.prototype`'s. */
function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}
/** A number or boolean as its text; objects and arrays as '' (String() of a deeply nested array overflows the stack). */
function asText(value) {
    if (typeof value === 'string')
        return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
function idOrNull(value) {
    return typeof value === 'string' ? value : null;
}
function numberOr(value, fallback) {
    return typeof value === 'number' ? value : fallback;
}
//# sourceMappingURL=parseEventLine.js.map