import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EnvelopeScanner, Field, ScannedEnvelope, ScanStatus } from '../../src/engine/index/envelopeScanner';
import { parseTimestampBytes } from '../../src/engine/index/byteTimestamp';
import { parseTimestamp } from '../../src/engine/model/timestamp';
import { uuidBytesFromString, uuidStringFromBytes } from '../../src/engine/index/uuidBytes';
import { ByteInterner } from '../../src/engine/index/byteInterner';
import { Grouping } from '../../src/engine/index/grouping';

function scan(line: string): { out: ScannedEnvelope; buf: Buffer } {
  const buf = Buffer.from(line, 'utf8');
  const out = new ScannedEnvelope();
  new EnvelopeScanner().scan(buf, 0, buf.length, out);
  return { out, buf };
}

const envelope = (meta: string, data = '{"x": 1}') => `{"event_type": "trade_executed", "data": ${data}, "metadata": ${meta}}`;

test('reads the envelope with Python json.dumps spacing and keys in any order', () => {
  const line = `{"metadata": {"sequence_number": 42, "aggregate_id": "trader_1", "event_id": "0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11", "timestamp": "2024-01-15T10:30:00.123456"}, "data": {"symbol": "BTCUSDT"}, "event_type": "trade_executed"}`;
  const { out, buf } = scan(line);
  assert.equal(out.status, ScanStatus.Ok);
  assert.equal(out.text(buf, Field.EventType), 'trade_executed');
  assert.equal(out.text(buf, Field.AggregateId), 'trader_1');
  assert.equal(out.text(buf, Field.EventId), '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11');
  assert.equal(out.sequenceNumber, 42);
});

test('envelope-looking keys inside data are not taken for the envelope', () => {
  const data = '{"metadata": {"aggregate_id": "fake", "sequence_number": 999}, "event_type": "fake", "aggregate_id": "fake2"}';
  const { out, buf } = scan(envelope('{"aggregate_id": "real", "sequence_number": 7}', data));
  assert.equal(out.status, ScanStatus.Ok);
  assert.equal(out.text(buf, Field.AggregateId), 'real');
  assert.equal(out.text(buf, Field.EventType), 'trade_executed');
  assert.equal(out.sequenceNumber, 7);
  // And when data comes last, after metadata.
  const reordered = `{"event_type": "a", "metadata": {"aggregate_id": "real"}, "data": {"metadata": {"aggregate_id": "fake"}}}`;
  const second = scan(reordered);
  assert.equal(second.out.text(second.buf, Field.AggregateId), 'real');
});

test('decodes escapes and non-ASCII in envelope strings', () => {
  const { out, buf } = scan(envelope('{"aggregate_id": "tr\\u00e4der \\"1\\"", "source": "Börse"}'));
  assert.equal(out.status, ScanStatus.Ok);
  assert.equal(out.text(buf, Field.AggregateId), 'träder "1"');
  assert.equal(out.text(buf, Field.Source), 'Börse');
});

test('accepts exactly what JSON.parse accepts', () => {
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
    } catch {
      parses = false;
    }
    const { out } = scan(sample);
    const scannerSaysJson = out.status === ScanStatus.Ok || out.status === ScanStatus.NotAnEvent;
    assert.equal(scannerSaysJson, parses, `disagreement on ${JSON.stringify(sample)}`);
  }
});

test('names NaN and Infinity as non-JSON numbers, and points at them', () => {
  for (const word of ['NaN', 'Infinity', '-Infinity']) {
    const line = envelope('{}', `{"price": ${word}}`);
    const { out } = scan(line);
    assert.equal(out.status, ScanStatus.NonJsonNumber, word);
    const at = Buffer.from(line).indexOf(word.replace('-', ''));
    assert.equal(out.errorAt, at);
  }
});

test('tells valid JSON that is not an event from invalid JSON', () => {
  assert.equal(scan('[1,2]').out.status, ScanStatus.NotAnEvent);
  assert.equal(scan('{"data": {}}').out.status, ScanStatus.NotAnEvent);
  assert.equal(scan('{"event_type": "x", "metadata": 3}').out.status, ScanStatus.NotAnEvent);
  assert.equal(scan('{"event_type": "x", "metadata": {').out.status, ScanStatus.InvalidJson);
});

test('survives nesting 100,000 deep without a stack overflow', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const { out } = scan(envelope('{}', deep));
  assert.equal(out.status, ScanStatus.Ok);
  const broken = scan(envelope('{}', '['.repeat(100_000)));
  assert.equal(broken.out.status, ScanStatus.InvalidJson);
});

test('a repeated metadata key: the last one wins, as with JSON.parse', () => {
  const line = '{"event_type": "a", "metadata": {"aggregate_id": "first"}, "data": 1, "metadata": {"source": "S"}}';
  const { out, buf } = scan(line);
  assert.equal(out.text(buf, Field.AggregateId), null);
  assert.equal(out.text(buf, Field.Source), 'S');
});

test('byte timestamps agree with the general parser on every accepted form', () => {
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
    assert.equal(parseTimestampBytes(bytes, 0, bytes.length), parseTimestamp(form), form);
  }
  assert.equal(parseTimestamp('2024-01-15T10:30:00.123456'), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
  assert.equal(parseTimestamp('2024-01-15T12:30:00+02:00'), Date.UTC(2024, 0, 15, 10, 30, 0));
  for (const bad of ['2023-02-29T00:00:00Z', 'yesterday', '2024-13-01T00:00:00Z', '2024-01-15T10:30:00.Z']) {
    const bytes = Buffer.from(bad);
    assert.ok(Number.isNaN(parseTimestampBytes(bytes, 0, bytes.length)), bad);
  }
});

