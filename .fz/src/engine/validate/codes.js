"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_CODES = exports.CODES = void 0;
exports.isFindingCode = isFindingCode;
exports.severityOf = severityOf;
/**
 * Every finding the rules produce. Codes are stable: settings, SARIF
 * baselines and CI filters refer to them, so a code is never reused for a
 * different meaning.
 */
exports.CODES = Object.freeze({
    EB001: info('EB001', 'error', 'invalid-json', 'Invalid JSON', 'The line is not a JSON value; the range marks where parsing failed. Readers skip the line.'),
    EB002: info('EB002', 'error', 'non-json-number', 'NaN or Infinity', "The line holds NaN, Infinity or -Infinity, which Python's json.dumps writes but JSON does not allow. Readers skip the line."),
    EB003: info('EB003', 'warning', 'torn-last-line', 'Torn last line', 'The last line of the file has no line end and is not complete JSON: a writer is mid-append or crashed while writing. The line is kept, never rewritten.'),
    EB004: info('EB004', 'error', 'not-an-event', 'Not an event', 'The line is JSON but not an event: not an object, or without event_type, data or metadata.'),
    EB005: info('EB005', 'error', 'missing-metadata-field', 'Missing metadata field', "A field of the guide's EventMetadata is missing."),
    EB006: info('EB006', 'error', 'mistyped-metadata-field', 'Mistyped metadata field', 'A metadata field has the wrong type (or a negative count).'),
    EB007: info('EB007', 'error', 'event-id-not-uuid', 'event_id is not a UUID', 'metadata.event_id must be a UUID (8-4-4-4-12 hex digits).'),
    EB008: info('EB008', 'error', 'unparseable-timestamp', 'Unparseable timestamp', 'metadata.timestamp must be ISO 8601: with Z, with an offset, or naive (UTC).'),
    EB009: info('EB009', 'error', 'schema-violation', 'Data violates its schema', "The event's data does not match the JSON Schema of its event_type and schema_version."),
    EB010: info('EB010', 'error', 'unknown-schema-version', 'Unknown schema version', 'The event type has schemas, but none (and no migration) for this schema_version.'),
    EB011: info('EB011', 'warning', 'unknown-event-type', 'Unknown event type', 'The event type is none of the 14 built-in types and has no schema folder: possibly a typo.'),
    EB012: info('EB012', 'information', 'upcastable-schema-version', 'Older schema version', 'The event has an older schema_version; migrations upcast it to the newest on read.'),
    EB013: info('EB013', 'error', 'duplicate-event-id', 'Duplicate event_id', 'Another event earlier in the store has the same event_id.'),
    EB014: info('EB014', 'warning', 'sequence-gap', 'Sequence gap', 'Sequence numbers are missing before this event (bus-wide or within the aggregate, following the store\'s sequence mode).'),
    EB015: info('EB015', 'error', 'duplicate-sequence-number', 'Duplicate sequence number', 'An earlier event has the same sequence number (bus-wide or within the aggregate).'),
    EB016: info('EB016', 'warning', 'sequence-regression', 'Sequence regression', 'The sequence number is lower than one that came before it in store order.'),
    EB017: info('EB017', 'warning', 'unknown-causation', 'Unknown cause', 'causation_id names no event in the store (not reported where TTL cleanup may have removed the cause).'),
    EB018: info('EB018', 'warning', 'timestamp-goes-back', 'Timestamp goes back', 'The timestamp is earlier than that of the previous event of the same aggregate.'),
    EB019: info('EB019', 'warning', 'retry-count-exceeded', 'Retry count above maximum', 'metadata.retry_count is above the configured max_retry_count.'),
    EB020: info('EB020', 'warning', 'unknown-status', 'Unknown status', 'metadata.status is none of pending, processing, completed, failed, retrying.'),
    EB022: info('EB022', 'error', 'unusable-schema', 'Unusable schema file', 'The schema file cannot be used: invalid JSON, not a JSON Schema, an unresolvable or remote $ref (never fetched), or a pattern the linear-time engine refuses. Events of its type and version are not checked, and publishing them is refused.'),
    EB023: info('EB023', 'error', 'schema-broken', 'Not checked: schema broken', "The schema of the event's type and schema_version is unusable (EB022 on the schema file), so its data was not checked."),
    EB024: info('EB024', 'warning', 'not-a-day-file', 'Not a day file', 'A file in events/ not named events_YYYY-MM-DD.jsonl or events_YYYY-MM-DD.jsonl.gz: it is not read as events.'),
    EB025: info('EB025', 'error', 'nesting-too-deep', 'Nesting too deep', 'The line nests objects and arrays deeper than max_nesting_depth (default 1,000, what Python\'s json module reads): it is not checked further, and commands refuse to read it.'),
    EB026: info('EB026', 'warning', 'number-beyond-2-53', 'Number beyond 2^53', "The event's data holds an integer beyond 2^53. The event keeps every digit, but a state computed from it (rebuild, verify, the inspector) holds it rounded (12345678901234567890 becomes 12345678901234567000), where Python keeps it exact."),
    EB021: info('EB021', 'error', 'unreadable-file', 'Unreadable file', 'The file could not be read, or its gzip data is corrupt (what decompressed before the damage is still checked).'),
});
exports.ALL_CODES = Object.freeze(Object.keys(exports.CODES));
function info(code, severity, name, title, description) {
    return Object.freeze({ code, severity, name, title, description });
}
function isFindingCode(text) {
    return Object.prototype.hasOwnProperty.call(exports.CODES, text);
}
/** The severity a code reports with, or null when the overrides turn it off. */
function severityOf(code, overrides) {
    const override = overrides?.[code];
    if (override === 'off')
        return null;
    return override ?? exports.CODES[code].severity;
}
//# sourceMappingURL=codes.js.map