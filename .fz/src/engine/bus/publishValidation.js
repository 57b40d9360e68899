"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventValidationError = void 0;
exports.envelopeProblems = envelopeProblems;
class EventValidationError extends Error {
    eventType;
    eventId;
    problems;
    name = 'EventValidationError';
    constructor(eventType, eventId, problems) {
        super(`Event "${eventType}" (${eventId}) was rejected by schema validation: ${problems.join('; ')}`);
        this.eventType = eventType;
        this.eventId = eventId;
        this.problems = problems;
    }
}
exports.EventValidationError = EventValidationError;
/**
 * What the bus checks by itself before any schema: things that would make
 * the stored line unreadable or the metadata wrong for every reader. Cheap,
 * because it runs on every publish: undefined (no array) when all is well.
 */
function envelopeProblems(type, data, fields) {
    if (looksFine(type, data, fields))
        return undefined;
    const problems = [];
    if (typeof type !== 'string' || type.length === 0)
        problems.push(`event_type must be a non-empty string, got ${describe(type)}`);
    if (data === undefined || typeof data === 'function' || typeof data === 'symbol' || typeof data === 'bigint') {
        problems.push(`data must be a JSON value, got ${describe(data)}`);
    }
    for (const key of ['source', 'schema_version']) {
        const value = fields[key];
        if (value !== undefined && (typeof value !== 'string' || value.length === 0)) {
            problems.push(`${key} must be a non-empty string, got ${describe(value)}`);
        }
    }
    for (const key of ['correlation_id', 'causation_id', 'aggregate_id']) {
        const value = fields[key];
        if (value !== undefined && value !== null && (typeof value !== 'string' || value.length === 0)) {
            problems.push(`${key} must be a non-empty string or null, got ${describe(value)}`);
        }
    }
    const tags = fields.tags;
    if (tags !== undefined) {
        if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) {
            problems.push(`tags must be an object of strings, got ${describe(tags)}`);
        }
        else {
            for (const [key, value] of Object.entries(tags)) {
                if (typeof value !== 'string')
                    problems.push(`tags.${key} must be a string, got ${describe(value)}`);
            }
        }
    }
    return problems.length > 0 ? problems : undefined;
}
/** The common case, without allocating anything. */
function looksFine(type, data, fields) {
    if (typeof type !== 'string' || type.length === 0)
        return false;
    const kind = typeof data;
    if (kind === 'undefined' || kind === 'function' || kind === 'symbol' || kind === 'bigint')
        return false;
    const { source, schema_version, correlation_id, causation_id, aggregate_id, tags } = fields;
    return ((source === undefined || (typeof source === 'string' && source.length > 0)) &&
        (schema_version === undefined || (typeof schema_version === 'string' && schema_version.length > 0)) &&
        (correlation_id == null || (typeof correlation_id === 'string' && correlation_id.length > 0)) &&
        (causation_id == null || (typeof causation_id === 'string' && causation_id.length > 0)) &&
        (aggregate_id == null || (typeof aggregate_id === 'string' && aggregate_id.length > 0)) &&
        tags === undefined);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return value.length === 0 ? 'an empty string' : JSON.stringify(value);
    return typeof value;
}
//# sourceMappingURL=publishValidation.js.map