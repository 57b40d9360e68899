"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.reserveInterners = reserveInterners;
exports.newInterners = newInterners;
exports.scanFileInto = scanFileInto;
exports.tailHash = tailHash;
exports.readTailHash = readTailHash;
const latin1_1 = require("./latin1");
const fs = __importStar(require("node:fs"));
const lineReader_1 = require("../store/lineReader");
const byteInterner_1 = require("./byteInterner");
const byteTimestamp_1 = require("./byteTimestamp");
const envelopeScanner_1 = require("./envelopeScanner");
const segment_1 = require("./segment");
const uuidBytes_1 = require("./uuidBytes");
/**
 * After `doneBytes` of `totalBytes` are read, makes room in each interner for
 * as many strings again in proportion (ids that repeat across files, like
 * aggregates, are overestimated: that costs a few empty slots, no more).
 */
function reserveInterners(interners, first, totalBytes) {
    const doneBytes = first.consumed;
    // From a small first file the guess would be wild: then the interners just grow as they fill.
    if (doneBytes < 1024 * 1024 || totalBytes <= doneBytes)
        return;
    const scale = (totalBytes / doneBytes) * 1.1;
    // Never more strings than events.
    const events = Math.ceil(first.columns.count * scale);
    for (const interner of Object.values(interners)) {
        interner.reserve(Math.min(Math.ceil(interner.size * scale), events), interner.averageBytes);
    }
}
function newInterners() {
    return {
        type: new byteInterner_1.ByteInterner(),
        aggregate: new byteInterner_1.ByteInterner(),
        correlation: new byteInterner_1.ByteInterner(),
        source: new byteInterner_1.ByteInterner(),
        status: new byteInterner_1.ByteInterner(),
        schemaVersion: new byteInterner_1.ByteInterner(),
    };
}
/** Small enough to stay in the core's L2 cache between the read that fills it and the scan that reads it. */
const CHUNK_BYTES = 256 * 1024;
const TAIL_HASH_BYTES = 64;
/**
 * Reads the lines of one event file from `segment.consumed` on, adding its
 * events to the segment's columns and its unreadable lines to its problems.
 * Plain files are read in chunks (bounded memory whatever the file size);
 * gzip files are decompressed whole, within the bomb limit.
 */
