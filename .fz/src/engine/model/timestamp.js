"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseTimestamp = parseTimestamp;
exports.formatTimestamp = formatTimestamp;
exports.utcDay = utcDay;
/**
 * Timestamps are written as ISO 8601 UTC with `Z`, but stores written by the
 * Python bus also hold `+00:00` offsets and naive `isoformat()` values with
 * microseconds; naive means UTC. Internally a timestamp is epoch milliseconds
 * as a float, so microseconds survive ordering.
 */
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
/** Epoch milliseconds (fractional for sub-millisecond precision), or NaN when unparseable. */
function parseTimestamp(text) {
    const match = ISO_PATTERN.exec(text);
    if (!match)
        return Number.NaN;
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return Number.NaN;
    }
    let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
    if (new Date(ms).getUTCDate() !== day)
        return Number.NaN;
    if (fraction !== undefined)
        ms += Number(`0.${fraction}`) * 1000;
    if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
        ms -= sign * offsetMinutes * 60_000;
    }
    return ms;
}
/** ISO 8601 UTC with `Z`, keeping microseconds when the value has them. */
function formatTimestamp(epochMs) {
    const whole = Math.floor(epochMs);
    const iso = new Date(whole).toISOString();
    const micros = Math.round((epochMs - whole) * 1000);
    if (micros === 0)
        return iso;
    return `${iso.slice(0, -1)}${String(micros).padStart(3, '0')}Z`;
}
/** `YYYY-MM-DD` of the UTC day holding the instant: the daily file an event belongs in. */
function utcDay(epochMs) {
    return new Date(Math.floor(epochMs)).toISOString().slice(0, 10);
}
//# sourceMappingURL=timestamp.js.map