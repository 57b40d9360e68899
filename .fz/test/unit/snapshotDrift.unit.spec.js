"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const createSnapshot_1 = require("../../src/engine/snapshot/createSnapshot");
const drift_1 = require("../../src/engine/snapshot/drift");
const rebuild_1 = require("../../src/engine/state/rebuild");
const stateTestStorage_1 = require("./stateTestStorage");
async function storage20() {
    const storage = new stateTestStorage_1.StateTestStorage();
    const events = [];
    for (let i = 1; i <= 20; i++)
        events.push((0, stateTestStorage_1.ev)('acct', i, { balance: i * 10, owner: { name: 'ann' }, history: [i] }));
    await storage.append(events);
    return storage;
}
(0, node_test_1.describe)('structuralDiff', () => {
    (0, node_test_1.it)('reports added, removed and changed values as JSON pointers', () => {
        const before = { a: 1, keep: { x: [1, 2, 3] }, 'we/ird~key': true, gone: 'yes', type: { n: 1 } };
        const after = { a: 2, keep: { x: [1, 9] }, 'we/ird~key': false, fresh: null, type: [1] };
        strict_1.default.deepEqual((0, drift_1.structuralDiff)(before, after), [
            { path: '/gone', kind: 'removed', before: 'yes' },
            { path: '/fresh', kind: 'added', after: null },
            { path: '/a', kind: 'changed', before: 1, after: 2 },
            { path: '/keep/x/2', kind: 'removed', before: 3 },
            { path: '/keep/x/1', kind: 'changed', before: 2, after: 9 },
            { path: '/we~1ird~0key', kind: 'changed', before: true, after: false },
            { path: '/type', kind: 'changed', before: { n: 1 }, after: [1] },
        ]);
    });
    (0, node_test_1.it)('finds nothing between equal values and a root change between different scalars', () => {
        strict_1.default.deepEqual((0, drift_1.structuralDiff)({ a: [1, { b: null }] }, { a: [1, { b: null }] }), []);
        strict_1.default.deepEqual((0, drift_1.structuralDiff)(0, -0), []);
        strict_1.default.deepEqual((0, drift_1.structuralDiff)(1, '1'), [{ path: '', kind: 'changed', before: 1, after: '1' }]);
        strict_1.default.deepEqual((0, drift_1.structuralDiff)([], [5]), [{ path: '/0', kind: 'added', after: 5 }]);
    });
    (0, node_test_1.it)('handles deep nesting without recursion limits', () => {
        let a = { leaf: 1 };
        let b = { leaf: 2 };
        for (let i = 0; i < 20_000; i++) {
            a = { n: a };
            b = { n: b };
        }
        const diff = (0, drift_1.structuralDiff)(a, b);
        strict_1.default.equal(diff.length, 1);
        strict_1.default.ok(diff[0].path.endsWith('/n/leaf'));
    });
});
(0, node_test_1.describe)('verifySnapshot', () => {
    (0, node_test_1.it)('accepts a snapshot that matches a rebuild from the events', async () => {
        const storage = await storage20();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 12 });
        const result = await (0, drift_1.verifySnapshot)(storage, ref);
        strict_1.default.equal(result.ok, true);
        strict_1.default.deepEqual(result.differences, []);
        strict_1.default.equal(result.eventsApplied, 12, 'must rebuild from the events, not from the snapshot itself');
        strict_1.default.equal(result.rebuiltToSequence, 12);
    });
    (0, node_test_1.it)('detects a tampered snapshot and says where', async () => {
        const storage = await storage20();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 12 });
        const snapshot = await storage.loadSnapshot(ref);
        const state = JSON.parse(JSON.stringify(snapshot.state));
        state.balance = 999_999;
        delete state.history;
        state.injected = 'not from any event';
        storage.tamper(ref.file, state);
        const result = await (0, drift_1.verifySnapshot)(storage, ref);
        strict_1.default.equal(result.ok, false);
        strict_1.default.deepEqual(result.differences.map((d) => [d.path, d.kind]).sort(), [['/balance', 'changed'], ['/history', 'added'], ['/injected', 'removed']]);
        const balance = result.differences.find((d) => d.path === '/balance');
        strict_1.default.equal(balance.before, 999_999);
        strict_1.default.equal(balance.after, 120);
        strict_1.default.match((0, drift_1.describeDifference)(balance), /^\/balance: snapshot has 999999, rebuilt has 120$/);
        // A later snapshot is checked against this one plus the events between
        // (what it claims to be): built on the tampered one, it is consistent with it.
        const later = await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 20 });
        const laterCheck = await (0, drift_1.verifySnapshot)(storage, later);
        strict_1.default.equal(laterCheck.ok, true);
        strict_1.default.equal(laterCheck.fromSnapshot?.file, ref.file);
        strict_1.default.equal(laterCheck.eventsApplied, 8, 'only the events after the previous snapshot');
    });
    (0, node_test_1.it)('ignores _meta when the snapshot has none (Python writer), compares only the _meta keys it has', async () => {
        const storage = await storage20();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 5 });
        const rebuilt = (await (0, rebuild_1.rebuildFromEvents)(storage, 'acct', { atSequence: 5 })).state;
        const { _meta, ...withoutMeta } = rebuilt;
        storage.tamper(ref.file, withoutMeta);
        strict_1.default.equal((await (0, drift_1.verifySnapshot)(storage, ref)).ok, true);
        const meta = _meta;
        storage.tamper(ref.file, { ...withoutMeta, _meta: { sequence_number: meta.sequence_number } });
        strict_1.default.equal((await (0, drift_1.verifySnapshot)(storage, ref)).ok, true);
        storage.tamper(ref.file, { ...withoutMeta, _meta: { sequence_number: 4 } });
        const wrong = await (0, drift_1.verifySnapshot)(storage, ref);
        strict_1.default.deepEqual(wrong.differences.map((d) => d.path), ['/_meta/sequence_number']);
    });
    (0, node_test_1.it)('reports an unreadable snapshot as a failed check, not a throw', async () => {
        const storage = await storage20();
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 3 });
        storage.loadSnapshot = async () => {
            throw new Error(`${ref.file}: is not valid JSON`);
        };
        const result = await (0, drift_1.verifySnapshot)(storage, ref);
        strict_1.default.equal(result.ok, false);
        strict_1.default.match(result.error ?? '', /snapshot_acct_3\.json: is not valid JSON/);
    });
    (0, node_test_1.it)('verifies every snapshot of the store', async () => {
        const storage = await storage20();
        await (0, createSnapshot_1.createSnapshot)(storage, 'acct', { atSequence: 5 });
        await (0, createSnapshot_1.createSnapshot)(storage, 'system', { atSequence: 7 });
        const results = await (0, drift_1.verifySnapshots)(storage);
        strict_1.default.equal(results.length, 2);
        strict_1.default.ok(results.every((r) => r.ok), JSON.stringify(results));
    });
});
//# sourceMappingURL=snapshotDrift.unit.spec.js.map