import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue } from '../../src/debugAdapter/variables';

/** The Variables view's one-line previews: JSON.stringify's text, cut to its start, without writing the whole value. */
describe('debug adapter value previews', () => {
  it('are JSON.stringify\'s text for values that fit (undefined fields left out, undefined items null)', () => {
    const values: unknown[] = [{ a: 1, b: [1, 'x', null, { c: undefined, d: true }], e: 'q"\\n', f: undefined }, [undefined, [2, [3]]], {}, { 'key with "quotes"': -0.5 }];
    for (const value of values) {
      const expected = JSON.stringify(value);
      assert.equal(formatValue(value), Array.isArray(value) ? `Array(${value.length}) ${expected}` : expected);
    }
  });

  it('of a big state are the start of its JSON text with an ellipsis', () => {
    const state = { items: Array.from({ length: 3000 }, (_, k) => ({ k })), wide: Object.fromEntries(Array.from({ length: 2500 }, (_, k) => [`key_${k}`, k])) };
    const shown = formatValue(state);
    assert.ok(shown.endsWith('…'));
    assert.ok(shown.length <= 120, `${shown.length} characters`);
    assert.ok(JSON.stringify(state).startsWith(shown.slice(0, -1)));
  });
});
