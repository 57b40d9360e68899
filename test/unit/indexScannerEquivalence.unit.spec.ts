import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EnvelopeScanner, Field, ScannedEnvelope, ScanStatus } from '../../src/engine/index/envelopeScanner';

/**
 * The scanner reads strings four bytes at a time and peeks at the byte after
 * a token, so what lies around a line in the read buffer must never change
 * its verdict: a line is judged the same alone, inside a larger buffer with
 * hostile bytes after its end, and as the first line of a chunk (where a
 * valid line must stop exactly at its own line feed). And the verdict is
 * JSON.parse's.
 */

const scanner = new EnvelopeScanner();
const out = new ScannedEnvelope();

interface Verdict {
  status: ScanStatus;
  eventType: string | null;
  aggregateId: string | null;
  sequenceNumber: number;
}

function verdict(buf: Buffer, start: number, end: number): Verdict {
  scanner.scan(buf, start, end, out);
  return {
    status: out.status,
    eventType: out.status === ScanStatus.Ok ? out.text(buf, Field.EventType) : null,
    aggregateId: out.status === ScanStatus.Ok ? out.text(buf, Field.AggregateId) : null,
    sequenceNumber: out.status === ScanStatus.Ok ? out.sequenceNumber : Number.NaN,
  };
}

function parses(line: Buffer): boolean {
  try {
    JSON.parse(line.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Bytes that end or break tokens: quotes, escapes, controls, brackets, non-ASCII and invalid UTF-8. */
const hostileByte = fc.constantFrom(0x22, 0x5c, 0x00, 0x1f, 0x0a, 0x0d, 0x20, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x30, 0x2d, 0x65, 0x75, 0x7f, 0xc3, 0xa4, 0xff, 0x4e);

/** Strings of every length around a word (0–12), with escapes and non-ASCII in them; now and then a broken one. */
const stringPiece = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '_', '\\"', '\\\\', '\\/', '\\n', '\\u00e4', 'ä', '€') },
  { weight: 1, arbitrary: fc.constantFrom('\\u12', '\\x', '\t', '\u0001', '"', '\\') },
);
const stringText = fc.array(stringPiece, { maxLength: 12 }).map((parts) => `"${parts.join('')}"`);

const numberText = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('0', '-0', '7', '42', '-1.5', '1e5', '2E-3', '12345678901234567890') },
  { weight: 1, arbitrary: fc.constantFrom('01', '1.', '-', '1e', '.5', 'NaN', '-Infinity') },
);

const valueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    stringText,
    numberText,
    fc.constantFrom('true', 'false', 'null', 'true', 'false', 'null', 'tru', 'nul'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(stringText, tie('value')), { maxLength: 3 }).map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
})).value;

const spacing = fc.constantFrom('', ' ', '\t', '\r', '  ');

/** Event lines (compact or spaced, any member order), sometimes damaged at one byte. */
const eventLine = fc
  .record({
    type: stringText,
    aggregate: fc.oneof(stringText, fc.constant('"trader_1"')),
    sequence: numberText,
    data: valueText,
    extra: valueText,
    space: spacing,
    swap: fc.boolean(),
    damage: fc.option(fc.tuple(fc.nat(), hostileByte, fc.constantFrom('replace', 'insert', 'delete')), { nil: undefined }),
  })
  .map(({ type, aggregate, sequence, data, extra, space, swap, damage }) => {
    const s = space;
    const metadata = `{${s}"aggregate_id"${s}:${s}${aggregate},${s}"sequence_number":${s}${sequence},${s}"tags":${extra}${s}}`;
    const members = [`"event_type":${s}${type}`, `"data":${s}${data}`, `"metadata":${s}${metadata}`];
    if (swap) members.reverse();
    let bytes = Buffer.from(`${s}{${members.join(`,${s}`)}}${s}`, 'utf8');
    if (damage) {
      const [at, byte, how] = damage;
      const p = at % (bytes.length + 1);
      if (how === 'insert') bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from([byte]), bytes.subarray(p)]);
      else if (how === 'delete' && p < bytes.length) bytes = Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + 1)]);
      else if (p < bytes.length) bytes[p] = byte;
    }
    // A line never holds a line feed: it would have ended the line.
    const feed = bytes.indexOf(0x0a);
    return feed === -1 ? bytes : bytes.subarray(0, feed);
  });

/** What may follow a line in a read buffer: more lines, or bytes that would complete a token. */
const after = fc.array(hostileByte, { minLength: 0, maxLength: 9 }).map((bytes) => Buffer.from(bytes));

test('a line is judged as JSON.parse judges it, whatever bytes lie beyond its end', () => {
  fc.assert(
    fc.property(eventLine, after, after, (line, before, behind) => {
      const alone = verdict(line, 0, line.length);
      assert.equal(alone.status === ScanStatus.Ok || alone.status === ScanStatus.NotAnEvent, parses(line));
      // The same bytes inside a larger buffer, read within their bounds only.
      const embedded = Buffer.concat([before, line, behind]);
      assert.deepEqual(verdict(embedded, before.length, before.length + line.length), alone);
    }),
    { numRuns: 4000 },
  );
});

test('a line cut short is judged by its bytes only, though its continuation still sits in the buffer after the cut', () => {
  // The hardest bytes beyond `end` are the ones that would complete the line: each token's own continuation.
  fc.assert(
    fc.property(eventLine, fc.nat(), (line, at) => {
      const cut = at % (line.length + 1);
      const copy = Buffer.from(line.subarray(0, cut));
      const whole = Buffer.concat([line, Buffer.from('\n')]);
      assert.deepEqual(verdict(whole, 0, cut), verdict(copy, 0, cut));
    }),
    { numRuns: 6000 },
  );
});

test('as the first line of a chunk, a valid line stops at its own line feed, and an invalid one is never read as valid', () => {
  fc.assert(
    fc.property(eventLine, eventLine, after, (line, next, tail) => {
      const alone = verdict(line, 0, line.length);
      const chunk = Buffer.concat([line, Buffer.from('\n'), next, Buffer.from('\n'), tail]);
      const inChunk = verdict(chunk, 0, chunk.length);
      const valid = (v: Verdict) => v.status === ScanStatus.Ok || v.status === ScanStatus.NotAnEvent;
      if (valid(alone)) {
        assert.deepEqual(inChunk, alone);
        assert.equal(scanner.stoppedAt, line.length);
      } else {
        assert.equal(valid(inChunk), false);
      }
    }),
    { numRuns: 4000 },
  );
});

test('strings of every length up to a word past the end of the buffer', () => {
  // The word loop must hand over to the byte loop exactly at `end`: a closing quote just past it does not count.
  for (let length = 0; length <= 12; length++) {
    const text = 'x'.repeat(length);
    const line = Buffer.from(`{"event_type":"${text}","data":{},"metadata":{"aggregate_id":"${text}"}}`);
    const found = verdict(line, 0, line.length);
    assert.equal(found.status, ScanStatus.Ok, `length ${length}`);
    assert.equal(found.eventType, text);
    assert.equal(found.aggregateId, text);
    for (let cut = 1; cut <= 6; cut++) {
      // Cut short; the rest of the line still sits in the buffer, after `end`.
      assert.equal(verdict(line, 0, line.length - cut).status, ScanStatus.InvalidJson, `length ${length}, cut ${cut}`);
    }
  }
});
