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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const zlib = __importStar(require("node:zlib"));
const fast_check_1 = __importDefault(require("fast-check"));
const lineReader_1 = require("../../src/engine/store/lineReader");
const lineRules_1 = require("../../src/engine/validate/lineRules");
const parseEventLine_1 = require("../../src/engine/store/parseEventLine");
const nestingDepth_1 = require("../../src/engine/model/nestingDepth");
const defaultReducer_1 = require("../../src/engine/state/defaultReducer");
const safeMerge_1 = require("../../src/engine/model/safeMerge");
const fuzzOracle_1 = require("../helpers/fuzzOracle");
/**
 * Fixed hostile lines (the extremes a generator rarely reaches) and the
 * line splitter and gzip reader under generated damage.
 */
const FILE = 'events/events_2024-01-15.jsonl';
const META = '{"event_id": "0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00Z", "source": "s", "correlation_id": null, "causation_id": null, "aggregate_id": "a", "sequence_number": 1, "retry_count": 0, "status": "pending", "tags": {}}';
const line = (data, meta = META) => `{"event_type": "user_created", "data": ${data}, "metadata": ${meta}}`;
const DEPTH = 100_000;
const deepArray = '['.repeat(DEPTH) + '1' + ']'.repeat(DEPTH);
const deepObject = '{"a": '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
function depthOf(value) {
    let depth = 0;
    for (let node = value; node !== null && typeof node === 'object'; depth++)
        node = Array.isArray(node) ? node[0] : node.a;
    return depth;
}
/** Deep but within the default max_nesting_depth (1,000, with the envelope's own level). */
const WITHIN = 990;
for (const [name, data, within] of [
    ['array', deepArray, '['.repeat(WITHIN) + '1' + ']'.repeat(WITHIN)],
    ['object', deepObject, '{"a": '.repeat(WITHIN) + '1' + '}'.repeat(WITHIN)],
]) {
    (0, node_test_1.test)(`an event whose data is an ${name} nested ${DEPTH} deep is indexed and reported as EB025; the reader refuses it by name, never by a stack overflow`, () => {
        const text = line(data);
        strict_1.default.equal((0, fuzzOracle_1.scanLine)(Buffer.from(text)).status, 0 /* ScanStatus.Ok */);
        strict_1.default.deepEqual((0, lineRules_1.validateLine)(text, { file: FILE, line: 7 }).map((f) => [f.code, f.line]), [['EB025', 7]]);
        strict_1.default.throws(() => (0, parseEventLine_1.parseEventLine)(text, `${FILE}:7`), (error) => error instanceof nestingDepth_1.NestingTooDeepError && error.message.startsWith(`${FILE}:7: nesting deeper than 1000`));
    });
    (0, node_test_1.test)(`an event whose data is an ${name} nested ${WITHIN} deep is validated, read, folded and frozen`, () => {
        const text = line(within);
        const codes = (0, lineRules_1.validateLine)(text, { file: FILE, line: 7 }).map((f) => f.code);
        strict_1.default.ok(!codes.includes('EB001') && !codes.includes('EB004') && !codes.includes('EB025'), `unexpected ${codes.join(',')}`);
        const event = (0, parseEventLine_1.parseEventLine)(text, `${FILE}:7`);
        strict_1.default.equal(depthOf(event.data), WITHIN);
        const state = (0, defaultReducer_1.defaultReducer)({}, event);
        strict_1.default.equal(depthOf(name === 'array' ? state.value : state), WITHIN);
        const copy = (0, safeMerge_1.deepFreeze)((0, safeMerge_1.safeClone)(state));
        strict_1.default.ok(Object.isFrozen(copy));
    });
}
(0, node_test_1.test)(`invalid JSON nested ${DEPTH} deep is one finding within the line (the nesting limit comes first), not a stack overflow`, () => {
    const cases = [line(deepArray.slice(0, -1)), '['.repeat(DEPTH), '{"a": '.repeat(DEPTH) + '}', '{"a": '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH - 1) + ']'];
    for (const text of cases) {
        strict_1.default.equal((0, fuzzOracle_1.scanLine)(Buffer.from(text)).status, 1 /* ScanStatus.InvalidJson */);
        const findings = (0, lineRules_1.validateLine)(text, { file: FILE, line: 3 });
        strict_1.default.deepEqual(findings.map((f) => f.code), ['EB025']);
        strict_1.default.equal(findings[0].line, 3);
        strict_1.default.ok(findings[0].column >= 1 && findings[0].column <= text.length + 1);
    }
    // Invalid JSON within the limit is still EB001, and a torn line EB003 (kept, reported).
    strict_1.default.deepEqual((0, lineRules_1.validateLine)(line('['.repeat(WITHIN)), { file: FILE, line: 3 }).map((f) => f.code), ['EB001']);
    strict_1.default.deepEqual((0, lineRules_1.validateLine)('['.repeat(WITHIN), { file: FILE, line: 9, unterminated: true }).map((f) => f.code), ['EB003']);
});
(0, node_test_1.test)('huge numbers: sequence_number beyond a double is a mistyped field, not a crash; the index marks it unusable', () => {
    for (const huge of ['1e400', '-1e400', '1' + '0'.repeat(400)]) {
        const text = line('{}', META.replace('"sequence_number": 1', `"sequence_number": ${huge}`));
        const findings = (0, lineRules_1.validateLine)(text, { file: FILE, line: 1 });
        strict_1.default.ok(findings.some((f) => f.code === 'EB006' && f.message.includes('sequence_number')), huge);
        const scanned = (0, fuzzOracle_1.scanLine)(Buffer.from(text));
        strict_1.default.equal(scanned.status, 0 /* ScanStatus.Ok */);
        strict_1.default.ok(!Number.isSafeInteger(scanned.sequenceNumber));
        strict_1.default.equal((0, parseEventLine_1.parseEventLine)(text, 'x').metadata.sequence_number, JSON.parse(huge));
    }
});
(0, node_test_1.test)('duplicate keys resolve to the last one everywhere (index, validator, reader), as JSON.parse does', () => {
    const text = line('{"k": 1, "k": 2}', META.replace('"aggregate_id": "a"', '"aggregate_id": "first", "aggregate_id": "second"'));
    const event = (0, parseEventLine_1.parseEventLine)(text, 'x');
    strict_1.default.equal(event.metadata.aggregate_id, 'second');
    strict_1.default.deepEqual(event.data, { k: 2 });
    const scanned = (0, fuzzOracle_1.scanLine)(Buffer.from(text));
    strict_1.default.equal(scanned.status, 0 /* ScanStatus.Ok */);
    strict_1.default.equal(scanned.text(Buffer.from(text), 2 /* Field.AggregateId */), 'second');
    // A repeated metadata that ends as a non-object makes the line not an event for both.
    const second = '{"event_type": "a", "data": {}, "metadata": {"aggregate_id": "x"}, "metadata": 5}';
    strict_1.default.equal((0, fuzzOracle_1.scanLine)(Buffer.from(second)).status, 3 /* ScanStatus.NotAnEvent */);
    strict_1.default.ok((0, lineRules_1.validateLine)(second, { file: FILE, line: 1 }).some((f) => f.code === 'EB004'));
});
(0, node_test_1.test)('forEachLine visits every line of any bytes exactly once, line ends excluded, numbers from 1', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a.map((b) => (b % 7 === 0 ? 10 : b % 11 === 0 ? 13 : b)))), (buf) => {
        const seen = [];
        const walk = (0, lineReader_1.forEachLine)(buf, (start, end, number) => {
            strict_1.default.equal(number, seen.length + 1);
            strict_1.default.ok(start <= end && end <= buf.length);
            strict_1.default.equal(buf.subarray(start, end).indexOf(10), -1);
            seen.push([start, end]);
        });
        const bomless = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
        const expectedLines = bomless.length === 0 ? 0 : bomless.toString('latin1').split('\n').length - (bomless[bomless.length - 1] === 10 ? 1 : 0);
        strict_1.default.equal(walk.lines, expectedLines);
        strict_1.default.equal(seen.length, expectedLines);
        strict_1.default.equal(walk.tornLastLine, bomless.length > 0 && bomless[bomless.length - 1] !== 10);
    }), { numRuns: 10_000 });
});
const original = Buffer.from(Array.from({ length: 300 }, (_, i) => line(`{"i": ${i}}`)).join('\n') + '\n');
const gzipped = Buffer.concat([zlib.gzipSync(original.subarray(0, 20_000)), zlib.gzipSync(original.subarray(20_000))]);
(0, node_test_1.test)('a truncated or corrupted gzip never throws: what decompressed before the damage is kept and the damage is reported', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.nat({ max: gzipped.length - 1 }), fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.nat(), fast_check_1.default.integer({ min: 0, max: 255 })), { maxLength: 4 }), fast_check_1.default.boolean(), (cut, flips, truncate) => {
        const damaged = Buffer.from(truncate ? gzipped.subarray(0, cut) : gzipped);
        for (const [at, byte] of flips)
            if (damaged.length > 0)
                damaged[at % damaged.length] = byte;
        const read = (0, lineReader_1.gunzipTolerant)(damaged);
        if (read.problem === undefined) {
            // Undamaged in effect (a flip that changed nothing, or landed in a header field gzip ignores).
            strict_1.default.ok(read.bytes.equals(original) || flips.length > 0, 'a truncated gzip read without a problem');
        }
        else {
            strict_1.default.match(read.problem, /damaged gzip|gzip bomb/);
            if (flips.length === 0)
                strict_1.default.ok(original.subarray(0, read.bytes.length).equals(read.bytes), 'salvaged bytes are not a prefix of the original');
        }
    }), { numRuns: 1_500 });
});
(0, node_test_1.test)('random bytes under a .gz name are reported as damaged, not thrown', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.uint8Array({ maxLength: 64 }), (bytes) => {
        const read = (0, lineReader_1.gunzipTolerant)(Buffer.from(bytes));
        if (read.problem === undefined)
            strict_1.default.equal(read.bytes.length, 0, 'random bytes decompressed to something without a problem');
    }), 
    // Each read allocates the 1 MiB output chunk: fewer runs than the cheap properties.
    { numRuns: 500 });
});
(0, node_test_1.test)('a gzip bomb stops at the decompression limit and is reported, with nothing kept', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const read = (0, lineReader_1.gunzipTolerant)(bomb, { maxDecompressedBytes: 1024 * 1024 });
    strict_1.default.equal(read.bytes.length, 0);
    strict_1.default.match(read.problem ?? '', /more than 1048576 bytes \(gzip bomb\?\)/);
});
//# sourceMappingURL=fuzzCorpus.unit.spec.js.map