"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NEW_STORE_TIMESTAMP_STYLE = void 0;
exports.detectTimestampStyle = detectTimestampStyle;
exports.formatInStyle = formatInStyle;
exports.pythonIsoformat = pythonIsoformat;
/** The form of the guide's example line (`2024-01-15T10:30:00Z`), with milliseconds: a new store's. */
exports.NEW_STORE_TIMESTAMP_STYLE = Object.freeze({ zone: 'Z', fractionDigits: 3, omitZeroFraction: false, separator: 'T' });
const PARTS = /^(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})?$/;
/**
 * The style of a store's timestamps from a sample of them (the last lines
 * written win a tie, since new lines continue them); undefined when none
 * of them parses.
 */
function detectTimestampStyle(samples) {
    let zone;
    let separator = 'T';
    let digits = 0;
    let sawMissingFraction = false;
    let sawFraction = false;
    for (const text of samples) {
        const match = PARTS.exec(text);
        if (!match)
            continue;
        const [, , sep, , fraction, suffix] = match;
        separator = sep === ' ' ? ' ' : 'T';
        zone = suffix === undefined ? 'naive' : suffix === 'Z' || suffix === 'z' ? 'Z' : '+00:00';
        if (fraction === undefined)
            sawMissingFraction = true;
        else {
            sawFraction = true;
            digits = Math.max(digits, fraction.length);
        }
    }
    if (zone === undefined)
        return undefined;
    const fractionDigits = digits === 0 ? 0 : digits <= 3 ? 3 : 6;
    // isoformat() drops a zero fraction: a store with both kinds of values was written by it.
    const omitZeroFraction = (sawMissingFraction && sawFraction) || (zone !== 'Z' && fractionDigits === 6);
    return { zone, fractionDigits, omitZeroFraction, separator };
}
/** An instant (epoch ms, fractional for microseconds) in the given style. */
function formatInStyle(epochMs, style) {
    const whole = Math.floor(epochMs);
    const iso = new Date(whole).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
    const micros = (whole - Math.floor(whole / 1000) * 1000) * 1000 + Math.min(999, Math.round((epochMs - whole) * 1000));
    let fraction = '';
    if (style.fractionDigits === 6)
        fraction = `.${String(micros).padStart(6, '0')}`;
    else if (style.fractionDigits === 3)
        fraction = `.${String(Math.floor(micros / 1000)).padStart(3, '0')}`;
    if (style.omitZeroFraction && micros === 0)
        fraction = '';
    const zone = style.zone === 'naive' ? '' : style.zone;
    return `${iso.slice(0, 10)}${style.separator}${iso.slice(11, 19)}${fraction}${zone}`;
}
/**
 * What Python's `datetime.fromisoformat(text).isoformat()` gives (3.11
 * reads `Z` as `+00:00`), or undefined when the text is not ISO: what a
 * Python bus stores when it keeps the event's time in its state.
 */
function pythonIsoformat(text) {
    const match = PARTS.exec(text);
    if (!match)
        return undefined;
    const [, date, , clock, fraction, suffix] = match;
    const micros = fraction === undefined ? 0 : Number(fraction.padEnd(6, '0').slice(0, 6));
    const frac = micros === 0 ? '' : `.${String(micros).padStart(6, '0')}`;
    let zone = '';
    if (suffix === 'Z' || suffix === 'z')
        zone = '+00:00';
    else if (suffix !== undefined)
        zone = suffix.includes(':') ? suffix : `${suffix.slice(0, 3)}:${suffix.slice(3)}`;
    return `${date}T${clock}${frac}${zone}`;
}
//# sourceMappingURL=timestampStyle.js.map