function scanFileInto(absPath, segment, interners, limits = {}) {
    const reader = new LineSink(segment, interners);
    if (segment.compressed) {
        const { bytes, problem } = (0, lineReader_1.gunzipTolerant)(fs.readFileSync(absPath), limits);
        if (problem)
            segment.problems.push({ kind: 'unreadable', file: segment.file, line: segment.lines + 1, column: 1, message: problem });
        reader.consume(bytes, segment.consumed, bytes.length, 0, true);
        segment.tailHash = tailHash(bytes, segment.consumed);
        return;
    }
    const fd = fs.openSync(absPath, 'r');
    try {
        const size = fs.fstatSync(fd).size;
        let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size - segment.consumed, 1)));
        let position = segment.consumed;
        let carried = 0;
        const startConsumed = segment.consumed;
        const startCount = segment.columns.count;
        let reserved = false;
        while (position < size) {
            if (carried === buffer.length) {
                // One line longer than the buffer: grow it (lines of many MB are legal).
                const bigger = Buffer.allocUnsafe(buffer.length * 2);
                buffer.copy(bigger, 0, 0, carried);
                buffer = bigger;
            }
            const read = fs.readSync(fd, buffer, carried, Math.min(buffer.length - carried, size - position), position);
            if (read <= 0)
                break;
            position += read;
            const filled = carried + read;
            const chunkStart = position - filled;
            const atEnd = position >= size;
            const used = reader.consume(buffer, 0, filled, chunkStart, atEnd);
            if (!reserved && segment.consumed > startConsumed) {
                // After the first chunk the average line length is known: reserve
                // room for the rest of the file once, instead of growing (and copying) as it fills.
                reserved = true;
                const perByte = (segment.columns.count - startCount) / (segment.consumed - startConsumed);
                (0, segment_1.ensureCapacity)(segment.columns, segment.columns.count + Math.ceil(perByte * (size - segment.consumed) * 1.05));
            }
            carried = filled - used;
            if (carried > 0)
                buffer.copy(buffer, 0, used, filled);
        }
        const tail = Buffer.alloc(Math.min(TAIL_HASH_BYTES, segment.consumed));
        if (tail.length > 0)
            fs.readSync(fd, tail, 0, tail.length, segment.consumed - tail.length);
        segment.tailHash = (0, byteInterner_1.hashBytes)(tail, 0, tail.length);
    }
    finally {
        fs.closeSync(fd);
    }
}
/** Hash of the `TAIL_HASH_BYTES` bytes before `consumed`. */
function tailHash(bytes, consumed) {
    return (0, byteInterner_1.hashBytes)(bytes, Math.max(0, consumed - TAIL_HASH_BYTES), consumed);
}
function readTailHash(absPath, consumed) {
    const fd = fs.openSync(absPath, 'r');
    try {
        const tail = Buffer.alloc(Math.min(TAIL_HASH_BYTES, consumed));
        if (tail.length > 0)
            fs.readSync(fd, tail, 0, tail.length, consumed - tail.length);
        return (0, byteInterner_1.hashBytes)(tail, 0, tail.length);
    }
    finally {
        fs.closeSync(fd);
    }
}
class LineSink {
    segment;
    interners;
    scanner = new envelopeScanner_1.EnvelopeScanner();
    found = new envelopeScanner_1.ScannedEnvelope();
    /** Word reads over the buffer being consumed (interning compares ids four bytes at a time). */
    view = new DataView(new ArrayBuffer(0));
    viewOf = null;
    constructor(segment, interners) {
        this.segment = segment;
        this.interners = interners;
    }
    /**
     * Indexes the complete lines in `buf[from, to)`, whose byte `from` is at
     * file offset `fileOffset + from`. Returns how far it consumed; the rest is
     * an incomplete line to be carried into the next chunk. At the end of the
     * file an incomplete line is a torn line: reported, not consumed.
     */
    consume(buf, from, to, fileOffset, atEnd) {
        const segment = this.segment;
        if (buf !== this.viewOf) {
            this.viewOf = buf;
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        }
        let start = from;
        if (fileOffset + start === 0 && (0, lineReader_1.hasBom)(buf, start))
            start += 3;
        const scanner = this.scanner;
        const found = this.found;
        while (start < to) {
            // Fast path: scan up to the chunk's end; a valid line stops at its own line feed.
            scanner.scan(buf, start, to, found);
            let newline;
            const readWhole = (found.status === 0 /* ScanStatus.Ok */ || found.status === 3 /* ScanStatus.NotAnEvent */) && scanner.stoppedAt < to;
            if (readWhole) {
                newline = scanner.stoppedAt;
            }
            else {
                newline = buf.indexOf(10, start);
                if (newline === -1 || newline >= to) {
                    if (atEnd)
                        this.tornLine(buf, start, to);
                    break;
                }
            }
            const end = newline > start && buf[newline - 1] === 13 ? newline - 1 : newline;
            segment.lines++;
            if (end > start)
                this.line(buf, start, end, fileOffset, !readWhole);
            start = newline + 1;
            segment.consumed = fileOffset + start;
        }
        if (segment.consumed === 0 && start === 3 && fileOffset === 0)
            segment.consumed = 3;
        return Math.max(segment.consumed - fileOffset, from);
    }
    tornLine(buf, start, end) {
        if (isBlank(buf, start, end))
            return;
        const segment = this.segment;
        segment.problems.push({
            kind: 'torn-line',
            file: segment.file,
            line: segment.lines + 1,
            column: end - start + 1,
            message: `last line has no line end after ${end - start} bytes: a writer is mid-append or crashed (the line is kept as it is)`,
        });
    }
    /** `rescan`: the fast path did not read this line as a whole (invalid, or torn): read it within its bounds. */
    line(buf, start, end, fileOffset, rescan) {
        const found = this.found;
        if (rescan)
            this.scanner.scan(buf, start, end, found);
        if (found.status !== 0 /* ScanStatus.Ok */) {
            if (isBlank(buf, start, end))
                return;
            this.problem(buf, start, end, found);
            return;
        }
        const c = this.segment.columns;
        const i = c.count;
        (0, segment_1.ensureCapacity)(c, i + 1);
        c.line[i] = this.segment.lines;
        c.offset[i] = fileOffset + start;
        c.length[i] = end - start;
        const spans = found.spans;
        const ts = spans[8 /* Field.Timestamp */ * 3 + 2] === 2 /* SpanKind.PlainString */ ? (0, byteTimestamp_1.parseTimestampBytes)(buf, spans[8 /* Field.Timestamp */ * 3], spans[8 /* Field.Timestamp */ * 3 + 1]) : textTimestamp(buf, found);
        c.timestamp[i] = ts;
        c.sequence[i] = found.sequenceNumber;
        c.retry[i] = found.retryCount;
        const n = this.interners;
        const view = this.view;
        c.type[i] = intern(n.type, buf, view, found, 0 /* Field.EventType */);
        c.aggregate[i] = intern(n.aggregate, buf, view, found, 2 /* Field.AggregateId */);
        c.correlation[i] = intern(n.correlation, buf, view, found, 3 /* Field.CorrelationId */);
        c.source[i] = intern(n.source, buf, view, found, 5 /* Field.Source */);
        c.status[i] = intern(n.status, buf, view, found, 6 /* Field.Status */);
        c.schemaVersion[i] = intern(n.schemaVersion, buf, view, found, 7 /* Field.SchemaVersion */);
        c.eventIdKind[i] = storeId(buf, found, 1 /* Field.EventId */, c.eventId, i, c.oddEventIds);
        c.causeKind[i] = storeId(buf, found, 4 /* Field.CausationId */, c.cause, i, c.oddCauses);
        c.count = i + 1;
    }
    problem(buf, start, end, found) {
        const segment = this.segment;
        const column = found.status === 3 /* ScanStatus.NotAnEvent */ ? 1 : utf8Column(buf, start, found.errorAt);
        let kind;
        let message;
        if (found.status === 2 /* ScanStatus.NonJsonNumber */) {
            kind = 'non-json-number';
            const word = (0, latin1_1.latin1Slice)(buf, found.errorAt, Math.min(found.errorAt + 8, end)).startsWith('NaN') ? 'NaN' : 'Infinity';
            message = `${word} is not a JSON number (Python's json.dumps writes it; JSON parsers reject the line)`;
        }
        else if (found.status === 3 /* ScanStatus.NotAnEvent */) {
            kind = 'not-an-event';
            message = 'valid JSON, but not an event: expected an object with "event_type" (string), "data" and "metadata" (object)';
        }
        else {
            kind = 'invalid-json';
            message = `invalid JSON at column ${column}: expected ${describeExpectation(buf, found.errorAt, end)}`;
        }
        segment.problems.push({ kind, file: segment.file, line: segment.lines, column, message });
    }
}
function intern(interner, buf, view, found, field) {
    const at = field * 3;
    const kind = found.spans[at + 2];
    if (kind === 2 /* SpanKind.PlainString */)
        return interner.internSpan(buf, view, found.spans[at], found.spans[at + 1]);
    if (kind === 3 /* SpanKind.EscapedString */)
        return interner.intern(found.text(buf, field) ?? '');
    return -1;
}
function storeId(buf, found, field, bytes, i, odd) {
    const at = field * 3;
    const kind = found.spans[at + 2];
    if (kind === 2 /* SpanKind.PlainString */ && (0, uuidBytes_1.uuidBytesFromAscii)(buf, found.spans[at], found.spans[at + 1], bytes, i * 16))
        return 0 /* IdKind.Uuid */;
    const text = found.text(buf, field);
    if (text === null)
        return 2 /* IdKind.Absent */;
    odd.set(i, text);
    return 1 /* IdKind.Odd */;
}
function textTimestamp(buf, found) {
    const text = found.text(buf, 8 /* Field.Timestamp */);
    return text === null ? Number.NaN : (0, byteTimestamp_1.parseTimestampBytes)(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text));
}
function isBlank(buf, start, end) {
    for (let p = start; p < end; p++) {
        const c = buf[p];
        if (c !== 0x20 && c !== 0x09 && c !== 0x0d)
            return false;
    }
    return true;
}
/** 1-based column in characters (not bytes) of byte position `at` in the line starting at `start`. */
function utf8Column(buf, start, at) {
    let column = 1;
    for (let p = start; p < at; p++)
        if ((buf[p] & 0xc0) !== 0x80)
            column++;
    return column;
}
function describeExpectation(buf, at, end) {
    if (at >= end)
        return 'more input (the line ends inside a value)';
    const shown = JSON.stringify(buf.toString('utf8', at, Math.min(at + 12, end)));
    return `a JSON value, ',' or a closing bracket, got ${shown}`;
}
//# sourceMappingURL=fileScanner.js.map