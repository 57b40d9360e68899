import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eventLineBytes, jsonLineBytes, randomLineBytes } from '../helpers/fuzzLines';
import { scannerMismatch } from '../helpers/fuzzOracle';

/**
 * The index decides from bytes alone which lines are events and what their
 * envelope says; JSON.parse on the same text is the reference. About 90,000
 * generated lines per run; the seed varies between runs (a failure prints
 * it, and the shrunk line, for replay).
 */

function agreesWithJsonParse(line: Buffer): void {
  const mismatch = scannerMismatch(line);
  if (mismatch !== null) assert.fail(`${mismatch}\nline: ${JSON.stringify(line.toString('latin1'))}`);
}

test('on generated event lines (any key order and spacing, duplicate, escaped and __proto__ keys, huge numbers), intact and damaged', () => {
  fc.assert(fc.property(eventLineBytes, agreesWithJsonParse), { numRuns: 12_000 });
});

test('on arbitrary JSON text, intact and damaged', () => {
  fc.assert(fc.property(jsonLineBytes, agreesWithJsonParse), { numRuns: 30_000 });
});

test('on random bytes, invalid UTF-8 included', () => {
  fc.assert(fc.property(randomLineBytes, agreesWithJsonParse), { numRuns: 50_000 });
});
