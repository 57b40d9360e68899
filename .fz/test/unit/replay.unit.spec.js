"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const replay_1 = require("../../src/engine/replay/replay");
const stateTestStorage_1 = require("./stateTestStorage");
const T0 = Date.UTC(2024, 0, 15, 10, 30, 0);
async function store() {
    const storage = new stateTestStorage_1.StateTestStorage();
    // Written out of sequence order on purpose: an aggregate replay must come back in sequence order.
    await storage.append([
        (0, stateTestStorage_1.ev)('trader_1', 2, { n: 2 }, 'trade_executed', { correlation_id: 'c1', timeMs: T0 + 2000 }),
        (0, stateTestStorage_1.ev)('trader_1', 1, { n: 1 }, 'trade_decision_made', { correlation_id: 'c1', timeMs: T0 + 1000 }),
        (0, stateTestStorage_1.ev)('risk', 1, { n: 3 }, 'risk_alert', { correlation_id: 'c1', timeMs: T0 + 3000 }),
        (0, stateTestStorage_1.ev)('trader_1', 3, { n: 4 }, 'trade_executed', { correlation_id: 'c2', timeMs: T0 + 4000 }),
        (0, stateTestStorage_1.ev)('trader_1', 4, { n: 5 }, 'trade_executed', { timeMs: T0 + 5000 }),
    ]);
    return storage;
}
const ns = (events) => events.map((e) => e.data.n);
(0, node_test_1.describe)('replay', () => {
    (0, node_test_1.it)('replays an aggregate in sequence order within inclusive bounds', async () => {
        const storage = await store();
        strict_1.default.deepEqual(ns(await (0, replay_1.replayEvents)(storage, { aggregateId: 'trader_1' })), [1, 2, 4, 5]);
        strict_1.default.deepEqual(ns(await (0, replay_1.replayEvents)(storage, { aggregateId: 'trader_1', fromSequenceNumber: 2, toSequenceNumber: 3 })), [2, 4]);
    });
    (0, node_test_1.it)('replays a correlation across aggregates, and a time range given as ISO text', async () => {
        const storage = await store();
        strict_1.default.deepEqual(ns(await (0, replay_1.replayEvents)(storage, { correlationId: 'c1' })), [2, 1, 3]);
        const range = await (0, replay_1.replayEvents)(storage, { since: '2024-01-15T10:30:02Z', until: '2024-01-15T10:30:04+00:00' });
        strict_1.default.deepEqual(ns(range), [2, 3, 4]);
        strict_1.default.deepEqual(ns(await (0, replay_1.replayEvents)(storage, { since: T0 + 4500 })), [5]);
    });
    (0, node_test_1.it)('refuses bad bounds with a message naming the option', async () => {
        const storage = await store();
        strict_1.default.throws(() => (0, replay_1.replayEventStream)(storage, { since: 'yesterday' }), /since: "yesterday" is not an ISO 8601 timestamp/);
        strict_1.default.throws(() => (0, replay_1.replayEventStream)(storage, { fromSequenceNumber: 5, toSequenceNumber: 2 }), /fromSequenceNumber 5 is after toSequenceNumber 2/);
        strict_1.default.throws(() => (0, replay_1.replayEventStream)(storage, { since: T0 + 10, until: T0 }), /since .* is after until/);
        strict_1.default.equal(storage.queries.length, 0);
    });
    (0, node_test_1.it)('re-dispatches into subscribers in one streamed replay, in order', async () => {
        const storage = await store();
        const calls = [];
        const bus = {
            async replayIntoSubscribers(events) {
                const seen = [];
                for await (const event of events)
                    seen.push(event);
                calls.push(ns(seen));
            },
        };
        const count = await (0, replay_1.replayIntoSubscribers)(storage, bus, { aggregateId: 'trader_1', fromSequenceNumber: 2 });
        strict_1.default.equal(count, 3);
        strict_1.default.deepEqual(calls, [[2, 4, 5]], 'one call, so the bus counts one replay');
    });
});
//# sourceMappingURL=replay.unit.spec.js.map