import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileQuery, expressionValue, parseExpression, QueryError } from '../../src/engine/query';
import type { Event } from '../../src/engine/model/event';

const event = {
  event_type: 'trade_executed',
  data: { symbol: 'BTCUSDT', quantity: 12, fills: [{ qty: 5 }, { qty: 7 }] },
  metadata: { event_id: 'e-1', aggregate_id: 'acct-1', sequence_number: 4, timestamp: '2024-01-15T10:00:00Z', source: 'api' },
} as unknown as Event;
const subject = { event, prev: { balance: 10, positions: {} }, state: { balance: -2, positions: { BTCUSDT: 12 } } };

describe('the debugger\'s expressions (the content query language with event, state and prev)', () => {
  it('conditions read the state after the event and the state before it', () => {
    assert.equal(compileQuery('state.balance < 0', { debugRoots: true }).matches(subject), true);
    assert.equal(compileQuery('prev.balance < 0', { debugRoots: true }).matches(subject), false);
    assert.equal(compileQuery('event.data.quantity > 10 and state.positions.BTCUSDT == 12', { debugRoots: true }).matches(subject), true);
    assert.equal(compileQuery('exists(prev.positions.BTCUSDT)', { debugRoots: true }).matches(subject), false);
  });

  it('say which reads they need: a state root needs the fold, event.data the body', () => {
    assert.equal(compileQuery('state.balance < 0', { debugRoots: true }).state, true);
    assert.equal(compileQuery('type == "x"', { debugRoots: true }).state, false);
    assert.equal(compileQuery('event.data.quantity > 1', { debugRoots: true }).body, true);
  });

  it('the CLI\'s queries do not know the debugger\'s roots', () => {
    assert.throws(() => compileQuery('state.balance < 0'), (error: unknown) => error instanceof QueryError && /unknown name "state"/.test(error.message));
  });

  it('watch expressions give values: a field, a whole object, every element\'s field, a function, a condition', () => {
    const value = (text: string) => expressionValue(parseExpression(text, { debugRoots: true }), subject);
    assert.equal(value('state.balance'), -2);
    assert.deepEqual(value('state.positions'), { BTCUSDT: 12 });
    assert.deepEqual(value('event.data.fills.qty'), [5, 7]);
    assert.equal(value('length(event.data.fills)'), 2);
    assert.equal(value('event.event_type'), 'trade_executed');
    assert.equal(value('state.balance < prev.balance'), true);
    assert.equal(value('exists(state.missing)'), false);
    assert.equal(value('state.missing'), undefined);
  });

  it('a bad expression names its column', () => {
    assert.throws(() => parseExpression('state.balance <', { debugRoots: true }), (error: unknown) => error instanceof QueryError && /column 16/.test(error.message));
  });
});
