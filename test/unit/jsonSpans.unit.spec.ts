import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberTexts, stringifyKeepingNumbers } from '../../src/engine/store/jsonSpans';

describe('stringifyKeepingNumbers: a value written back with the numbers of the text it came from', () => {
  const text = '{"quantity": 1.0, "ticket": 12345678901234567890, "legs": [2.50, 3]}';

  it('spells each unchanged number as written, indented for an event document when asked', () => {
    const value = JSON.parse(text) as unknown;
    assert.equal(stringifyKeepingNumbers(value, numberTexts(text)), '{"quantity":1.0,"ticket":12345678901234567890,"legs":[2.50,3]}');
    assert.equal(
      stringifyKeepingNumbers(value, numberTexts(text), { indent: 2 }),
      '{\n  "quantity": 1.0,\n  "ticket": 12345678901234567890,\n  "legs": [\n    2.50,\n    3\n  ]\n}',
    );
  });

  it('keeps the spelling of a value a rename moved, and writes a changed value as computed', () => {
    const { ticket, ...rest } = JSON.parse(text) as { ticket: number; quantity: number };
    const renamed = { ...rest, quantity: 2, exchange_ticket: ticket };
    assert.equal(stringifyKeepingNumbers(renamed, numberTexts(text), { spellMovedValues: true }), '{"quantity":2,"legs":[2.50,3],"exchange_ticket":12345678901234567890}');
    // A computed state asks for paths only: a count equal to a written 1.0 elsewhere stays a count.
    assert.equal(stringifyKeepingNumbers({ count: 1 }, numberTexts(text)), '{"count":1}');
  });

  it('guesses no spelling for a moved value the text spelled two ways', () => {
    const twoWays = '{"a": 1.0, "b": 1}';
    assert.equal(stringifyKeepingNumbers({ c: 1 }, numberTexts(twoWays), { spellMovedValues: true }), '{"c":1}');
  });
});
