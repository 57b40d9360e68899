"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonParse = jsonParse;
exports.isObject = isObject;
exports.isIndexableEvent = isIndexableEvent;
exports.scanLine = scanLine;
exports.scannerMismatch = scannerMismatch;
const envelopeScanner_1 = require("../../src/engine/index/envelopeScanner");
/**
 * The index's byte-level scanner judged against JSON.parse on the same text:
 * the scanner promises to accept exactly what JSON.parse accepts, to call a
 * line an event exactly when it is an object with a string `event_type` and
 * an object `metadata`, and to read the envelope fields JSON.parse would
 * (last duplicate key wins, escaped key spellings count, keys inside
 * `data` never do).
 */
const scanner = new envelopeScanner_1.EnvelopeScanner();
const found = new envelopeScanner_1.ScannedEnvelope();
const FIELD_KEYS = [
    [1 /* Field.EventId */, 'event_id'],
    [2 /* Field.AggregateId */, 'aggregate_id'],
    [3 /* Field.CorrelationId */, 'correlation_id'],
    [4 /* Field.CausationId */, 'causation_id'],
    [5 /* Field.Source */, 'source'],
    [6 /* Field.Status */, 'status'],
    [7 /* Field.SchemaVersion */, 'schema_version'],
    [8 /* Field.Timestamp */, 'timestamp'],
];
const STATUS_NAMES = ['ok', 'invalid JSON', 'NaN/Infinity', 'not an event'];
const KIND_NAMES = ['absent', 'null', 'plain string', 'escaped string', 'not a string'];
function jsonParse(line) {
    try {
        return { ok: true, value: JSON.parse(line.toString('utf8')) };
    }
    catch {
        return { ok: false };
    }
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** What the index requires of a line to take it as an event. */
function isIndexableEvent(value) {
    return isObject(value) && typeof value.event_type === 'string' && isObject(value.metadata);
}
/** The scanner's verdict on one line (bytes without a line feed). */
function scanLine(line) {
    scanner.scan(line, 0, line.length, found);
    return found;
}
/** Why the scanner and JSON.parse disagree on this line, or null when they agree. */
function scannerMismatch(line) {
    const out = scanLine(line);
    const parsed = jsonParse(line);
    const scannedValid = out.status === 0 /* ScanStatus.Ok */ || out.status === 3 /* ScanStatus.NotAnEvent */;
    if (scannedValid !== parsed.ok)
        return `scanner says ${STATUS_NAMES[out.status]}, JSON.parse ${parsed.ok ? 'accepts' : 'rejects'}`;
    if (!parsed.ok)
        return null;
    const event = isIndexableEvent(parsed.value);
    if ((out.status === 0 /* ScanStatus.Ok */) !== event)
        return `scanner says ${out.status === 0 /* ScanStatus.Ok */ ? 'event' : 'not an event'}, JSON.parse gives ${event ? 'an event' : 'no event'}`;
    if (!event)
        return null;
    const top = parsed.value;
    const metadata = top.metadata;
    const typeProblem = fieldMismatch(line, out, 0 /* Field.EventType */, top, 'event_type');
    if (typeProblem)
        return typeProblem;
    for (const [field, key] of FIELD_KEYS) {
        const problem = fieldMismatch(line, out, field, metadata, key);
        if (problem)
            return problem;
    }
    const sequence = ownValue(metadata, 'sequence_number');
    const expectedSequence = typeof sequence === 'number' ? sequence : Number.NaN;
    if (!Object.is(out.sequenceNumber, expectedSequence))
        return `sequence_number: scanner ${out.sequenceNumber}, JSON.parse ${String(sequence)}`;
    const retries = ownValue(metadata, 'retry_count');
    const expectedRetries = typeof retries === 'number' ? retries : 0;
    if (!Object.is(out.retryCount, expectedRetries))
        return `retry_count: scanner ${out.retryCount}, JSON.parse ${String(retries)}`;
    return null;
}
function ownValue(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}
function fieldMismatch(line, out, field, owner, key) {
    const present = Object.prototype.hasOwnProperty.call(owner, key);
    const value = present ? owner[key] : undefined;
    const kind = out.kind(field);
    const expectedKind = !present ? 0 /* SpanKind.Absent */ : value === null ? 1 /* SpanKind.Null */ : typeof value === 'string' ? 'string' : 4 /* SpanKind.NotString */;
    const gotKind = kind === 2 /* SpanKind.PlainString */ || kind === 3 /* SpanKind.EscapedString */ ? 'string' : kind;
    if (gotKind !== expectedKind)
        return `${key}: scanner kind ${KIND_NAMES[kind]}, JSON.parse gives ${present ? JSON.stringify(value) : 'no key'}`;
    if (typeof value === 'string' && out.text(line, field) !== value)
        return `${key}: scanner reads ${JSON.stringify(out.text(line, field))}, JSON.parse ${JSON.stringify(value)}`;
    return null;
}
//# sourceMappingURL=fuzzOracle.js.map