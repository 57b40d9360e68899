"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const createSnapshot_1 = require("../../src/engine/snapshot/createSnapshot");
const rebuild_1 = require("../../src/engine/state/rebuild");
const reducerRegistry_1 = require("../../src/engine/state/reducerRegistry");
const stateTestStorage_1 = require("./stateTestStorage");
/** 60 events of `t1` interleaved with 30 of `t2`, per-aggregate sequences from 1. */
async function storeWithHistory() {
    const storage = new stateTestStorage_1.StateTestStorage();
    const events = [];
    for (let i = 1; i <= 60; i++) {
        events.push((0, stateTestStorage_1.ev)('t1', i, { price: 100 + i, book: { [`level${i % 7}`]: i }, fills: [i], last: `e${i}` }));
        if (i % 2 === 0)
            events.push((0, stateTestStorage_1.ev)('t2', i / 2, { other: i }));
    }
    await storage.append(events);
    return storage;
}
(0, node_test_1.describe)('rebuildFromEvents', () => {
    (0, node_test_1.it)('from a snapshot plus its tail equals a rebuild from scratch', async () => {
        const storage = await storeWithHistory();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 't1', { atSequence: 40 });
        strict_1.default.equal(ref.sequence_number, 40);
        storage.queries.length = 0;
        const fromSnapshot = await (0, rebuild_1.rebuildFromEvents)(storage, 't1');
        const scratch = await (0, rebuild_1.rebuildFromEvents)(storage, 't1', { useSnapshots: false });
        strict_1.default.deepEqual(fromSnapshot.fromSnapshot, ref);
        strict_1.default.equal(fromSnapshot.eventsApplied, 20, 'only the tail after the snapshot is folded');
        strict_1.default.equal(storage.queries[0].fromSequenceNumber, 41);
        strict_1.default.equal(scratch.eventsApplied, 60);
        strict_1.default.deepEqual(fromSnapshot.state, scratch.state);
        strict_1.default.equal(fromSnapshot.lastSequence, 60);
        strict_1.default.equal(fromSnapshot.eventCount, 60);
        strict_1.default.equal(scratch.state.price, 160);
    });
    (0, node_test_1.it)('rebuilds at a sequence, using only snapshots at or before it', async () => {
        const storage = await storeWithHistory();
        await (0, createSnapshot_1.createSnapshot)(storage, 't1', { atSequence: 40 });
        const early = await (0, createSnapshot_1.createSnapshot)(storage, 't1', { atSequence: 20 });
        const at25 = await (0, rebuild_1.rebuildFromEvents)(storage, 't1', { atSequence: 25 });
        strict_1.default.deepEqual(at25.fromSnapshot, early);
        strict_1.default.equal(at25.lastSequence, 25);
        strict_1.default.equal(at25.eventsApplied, 5);
        const state = at25.state;
        strict_1.default.equal(state.price, 125);
        strict_1.default.deepEqual(state.fills, [25]);
        strict_1.default.equal(state._meta.sequence_number, 25);
        strict_1.default.equal(state._meta.event_count, 25);
        const scratch = await (0, rebuild_1.rebuildFromEvents)(storage, 't1', { atSequence: 25, useSnapshots: false });
        strict_1.default.deepEqual(at25.state, scratch.state);
    });
    (0, node_test_1.it)('returns a deep-frozen state and an empty one for an unknown aggregate', async () => {
        const storage = await storeWithHistory();
        const result = await (0, rebuild_1.rebuildFromEvents)(storage, 't2');
        strict_1.default.ok(Object.isFrozen(result.state));
        strict_1.default.ok(Object.isFrozen(result.state._meta));
        const none = await (0, rebuild_1.rebuildFromEvents)(storage, 'nobody');
        strict_1.default.deepEqual(none.state, {});
        strict_1.default.equal(none.lastSequence, -1);
        strict_1.default.equal(none.eventsApplied, 0);
    });
    (0, node_test_1.it)('skips an unreadable snapshot and falls back to an earlier one', async () => {
        const storage = await storeWithHistory();
        const good = await (0, createSnapshot_1.createSnapshot)(storage, 't1', { atSequence: 10 });
        const originalLoad = storage.loadSnapshot.bind(storage);
        storage.loadSnapshot = async (ref) => {
            if (ref.sequence_number === 30)
                throw new Error(`${ref.file}: is not valid JSON`);
            return originalLoad(ref);
        };
        await (0, createSnapshot_1.createSnapshot)(storage, 't1', { atSequence: 30 });
        const result = await (0, rebuild_1.rebuildFromEvents)(storage, 't1');
        strict_1.default.deepEqual(result.fromSnapshot, good);
        strict_1.default.equal(result.skippedSnapshots.length, 1);
        strict_1.default.match(result.skippedSnapshots[0].reason, /snapshot_t1_30\.json: is not valid JSON/);
        strict_1.default.equal(result.eventsApplied, 50);
    });
    (0, node_test_1.it)('folds in place: reducers get the same working object, never a per-event copy', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const events = [];
        for (let i = 1; i <= 10_000; i++)
            events.push((0, stateTestStorage_1.ev)('big', i, { n: i, nested: { k: i % 10 } }));
        await storage.append(events);
        const seen = new Set();
        const registry = new reducerRegistry_1.ReducerRegistry();
        registry.register('trade_executed', (state, event) => {
            seen.add(state);
            state.n = event.data.n;
            return state;
        });
        const result = await (0, rebuild_1.rebuildFromEvents)(storage, 'big', { reducers: registry });
        strict_1.default.equal(seen.size, 1);
        strict_1.default.equal(result.state.n, 10_000);
        strict_1.default.equal(result.eventsApplied, 10_000);
    });
    (0, node_test_1.it)('accepts a plain {type: reducer} table', async () => {
        const storage = await storeWithHistory();
        const result = await (0, rebuild_1.rebuildFromEvents)(storage, 't2', {
            reducers: { trade_executed: (state) => ({ ...state, seen: true }) },
        });
        strict_1.default.equal(result.state.seen, true);
        strict_1.default.equal(result.state.other, undefined);
    });
    (0, node_test_1.it)('rebuilds the bus-wide system aggregate by event count, from a system snapshot', async () => {
        const storage = await storeWithHistory();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'system', { atSequence: 50 });
        strict_1.default.equal(ref.file, 'snapshots/snapshot_system_50.json');
        const full = await (0, rebuild_1.rebuildFromEvents)(storage, 'system');
        const scratch = await (0, rebuild_1.rebuildFromEvents)(storage, 'system', { useSnapshots: false });
        strict_1.default.deepEqual(full.fromSnapshot, ref);
        strict_1.default.equal(full.eventsApplied, 40);
        strict_1.default.equal(full.lastSequence, 90);
        strict_1.default.deepEqual(full.state, scratch.state);
        const aggregates = full.state.aggregates;
        strict_1.default.equal(aggregates.t1.event_count, 60);
        strict_1.default.equal(aggregates.t2.event_count, 30);
        const at10 = await (0, rebuild_1.rebuildFromEvents)(storage, 'system', { atSequence: 10 });
        strict_1.default.equal(at10.state._meta.event_count, 10);
    });
    (0, node_test_1.it)('refuses to snapshot an aggregate with no events, and reuses an exact existing snapshot', async () => {
        const storage = await storeWithHistory();
        await strict_1.default.rejects((0, createSnapshot_1.createSnapshot)(storage, 'ghost'), /"ghost" has no events/);
        const first = await (0, createSnapshot_1.createSnapshot)(storage, 't2');
        const again = await (0, createSnapshot_1.createSnapshot)(storage, 't2');
        strict_1.default.deepEqual(again, first);
        strict_1.default.equal((await storage.listSnapshots('t2')).length, 1);
    });
});
//# sourceMappingURL=stateRebuild.unit.spec.js.map