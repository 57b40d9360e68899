"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const validateConfig_1 = require("../../src/engine/config/validateConfig");
const configError_1 = require("../../src/engine/config/configError");
const drift_1 = require("../../src/engine/snapshot/drift");
const declarativeReducers_1 = require("../../src/engine/state/fold/declarativeReducers");
const foldSetting_1 = require("../../src/engine/model/foldSetting");
const storeFold_1 = require("../../src/engine/state/fold/storeFold");
const shallowReducer_1 = require("../../src/engine/state/fold/shallowReducer");
const rebuild_1 = require("../../src/engine/state/rebuild");
const unsafeNumbers_1 = require("../../src/engine/state/unsafeNumbers");
const stateTestStorage_1 = require("./stateTestStorage");
/** What a Python bus folds: state.update(data) plus its bookkeeping keys. */
function pythonFold(events) {
    const state = {};
    for (const e of events) {
        Object.assign(state, e.data);
        state.last_event_type = e.event_type;
        state.last_sequence_number = e.metadata.sequence_number;
        state.event_count = (state.event_count ?? 0) + 1;
    }
    return state;
}
async function pythonStore() {
    const storage = new stateTestStorage_1.StateTestStorage();
    const events = [];
    for (let i = 1; i <= 9; i++)
        events.push((0, stateTestStorage_1.ev)('acct', i, { balance: i * 10, position: i % 2 ? { long: i } : { short: i } }, i % 3 ? 'trade_executed' : 'risk_alert'));
    await storage.append(events);
    for (const at of [3, 6, 9]) {
        await storage.saveSnapshot({ aggregate_id: 'acct', sequence_number: at, timestamp: '2024-01-15T10:30:00', state: pythonFold(events.slice(0, at)) });
    }
    return { storage, events };
}
(0, node_test_1.describe)('the store fold', () => {
    (0, node_test_1.it)('is detected as shallow with the writer\'s bookkeeping keys from snapshots without _meta', async () => {
        const { storage, events } = await pythonStore();
        const fold = await (0, storeFold_1.resolveStoreFold)(storage);
        strict_1.default.equal(fold.mode, 'shallow');
        strict_1.default.deepEqual(fold.bookkeeping, { last_event_type: 'event_type', last_sequence_number: 'sequence_number', event_count: 'count' });
        // `position` is replaced whole (dict.update), never merged: {long} and {short} do not mix.
        const rebuilt = await (0, rebuild_1.rebuildFromEvents)(storage, 'acct', { useSnapshots: false });
        strict_1.default.deepEqual(rebuilt.state, pythonFold(events));
        strict_1.default.equal('_meta' in rebuilt.state, false);
        const results = await (0, drift_1.verifySnapshots)(storage);
        strict_1.default.deepEqual(results.map((r) => [r.ref.sequence_number, r.ok, r.fromSnapshot?.sequence_number]), [[3, true, undefined], [6, true, 3], [9, true, 6]]);
        strict_1.default.equal(results[2].eventsApplied, 3, 'the previous snapshot plus the events between');
    });
    (0, node_test_1.it)('says "cannot verify" where the events a snapshot needs were removed, and checks the rest', async () => {
        const { storage } = await pythonStore();
        storage.events.splice(0, 4); // TTL took sequences 1-4
        const results = await (0, drift_1.verifySnapshots)(storage);
        strict_1.default.deepEqual(results.map((r) => [r.ref.sequence_number, r.ok, r.unverifiable ?? null]), [
            [3, false, 'cannot verify: events before 5 were removed'],
            [6, false, 'cannot verify: events before 5 were removed'],
            [9, true, null],
        ]);
    });
    (0, node_test_1.it)('finds drift in a snapshot whose state is not the previous one plus the events between', async () => {
        const { storage, events } = await pythonStore();
        storage.tamper('snapshots/snapshot_acct_6.json', { ...pythonFold(events.slice(0, 6)), balance: 1 });
        const results = await (0, drift_1.verifySnapshots)(storage);
        strict_1.default.deepEqual(results.map((r) => r.ok), [true, false, true]);
        strict_1.default.deepEqual(results[1].differences.map((d) => d.path), ['/balance']);
    });
    (0, node_test_1.it)('follows the config over detection: deep keeps _meta, reducers fold declaratively', async () => {
        const { storage } = await pythonStore();
        const deep = await (0, rebuild_1.rebuildFromEvents)(storage, 'acct', { useSnapshots: false, reducers: undefined });
        strict_1.default.equal('_meta' in deep.state, false, 'detected shallow');
        const configured = new stateTestStorage_1.StateTestStorage();
        await configured.append(storage.events);
        Object.assign(configured, {
            foldSetting: {
                mode: 'reducers',
                reducers: {
                    trade_executed: [
                        { op: 'increment', path: 'trades' },
                        { op: 'increment', path: 'volume', from: 'data.balance' },
                        { op: 'set', path: 'by_seq.{metadata.sequence_number}', from: 'data.balance' },
                    ],
                    risk_alert: [{ op: 'append', path: 'alerts', from: 'metadata.sequence_number' }, { op: 'remove', path: 'by_seq.{metadata.sequence_number}' }],
                },
            },
        });
        const state = (await (0, rebuild_1.rebuildFromEvents)(configured, 'acct')).state;
        strict_1.default.deepEqual(state, { trades: 6, volume: 10 + 20 + 40 + 50 + 70 + 80, by_seq: { 1: 10, 2: 20, 4: 40, 5: 50, 7: 70, 8: 80 }, alerts: [3, 6, 9] });
    });
    (0, node_test_1.it)('declarative reducers say what is wrong instead of guessing', () => {
        const event = (0, stateTestStorage_1.ev)('a', 1, { qty: 'x' });
        strict_1.default.throws(() => (0, declarativeReducers_1.declarativeReducer)([{ op: 'increment', path: 'n', from: 'data.qty' }])({}, event), /increment "n" by "x": not a number/);
        strict_1.default.throws(() => (0, declarativeReducers_1.declarativeReducer)([{ op: 'append', path: 'list', value: 1 }])({ list: 3 }, event), /not a list/);
        strict_1.default.throws(() => (0, declarativeReducers_1.declarativeReducer)([{ op: 'set', path: '__proto__.x', value: 1 }])({}, event), /forbidden key/);
        strict_1.default.deepEqual((0, shallowReducer_1.shallowReducer)({ a: { x: 1 }, b: 2 }, (0, stateTestStorage_1.ev)('a', 1, { a: { y: 2 } })), { a: { y: 2 }, b: 2 });
    });
    (0, node_test_1.it)('validates the fold setting in the config with paths', () => {
        strict_1.default.deepEqual((0, foldSetting_1.foldSettingProblems)('shallow'), []);
        strict_1.default.deepEqual((0, foldSetting_1.foldSettingProblems)({ mode: 'reducers', reducers: { t: [{ op: 'set', path: 'a', from: 'data.a' }] } }), []);
        strict_1.default.deepEqual((0, foldSetting_1.foldSettingProblems)({ mode: 'reducers', reducers: { t: [{ op: 'mul', path: 'a' }] } }).map((p) => p.path), ['fold.reducers.t[0].op']);
        strict_1.default.throws(() => (0, validateConfig_1.validateConfig)({ fold: 'dict.update' }), (error) => error instanceof configError_1.ConfigError && /"fold": expected/.test(error.message));
        strict_1.default.equal((0, validateConfig_1.validateConfig)({ event_bus: { fold: 'shallow', time_order_tolerance_ms: 5 } }).fold, 'shallow');
    });
    (0, node_test_1.it)('flags computed numbers beyond 2^53', () => {
        strict_1.default.deepEqual((0, unsafeNumbers_1.unsafeNumberPaths)({ a: 1.0, b: [12345678901234567890], c: { d: 2 ** 53 + 2 } }), ['/b/0', '/c/d']);
    });
});
//# sourceMappingURL=storeFold.unit.spec.js.map