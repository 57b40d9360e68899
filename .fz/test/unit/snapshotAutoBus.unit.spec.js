"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventBus_1 = require("../../src/engine/bus/eventBus");
const autoSnapshotter_1 = require("../../src/engine/snapshot/autoSnapshotter");
const drift_1 = require("../../src/engine/snapshot/drift");
const replay_1 = require("../../src/engine/replay/replay");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
const stateTestStorage_1 = require("./stateTestStorage");
(0, node_test_1.describe)('automatic snapshots on the real bus', () => {
    (0, node_test_1.it)('snapshots through the afterPersist hook while publishing, and every snapshot verifies', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        let bus;
        const auto = (0, autoSnapshotter_1.createAutoSnapshotter)({ storage, frequency: 10, onSnapshot: () => bus?.recordSnapshotsCreated() });
        bus = new eventBus_1.EventBus({ storage, afterPersist: (events) => auto.afterPersist(events), config: { snapshot_frequency: 10 } });
        const publishes = [];
        for (let i = 0; i < 45; i++) {
            publishes.push(bus.publish('trade_executed', { qty: i, leg: { [`k${i % 4}`]: i } }, { aggregate_id: i % 3 === 0 ? 'B' : 'A', source: 'test' }));
        }
        await Promise.all(publishes);
        await auto.flush();
        const refs = await storage.listSnapshots();
        strict_1.default.deepEqual(refs.filter((r) => r.aggregate_id === 'system').map((r) => r.sequence_number), [10, 20, 30, 40]);
        strict_1.default.equal(refs.filter((r) => r.aggregate_id === 'A').length, 3, 'A has 30 events');
        strict_1.default.equal(refs.filter((r) => r.aggregate_id === 'B').length, 1, 'B has 15 events');
        const checks = await (0, drift_1.verifySnapshots)(storage);
        strict_1.default.ok(checks.every((c) => c.ok), JSON.stringify(checks.filter((c) => !c.ok)));
        strict_1.default.equal(auto.snapshotsCreated, refs.length);
        await bus.stop();
    });
    (0, node_test_1.it)('replays stored events into subscribers through the bus', async () => {
        const storage = new stateTestStorage_1.StateTestStorage();
        await storage.append([(0, stateTestStorage_1.ev)('A', 1, { n: 1 }), (0, stateTestStorage_1.ev)('A', 2, { n: 2 }), (0, stateTestStorage_1.ev)('B', 1, { n: 3 })]);
        const bus = new eventBus_1.EventBus({ config: { enable_persistence: false } });
        const seen = [];
        bus.subscribe('*', (event) => {
            seen.push(event.data.n);
        });
        strict_1.default.equal(await (0, replay_1.replayIntoSubscribers)(storage, bus, { aggregateId: 'A' }), 2);
        strict_1.default.deepEqual(seen, [1, 2]);
        await bus.stop();
    });
});
//# sourceMappingURL=snapshotAutoBus.unit.spec.js.map