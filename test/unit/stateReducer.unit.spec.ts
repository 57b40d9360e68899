import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { deepFreeze } from '../../src/engine/model/deepFreeze';
import { defaultReducer } from '../../src/engine/state/defaultReducer';
import { shallowReducer } from '../../src/engine/state/fold/shallowReducer';
import { ReducerRegistry } from '../../src/engine/state/reducerRegistry';
import { foldEvent, type WorkingState } from '../../src/engine/state/rebuild';
import { systemReducer } from '../../src/engine/state/systemReducer';
import { ev } from './stateTestStorage';

function working(): WorkingState {
  return { state: {}, lastSequence: -1, eventsApplied: 0, eventCount: 0, lastEventId: undefined, skippedSnapshots: [] };
}

describe('defaultReducer', () => {
  it('merges objects recursively, replaces arrays and scalars, and keeps _meta', () => {
    let state: unknown = {};
    state = defaultReducer(state, ev('t1', 1, { position: { qty: 1, side: 'buy' }, tags: ['a', 'b'], price: 10 }));
    const second = ev('t1', 2, { position: { qty: 3 }, tags: ['c'], price: null }, 'trade_decision_made');
    state = defaultReducer(state, second);
    assert.deepEqual(state, {
      position: { qty: 3, side: 'buy' },
      tags: ['c'],
      price: null,
      _meta: {
        last_event_type: 'trade_decision_made',
        sequence_number: 2,
        timestamp: second.metadata.timestamp,
        event_id: second.metadata.event_id,
        event_count: 2,
      },
    });
  });

  it('copies frozen event data, so merging into it later never throws and never changes the event', () => {
    const first = ev('t1', 1, { nested: { a: 1 }, list: [{ x: 1 }] });
    assert.ok(Object.isFrozen(first.data));
    const state = defaultReducer({}, first) as Record<string, Record<string, unknown>>;
    defaultReducer(state, ev('t1', 2, { nested: { b: 2 } }));
    assert.deepEqual(state.nested, { a: 1, b: 2 });
    assert.deepEqual(first.data, { nested: { a: 1 }, list: [{ x: 1 }] });
    assert.notEqual(state.list, (first.data as Record<string, unknown>).list);
  });

  it('never pollutes prototypes, whatever the data says', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted2": true}}, "prototype": 1,' +
        ' "safe": {"__proto__": {"deep": true}, "ok": 1}, "list": [{"__proto__": {"inList": true}}]}',
    ) as unknown;
    const state = defaultReducer({}, createEvent('x', hostile, { sequence_number: 1 })) as Record<string, unknown>;
    defaultReducer(state, createEvent('x', JSON.parse('{"safe": {"__proto__": {"again": true}}}'), { sequence_number: 2 }));
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.polluted2, undefined);
    assert.equal(probe.deep, undefined);
    assert.equal(probe.again, undefined);
    assert.equal(probe.inList, undefined);
    assert.equal(Object.getPrototypeOf(state), Object.prototype);
    assert.equal(Object.getPrototypeOf(state.safe), Object.prototype);
    assert.deepEqual(Object.keys(state).sort(), ['_meta', 'list', 'safe']);
    assert.deepEqual(state.safe, { ok: 1 });
    assert.equal(Object.prototype.hasOwnProperty.call((state.list as unknown[])[0], '__proto__'), false);
  });

  it('keeps non-object data under "value" and ignores a _meta inside data', () => {
    const state = defaultReducer({}, ev('t1', 1, [1, 2])) as Record<string, unknown>;
    assert.deepEqual(state.value, [1, 2]);
    defaultReducer(state, ev('t1', 2, 42));
    assert.equal(state.value, 42);
    defaultReducer(state, ev('t1', 3, { _meta: { event_count: 999 }, a: 1 }));
    assert.equal((state._meta as Record<string, unknown>).event_count, 3);
    assert.equal(state.a, 1);
  });

  it('replaces a state that is not an object, and copies a frozen one instead of throwing', () => {
    const state = defaultReducer('garbage', ev('t1', 1, { a: 1 }));
    assert.equal((state as Record<string, unknown>).a, 1);
    const frozen = Object.freeze({ a: Object.freeze({ b: 1 }) });
    const next = defaultReducer(frozen, ev('t1', 2, { a: { c: 2 } }));
    assert.deepEqual(next.a, { b: 1, c: 2 });
    assert.deepEqual(frozen, { a: { b: 1 } });
  });
});

