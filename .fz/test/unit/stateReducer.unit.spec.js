"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const defaultReducer_1 = require("../../src/engine/state/defaultReducer");
const reducerRegistry_1 = require("../../src/engine/state/reducerRegistry");
const rebuild_1 = require("../../src/engine/state/rebuild");
const systemReducer_1 = require("../../src/engine/state/systemReducer");
const stateTestStorage_1 = require("./stateTestStorage");
function working() {
    return { state: {}, lastSequence: -1, eventsApplied: 0, eventCount: 0, lastEventId: undefined, skippedSnapshots: [] };
}
(0, node_test_1.describe)('defaultReducer', () => {
    (0, node_test_1.it)('merges objects recursively, replaces arrays and scalars, and keeps _meta', () => {
        let state = {};
        state = (0, defaultReducer_1.defaultReducer)(state, (0, stateTestStorage_1.ev)('t1', 1, { position: { qty: 1, side: 'buy' }, tags: ['a', 'b'], price: 10 }));
        const second = (0, stateTestStorage_1.ev)('t1', 2, { position: { qty: 3 }, tags: ['c'], price: null }, 'trade_decision_made');
        state = (0, defaultReducer_1.defaultReducer)(state, second);
        strict_1.default.deepEqual(state, {
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
    (0, node_test_1.it)('copies frozen event data, so merging into it later never throws and never changes the event', () => {
        const first = (0, stateTestStorage_1.ev)('t1', 1, { nested: { a: 1 }, list: [{ x: 1 }] });
        strict_1.default.ok(Object.isFrozen(first.data));
        const state = (0, defaultReducer_1.defaultReducer)({}, first);
        (0, defaultReducer_1.defaultReducer)(state, (0, stateTestStorage_1.ev)('t1', 2, { nested: { b: 2 } }));
        strict_1.default.deepEqual(state.nested, { a: 1, b: 2 });
        strict_1.default.deepEqual(first.data, { nested: { a: 1 }, list: [{ x: 1 }] });
        strict_1.default.notEqual(state.list, first.data.list);
    });
    (0, node_test_1.it)('never pollutes prototypes, whatever the data says', () => {
        const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted2": true}}, "prototype": 1,' +
            ' "safe": {"__proto__": {"deep": true}, "ok": 1}, "list": [{"__proto__": {"inList": true}}]}');
        const state = (0, defaultReducer_1.defaultReducer)({}, (0, event_1.createEvent)('x', hostile, { sequence_number: 1 }));
        (0, defaultReducer_1.defaultReducer)(state, (0, event_1.createEvent)('x', JSON.parse('{"safe": {"__proto__": {"again": true}}}'), { sequence_number: 2 }));
        const probe = {};
        strict_1.default.equal(probe.polluted, undefined);
        strict_1.default.equal(probe.polluted2, undefined);
        strict_1.default.equal(probe.deep, undefined);
        strict_1.default.equal(probe.again, undefined);
        strict_1.default.equal(probe.inList, undefined);
        strict_1.default.equal(Object.getPrototypeOf(state), Object.prototype);
        strict_1.default.equal(Object.getPrototypeOf(state.safe), Object.prototype);
        strict_1.default.deepEqual(Object.keys(state).sort(), ['_meta', 'list', 'safe']);
        strict_1.default.deepEqual(state.safe, { ok: 1 });
        strict_1.default.equal(Object.prototype.hasOwnProperty.call(state.list[0], '__proto__'), false);
    });
    (0, node_test_1.it)('keeps non-object data under "value" and ignores a _meta inside data', () => {
        const state = (0, defaultReducer_1.defaultReducer)({}, (0, stateTestStorage_1.ev)('t1', 1, [1, 2]));
        strict_1.default.deepEqual(state.value, [1, 2]);
        (0, defaultReducer_1.defaultReducer)(state, (0, stateTestStorage_1.ev)('t1', 2, 42));
        strict_1.default.equal(state.value, 42);
        (0, defaultReducer_1.defaultReducer)(state, (0, stateTestStorage_1.ev)('t1', 3, { _meta: { event_count: 999 }, a: 1 }));
        strict_1.default.equal(state._meta.event_count, 3);
        strict_1.default.equal(state.a, 1);
    });
    (0, node_test_1.it)('replaces a state that is not an object, and copies a frozen one instead of throwing', () => {
        const state = (0, defaultReducer_1.defaultReducer)('garbage', (0, stateTestStorage_1.ev)('t1', 1, { a: 1 }));
        strict_1.default.equal(state.a, 1);
        const frozen = Object.freeze({ a: Object.freeze({ b: 1 }) });
        const next = (0, defaultReducer_1.defaultReducer)(frozen, (0, stateTestStorage_1.ev)('t1', 2, { a: { c: 2 } }));
        strict_1.default.deepEqual(next.a, { b: 1, c: 2 });
        strict_1.default.deepEqual(frozen, { a: { b: 1 } });
    });
});
(0, node_test_1.describe)('reducer registry', () => {
    (0, node_test_1.it)('routes registered types to their reducer, the rest to the default, and keeps _meta for both', () => {
        const registry = new reducerRegistry_1.ReducerRegistry();
        const remove = registry.register('trade_executed', (state, event) => {
            state.total = (state.total ?? 0) + event.data.qty;
            return state;
        });
        const w = working();
        (0, rebuild_1.foldEvent)(w, (0, stateTestStorage_1.ev)('t1', 1, { qty: 2 }, 'trade_executed'), registry);
        (0, rebuild_1.foldEvent)(w, (0, stateTestStorage_1.ev)('t1', 2, { qty: 5 }, 'trade_executed'), registry);
        (0, rebuild_1.foldEvent)(w, (0, stateTestStorage_1.ev)('t1', 3, { note: 'hi' }, 'risk_alert'), registry);
        const state = w.state;
        strict_1.default.equal(state.total, 7);
        strict_1.default.equal(state.qty, undefined, 'registered reducer must replace the default merge');
        strict_1.default.equal(state.note, 'hi');
        strict_1.default.deepEqual([state._meta.event_count, state._meta.last_event_type], [3, 'risk_alert']);
        strict_1.default.equal(w.lastSequence, 3);
        remove();
        strict_1.default.equal(registry.reducerFor('trade_executed'), undefined);
    });
    (0, node_test_1.it)('names the event when a reducer throws', () => {
        const registry = new reducerRegistry_1.ReducerRegistry();
        registry.register('boom', () => {
            throw new Error('bad data');
        });
        strict_1.default.throws(() => (0, rebuild_1.foldEvent)(working(), (0, stateTestStorage_1.ev)('agg-9', 4, {}, 'boom'), registry), /boom failed on event .* \(aggregate agg-9, sequence 4\): bad data/);
    });
});
(0, node_test_1.describe)('systemReducer', () => {
    (0, node_test_1.it)('summarises events per type, source and aggregate, skipping prototype keys', () => {
        let state = {};
        state = (0, systemReducer_1.systemReducer)(state, (0, stateTestStorage_1.ev)('a', 1, {}, 'trade_executed'));
        state = (0, systemReducer_1.systemReducer)(state, (0, stateTestStorage_1.ev)('a', 2, {}, 'risk_alert'));
        state = (0, systemReducer_1.systemReducer)(state, (0, stateTestStorage_1.ev)('__proto__', 1, {}, 'risk_alert'));
        state = (0, systemReducer_1.systemReducer)(state, (0, stateTestStorage_1.ev)(null, 1, {}, 'system_health_check'));
        const s = state;
        strict_1.default.deepEqual(s.event_types, { trade_executed: 1, risk_alert: 2, system_health_check: 1 });
        strict_1.default.deepEqual(s.aggregates, { a: { event_count: 2, last_sequence: 2, last_event_type: 'risk_alert' } });
        strict_1.default.equal(s._meta.event_count, 4);
        strict_1.default.equal({}.event_count, undefined);
    });
});
//# sourceMappingURL=stateReducer.unit.spec.js.map