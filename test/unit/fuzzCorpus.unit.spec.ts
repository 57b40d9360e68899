import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { ScanStatus } from '../../src/engine/index/envelopeScanner';
import { forEachLine, gunzipTolerant } from '../../src/engine/store/lineReader';
import { validateLine } from '../../src/engine/validate/lineRules';
import { parseEventLine } from '../../src/engine/store/parseEventLine';
import { NestingTooDeepError } from '../../src/engine/model/nestingDepth';
import { defaultReducer } from '../../src/engine/state/defaultReducer';
import { deepFreeze, safeClone } from '../../src/engine/model/safeMerge';
import { scanLine } from '../helpers/fuzzOracle';

/**
 * Fixed hostile lines (the extremes a generator rarely reaches) and the
 * line splitter and gzip reader under generated damage.
 */

const FILE = 'events/events_2024-01-15.jsonl';
const META = '{"event_id": "0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00Z", "source": "s", "correlation_id": null, "causation_id": null, "aggregate_id": "a", "sequence_number": 1, "retry_count": 0, "status": "pending", "tags": {}}';
const line = (data: string, meta = META) => `{"event_type": "user_created", "data": ${data}, "metadata": ${meta}}`;
const DEPTH = 100_000;
const deepArray = '['.repeat(DEPTH) + '1' + ']'.repeat(DEPTH);
const deepObject = '{"a": '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

function depthOf(value: unknown): number {
  let depth = 0;
  for (let node = value; node !== null && typeof node === 'object'; depth++) node = Array.isArray(node) ? node[0] : (node as Record<string, unknown>).a;
  return depth;
}

/** Deep but within the default max_nesting_depth (1,000, with the envelope's own level). */
const WITHIN = 990;

for (const [name, data, within] of [
  ['array', deepArray, '['.repeat(WITHIN) + '1' + ']'.repeat(WITHIN)],
  ['object', deepObject, '{"a": '.repeat(WITHIN) + '1' + '}'.repeat(WITHIN)],
] as const) {
  test(`an event whose data is an ${name} nested ${DEPTH} deep is indexed and reported as EB025; the reader refuses it by name, never by a stack overflow`, () => {
    const text = line(data);
    assert.equal(scanLine(Buffer.from(text)).status, ScanStatus.Ok);
    assert.deepEqual(validateLine(text, { file: FILE, line: 7 }).map((f) => [f.code, f.line]), [['EB025', 7]]);
    assert.throws(() => parseEventLine(text, `${FILE}:7`), (error: Error) => error instanceof NestingTooDeepError && error.message.startsWith(`${FILE}:7: nesting deeper than 1000`));
  });

  test(`an event whose data is an ${name} nested ${WITHIN} deep is validated, read, folded and frozen`, () => {
    const text = line(within);
    const codes = validateLine(text, { file: FILE, line: 7 }).map((f) => f.code);
    assert.ok(!codes.includes('EB001') && !codes.includes('EB004') && !codes.includes('EB025'), `unexpected ${codes.join(',')}`);
    const event = parseEventLine(text, `${FILE}:7`);
    assert.equal(depthOf(event.data), WITHIN);
    const state = defaultReducer({}, event);
    assert.equal(depthOf(name === 'array' ? state.value : state), WITHIN);
    const copy = deepFreeze(safeClone(state));
    assert.ok(Object.isFrozen(copy));
  });
}

test(`invalid JSON nested ${DEPTH} deep is one finding within the line (the nesting limit comes first), not a stack overflow`, () => {
  const cases = [line(deepArray.slice(0, -1)), '['.repeat(DEPTH), '{"a": '.repeat(DEPTH) + '}', '{"a": '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH - 1) + ']'];
  for (const text of cases) {
    assert.equal(scanLine(Buffer.from(text)).status, ScanStatus.InvalidJson);
    const findings = validateLine(text, { file: FILE, line: 3 });
    assert.deepEqual(findings.map((f) => f.code), ['EB025']);
    assert.equal(findings[0].line, 3);
    assert.ok(findings[0].column >= 1 && findings[0].column <= text.length + 1);
  }
  // Invalid JSON within the limit is still EB001, and a torn line EB003 (kept, reported).
  assert.deepEqual(validateLine(line('['.repeat(WITHIN)), { file: FILE, line: 3 }).map((f) => f.code), ['EB001']);
  assert.deepEqual(validateLine('['.repeat(WITHIN), { file: FILE, line: 9, unterminated: true }).map((f) => f.code), ['EB003']);
});

