"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const envelopeScanner_1 = require("../../src/engine/index/envelopeScanner");
const byteTimestamp_1 = require("../../src/engine/index/byteTimestamp");
const timestamp_1 = require("../../src/engine/model/timestamp");
const uuidBytes_1 = require("../../src/engine/index/uuidBytes");
const byteInterner_1 = require("../../src/engine/index/byteInterner");
const grouping_1 = require("../../src/engine/index/grouping");
function scan(line) {
    const buf = Buffer.from(line, 'utf8');
    const out = new envelopeScanner_1.ScannedEnvelope();
    new envelopeScanner_1.EnvelopeScanner().scan(buf, 0, buf.length, out);
    return { out, buf };
}
const envelope = (meta, data = '{"x": 1}') => `{"event_type": "trade_executed", "data": ${data}, "metadata": ${meta}}`;
(0, node_test_1.test)('reads the envelope with Python json.dumps spacing and keys in any order', () => {
    const line = `{"metadata": {"sequence_number": 42, "aggregate_id": "trader_1", "event_id": "0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11", "timestamp": "2024-01-15T10:30:00.123456"}, "data": {"symbol": "BTCUSDT"}, "event_type": "trade_executed"}`;
    const { out, buf } = scan(line);
    strict_1.default.equal(out.status, 0 /* ScanStatus.Ok */);
    strict_1.default.equal(out.text(buf, 0 /* Field.EventType */), 'trade_executed');
    strict_1.default.equal(out.text(buf, 2 /* Field.AggregateId */), 'trader_1');
    strict_1.default.equal(out.text(buf, 1 /* Field.EventId */), '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11');
    strict_1.default.equal(out.sequenceNumber, 42);
});
(0, node_test_1.test)('envelope-looking keys inside data are not taken for the envelope', () => {
    const data = '{"metadata": {"aggregate_id": "fake", "sequence_number": 999}, "event_type": "fake", "aggregate_id": "fake2"}';
    const { out, buf } = scan(envelope('{"aggregate_id": "real", "sequence_number": 7}', data));
    strict_1.default.equal(out.status, 0 /* ScanStatus.Ok */);
    strict_1.default.equal(out.text(buf, 2 /* Field.AggregateId */), 'real');
    strict_1.default.equal(out.text(buf, 0 /* Field.EventType */), 'trade_executed');
    strict_1.default.equal(out.sequenceNumber, 7);
    // And when data comes last, after metadata.
    const reordered = `{"event_type": "a", "metadata": {"aggregate_id": "real"}, "data": {"metadata": {"aggregate_id": "fake"}}}`;
    const second = scan(reordered);
    strict_1.default.equal(second.out.text(second.buf, 2 /* Field.AggregateId */), 'real');
});
(0, node_test_1.test)('decodes escapes and non-ASCII in envelope strings', () => {
    const { out, buf } = scan(envelope('{"aggregate_id": "tr\\u00e4der \\"1\\"", "source": "Börse"}'));
    strict_1.default.equal(out.status, 0 /* ScanStatus.Ok */);
    strict_1.default.equal(out.text(buf, 2 /* Field.AggregateId */), 'träder "1"');
    strict_1.default.equal(out.text(buf, 5 /* Field.Source */), 'Börse');
});
(0, node_test_1.test)('accepts exactly what JSON.parse accepts', () => {
    const samples = [
        envelope('{}'),
        envelope('{}', '[1, -0.5e+10, true, false, null, "s", {"a": []}]'),
        envelope('{}', '01'),
        envelope('{}', '1.'),
        envelope('{}', '"tab\there"'),
        envelope('{}', '"bad \\x escape"'),
        envelope('{}', '{"a": 1,}'),
        envelope('{}', '[1 2]'),
        envelope('{}', 'tru'),
        envelope('{}') + ' x',
        '{"event_type": "a", "data": {}, "metadata": {}',
        '{"event_type": "a" "data": 1}',
        '   ',
        '[]',
        '"just a string"',
        '{}',
        '{"event_type": 5, "metadata": {}}',
    ];
    for (const sample of samples) {
        let parses = true;
        try {
            JSON.parse(sample);
        }
        catch {
            parses = false;
        }
        const { out } = scan(sample);
        const scannerSaysJson = out.status === 0 /* ScanStatus.Ok */ || out.status === 3 /* ScanStatus.NotAnEvent */;
        strict_1.default.equal(scannerSaysJson, parses, `disagreement on ${JSON.stringify(sample)}`);
    }
});
(0, node_test_1.test)('names NaN and Infinity as non-JSON numbers, and points at them', () => {
    for (const word of ['NaN', 'Infinity', '-Infinity']) {
        const line = envelope('{}', `{"price": ${word}}`);
        const { out } = scan(line);
        strict_1.default.equal(out.status, 2 /* ScanStatus.NonJsonNumber */, word);
        const at = Buffer.from(line).indexOf(word.replace('-', ''));
        strict_1.default.equal(out.errorAt, at);
    }
});
(0, node_test_1.test)('tells valid JSON that is not an event from invalid JSON', () => {
    strict_1.default.equal(scan('[1,2]').out.status, 3 /* ScanStatus.NotAnEvent */);
    strict_1.default.equal(scan('{"data": {}}').out.status, 3 /* ScanStatus.NotAnEvent */);
    strict_1.default.equal(scan('{"event_type": "x", "metadata": 3}').out.status, 3 /* ScanStatus.NotAnEvent */);
    strict_1.default.equal(scan('{"event_type": "x", "metadata": {').out.status, 1 /* ScanStatus.InvalidJson */);
});
(0, node_test_1.test)('survives nesting 100,000 deep without a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const { out } = scan(envelope('{}', deep));
    strict_1.default.equal(out.status, 0 /* ScanStatus.Ok */);
    const broken = scan(envelope('{}', '['.repeat(100_000)));
    strict_1.default.equal(broken.out.status, 1 /* ScanStatus.InvalidJson */);
});
(0, node_test_1.test)('a repeated metadata key: the last one wins, as with JSON.parse', () => {
    const line = '{"event_type": "a", "metadata": {"aggregate_id": "first"}, "data": 1, "metadata": {"source": "S"}}';
    const { out, buf } = scan(line);
    strict_1.default.equal(out.text(buf, 2 /* Field.AggregateId */), null);
    strict_1.default.equal(out.text(buf, 5 /* Field.Source */), 'S');
});
(0, node_test_1.test)('byte timestamps agree with the general parser on every accepted form', () => {
    const forms = [
        '2024-01-15T10:30:00Z',
        '2024-01-15T10:30:00.123Z',
        '2024-01-15T10:30:00.123456',
        '2024-01-15T10:30:00+00:00',
        '2024-01-15T12:30:00+02:00',
        '2024-01-15T05:00:00-05:30',
        '2024-02-29T23:59:59.999999Z',
        '2024-01-15 10:30:00',
    ];
    for (const form of forms) {
        const bytes = Buffer.from(form);
        strict_1.default.equal((0, byteTimestamp_1.parseTimestampBytes)(bytes, 0, bytes.length), (0, timestamp_1.parseTimestamp)(form), form);
    }
    strict_1.default.equal((0, timestamp_1.parseTimestamp)('2024-01-15T10:30:00.123456'), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
    strict_1.default.equal((0, timestamp_1.parseTimestamp)('2024-01-15T12:30:00+02:00'), Date.UTC(2024, 0, 15, 10, 30, 0));
    for (const bad of ['2023-02-29T00:00:00Z', 'yesterday', '2024-13-01T00:00:00Z', '2024-01-15T10:30:00.Z']) {
        const bytes = Buffer.from(bad);
        strict_1.default.ok(Number.isNaN((0, byteTimestamp_1.parseTimestampBytes)(bytes, 0, bytes.length)), bad);
    }
});
(0, node_test_1.test)('uuid bytes round-trip and reject non-canonical ids', () => {
    const id = '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11';
    const bytes = new Uint8Array(16);
    strict_1.default.ok((0, uuidBytes_1.uuidBytesFromString)(id, bytes, 0));
    strict_1.default.equal((0, uuidBytes_1.uuidStringFromBytes)(bytes, 0), id);
    strict_1.default.equal((0, uuidBytes_1.uuidBytesFromString)(id.toUpperCase(), bytes, 0), false);
    strict_1.default.equal((0, uuidBytes_1.uuidBytesFromString)('not-a-uuid', bytes, 0), false);
});
(0, node_test_1.test)('the interner gives one id per distinct string, across growth', () => {
    const interner = new byteInterner_1.ByteInterner();
    const ids = new Map();
    for (let i = 0; i < 5000; i++)
        ids.set(`agg_${i}`, interner.intern(`agg_${i}`));
    for (let i = 0; i < 5000; i++)
        strict_1.default.equal(interner.intern(`agg_${i}`), ids.get(`agg_${i}`));
    strict_1.default.equal(interner.size, 5000);
    strict_1.default.equal(interner.lookup('agg_4999'), ids.get('agg_4999'));
    strict_1.default.equal(interner.lookup('missing'), -1);
    strict_1.default.equal(interner.stringOf(interner.intern("ünïcode")), "ünïcode");
    const restored = byteInterner_1.ByteInterner.fromState(interner.exportState());
    strict_1.default.equal(restored.lookup('agg_1234'), ids.get('agg_1234'));
    strict_1.default.equal(restored.intern('new one'), 5001);
    // Room made ahead (as a cold build does after its first file) keeps every id and takes new ones in order.
    restored.reserve(50_000, 12);
    strict_1.default.equal(restored.lookup('agg_4321'), ids.get('agg_4321'));
    strict_1.default.equal(restored.intern('after reserve'), 5002);
    for (let i = 0; i < 20_000; i++)
        restored.intern(`more_${i}`);
    strict_1.default.equal(restored.lookup('more_19999'), 5002 + 20_000);
    strict_1.default.equal(restored.stringOf(ids.get('agg_7') ?? -1), 'agg_7');
});
(0, node_test_1.test)('one scanner reused across lines whose key orders and names change reads each line right', () => {
    const scanner = new envelopeScanner_1.EnvelopeScanner();
    const out = new envelopeScanner_1.ScannedEnvelope();
    const lines = [
        '{"event_type": "a", "data": {}, "metadata": {"aggregate_id": "x1", "source": "S1", "sequence_number": 1}}',
        '{"event_type": "b", "data": {}, "metadata": {"source": "S2", "aggregate_id": "x2", "sequence_number": 2}}',
        '{"event_type": "c", "data": {}, "metadata": {"aggregate_id_x": "no", "source": "S3", "sequence_number": 3}}',
        '{"metadata": {"aggregate_id": "x4", "source": "S4", "sequence_number": 4}, "event_type": "d", "data": {}}',
        '{"event_type": "e", "data": {}, "metadata": {"aggregate_\\u0069d": "escaped-key", "sequence_number": 5}}',
    ];
    const seen = lines.map((line) => {
        const buf = Buffer.from(line);
        scanner.scan(buf, 0, buf.length, out);
        return [out.text(buf, 0 /* Field.EventType */), out.text(buf, 2 /* Field.AggregateId */), out.text(buf, 5 /* Field.Source */), out.sequenceNumber];
    });
    strict_1.default.deepEqual(seen, [
        ['a', 'x1', 'S1', 1],
        ['b', 'x2', 'S2', 2],
        ['c', null, 'S3', 3],
        ['d', 'x4', 'S4', 4],
        // An escaped key name means what JSON.parse makes of it.
        ['e', 'escaped-key', null, 5],
    ]);
});
(0, node_test_1.test)('interning by words (the indexing loop) and by bytes give one id per string', () => {
    const interner = new byteInterner_1.ByteInterner();
    const texts = Array.from({ length: 400 }, (_, i) => `${'k'.repeat(i % 41)}-${i % 97}-ü`);
    const buf = Buffer.from(`  ${texts.join('|')}  `);
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let at = 2;
    const spans = texts.map((text) => {
        const span = [at, at + Buffer.byteLength(text)];
        at = span[1] + 1;
        return span;
    });
    const bySpan = spans.map(([start, end]) => interner.internSpan(buf, view, start, end));
    strict_1.default.deepEqual(texts.map((text) => interner.intern(text)), bySpan);
    strict_1.default.equal(interner.size, new Set(texts).size);
    // Ids that differ only in their first or middle bytes stay apart.
    const a = Buffer.from('aaaaaaaaaaaaXYZW');
    const b = Buffer.from('aaaabaaaaaaaXYZW');
    strict_1.default.notEqual(interner.internSpan(a, new DataView(a.buffer, a.byteOffset, a.length), 0, 16), interner.internSpan(b, new DataView(b.buffer, b.byteOffset, b.length), 0, 16));
    const restored = byteInterner_1.ByteInterner.fromState(interner.exportState());
    strict_1.default.equal(restored.internSpan(buf, view, spans[50][0], spans[50][1]), bySpan[50]);
    strict_1.default.equal(restored.lookup(texts[399]), bySpan[399]);
});
(0, node_test_1.test)('groups come out in key order, NaN keys last and ties in store order, across file chunks', () => {
    // Two chunks (files); group 0 is in order, group 1 is not, group 2 has a NaN first, group 3 one NaN member only.
    const chunks = [Int32Array.from([0, 1, 2, 1, -1]), Int32Array.from([0, 1, 2, 3, 2, 1])];
    const counts = [5, 6];
    const key = Float64Array.from([1, 9, Number.NaN, 3, 0, 2, 3, 5, Number.NaN, 4, 3]);
    const grouping = new grouping_1.Grouping();
    grouping.rebuild(chunks, counts, 4);
    grouping.sortGroupsBy(key, chunks, counts);
    strict_1.default.deepEqual(grouping.list(0), [0, 5]);
    // Group 1: ordinals 1 (9), 3 (3), 6 (3), 10 (3) → keys 3, 3, 3 in store order, then 9.
    strict_1.default.deepEqual(grouping.list(1), [3, 6, 10, 1]);
    // Group 2: ordinals 2 (NaN), 7 (5), 9 (4) → 4, 5, then NaN.
    strict_1.default.deepEqual(grouping.list(2), [9, 7, 2]);
    strict_1.default.deepEqual(grouping.list(3), [8]);
});
//# sourceMappingURL=indexScanner.unit.spec.js.map