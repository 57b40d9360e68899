import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { tokenAt } from '../../src/server/features/eventLineTokens';
import { escapeMarkdown } from '../../src/server/features/markdown';
import { durationText } from '../../src/server/features/timeText';

const LINE = '{"event_type":"risk_alert","data":{"severity":"high","nested":{"event_id":"x"}},"metadata":{"event_id":"e-1","causation_id":null,"sequence_number":4}}';

describe('locating the token under the cursor on an event line', () => {
  it('names envelope fields on their values, with the value range', () => {
    const at = LINE.indexOf('"risk_alert"') + 3;
    const token = tokenAt(LINE, at);
    assert.equal(token.field, 'event_type');
    assert.equal(token.zone, 'envelope');
    assert.deepEqual(token.range, { start: LINE.indexOf('"risk_alert"'), end: LINE.indexOf('"risk_alert"') + 12 });
    assert.equal(token.value, 'risk_alert');
    const id = tokenAt(LINE, LINE.indexOf('"e-1"') + 1);
    assert.deepEqual([id.field, id.value, id.path], ['event_id', 'e-1', ['metadata', 'event_id']]);
    const cause = tokenAt(LINE, LINE.indexOf('null') + 2);
    assert.deepEqual([cause.field, cause.value], ['causation_id', null]);
    assert.equal(tokenAt(LINE, LINE.indexOf(':4') + 1).field, 'sequence_number');
  });

  it('tells data apart from the envelope, even for a key named like an envelope field', () => {
    const inData = tokenAt(LINE, LINE.indexOf('"x"') + 1);
    assert.equal(inData.zone, 'data');
    assert.equal(inData.field, undefined);
    assert.deepEqual(inData.path, ['data', 'nested', 'event_id']);
    const key = tokenAt(LINE, LINE.indexOf('"severity"') + 2);
    assert.equal(key.isAtPropertyKey, true);
    assert.equal(key.field, undefined);
    assert.equal(key.zone, 'data');
  });

  it('copes with half-typed and non-JSON lines and out-of-range offsets', () => {
    const partial = '{"event_type":"ris';
    assert.deepEqual(tokenAt(partial, partial.length).range, { start: 14, end: 18 });
    assert.deepEqual(tokenAt('', 5).path, []);
    assert.doesNotThrow(() => tokenAt('NaN ]]] {{ "', 4));
    assert.equal(tokenAt(LINE, -3).range, undefined);
  });
});

describe('hover text helpers', () => {
  it('escapes markdown and HTML in values', () => {
    assert.equal(escapeMarkdown('a_b*c <b>&'), 'a\\_b\\*c &lt;b&gt;&amp;');
    assert.equal(escapeMarkdown('[x](y)\n# h'), '\\[x\\](y) \\# h');
  });

  it('says durations the way people read them', () => {
    assert.equal(durationText(850), '850 ms');
    assert.equal(durationText(12_345), '12.345 s');
    assert.equal(durationText(185_000), '3 min 5 s');
    assert.equal(durationText(7_440_000), '2 h 4 min');
    assert.equal(durationText(90_000_000), '1 d 1 h');
    assert.equal(durationText(-2000), '-2 s');
  });
});
