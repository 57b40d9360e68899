"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnvelopeScanner = exports.ScannedEnvelope = exports.FIELD_COUNT = void 0;
const latin1_1 = require("./latin1");
exports.FIELD_COUNT = 9;
/**
 * What the scanner found; reused between lines so that scanning allocates
 * nothing. String fields are kept as byte spans (content without quotes) so
 * the caller can intern or parse them without building a string first.
 */
class ScannedEnvelope {
    status = 0 /* ScanStatus.Ok */;
    /** Byte position (absolute in the buffer) where reading failed. */
    errorAt = 0;
    hasData = false;
    hasMetadata = false;
    /** [start, end, SpanKind] per Field. */
    spans = new Int32Array(exports.FIELD_COUNT * 3);
    sequenceNumber = Number.NaN;
    retryCount = 0;
    reset() {
        this.status = 0 /* ScanStatus.Ok */;
        this.errorAt = 0;
        this.hasData = false;
        this.hasMetadata = false;
        // A span's start and end mean something only under its kind: clearing the kinds clears the spans.
        const spans = this.spans;
        for (let at = 2; at < exports.FIELD_COUNT * 3; at += 3)
            spans[at] = 0 /* SpanKind.Absent */;
        this.sequenceNumber = Number.NaN;
        this.retryCount = 0;
    }
    kind(field) {
        return this.spans[field * 3 + 2];
    }
    /** The field's string value, or null when absent, null or not a string. */
    text(buf, field) {
        const at = field * 3;
        const kind = this.spans[at + 2];
        if (kind === 2 /* SpanKind.PlainString */)
            return (0, latin1_1.latin1Slice)(buf, this.spans[at], this.spans[at + 1]);
        if (kind === 3 /* SpanKind.EscapedString */) {
            return JSON.parse(buf.toString('utf8', this.spans[at] - 1, this.spans[at + 1] + 1));
        }
        return null;
    }
}
exports.ScannedEnvelope = ScannedEnvelope;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
// How a byte inside a JSON string is treated: 0 ordinary, or one of these.
const STRING_END = 1;
const STRING_ESCAPE = 2;
const STRING_CONTROL = 3;
const STRING_NON_ASCII = 4;
const STRING_BYTE = new Uint8Array(256);
for (let c = 0; c < 0x20; c++)
    STRING_BYTE[c] = STRING_CONTROL;
for (let c = 0x80; c < 0x100; c++)
    STRING_BYTE[c] = STRING_NON_ASCII;
