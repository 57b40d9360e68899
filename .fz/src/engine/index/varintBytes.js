"use strict";
/**
 * Compact integer coding for the persisted index: LEB128 varints for counts
 * and gaps, zigzag for signed deltas, with a growable writer and a cursor
 * that decodes in place from a reused buffer.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ByteCursor = exports.ByteWriter = void 0;
exports.widthFor = widthFor;
const TWO_32 = 4294967296;
/** Appends bytes to a growing buffer (the writer of one section of the index). */
class ByteWriter {
    bytes;
    used = 0;
    constructor(initial = 64 * 1024) {
        this.bytes = Buffer.allocUnsafe(initial);
    }
    get length() {
        return this.used;
    }
    /** The bytes written so far (a view, valid until the next write). */
    view() {
        return this.bytes.subarray(0, this.used);
    }
    room(n) {
        if (this.used + n <= this.bytes.length)
            return;
        const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + n));
        this.bytes.copy(next, 0, 0, this.used);
        this.bytes = next;
    }
    u8(value) {
        this.room(1);
        this.bytes[this.used++] = value;
    }
    u32(value) {
        this.room(4);
        this.bytes.writeUInt32LE(value >>> 0, this.used);
        this.used += 4;
    }
    f64(value) {
        this.room(8);
        this.bytes.writeDoubleLE(value, this.used);
        this.used += 8;
    }
    /** An unsigned integer up to 2^53, 7 bits a byte. */
    varint(value) {
        this.room(8);
        const bytes = this.bytes;
        if (value < 0x80) {
            bytes[this.used++] = value;
            return;
        }
        if (value < 0x80000000) {
            let small = value;
            while (small >= 0x80) {
                bytes[this.used++] = (small & 0x7f) | 0x80;
                small >>>= 7;
            }
            bytes[this.used++] = small;
            return;
        }
        let v = value;
        while (v >= 0x80) {
            this.bytes[this.used++] = (v % 0x80) | 0x80;
            v = Math.floor(v / 0x80);
        }
        this.bytes[this.used++] = v;
    }
    /** A signed integer (|value| < 2^52): small magnitudes take few bytes either way. */
    zigzag(value) {
        this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
    }
    raw(bytes) {
        this.room(bytes.length);
        this.bytes.set(bytes, this.used);
        this.used += bytes.length;
    }
    /** A fixed-width little-endian unsigned integer of `width` bytes (1-4). */
    fixed(value, width) {
        this.room(width);
        for (let k = 0; k < width; k++)
            this.bytes[this.used++] = (value >>> (8 * k)) & 0xff;
    }
}
exports.ByteWriter = ByteWriter;
/** Decodes from a buffer; `at` moves past what was read. */
class ByteCursor {
    bytes;
    at = 0;
    /** Where the bytes to decode end. */
    end = 0;
    constructor(bytes) {
        this.bytes = bytes;
        this.end = bytes.length;
    }
    reset(bytes, at = 0, end = bytes.length) {
        this.bytes = bytes;
        this.at = at;
        this.end = end;
    }
    get done() {
        return this.at >= this.end;
    }
    u8() {
        return this.bytes[this.at++];
    }
    u32() {
        const v = this.bytes.readUInt32LE(this.at);
        this.at += 4;
        return v;
    }
    f64() {
        const v = this.bytes.readDoubleLE(this.at);
        this.at += 8;
        return v;
    }
    varint() {
        const b = this.bytes;
        let byte = b[this.at++];
        if (byte < 0x80)
            return byte;
        let value = byte & 0x7f;
        let scale = 0x80;
        do {
            byte = b[this.at++];
            if (byte === undefined)
                throw new RangeError('varint runs past the end of its block');
            value += (byte & 0x7f) * scale;
            scale *= 0x80;
        } while (byte >= 0x80);
        return value;
    }
    zigzag() {
        const v = this.varint();
        return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
    }
    fixed(width) {
        let v = 0;
        for (let k = 0; k < width; k++)
            v += this.bytes[this.at++] * 2 ** (8 * k);
        return v;
    }
}
exports.ByteCursor = ByteCursor;
/** Bytes needed to hold values below `limit` in `fixed` coding (1-4). */
function widthFor(limit) {
    if (limit <= 0x100)
        return 1;
    if (limit <= 0x10000)
        return 2;
    if (limit <= 0x1000000)
        return 3;
    if (limit <= TWO_32)
        return 4;
    throw new RangeError(`${limit} does not fit 32 bits`);
}
//# sourceMappingURL=varintBytes.js.map