test('uuid bytes round-trip and reject non-canonical ids', () => {
  const id = '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11';
  const bytes = new Uint8Array(16);
  assert.ok(uuidBytesFromString(id, bytes, 0));
  assert.equal(uuidStringFromBytes(bytes, 0), id);
  assert.equal(uuidBytesFromString(id.toUpperCase(), bytes, 0), false);
  assert.equal(uuidBytesFromString('not-a-uuid', bytes, 0), false);
});

test('the interner gives one id per distinct string, across growth', () => {
  const interner = new ByteInterner();
  const ids = new Map<string, number>();
  for (let i = 0; i < 5000; i++) ids.set(`agg_${i}`, interner.intern(`agg_${i}`));
  for (let i = 0; i < 5000; i++) assert.equal(interner.intern(`agg_${i}`), ids.get(`agg_${i}`));
  assert.equal(interner.size, 5000);
  assert.equal(interner.lookup('agg_4999'), ids.get('agg_4999'));
  assert.equal(interner.lookup('missing'), -1);
  assert.equal(interner.stringOf(interner.intern("ünïcode")), "ünïcode");
  const restored = ByteInterner.fromState(interner.exportState());
  assert.equal(restored.lookup('agg_1234'), ids.get('agg_1234'));
  assert.equal(restored.intern('new one'), 5001);
  // Room made ahead (as a cold build does after its first file) keeps every id and takes new ones in order.
  restored.reserve(50_000, 12);
  assert.equal(restored.lookup('agg_4321'), ids.get('agg_4321'));
  assert.equal(restored.intern('after reserve'), 5002);
  for (let i = 0; i < 20_000; i++) restored.intern(`more_${i}`);
  assert.equal(restored.lookup('more_19999'), 5002 + 20_000);
  assert.equal(restored.stringOf(ids.get('agg_7') ?? -1), 'agg_7');
});

test('one scanner reused across lines whose key orders and names change reads each line right', () => {
  const scanner = new EnvelopeScanner();
  const out = new ScannedEnvelope();
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
    return [out.text(buf, Field.EventType), out.text(buf, Field.AggregateId), out.text(buf, Field.Source), out.sequenceNumber];
  });
  assert.deepEqual(seen, [
    ['a', 'x1', 'S1', 1],
    ['b', 'x2', 'S2', 2],
    ['c', null, 'S3', 3],
    ['d', 'x4', 'S4', 4],
    // An escaped key name means what JSON.parse makes of it.
    ['e', 'escaped-key', null, 5],
  ]);
});

test('interning by words (the indexing loop) and by bytes give one id per string', () => {
  const interner = new ByteInterner();
  const texts = Array.from({ length: 400 }, (_, i) => `${'k'.repeat(i % 41)}-${i % 97}-ü`);
  const buf = Buffer.from(`  ${texts.join('|')}  `);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 2;
  const spans = texts.map((text) => {
    const span = [at, at + Buffer.byteLength(text)] as const;
    at = span[1] + 1;
    return span;
  });
  const bySpan = spans.map(([start, end]) => interner.internSpan(buf, view, start, end));
  assert.deepEqual(
    texts.map((text) => interner.intern(text)),
    bySpan,
  );
  assert.equal(interner.size, new Set(texts).size);
  // Ids that differ only in their first or middle bytes stay apart.
  const a = Buffer.from('aaaaaaaaaaaaXYZW');
  const b = Buffer.from('aaaabaaaaaaaXYZW');
  assert.notEqual(interner.internSpan(a, new DataView(a.buffer, a.byteOffset, a.length), 0, 16), interner.internSpan(b, new DataView(b.buffer, b.byteOffset, b.length), 0, 16));
  const restored = ByteInterner.fromState(interner.exportState());
  assert.equal(restored.internSpan(buf, view, spans[50][0], spans[50][1]), bySpan[50]);
  assert.equal(restored.lookup(texts[399]), bySpan[399]);
});

test('groups come out in key order, NaN keys last and ties in store order, across file chunks', () => {
  // Two chunks (files); group 0 is in order, group 1 is not, group 2 has a NaN first, group 3 one NaN member only.
  const chunks = [Int32Array.from([0, 1, 2, 1, -1]), Int32Array.from([0, 1, 2, 3, 2, 1])];
  const counts = [5, 6];
  const key = Float64Array.from([1, 9, Number.NaN, 3, 0, 2, 3, 5, Number.NaN, 4, 3]);
  const grouping = new Grouping();
  grouping.rebuild(chunks, counts, 4);
  grouping.sortGroupsBy(key, chunks, counts);
  assert.deepEqual(grouping.list(0), [0, 5]);
  // Group 1: ordinals 1 (9), 3 (3), 6 (3), 10 (3) → keys 3, 3, 3 in store order, then 9.
  assert.deepEqual(grouping.list(1), [3, 6, 10, 1]);
  // Group 2: ordinals 2 (NaN), 7 (5), 9 (4) → 4, 5, then NaN.
  assert.deepEqual(grouping.list(2), [9, 7, 2]);
  assert.deepEqual(grouping.list(3), [8]);
});
