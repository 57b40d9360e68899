"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const autoSnapshotter_1 = require("../../src/engine/snapshot/autoSnapshotter");
const rebuild_1 = require("../../src/engine/state/rebuild");
const stateTestStorage_1 = require("./stateTestStorage");
/** `count` events alternating A, A, B (per-aggregate sequences). */
function makeEvents(count, start = { A: 0, B: 0 }) {
    const events = [];
    const seq = { ...start };
    for (let i = 0; i < count; i++) {
        const agg = i % 3 === 2 ? 'B' : 'A';
        seq[agg]++;
        events.push((0, stateTestStorage_1.ev)(agg, seq[agg], { step: i, [agg]: seq[agg] }));
    }
    return events;
}
/** Persist, then call the hook, batch by batch, as the bus does. */
async function publish(storage, hook, events, sizes) {
    let at = 0;
    for (let i = 0; at < events.length; i++) {
        const batch = events.slice(at, at + sizes[i % sizes.length]);
        at += batch.length;
        await storage.append(batch);
        await hook(batch);
    }
}
const names = (refs) => refs.map((r) => `${r.aggregate_id}@${r.sequence_number}`).sort();
(0, node_test_1.describe)('automatic snapshots', () => {
    (0, node_test_1.it)('reads nothing from the store until a snapshot is due (counting comes from the store once)', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        await storage.append(makeEvents(150)); // A: 100, B: 50 — 150 bus-wide
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 100 });
        const more = makeEvents(40, { A: 100, B: 50 }); // A reaches 126, B 63, bus-wide 190
        await publish(storage, (batch) => auto.afterPersist(batch), more, [1, 5]);
        await auto.flush();
        strict_1.default.deepEqual(storage.queries, [], 'no event was read: nothing was due');
        strict_1.default.deepEqual(await storage.listSnapshots(), []);
        // The 200th event bus-wide makes system due: one rebuild, then incremental.
        await publish(storage, (batch) => auto.afterPersist(batch), makeEvents(12, { A: 126, B: 63 }), [1]);
        await auto.flush();
        strict_1.default.equal(storage.queries.length, 1, 'exactly one rebuild, of system');
        strict_1.default.deepEqual(names(await storage.listSnapshots()), ['system@200']);
    });
    (0, node_test_1.it)('writes system snapshots every N events and aggregate snapshots at multiples of N, mid-batch too', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const created = [];
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 5, onSnapshot: (ref) => created.push(ref) });
        // 33 events: A gets 22, B gets 11; odd batch sizes so multiples fall inside batches.
        await publish(storage, (batch) => auto.afterPersist(batch), makeEvents(33), [3, 7, 4]);
        await auto.flush();
        strict_1.default.deepEqual(names(await storage.listSnapshots()), [
            'A@10', 'A@15', 'A@20', 'A@5', 'B@10', 'B@5',
            'system@10', 'system@15', 'system@20', 'system@25', 'system@30', 'system@5',
        ].sort());
        strict_1.default.equal(auto.snapshotsCreated, 12);
        strict_1.default.equal(created.length, 12);
        strict_1.default.deepEqual(auto.errors, []);
        // Each snapshot is the state at exactly its point.
        for (const ref of await storage.listSnapshots()) {
            const snapshot = await storage.loadSnapshot(ref);
            const rebuilt = await (0, rebuild_1.rebuildFromEvents)(storage, ref.aggregate_id, { atSequence: ref.sequence_number, useSnapshots: false });
            strict_1.default.deepEqual(snapshot.state, JSON.parse(JSON.stringify(rebuilt.state)), `${ref.file} differs from a rebuild`);
            strict_1.default.equal(snapshot.event_count, ref.aggregate_id === 'system' ? ref.sequence_number : ref.sequence_number);
        }
    });
    (0, node_test_1.it)('continues from history persisted before it started, and stays incremental', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const history = makeEvents(9); // A: 6, B: 3
        await storage.append(history);
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 4 });
        const more = makeEvents(6, { A: 6, B: 3 }); // A: 7..10, B: 4..5
        await storage.append(more.slice(0, 3));
        await auto.afterPersist(more.slice(0, 3));
        const queriesAfterFirstBatch = storage.queries.length;
        await storage.append(more.slice(3));
        await auto.afterPersist(more.slice(3));
        await auto.flush();
        strict_1.default.equal(storage.queries.length, queriesAfterFirstBatch, 'known aggregates must not be re-read from storage');
        // A reached 8 (after 2 new events); B reached 4; system reached 12 (but not 16: 15 events).
        strict_1.default.deepEqual(names(await storage.listSnapshots()), ['A@8', 'B@4', 'system@12'].sort());
        const a8 = await storage.loadSnapshot((await storage.listSnapshots('A'))[0]);
        strict_1.default.equal(a8.state.A, 8);
        strict_1.default.equal(a8.state._meta.event_count, 8);
    });
    (0, node_test_1.it)('is off at frequency 0', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 0 });
        await publish(storage, (b) => auto.afterPersist(b), makeEvents(20), [5]);
        await auto.flush();
        strict_1.default.equal((await storage.listSnapshots()).length, 0);
        strict_1.default.equal(storage.queries.length, 0);
    });
    (0, node_test_1.it)('never rejects: a failing save is reported and the next snapshots still happen', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const original = storage.saveSnapshot.bind(storage);
        let failures = 0;
        storage.saveSnapshot = async (snapshot) => {
            if (snapshot.aggregate_id === 'A' && snapshot.sequence_number === 2) {
                failures++;
                throw new Error('disk full');
            }
            return original(snapshot);
        };
        const seen = [];
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 2, onError: (e) => seen.push(e) });
        await publish(storage, (b) => auto.afterPersist(b), makeEvents(6), [6]);
        await auto.flush();
        strict_1.default.equal(failures, 1);
        strict_1.default.equal(seen.length, 1);
        strict_1.default.match(seen[0].message, /disk full/);
        strict_1.default.ok(names(await storage.listSnapshots()).includes('A@4'));
    });
    (0, node_test_1.it)('serializes overlapping calls in persistence order', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 3 });
        const events = makeEvents(6);
        await storage.append(events);
        await Promise.all([auto.afterPersist(events.slice(0, 2)), auto.afterPersist(events.slice(2, 4)), auto.afterPersist(events.slice(4))]);
        await auto.flush();
        // All six were persisted before the first call: the first rebuild must stop before its own batch,
        // not count the later batches twice.
        strict_1.default.deepEqual(names(await storage.listSnapshots()), ['A@3', 'system@3', 'system@6']);
        const system6 = await storage.loadSnapshot((await storage.listSnapshots('system')).find((r) => r.sequence_number === 6));
        strict_1.default.equal(system6.state._meta.event_count, 6);
    });
    (0, node_test_1.it)('does not hold a publish for a slow snapshot write, until too many are pending', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        const original = storage.saveSnapshot.bind(storage);
        const gates = [];
        storage.saveSnapshot = async (snapshot) => {
            await new Promise((release) => gates.push(release));
            return original(snapshot);
        };
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 1, maxPendingSaves: 4 });
        const first = makeEvents(1);
        await storage.append(first);
        await auto.afterPersist(first); // system@1 and A@1 queued, writer blocked: the hook still resolved
        strict_1.default.equal(auto.snapshotsCreated, 0);
        const more = makeEvents(2, { A: 1, B: 0 });
        await storage.append(more);
        let resolved = false;
        const hook = auto.afterPersist(more).then(() => (resolved = true)); // 4 more queued: 6 > 4 pending
        await new Promise((r) => setTimeout(r, 20));
        strict_1.default.equal(resolved, false, 'back-pressure: the hook waits for the writer');
        while (!resolved || gates.length > 0) {
            gates.shift()?.();
            await new Promise((r) => setTimeout(r, 1));
        }
        await hook;
        await auto.flush();
        strict_1.default.equal(auto.snapshotsCreated, 6);
    });
});
//# sourceMappingURL=snapshotAuto.unit.spec.js.map