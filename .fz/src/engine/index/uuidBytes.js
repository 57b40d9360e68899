"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uuidBytesFromAscii = uuidBytesFromAscii;
exports.uuidBytesFromString = uuidBytesFromString;
exports.uuidStringFromBytes = uuidStringFromBytes;
exports.sameUuid = sameUuid;
exports.uuidHash = uuidHash;
const latin1_1 = require("./latin1");
/**
 * Event ids are lower-case UUIDs almost always; the index keeps them as 16
 * bytes instead of a million JS strings (36 MB of bytes against ~100 MB of
 * strings and map entries), and keeps the rare other id as a string.
 */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++)
    HEX_VALUE[0x30 + i] = i;
for (let i = 0; i < 6; i++)
    HEX_VALUE[0x61 + i] = 10 + i;
/** The byte written by two lower-case hex digits, by their two ASCII codes (first in the low byte); -1 when not hex. */
const HEX_PAIR_VALUE = new Int16Array(65536).fill(-1);
for (let hi = 0; hi < 256; hi++) {
    for (let lo = 0; lo < 256; lo++) {
        if (HEX_VALUE[hi] >= 0 && HEX_VALUE[lo] >= 0)
            HEX_PAIR_VALUE[hi | (lo << 8)] = (HEX_VALUE[hi] << 4) | HEX_VALUE[lo];
    }
}
/** Where the 16 hex pairs of a UUID's 36 characters start. */
const HEX_PAIRS = new Int32Array([0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]);
/** Writes the UUID held in `src[start, start+36)` to `dst[at, at+16)`; false when it is not a lower-case UUID. */
function uuidBytesFromAscii(src, start, end, dst, at) {
    if (end - start !== 36)
        return false;
    if (src[start + 8] !== 0x2d || src[start + 13] !== 0x2d || src[start + 18] !== 0x2d || src[start + 23] !== 0x2d)
        return false;
    // One table look-up per pair of digits; a non-hex digit anywhere makes the OR negative.
    let invalid = 0;
    for (let k = 0; k < 16; k++) {
        const p = start + HEX_PAIRS[k];
        const value = HEX_PAIR_VALUE[src[p] | (src[p + 1] << 8)];
        invalid |= value;
        dst[at + k] = value;
    }
    return invalid >= 0;
}
const scratch = Buffer.alloc(36);
function uuidBytesFromString(text, dst, at) {
    if (text.length !== 36)
        return false;
    (0, latin1_1.latin1Write)(scratch, text, 0);
    return uuidBytesFromAscii(scratch, 0, 36, dst, at);
}
const HEX_DIGITS = '0123456789abcdef';
const HEX_CODES = Uint8Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));
const textScratch = Buffer.alloc(36);
/** The 36-character text of 16 UUID bytes, written as ASCII and read back as one flat string. */
function uuidStringFromBytes(src, at) {
    const out = textScratch;
    for (let i = 0; i < 16; i++) {
        const p = HEX_PAIRS[i];
        const byte = src[at + i];
        out[p] = HEX_CODES[byte >> 4];
        out[p + 1] = HEX_CODES[byte & 15];
    }
    out[8] = out[13] = out[18] = out[23] = 0x2d;
    return (0, latin1_1.latin1Slice)(out, 0, 36);
}
function sameUuid(a, aAt, b, bAt) {
    for (let i = 0; i < 16; i++)
        if (a[aAt + i] !== b[bAt + i])
            return false;
    return true;
}
/** A 31-bit hash of 16 UUID bytes (v4 ids are random, so their first bytes already spread well). */
function uuidHash(src, at) {
    return ((src[at] << 23) ^ (src[at + 1] << 15) ^ (src[at + 2] << 7) ^ src[at + 3] ^ (src[at + 9] << 11) ^ src[at + 15]) & 0x7fffffff;
}
//# sourceMappingURL=uuidBytes.js.map