test('huge numbers: sequence_number beyond a double is a mistyped field, not a crash; the index marks it unusable', () => {
  for (const huge of ['1e400', '-1e400', '1' + '0'.repeat(400)]) {
    const text = line('{}', META.replace('"sequence_number": 1', `"sequence_number": ${huge}`));
    const findings = validateLine(text, { file: FILE, line: 1 });
    assert.ok(findings.some((f) => f.code === 'EB006' && f.message.includes('sequence_number')), huge);
    const scanned = scanLine(Buffer.from(text));
    assert.equal(scanned.status, ScanStatus.Ok);
    assert.ok(!Number.isSafeInteger(scanned.sequenceNumber));
    assert.equal(parseEventLine(text, 'x').metadata.sequence_number, JSON.parse(huge) as number);
  }
});

test('duplicate keys resolve to the last one everywhere (index, validator, reader), as JSON.parse does', () => {
  const text = line('{"k": 1, "k": 2}', META.replace('"aggregate_id": "a"', '"aggregate_id": "first", "aggregate_id": "second"'));
  const event = parseEventLine(text, 'x');
  assert.equal(event.metadata.aggregate_id, 'second');
  assert.deepEqual(event.data, { k: 2 });
  const scanned = scanLine(Buffer.from(text));
  assert.equal(scanned.status, ScanStatus.Ok);
  assert.equal(scanned.text(Buffer.from(text), 2 /* Field.AggregateId */), 'second');
  // A repeated metadata that ends as a non-object makes the line not an event for both.
  const second = '{"event_type": "a", "data": {}, "metadata": {"aggregate_id": "x"}, "metadata": 5}';
  assert.equal(scanLine(Buffer.from(second)).status, ScanStatus.NotAnEvent);
  assert.ok(validateLine(second, { file: FILE, line: 1 }).some((f) => f.code === 'EB004'));
});

test('forEachLine visits every line of any bytes exactly once, line ends excluded, numbers from 1', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a.map((b) => (b % 7 === 0 ? 10 : b % 11 === 0 ? 13 : b)))), (buf) => {
      const seen: Array<[number, number]> = [];
      const walk = forEachLine(buf, (start, end, number) => {
        assert.equal(number, seen.length + 1);
        assert.ok(start <= end && end <= buf.length);
        assert.equal(buf.subarray(start, end).indexOf(10), -1);
        seen.push([start, end]);
      });
      const bomless = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
      const expectedLines = bomless.length === 0 ? 0 : bomless.toString('latin1').split('\n').length - (bomless[bomless.length - 1] === 10 ? 1 : 0);
      assert.equal(walk.lines, expectedLines);
      assert.equal(seen.length, expectedLines);
      assert.equal(walk.tornLastLine, bomless.length > 0 && bomless[bomless.length - 1] !== 10);
    }),
    { numRuns: 10_000 },
  );
});

const original = Buffer.from(Array.from({ length: 300 }, (_, i) => line(`{"i": ${i}}`)).join('\n') + '\n');
const gzipped = Buffer.concat([zlib.gzipSync(original.subarray(0, 20_000)), zlib.gzipSync(original.subarray(20_000))]);

test('a truncated or corrupted gzip never throws: what decompressed before the damage is kept and the damage is reported', () => {
  fc.assert(
    fc.property(fc.nat({ max: gzipped.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.boolean(), (cut, flips, truncate) => {
      const damaged = Buffer.from(truncate ? gzipped.subarray(0, cut) : gzipped);
      for (const [at, byte] of flips) if (damaged.length > 0) damaged[at % damaged.length] = byte;
      const read = gunzipTolerant(damaged);
      if (read.problem === undefined) {
        // Undamaged in effect (a flip that changed nothing, or landed in a header field gzip ignores).
        assert.ok(read.bytes.equals(original) || flips.length > 0, 'a truncated gzip read without a problem');
      } else {
        assert.match(read.problem, /damaged gzip|gzip bomb/);
        if (flips.length === 0) assert.ok(original.subarray(0, read.bytes.length).equals(read.bytes), 'salvaged bytes are not a prefix of the original');
      }
    }),
    { numRuns: 1_500 },
  );
});

test('random bytes under a .gz name are reported as damaged, not thrown', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const read = gunzipTolerant(Buffer.from(bytes));
      if (read.problem === undefined) assert.equal(read.bytes.length, 0, 'random bytes decompressed to something without a problem');
    }),
    // Each read allocates the 1 MiB output chunk: fewer runs than the cheap properties.
    { numRuns: 500 },
  );
});

test('a gzip bomb stops at the decompression limit and is reported, with nothing kept', () => {
  const bomb = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
  const read = gunzipTolerant(bomb, { maxDecompressedBytes: 1024 * 1024 });
  assert.equal(read.bytes.length, 0);
  assert.match(read.problem ?? '', /more than 1048576 bytes \(gzip bomb\?\)/);
});
