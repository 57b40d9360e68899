"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const memoryStorage_1 = require("../../src/engine/store/memoryStorage");
const storageSample_1 = require("../helpers/storageSample");
const collect = storageSample_1.collectEvents;
const sample = storageSample_1.storageSample;
(0, node_test_1.describe)('MemoryEventStorage', () => {
    (0, node_test_1.it)('answers every EventQuery field', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        await storage.append(sample());
        const data = (events) => events.map((e) => e.data.n ?? 'hc');
        strict_1.default.deepEqual(data(await collect(storage, {})), [1, 2, 3, 'hc']);
        strict_1.default.deepEqual(data(await collect(storage, { aggregateId: 'a' })), [3, 1], 'aggregate queries come in sequence order');
        strict_1.default.deepEqual(data(await collect(storage, { correlationId: 'c1' })), [1, 2]);
        strict_1.default.deepEqual(data(await collect(storage, { eventType: 'trade_executed' })), [1, 3]);
        strict_1.default.deepEqual(data(await collect(storage, { source: 'risk' })), [2]);
        strict_1.default.deepEqual(data(await collect(storage, { fromSequenceNumber: 2, toSequenceNumber: 3 })), [1, 2]);
        strict_1.default.deepEqual(data(await collect(storage, { aggregateId: 'a', fromSequenceNumber: 2 })), [1]);
        // 2024-01-16T09:00+02:00 is 07:00Z: before the naive 12:00 (UTC) health check.
        const since = Date.parse('2024-01-15T10:30:00Z');
        const until = Date.parse('2024-01-16T08:00:00Z');
        strict_1.default.deepEqual(data(await collect(storage, { since, until })), [2, 3]);
        strict_1.default.deepEqual(data(await collect(storage, { since: Date.parse('2024-01-16T12:00:00.123Z') })), ['hc']);
        strict_1.default.deepEqual(data(await collect(storage, { limit: 2 })), [1, 2]);
        strict_1.default.deepEqual(data(await collect(storage, { limit: 0 })), []);
    });
    (0, node_test_1.it)('tracks the last sequence per aggregate and bus-wide', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        strict_1.default.equal(await storage.lastSequence(), -1);
        strict_1.default.equal(await storage.lastSequence('a'), -1);
        await storage.append(sample());
        strict_1.default.equal(await storage.lastSequence(), 4);
        strict_1.default.equal(await storage.lastSequence('a'), 2);
        strict_1.default.equal(await storage.lastSequence('b'), 3);
        strict_1.default.equal(await storage.lastSequence('nobody'), -1);
    });
    (0, node_test_1.it)('finds events by id and keeps them frozen', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const events = sample();
        await storage.append(events);
        const found = await storage.getEvent(events[1].metadata.event_id);
        strict_1.default.equal(found?.event_type, 'risk_alert');
        strict_1.default.equal(await storage.getEvent('missing'), undefined);
        strict_1.default.ok(Object.isFrozen(found) && Object.isFrozen(found?.metadata));
    });
    (0, node_test_1.it)('saves, lists and loads snapshots as copies', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        const state = { balance: 10 };
        const ref = await storage.saveSnapshot({ aggregate_id: 'market_data_BTC', sequence_number: 150, timestamp: '2024-01-15T10:00:00Z', state });
        await storage.saveSnapshot({ aggregate_id: 'market_data_BTC', sequence_number: 50, timestamp: '2024-01-15T09:00:00Z', state: {} });
        await storage.saveSnapshot({ aggregate_id: 'system', sequence_number: 100, timestamp: '2024-01-15T09:00:00Z', state: {} });
        state.balance = 99;
        strict_1.default.equal(ref.file, 'snapshots/snapshot_market_data_BTC_150.json');
        strict_1.default.deepEqual((await storage.listSnapshots()).map((r) => `${r.aggregate_id}@${r.sequence_number}`), ['market_data_BTC@50', 'market_data_BTC@150', 'system@100']);
        strict_1.default.deepEqual((await storage.listSnapshots('system')).map((r) => r.sequence_number), [100]);
        const loaded = await storage.loadSnapshot(ref);
        strict_1.default.deepEqual(loaded.state, { balance: 10 }, 'later changes to the caller object do not leak in');
        await strict_1.default.rejects(storage.loadSnapshot({ aggregate_id: 'x', sequence_number: 1, file: 'snapshots/snapshot_x_1.json' }), /No snapshot of aggregate "x" at sequence 1/);
    });
    (0, node_test_1.it)('reports health and refuses work once closed', async () => {
        const storage = new memoryStorage_1.MemoryEventStorage();
        await storage.append(sample());
        strict_1.default.deepEqual(await storage.health(), { healthy: true, detail: 'in memory (nothing is persisted)', events: 4 });
        await storage.close();
        strict_1.default.equal((await storage.health()).healthy, false);
        await strict_1.default.rejects(storage.append(sample()), /closed/);
    });
});
//# sourceMappingURL=memoryStorage.unit.spec.js.map