STRING_BYTE[0x22] = STRING_END;
STRING_BYTE[0x5c] = STRING_ESCAPE;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const TOP_KEYS = [
    ['event_type', 0 /* Key.EventType */],
    ['data', 101 /* Key.Data */],
    ['metadata', 102 /* Key.Metadata */],
];
const METADATA_KEYS = [
    ['event_id', 1 /* Key.EventId */],
    ['aggregate_id', 2 /* Key.AggregateId */],
    ['correlation_id', 3 /* Key.CorrelationId */],
    ['causation_id', 4 /* Key.CausationId */],
    ['source', 5 /* Key.Source */],
    ['status', 6 /* Key.Status */],
    ['schema_version', 7 /* Key.SchemaVersion */],
    ['timestamp', 8 /* Key.Timestamp */],
    ['sequence_number', 103 /* Key.SequenceNumber */],
    ['retry_count', 104 /* Key.RetryCount */],
];
/** Keys by length, so a key is compared with at most the one or two names of its length. */
function keyTable(keys) {
    const table = Array.from({ length: 32 }, () => []);
    for (const [name, key] of keys)
        table[name.length].push([Buffer.from(name, 'latin1'), key]);
    return table;
}
const TOP_KEY_BYTES = keyTable(TOP_KEYS);
const METADATA_KEY_BYTES = keyTable(METADATA_KEYS);
class EnvelopeScanner {
    buf = Buffer.alloc(0);
    /** Word reads over `buf` (four bytes per load in the string loop). */
    view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    end = 0;
    /** Set by scanString: the string had escapes or non-ASCII bytes and needs a real decode. */
    stringNeedsDecode = false;
    containerStack = new Uint8Array(64);
    topKeys = new KeyOrder();
    metadataKeys = new KeyOrder();
    /**
     * Where the last successful scan stopped: `end`, or the line feed that
     * ended the value. Lets a caller scan a whole chunk of lines without first
     * searching each line's end: a JSON line cannot hold a raw line feed, so
     * a value that ends at one is exactly the value of that line.
     */
    stoppedAt = 0;
    /** Scans the JSON value at `buf[start, end)` (or up to the first line feed) into `out`. */
    scan(buf, start, end, out) {
        this.scanLine(buf, start, end, out);
    }
    /** Returns the end position, or -1 after recording a failure in `out`. */
    scanLine(buf, start, end, out) {
        out.reset();
        if (buf !== this.buf) {
            this.buf = buf;
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        }
        this.end = end;
        let p = this.ws(start);
        if (p >= end || buf[p] !== OPEN_BRACE) {
            // Valid JSON that is not an object is still not an event; tell the two apart.
            const after = this.skipValue(p, out);
            if (after < 0)
                return -1;
            const tail = this.ws(after);
            if (tail !== end && buf[tail] !== NEWLINE)
                return this.fail(out, tail, 1 /* ScanStatus.InvalidJson */);
            this.stoppedAt = tail;
            out.status = 3 /* ScanStatus.NotAnEvent */;
            return after;
        }
        p = this.ws(p + 1);
        let slot = 0;
        if (p < end && buf[p] === CLOSE_BRACE) {
            p = p + 1;
        }
        else {
            for (;;) {
                if (p >= end || buf[p] !== QUOTE)
                    return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
                let key;
                let keyEnd = this.topKeys.match(buf, this.view, p, end, slot);
                if (keyEnd >= 0) {
                    key = this.topKeys.keyAt(slot);
                }
                else {
                    keyEnd = this.scanString(p);
                    if (keyEnd < 0)
                        return this.fail(out, -keyEnd, 1 /* ScanStatus.InvalidJson */);
                    key = this.stringNeedsDecode ? matchEscapedKey(buf, p, keyEnd, TOP_KEY_BYTES) : matchKey(buf, p + 1, keyEnd - 1, TOP_KEY_BYTES);
                    if (!this.stringNeedsDecode)
                        this.topKeys.learn(slot, buf, p + 1, keyEnd, key);
                }
                slot++;
                p = this.valueAfterColon(keyEnd, out);
                if (p < 0)
                    return -1;
                let next;
                if (key === 0 /* Key.EventType */) {
                    next = this.locateString(p, out, 0 /* Field.EventType */);
                }
                else if (key === 102 /* Key.Metadata */ && p < end && buf[p] === OPEN_BRACE) {
                    out.hasMetadata = true;
                    // A repeated `metadata` key: JSON.parse keeps the last one, so do we.
                    clearMetadata(out);
                    next = this.scanMetadata(p, out);
                }
                else {
                    if (key === 101 /* Key.Data */)
                        out.hasData = true;
                    if (key === 102 /* Key.Metadata */)
                        out.hasMetadata = false;
                    next = this.skipValue(p, out);
                }
                if (next < 0)
                    return -1;
                p = this.ws(next);
                const c = p < end ? buf[p] : -1;
                if (c === COMMA) {
                    p = this.ws(p + 1);
                    continue;
                }
                if (c === CLOSE_BRACE) {
                    p = p + 1;
                    break;
                }
                return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
            }
        }
        p = this.ws(p);
        if (p !== end && buf[p] !== NEWLINE)
            return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
        this.stoppedAt = p;
        if (out.kind(0 /* Field.EventType */) < 2 /* SpanKind.PlainString */ || out.kind(0 /* Field.EventType */) > 3 /* SpanKind.EscapedString */ || !out.hasMetadata) {
            out.status = 3 /* ScanStatus.NotAnEvent */;
        }
        return p;
    }
    /** Records where the field's value stands (a string's content span, or its kind), and skips it. */
    locateString(p, out, field) {
        const at = field * 3;
        const spans = out.spans;
        const c = p < this.end ? this.buf[p] : 0;
        if (c === QUOTE) {
            const after = this.scanString(p);
            if (after < 0)
                return this.fail(out, -after, 1 /* ScanStatus.InvalidJson */);
            spans[at] = p + 1;
            spans[at + 1] = after - 1;
            spans[at + 2] = this.stringNeedsDecode ? 3 /* SpanKind.EscapedString */ : 2 /* SpanKind.PlainString */;
            return after;
        }
        spans[at] = p;
        spans[at + 2] = c === 0x6e && matchLiteral(this.buf, p, this.end, 'null') ? 1 /* SpanKind.Null */ : 4 /* SpanKind.NotString */;
        const after = this.skipValue(p, out);
        spans[at + 1] = after;
        return after;
    }
    scanMetadata(start, out) {
        const buf = this.buf;
        const end = this.end;
        let p = this.ws(start + 1);
        let slot = 0;
        if (p < end && buf[p] === CLOSE_BRACE)
            return p + 1;
        for (;;) {
            if (p >= end || buf[p] !== QUOTE)
                return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
            let key;
            let keyEnd = this.metadataKeys.match(buf, this.view, p, end, slot);
            if (keyEnd >= 0) {
                key = this.metadataKeys.keyAt(slot);
            }
            else {
                keyEnd = this.scanString(p);
                if (keyEnd < 0)
                    return this.fail(out, -keyEnd, 1 /* ScanStatus.InvalidJson */);
                key = this.stringNeedsDecode ? matchEscapedKey(buf, p, keyEnd, METADATA_KEY_BYTES) : matchKey(buf, p + 1, keyEnd - 1, METADATA_KEY_BYTES);
                if (!this.stringNeedsDecode)
                    this.metadataKeys.learn(slot, buf, p + 1, keyEnd, key);
            }
            slot++;
            p = this.valueAfterColon(keyEnd, out);
            if (p < 0)
                return -1;
            let next;
            if (key === 103 /* Key.SequenceNumber */ || key === 104 /* Key.RetryCount */) {
                const numberStart = p;
                next = this.skipValue(p, out);
                if (next < 0)
                    return next;
                const value = readInteger(buf, numberStart, next);
                if (key === 103 /* Key.SequenceNumber */)
                    out.sequenceNumber = value;
                else
                    out.retryCount = Number.isNaN(value) ? 0 : value;
            }
            else if (key === 100 /* Key.Other */) {
                next = this.skipValue(p, out);
            }
            else {
                next = this.locateString(p, out, key);
            }
            if (next < 0)
                return next;
            p = this.ws(next);
            const c = p < end ? buf[p] : -1;
            if (c === COMMA) {
                p = this.ws(p + 1);
                continue;
            }
            if (c === CLOSE_BRACE)
                return p + 1;
            return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
        }
    }
    /**
     * Skips one JSON value starting at `p` (after whitespace), validating it.
     * Returns the position after it, or a negative number after recording a failure.
     */
    skipValue(start, out) {
        const buf = this.buf;
        const end = this.end;
        let depth = 0;
        let p = start;
        for (;;) {
            // At the start of a value, whitespace skipped.
            if (p >= end)
                return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
            const c = buf[p];
            if (c === QUOTE) {
                const after = this.scanString(p);
                if (after < 0)
                    return this.fail(out, -after, 1 /* ScanStatus.InvalidJson */);
                p = after;
            }
            else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
                const after = scanNumber(buf, p, end);
                if (after < 0) {
                    const at = -after;
                    const status = isNonJsonNumberAt(buf, at, end) ? 2 /* ScanStatus.NonJsonNumber */ : 1 /* ScanStatus.InvalidJson */;
                    return this.fail(out, at, status);
                }
                p = after;
            }
            else if (c === OPEN_BRACE) {
                p = this.ws(p + 1);
                if (p < end && buf[p] === CLOSE_BRACE) {
                    p++;
                }
                else {
                    this.push(depth++, OPEN_BRACE);
                    p = this.memberValue(p, out);
                    if (p < 0)
                        return -1;
                    continue;
                }
            }
            else if (c === OPEN_BRACKET) {
                p = this.ws(p + 1);
                if (p < end && buf[p] === CLOSE_BRACKET) {
                    p++;
                }
                else {
                    this.push(depth++, OPEN_BRACKET);
                    continue;
                }
            }
            else if (c === 0x74 /* t */) {
                if (!matchLiteral(buf, p, end, 'true'))
                    return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
                p += 4;
            }
            else if (c === 0x66 /* f */) {
                if (!matchLiteral(buf, p, end, 'false'))
                    return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
                p += 5;
            }
            else if (c === 0x6e /* n */) {
                if (!matchLiteral(buf, p, end, 'null'))
                    return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
                p += 4;
            }
            else {
                const status = isNonJsonNumberAt(buf, p, end) ? 2 /* ScanStatus.NonJsonNumber */ : 1 /* ScanStatus.InvalidJson */;
                return this.fail(out, p, status);
            }
            // After a value: close containers until a comma leads to the next value.
            for (;;) {
                if (depth === 0)
                    return p;
                p = this.ws(p);
                const d = p < end ? buf[p] : -1;
                const top = this.containerStack[depth - 1];
                if (d === COMMA) {
                    p = this.ws(p + 1);
                    if (top === OPEN_BRACE) {
                        p = this.memberValue(p, out);
                        if (p < 0)
                            return -1;
                    }
                    break;
                }
                if (d === (top === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
                    depth--;
                    p++;
                }
                else {
                    return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
                }
            }
        }
    }
    /** `p` is where an object member's key should start; returns where its value starts, or -1 after recording a failure. */
    memberValue(p, out) {
        if (p >= this.end || this.buf[p] !== QUOTE)
            return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
        const after = this.scanString(p);
        if (after < 0)
            return this.fail(out, -after, 1 /* ScanStatus.InvalidJson */);
        return this.valueAfterColon(after, out);
    }
    /** `p` is just after a key; returns where the value after its colon starts, or -1 after recording a failure. */
    valueAfterColon(p, out) {
        const buf = this.buf;
        const end = this.end;
        if (p >= end || buf[p] !== COLON) {
            p = this.ws(p);
            if (p >= end || buf[p] !== COLON)
                return this.fail(out, p, 1 /* ScanStatus.InvalidJson */);
        }
        return this.ws(p + 1);
    }
    push(depth, container) {
        if (depth >= this.containerStack.length) {
            const grown = new Uint8Array(this.containerStack.length * 2);
            grown.set(this.containerStack);
            this.containerStack = grown;
        }
        this.containerStack[depth] = container;
    }
    /**
     * `p` is at an opening quote. Returns the position after the closing quote,
     * or minus the failing position. Sets `stringNeedsDecode`.
     *
     * Most of a line's bytes are inside strings, so this is the hot loop: it
     * reads four bytes at a time and stops only at a byte that needs a look
     * (quote, backslash, control or non-ASCII byte).
     */
    scanString(p) {
        const buf = this.buf;
        const view = this.view;
        const end = this.end;
        let needsDecode = false;
        let q = p + 1;
        for (;;) {
            while (q + 4 <= end) {
                const flagged = specialStringBytes(view.getInt32(q, true));
                if (flagged === 0) {
                    q += 4;
                    continue;
                }
                q += firstFlaggedByte(flagged);
                break;
            }
            if (q >= end)
                return -end;
            const kind = STRING_BYTE[buf[q]];
            if (kind === 0) {
                // Fewer than four bytes left before `end`.
                q++;
            }
            else if (kind === STRING_END) {
                this.stringNeedsDecode = needsDecode;
                return q + 1;
            }
            else if (kind === STRING_ESCAPE) {
                needsDecode = true;
                if (q + 1 >= end)
                    return -(q + 1);
                const e = buf[q + 1];
                if (e === 0x75 /* u */) {
                    if (q + 5 >= end)
                        return -(q + 1);
                    for (let h = q + 2; h < q + 6; h++)
                        if (!isHex(buf[h]))
                            return -h;
                    q += 6;
                }
                else if (e === QUOTE ||
                    e === BACKSLASH ||
                    e === 0x2f ||
                    e === 0x62 ||
                    e === 0x66 ||
                    e === 0x6e ||
                    e === 0x72 ||
                    e === 0x74) {
                    q += 2;
                }
                else {
                    return -(q + 1);
                }
            }
            else if (kind === STRING_CONTROL) {
                return -q;
            }
            else {
                needsDecode = true;
                q++;
            }
        }
    }
    ws(p) {
        const buf = this.buf;
        const end = this.end;
        // Compact JSON has no whitespace at all: one compare settles it.
        if (p < end && buf[p] > 0x20)
            return p;
        while (p < end) {
            const c = buf[p];
            // A line feed is never whitespace here: it ends the line (see `scan`).
            if (c !== 0x20 && c !== 0x09 && c !== 0x0d)
                break;
            p++;
        }
        return p;
    }
    fail(out, at, status) {
        if (out.status === 0 /* ScanStatus.Ok */) {
            out.status = status;
            out.errorAt = at;
        }
        return -1;
    }
}
exports.EnvelopeScanner = EnvelopeScanner;
function clearMetadata(out) {
    // Everything but event_type (the first field) belongs to metadata.
    const spans = out.spans;
    for (let at = 3 + 2; at < exports.FIELD_COUNT * 3; at += 3)
        spans[at] = 0 /* SpanKind.Absent */;
    out.sequenceNumber = Number.NaN;
    out.retryCount = 0;
}
/**
 * The keys of the previous line, by position. One writer writes every line
 * with the same keys in the same order, so the key at position k is almost
 * always the one seen there before: comparing its bytes (and closing quote)
 * replaces scanning the string and looking the name up.
 */
