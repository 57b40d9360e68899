import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineAndColumn, locateJsonError, parseJsonInput, validateJsonInput } from '../../src/extension/commands/jsonInput';
import {
  describeRange,
  describeSequences,
  parseSequenceAt,
  parseSequenceRange,
  validateSequenceAt,
  validateSequenceRange,
} from '../../src/extension/commands/sequenceInput';

describe('sequence range input', () => {
  it('reads "from-to", open ends, one number and empty', () => {
    assert.deepEqual(parseSequenceRange('5-20'), { ok: true, value: { from: 5, to: 20 } });
    assert.deepEqual(parseSequenceRange(' 5 - 20 '), { ok: true, value: { from: 5, to: 20 } });
    assert.deepEqual(parseSequenceRange('5-'), { ok: true, value: { from: 5, to: undefined } });
    assert.deepEqual(parseSequenceRange('-20'), { ok: true, value: { from: undefined, to: 20 } });
    assert.deepEqual(parseSequenceRange('7'), { ok: true, value: { from: 7, to: 7 } });
    assert.deepEqual(parseSequenceRange(''), { ok: true, value: {} });
    assert.deepEqual(parseSequenceRange('-'), { ok: true, value: { from: undefined, to: undefined } });
  });

  it('names the bad part and what was expected', () => {
    const before = validateSequenceRange('x-20');
    assert.match(before ?? '', /"x" is not a sequence number: expected a whole number ≥ 0 before the "-"/);
    const after = validateSequenceRange('5-2.5');
    assert.match(after ?? '', /"2\.5" is not a sequence number: expected a whole number ≥ 0 after the "-"/);
    assert.match(validateSequenceRange('5-20-3') ?? '', /"20-3" is not a sequence number/);
    assert.match(validateSequenceRange('20-5') ?? '', /starts after it ends \(20 > 5\): expected from ≤ to, e.g. "5-20"/);
    assert.equal(validateSequenceRange('5-20'), undefined);
  });

  it('refuses a range that misses the aggregate, and says where its sequences run', () => {
    const bounds = { first: 10, last: 40 };
    assert.match(validateSequenceRange('50-60', bounds) ?? '', /no events in 50-60: this aggregate's sequences run from 10 to 40/);
    assert.match(validateSequenceRange('-5', bounds) ?? '', /no events in up to 5/);
    assert.equal(validateSequenceRange('1-15', bounds), undefined, 'overlapping is fine');
    assert.equal(validateSequenceRange('', bounds), undefined);
  });

  it('describes ranges for titles and messages', () => {
    assert.equal(describeRange({}), 'every event');
    assert.equal(describeRange({ from: 3, to: 3 }), '3');
    assert.equal(describeRange({ to: 9 }), 'up to 9');
    assert.equal(describeRange({ from: 4 }), 'from 4');
    assert.equal(describeRange({ from: 4, to: 9 }), '4-9');
  });
});

describe('sequence input for a rebuild', () => {
  const sequences = [1, 2, 3, 4, 7, 9, 10];

  it('takes only a sequence the aggregate has', () => {
    assert.deepEqual(parseSequenceAt('7', sequences), { ok: true, value: 7 });
    assert.deepEqual(parseSequenceAt(' 10 ', sequences), { ok: true, value: 10 });
    assert.match(validateSequenceAt('5', sequences) ?? '', /no event with sequence 5: expected one of 1-4, 7, 9-10/);
    assert.match(validateSequenceAt('seven', sequences) ?? '', /"seven" is not a sequence number: expected a whole number, one of 1-4, 7, 9-10/);
    assert.match(validateSequenceAt('', sequences) ?? '', /expected a sequence number: this aggregate has 1-4, 7, 9-10/);
  });

  it('describes sequences as runs, capped', () => {
    assert.equal(describeSequences([]), 'no sequences');
    assert.equal(describeSequences([5]), '5');
    assert.equal(describeSequences([1, 1, 2]), '1-2', 'a duplicate sequence does not break the run');
    const sparse = Array.from({ length: 10 }, (_, i) => i * 10);
    assert.equal(describeSequences(sparse, 3), '0, 10, 20 and 7 more runs');
  });
});

describe('JSON input for Publish', () => {
  it('accepts any JSON value and returns it parsed', () => {
    assert.deepEqual(parseJsonInput('{"symbol": "BTCUSDT", "price": 50000}'), { ok: true, value: { symbol: 'BTCUSDT', price: 50000 } });
    assert.deepEqual(parseJsonInput('[1, 2]'), { ok: true, value: [1, 2] });
    assert.deepEqual(parseJsonInput('null'), { ok: true, value: null });
    assert.equal(validateJsonInput(' {"a": {"b": [true]}} '), undefined);
  });

  it('says where the error is and what was expected', () => {
    assert.equal(validateJsonInput('{"a": }'), 'Not valid JSON at line 1, column 7 (found "}"): expected a value');
    assert.match(validateJsonInput('{"a": 1,\n "b" 2}') ?? '', /^Not valid JSON at line 2, column 6 \(found "2"\): expected ":" after the property name$/);
    assert.match(validateJsonInput("{'a': 1}") ?? '', /line 1, column 2 \(found "'a'"\): .*single quotes are not JSON/);
    assert.match(validateJsonInput('{1: 2}') ?? '', /line 1, column 2 .*expected a property name in double quotes/);
    assert.match(validateJsonInput('{"price": NaN}') ?? '', /line 1, column 11 .*NaN, Infinity/);
    assert.match(validateJsonInput('{"a": 1') ?? '', /line 1, column 8 \(found the end of the input\): expected "}" to close the object/);
    assert.match(validateJsonInput('{"a": 1} {}') ?? '', /line 1, column 10 \(found "{"\): expected nothing after the value/);
    assert.match(validateJsonInput('{"a": 1,}') ?? '', /line 1, column 9/);
    assert.match(validateJsonInput('{"a": 1 // note\n}') ?? '', /expected no comments/);
  });

  it('asks for data when the box is empty, with an example', () => {
    assert.match(validateJsonInput('   ') ?? '', /expected the event's data as JSON, e.g. \{"symbol"/);
  });

  it('never accepts what JSON.parse refuses, and never refuses what it accepts', () => {
    for (const text of ['{"a":1}', '{"a":1,}', "{'a':1}", '[1 2]', '"\\x"', '01', '1e', 'true', '{"a": "\u0001"}', '{"a": 1 /* c */}']) {
      let strict = true;
      try {
        JSON.parse(text);
      } catch {
        strict = false;
      }
      assert.equal(parseJsonInput(text).ok, strict, text);
    }
  });

  it('counts lines and columns from 1', () => {
    assert.deepEqual(lineAndColumn('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
    assert.equal(locateJsonError('{"ok": true}'), undefined);
  });
});
