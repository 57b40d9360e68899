"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createPrng = createPrng;
exports.seedFrom = seedFrom;
exports.prngUuid = prngUuid;
exports.prngHex = prngHex;
function createPrng(seed) {
    let state = seed >>> 0;
    const nextUint32 = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
    };
    const next = () => nextUint32() / 4294967296;
    return {
        next,
        nextUint32,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        float: (min, max) => min + next() * (max - min),
        chance: (p) => next() < p,
        pick: (items) => items[Math.floor(next() * items.length)],
    };
}
/** A seed from any text or number, so `--seed demo` and `--seed 42` both work. */
function seedFrom(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value >>> 0;
    const text = String(value);
    if (/^\d+$/.test(text))
        return Number(text) >>> 0;
    // FNV-1a over the UTF-16 code units: stable across platforms.
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex32(value) {
    return HEX[(value >>> 24) & 0xff] + HEX[(value >>> 16) & 0xff] + HEX[(value >>> 8) & 0xff] + HEX[value & 0xff];
}
// Four hex digits per entry: a UUID is then eight lookups, which matters at a million events.
let hex16;
function hex16Table() {
    return (hex16 ??= Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0')));
}
/** A UUID v4 string drawn from the PRNG (version nibble 4, RFC 4122 variant). */
function prngUuid(prng) {
    const h = hex16Table();
    const a = prng.nextUint32();
    const b = prng.nextUint32();
    const c = prng.nextUint32();
    const d = prng.nextUint32();
    return (h[a >>> 16] + h[a & 0xffff] + '-' + h[b >>> 16] + '-' + h[(b & 0x0fff) | 0x4000] + '-' +
        h[((c >>> 16) & 0x3fff) | 0x8000] + '-' + h[c & 0xffff] + h[d >>> 16] + h[d & 0xffff]);
}
/** Lower-case hex of `digits` characters drawn from the PRNG (order ids, config hashes). */
function prngHex(prng, digits) {
    let out = '';
    while (out.length < digits)
        out += hex32(prng.nextUint32());
    return out.slice(0, digits);
}
//# sourceMappingURL=prng.js.map