class KeyOrder {
    bytes = [];
    /** The same bytes as little-endian words at 0, 4, 8…, the last one ending with the key (overlapping). */
    words = [];
    keys = [];
    /** Position after the closing quote when the key at `p` (an opening quote) is the remembered one, else -1. */
    match(buf, view, p, end, slot) {
        const expected = this.bytes[slot];
        if (expected === undefined)
            return -1;
        const n = expected.length;
        const from = p + 1;
        if (from + n > end)
            return -1;
        if (n >= 4) {
            const words = this.words[slot];
            const last = n - 4;
            for (let k = 0, at = 0; k < words.length; k++, at += 4) {
                if (view.getInt32(from + (at < last ? at : last), true) !== words[k])
                    return -1;
            }
        }
        else {
            for (let i = 0; i < n; i++)
                if (buf[from + i] !== expected[i])
                    return -1;
        }
        return from + n;
    }
    keyAt(slot) {
        return this.keys[slot];
    }
    /** Remembers the plain key `buf[start, after)` (its closing quote included) at this position. */
    learn(slot, buf, start, after, key) {
        if (slot >= 64)
            return;
        const bytes = Buffer.from(buf.subarray(start, after));
        const n = bytes.length;
        const words = new Int32Array(Math.ceil(n / 4));
        for (let k = 0; n >= 4 && k < words.length; k++)
            words[k] = bytes.readInt32LE(Math.min(4 * k, n - 4));
        this.bytes[slot] = bytes;
        this.words[slot] = words;
        this.keys[slot] = key;
    }
}
/** A key written with escapes (`"aggregate_\\u0069d"`) means what JSON.parse makes of it. */
function matchEscapedKey(buf, open, after, table) {
    const name = Buffer.from(JSON.parse(buf.toString('utf8', open, after)), 'utf8');
    return matchKey(name, 0, name.length, table);
}
function matchKey(buf, start, end, table) {
    const length = end - start;
    if (length >= table.length)
        return 100 /* Key.Other */;
    for (const [bytes, key] of table[length]) {
        let same = true;
        for (let i = 0; i < length; i++) {
            if (buf[start + i] !== bytes[i]) {
                same = false;
                break;
            }
        }
        if (same)
            return key;
    }
    return 100 /* Key.Other */;
}
function matchLiteral(buf, p, end, literal) {
    if (p + literal.length > end)
        return false;
    for (let i = 0; i < literal.length; i++)
        if (buf[p + i] !== literal.charCodeAt(i))
            return false;
    return true;
}
function isHex(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
/**
 * Flags (high bit of each byte) the bytes of a little-endian word that a
 * string scan must stop at: `"`, `\\`, controls below 0x20 and non-ASCII
 * bytes. The usual zero-byte trick: a flag above a true one may be false,
 * but the lowest flag is always true, and that is the only one used.
 */
function specialStringBytes(word) {
    const quote = word ^ 0x22222222;
    const backslash = word ^ 0x5c5c5c5c;
    return (((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash) | ((word - 0x20202020) & ~word) | word) & 0x80808080;
}
/** Index (0–3) of the lowest flagged byte of a non-zero `specialStringBytes` result. */
function firstFlaggedByte(flagged) {
    return (31 - Math.clz32(flagged & -flagged)) >> 3;
}
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
/** JSON number grammar; returns the position after it, or minus the failing position. */
function scanNumber(buf, p, end) {
    if (buf[p] === 0x2d)
        p++;
    if (p >= end)
        return -p;
    if (buf[p] === 0x30) {
        p++;
    }
    else if (isDigit(buf[p])) {
        while (p < end && isDigit(buf[p]))
            p++;
    }
    else {
        return -p;
    }
    if (p < end && buf[p] === 0x2e) {
        p++;
        if (p >= end || !isDigit(buf[p]))
            return -p;
        while (p < end && isDigit(buf[p]))
            p++;
    }
    if (p < end && (buf[p] === 0x65 || buf[p] === 0x45)) {
        p++;
        if (p < end && (buf[p] === 0x2b || buf[p] === 0x2d))
            p++;
        if (p >= end || !isDigit(buf[p]))
            return -p;
        while (p < end && isDigit(buf[p]))
            p++;
    }
    return p;
}
function isNonJsonNumberAt(buf, p, end) {
    return matchLiteral(buf, p, end, 'NaN') || matchLiteral(buf, p, end, 'Infinity');
}
/** A non-negative integer's value from JSON number bytes; NaN for anything else. */
function readInteger(buf, start, end) {
    // Beyond 15 digits a running `value * 10 + digit` rounds at each step; Number() rounds once, as JSON.parse does.
    if (end - start > 15)
        return Number((0, latin1_1.latin1Slice)(buf, start, end));
    let value = 0;
    for (let p = start; p < end; p++) {
        const c = buf[p];
        if (!isDigit(c))
            return Number((0, latin1_1.latin1Slice)(buf, start, end));
        value = value * 10 + (c - 0x30);
    }
    return end > start ? value : Number.NaN;
}
//# sourceMappingURL=envelopeScanner.js.map