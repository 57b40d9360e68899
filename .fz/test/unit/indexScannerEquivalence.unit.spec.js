"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fast_check_1 = __importDefault(require("fast-check"));
const envelopeScanner_1 = require("../../src/engine/index/envelopeScanner");
/**
 * The scanner reads strings four bytes at a time and peeks at the byte after
 * a token, so what lies around a line in the read buffer must never change
 * its verdict: a line is judged the same alone, inside a larger buffer with
 * hostile bytes after its end, and as the first line of a chunk (where a
 * valid line must stop exactly at its own line feed). And the verdict is
 * JSON.parse's.
 */
const scanner = new envelopeScanner_1.EnvelopeScanner();
const out = new envelopeScanner_1.ScannedEnvelope();
function verdict(buf, start, end) {
    scanner.scan(buf, start, end, out);
    return {
        status: out.status,
        eventType: out.status === 0 /* ScanStatus.Ok */ ? out.text(buf, 0 /* Field.EventType */) : null,
        aggregateId: out.status === 0 /* ScanStatus.Ok */ ? out.text(buf, 2 /* Field.AggregateId */) : null,
        sequenceNumber: out.status === 0 /* ScanStatus.Ok */ ? out.sequenceNumber : Number.NaN,
    };
}
function parses(line) {
    try {
        JSON.parse(line.toString('utf8'));
        return true;
    }
    catch {
        return false;
    }
}
/** Bytes that end or break tokens: quotes, escapes, controls, brackets, non-ASCII and invalid UTF-8. */
const hostileByte = fast_check_1.default.constantFrom(0x22, 0x5c, 0x00, 0x1f, 0x0a, 0x0d, 0x20, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x30, 0x2d, 0x65, 0x75, 0x7f, 0xc3, 0xa4, 0xff, 0x4e);
/** Strings of every length around a word (0–12), with escapes and non-ASCII in them; now and then a broken one. */
const stringPiece = fast_check_1.default.oneof({ weight: 30, arbitrary: fast_check_1.default.constantFrom('a', 'Z', '0', ' ', '_', '\\"', '\\\\', '\\/', '\\n', '\\u00e4', 'ä', '€') }, { weight: 1, arbitrary: fast_check_1.default.constantFrom('\\u12', '\\x', '\t', '\u0001', '"', '\\') });
const stringText = fast_check_1.default.array(stringPiece, { maxLength: 12 }).map((parts) => `"${parts.join('')}"`);
const numberText = fast_check_1.default.oneof({ weight: 10, arbitrary: fast_check_1.default.constantFrom('0', '-0', '7', '42', '-1.5', '1e5', '2E-3', '12345678901234567890') }, { weight: 1, arbitrary: fast_check_1.default.constantFrom('01', '1.', '-', '1e', '.5', 'NaN', '-Infinity') });
const valueText = fast_check_1.default.letrec((tie) => ({
    value: fast_check_1.default.oneof({ depthSize: 'small' }, stringText, numberText, fast_check_1.default.constantFrom('true', 'false', 'null', 'true', 'false', 'null', 'tru', 'nul'), fast_check_1.default.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`), fast_check_1.default.array(fast_check_1.default.tuple(stringText, tie('value')), { maxLength: 3 }).map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`)),
})).value;
const spacing = fast_check_1.default.constantFrom('', ' ', '\t', '\r', '  ');
/** Event lines (compact or spaced, any member order), sometimes damaged at one byte. */
const eventLine = fast_check_1.default
    .record({
    type: stringText,
    aggregate: fast_check_1.default.oneof(stringText, fast_check_1.default.constant('"trader_1"')),
    sequence: numberText,
    data: valueText,
    extra: valueText,
    space: spacing,
    swap: fast_check_1.default.boolean(),
    damage: fast_check_1.default.option(fast_check_1.default.tuple(fast_check_1.default.nat(), hostileByte, fast_check_1.default.constantFrom('replace', 'insert', 'delete')), { nil: undefined }),
})
    .map(({ type, aggregate, sequence, data, extra, space, swap, damage }) => {
    const s = space;
    const metadata = `{${s}"aggregate_id"${s}:${s}${aggregate},${s}"sequence_number":${s}${sequence},${s}"tags":${extra}${s}}`;
    const members = [`"event_type":${s}${type}`, `"data":${s}${data}`, `"metadata":${s}${metadata}`];
    if (swap)
        members.reverse();
    let bytes = Buffer.from(`${s}{${members.join(`,${s}`)}}${s}`, 'utf8');
    if (damage) {
        const [at, byte, how] = damage;
        const p = at % (bytes.length + 1);
        if (how === 'insert')
            bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from([byte]), bytes.subarray(p)]);
        else if (how === 'delete' && p < bytes.length)
            bytes = Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + 1)]);
        else if (p < bytes.length)
            bytes[p] = byte;
    }
    // A line never holds a line feed: it would have ended the line.
    const feed = bytes.indexOf(0x0a);
    return feed === -1 ? bytes : bytes.subarray(0, feed);
});
/** What may follow a line in a read buffer: more lines, or bytes that would complete a token. */
const after = fast_check_1.default.array(hostileByte, { minLength: 0, maxLength: 9 }).map((bytes) => Buffer.from(bytes));
(0, node_test_1.test)('a line is judged as JSON.parse judges it, whatever bytes lie beyond its end', () => {
    fast_check_1.default.assert(fast_check_1.default.property(eventLine, after, after, (line, before, behind) => {
        const alone = verdict(line, 0, line.length);
        strict_1.default.equal(alone.status === 0 /* ScanStatus.Ok */ || alone.status === 3 /* ScanStatus.NotAnEvent */, parses(line));
        // The same bytes inside a larger buffer, read within their bounds only.
        const embedded = Buffer.concat([before, line, behind]);
        strict_1.default.deepEqual(verdict(embedded, before.length, before.length + line.length), alone);
    }), { numRuns: 4000 });
});
(0, node_test_1.test)('a line cut short is judged by its bytes only, though its continuation still sits in the buffer after the cut', () => {
    // The hardest bytes beyond `end` are the ones that would complete the line: each token's own continuation.
    fast_check_1.default.assert(fast_check_1.default.property(eventLine, fast_check_1.default.nat(), (line, at) => {
        const cut = at % (line.length + 1);
        const copy = Buffer.from(line.subarray(0, cut));
        const whole = Buffer.concat([line, Buffer.from('\n')]);
        strict_1.default.deepEqual(verdict(whole, 0, cut), verdict(copy, 0, cut));
    }), { numRuns: 6000 });
});
(0, node_test_1.test)('as the first line of a chunk, a valid line stops at its own line feed, and an invalid one is never read as valid', () => {
    fast_check_1.default.assert(fast_check_1.default.property(eventLine, eventLine, after, (line, next, tail) => {
        const alone = verdict(line, 0, line.length);
        const chunk = Buffer.concat([line, Buffer.from('\n'), next, Buffer.from('\n'), tail]);
        const inChunk = verdict(chunk, 0, chunk.length);
        const valid = (v) => v.status === 0 /* ScanStatus.Ok */ || v.status === 3 /* ScanStatus.NotAnEvent */;
        if (valid(alone)) {
            strict_1.default.deepEqual(inChunk, alone);
            strict_1.default.equal(scanner.stoppedAt, line.length);
        }
        else {
            strict_1.default.equal(valid(inChunk), false);
        }
    }), { numRuns: 4000 });
});
(0, node_test_1.test)('strings of every length up to a word past the end of the buffer', () => {
    // The word loop must hand over to the byte loop exactly at `end`: a closing quote just past it does not count.
    for (let length = 0; length <= 12; length++) {
        const text = 'x'.repeat(length);
        const line = Buffer.from(`{"event_type":"${text}","data":{},"metadata":{"aggregate_id":"${text}"}}`);
        const found = verdict(line, 0, line.length);
        strict_1.default.equal(found.status, 0 /* ScanStatus.Ok */, `length ${length}`);
        strict_1.default.equal(found.eventType, text);
        strict_1.default.equal(found.aggregateId, text);
        for (let cut = 1; cut <= 6; cut++) {
            // Cut short; the rest of the line still sits in the buffer, after `end`.
            strict_1.default.equal(verdict(line, 0, line.length - cut).status, 1 /* ScanStatus.InvalidJson */, `length ${length}, cut ${cut}`);
        }
    }
});
//# sourceMappingURL=indexScannerEquivalence.unit.spec.js.map