import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { naturalCompare } from '../../src/engine/model/naturalOrder';
import { sortedWithPrefix } from '../../src/server/handlers/handlerStore';

describe('natural order of ids', () => {
  it('counts digit runs as numbers: trader_2 before trader_10 before trader_100', () => {
    const ids = ['trader_10', 'trader_1', 'trader_100', 'trader_2', 'risk_9', 'trader_02', 'v1.10', 'v1.9', 'trader_', 'a'];
    assert.deepEqual([...ids].sort(naturalCompare), ['a', 'risk_9', 'trader_', 'trader_1', 'trader_2', 'trader_02', 'trader_10', 'trader_100', 'v1.9', 'v1.10']);
  });

  it('is a total order that agrees with equality, whatever the digits (a sort relies on it)', () => {
    const samples = ['', '0', '00', '1', '01', '10', 'a0', 'a00', 'a1', 'a01b', 'a1b', 'a1c', 'b', '99999999999999999999', '100000000000000000000'];
    for (const a of samples) {
      assert.equal(naturalCompare(a, a), 0);
      for (const b of samples) {
        assert.equal(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a)), 0, `${a} vs ${b}`);
        if (a !== b) assert.notEqual(naturalCompare(a, b), 0, `${a} and ${b} are different ids`);
      }
    }
    assert.ok(naturalCompare('99999999999999999999', '100000000000000000000') < 0, 'numbers past 2^53 compare by their digits');
  });

  it('the views\' grouping lists ids in natural order, with or without a prefix', () => {
    const ids = ['trader_10', 'trader_2', 'risk_1', 'trader_1'];
    assert.deepEqual(sortedWithPrefix(ids, undefined), ['risk_1', 'trader_1', 'trader_2', 'trader_10']);
    assert.deepEqual(sortedWithPrefix(ids, 'trader_'), ['trader_1', 'trader_2', 'trader_10']);
    assert.deepEqual(ids, ['trader_10', 'trader_2', 'risk_1', 'trader_1'], 'the index\'s list is left as it was');
  });
});