describe('reducer registry', () => {
  it('routes registered types to their reducer, the rest to the default, and keeps _meta for both', () => {
    const registry = new ReducerRegistry();
    const remove = registry.register<Record<string, number>>('trade_executed', (state, event) => {
      state.total = (state.total ?? 0) + (event.data as { qty: number }).qty;
      return state;
    });
    const w = working();
    foldEvent(w, ev('t1', 1, { qty: 2 }, 'trade_executed'), registry);
    foldEvent(w, ev('t1', 2, { qty: 5 }, 'trade_executed'), registry);
    foldEvent(w, ev('t1', 3, { note: 'hi' }, 'risk_alert'), registry);
    const state = w.state as Record<string, unknown>;
    assert.equal(state.total, 7);
    assert.equal(state.qty, undefined, 'registered reducer must replace the default merge');
    assert.equal(state.note, 'hi');
    assert.deepEqual(
      [(state._meta as Record<string, unknown>).event_count, (state._meta as Record<string, unknown>).last_event_type],
      [3, 'risk_alert'],
    );
    assert.equal(w.lastSequence, 3);
    remove();
    assert.equal(registry.reducerFor('trade_executed'), undefined);
  });

  it('names the event when a reducer throws', () => {
    const registry = new ReducerRegistry();
    registry.register('boom', () => {
      throw new Error('bad data');
    });
    assert.throws(() => foldEvent(working(), ev('agg-9', 4, {}, 'boom'), registry), /boom failed on event .* \(aggregate agg-9, sequence 4\): bad data/);
  });
});

describe('systemReducer', () => {
  it('summarises events per type, source and aggregate, skipping prototype keys', () => {
    let state: unknown = {};
    state = systemReducer(state, ev('a', 1, {}, 'trade_executed'));
    state = systemReducer(state, ev('a', 2, {}, 'risk_alert'));
    state = systemReducer(state, ev('__proto__', 1, {}, 'risk_alert'));
    state = systemReducer(state, ev(null, 1, {}, 'system_health_check'));
    const s = state as Record<string, Record<string, unknown>>;
    assert.deepEqual(s.event_types, { trade_executed: 1, risk_alert: 2, system_health_check: 1 });
    assert.deepEqual(s.aggregates, { a: { event_count: 2, last_sequence: 2, last_event_type: 'risk_alert' } });
    assert.equal(s._meta.event_count, 4);
    assert.equal(({} as Record<string, unknown>).event_count, undefined);
  });
});

describe('folding from a frozen state copies on write', () => {
  it('the default reducer copies only the paths the event changes: the frozen state stays as it was, untouched parts are shared', () => {
    const before = deepFreeze({ book: { BTC: { qty: 1 }, ETH: { qty: 2 } }, history: Array.from({ length: 3000 }, (_, i) => i), limits: { max: 5 } });
    const after = defaultReducer(before, ev('t1', 1, { book: { BTC: { qty: 7 } } })) as typeof before;
    assert.deepEqual(before.book.BTC, { qty: 1 }, 'the handed-out state did not change');
    assert.equal(after.book.BTC.qty, 7);
    assert.equal(after.book.ETH, before.book.ETH, 'an untouched branch is the same object, not a copy');
    assert.equal(after.history, before.history, 'a big untouched list is shared');
    assert.equal(after.limits, before.limits);
    assert.notEqual(after.book, before.book, 'the changed path is a new object');
    // Folding again from the result (it shares frozen parts) still never writes into them.
    const third = defaultReducer(deepFreeze(after), ev('t1', 2, { book: { ETH: { qty: 9 } }, limits: { max: 6 } })) as typeof before;
    assert.deepEqual([after.book.ETH.qty, after.limits.max, third.book.ETH.qty, third.limits.max, third.book.BTC.qty], [2, 5, 9, 6, 7]);
  });

  it('the shallow (Python dict.update) reducer copies the top level only', () => {
    const before = deepFreeze({ a: { x: 1 }, b: [1, 2] });
    const after = shallowReducer(before, ev('t1', 1, { a: { y: 2 } })) as Record<string, unknown>;
    assert.deepEqual(before, { a: { x: 1 }, b: [1, 2] });
    assert.deepEqual(after.a, { y: 2 });
    assert.equal(after.b, before.b);
  });
});
