"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createJsonStyle = createJsonStyle;
exports.decimal = decimal;
exports.round = round;
const MICROS_PER_DAY = 86_400_000_000;
function pad2(n) {
    return n < 10 ? `0${n}` : `${n}`;
}
function pad(n, width) {
    return String(n).padStart(width, '0');
}
/** Caches the date part: consecutive events mostly share a day. */
function makeTimestampFormatter(python) {
    let cachedDay = Number.NaN;
    let cachedDate = '';
    return (epochMicros) => {
        const day = Math.floor(epochMicros / MICROS_PER_DAY);
        if (day !== cachedDay) {
            cachedDay = day;
            cachedDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
        }
        const inDay = epochMicros - day * MICROS_PER_DAY;
        const seconds = Math.floor(inDay / 1_000_000);
        const micros = inDay - seconds * 1_000_000;
        const clock = `${cachedDate}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
        if (python) {
            // datetime.isoformat() leaves the fraction out when it is zero.
            return micros === 0 ? clock : `${clock}.${pad(micros, 6)}`;
        }
        return `${clock}.${pad(Math.floor(micros / 1000), 3)}Z`;
    };
}
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const NON_ASCII = /[^\u0000-\u007f]/;
function compactString(text) {
    return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}
/** `json.dumps(..., ensure_ascii=True)`: every non-ASCII UTF-16 unit as `\uXXXX`. */
function asciiString(text) {
    const literal = compactString(text);
    if (!NON_ASCII.test(literal))
        return literal;
    let out = '';
    for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        out += code < 0x80 ? literal[i] : `\\u${code.toString(16).padStart(4, '0')}`;
    }
    return out;
}
function createJsonStyle(python) {
    return {
        python,
        comma: python ? ', ' : ',',
        colon: python ? ': ' : ':',
        str: python ? asciiString : compactString,
        timestamp: makeTimestampFormatter(python),
    };
}
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000'];
/**
 * `value` rounded to at most `decimals` places (0–8), trailing zeros dropped,
 * as JSON number text. Integer arithmetic instead of `${double}`: printing a
 * double takes ~300 ns, and a million events print five or six each. Prints
 * what `${round(value, decimals)}` would, except that tiny values stay in
 * plain notation (`0.0000001`, not `1e-7`); both are the same JSON number.
 * Python style keeps `.0` on whole values. |value| must stay below 9e7.
 */
function decimal(style, value, decimals) {
    const factor = DECIMAL_FACTORS[decimals];
    const negative = value < 0;
    const scaled = Math.round((negative ? -value : value) * factor);
    const whole = Math.floor(scaled / factor);
    let fraction = scaled - whole * factor;
    const sign = negative && scaled !== 0 ? '-' : '';
    if (fraction === 0)
        return style.python ? `${sign}${whole}.0` : `${sign}${whole}`;
    let digits = decimals;
    while (fraction % 10 === 0) {
        fraction /= 10;
        digits--;
    }
    const text = `${fraction}`;
    return `${sign}${whole}.${ZEROS[digits - text.length]}${text}`;
}
/** Rounds to `decimals` places without the cost of toFixed + parse. */
function round(value, decimals) {
    const factor = DECIMAL_FACTORS[decimals];
    return Math.round(value * factor) / factor;
}
const DECIMAL_FACTORS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
//# sourceMappingURL=jsonStyle.js.map