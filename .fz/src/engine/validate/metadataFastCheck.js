"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.metadataPassesFast = metadataPassesFast;
exports.isUuidFast = isUuidFast;
exports.isCommonTimestamp = isCommonTimestamp;
const ids_1 = require("../model/ids");
const timestamp_1 = require("../model/timestamp");
/**
 * True only when the envelope schema (schema/envelopeSchema.ts) would also
 * accept the metadata: the same checks written out by hand, several times
 * faster than the ajv validator with its custom formats. Validation runs it
 * on every line and asks ajv (for the detailed errors) only when it says no.
 * It must never be more lenient than the schema; a unit test compares the
 * two over many variations.
 */
function metadataPassesFast(metadata) {
    const id = metadata.event_id;
    const timestamp = metadata.timestamp;
    const sequence = metadata.sequence_number;
    const retries = metadata.retry_count;
    const tags = metadata.tags;
    if (typeof id !== 'string' ||
        typeof metadata.version !== 'string' ||
        typeof metadata.schema_version !== 'string' ||
        typeof timestamp !== 'string' ||
        typeof metadata.source !== 'string' ||
        !isNullableString(metadata.correlation_id) ||
        !isNullableString(metadata.causation_id) ||
        !isNullableString(metadata.aggregate_id) ||
        typeof sequence !== 'number' ||
        !Number.isInteger(sequence) ||
        sequence < 0 ||
        typeof retries !== 'number' ||
        !Number.isInteger(retries) ||
        retries < 0 ||
        typeof metadata.status !== 'string' ||
        tags === null ||
        typeof tags !== 'object' ||
        Array.isArray(tags)) {
        return false;
    }
    for (const key in tags) {
        if (typeof tags[key] !== 'string')
            return false;
    }
    return (id.length === 36 && isUuidFast(id) ? true : (0, ids_1.isUuid)(id)) && (isCommonTimestamp(timestamp) || !Number.isNaN((0, timestamp_1.parseTimestamp)(timestamp)));
}
/** A missing key is undefined, not null: the schema requires the key. */
function isNullableString(value) {
    return typeof value === 'string' || value === null;
}
function isHex(ch) {
    return (ch >= 48 && ch <= 57) || (ch >= 97 && ch <= 102) || (ch >= 65 && ch <= 70);
}
/** ids.ts isUuid without the regex: 8-4-4-4-12 hex digits. */
function isUuidFast(text) {
    if (text.length !== 36)
        return false;
    for (let i = 0; i < 36; i++) {
        const ch = text.charCodeAt(i);
        if (i === 8 || i === 13 || i === 18 || i === 23) {
            if (ch !== 45)
                return false;
        }
        else if (!isHex(ch)) {
            return false;
        }
    }
    return true;
}
function digits(text, at, count) {
    let value = 0;
    for (let i = at; i < at + count; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            return -1;
        value = value * 10 + d;
    }
    return value;
}
/**
 * The shapes nearly every store writes, checked by character codes:
 * `YYYY-MM-DDTHH:MM:SS`, an optional `.` fraction of 1-9 digits, and an
 * optional `Z` or `+00:00`. True only when parseTimestamp would parse it
 * (days past the 28th and second 60 are left to parseTimestamp); false
 * means "ask parseTimestamp", not "invalid".
 */
function isCommonTimestamp(text) {
    const length = text.length;
    if (length < 19 || length > 35)
        return false;
    if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84)
        return false;
    if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
        return false;
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return false;
    }
    let at = 19;
    if (at < length && text.charCodeAt(at) === 46) {
        const start = ++at;
        while (at < length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57)
            at++;
        if (at === start || at - start > 9)
            return false;
    }
    if (at === length)
        return true;
    if (at + 1 === length)
        return text.charCodeAt(at) === 90;
    return at + 6 === length && text.slice(at) === '+00:00';
}
//# sourceMappingURL=metadataFastCheck.js.map