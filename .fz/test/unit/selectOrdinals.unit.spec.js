"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_1 = require("../../src/engine/model/event");
const openStore_1 = require("../../src/engine/openStore");
const query_1 = require("../../src/engine/query");
const tempStore_1 = require("../helpers/tempStore");
/** Eight events, ordinal = data.n: aggregates trader_1/trader_2/order_1, one stored out of sequence order. */
const SPEC = [
    ['trade_executed', 'trader_1', 2, 'c1', 'bot'],
    ['risk_alert', 'trader_2', 1, 'c1', 'risk'],
    ['trade_executed', 'trader_1', 1, 'c2', 'bot'],
    ['order_placed', 'order_1', 1, 'c2', 'desk'],
    ['trade_executed', 'trader_2', 2, 'c1', 'bot'],
    ['risk_alert', 'trader_1', 3, 'c2', 'risk'],
    ['order_placed', 'order_1', 2, 'c1', 'desk'],
    ['trade_executed', 'trader_2', 3, 'c2', 'bot'],
];
const T0 = Date.parse('2024-01-15T10:00:00Z');
(0, node_test_1.describe)('the one evaluator (engine/query selectOrdinals)', () => {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-select-');
    let engine;
    (0, node_test_1.before)(async () => {
        const lines = SPEC.map(([type, aggregate, sequence, correlation, source], n) => (0, event_1.serializeEvent)((0, event_1.createEvent)(type, { n, quantity: n * 10 }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: correlation, source, timestamp: new Date(T0 + n * 60_000).toISOString() })));
        (0, tempStore_1.writeEventFile)(temp.dir, 'events_2024-01-15.jsonl', `${lines.join('\n')}\n`);
        engine = await (0, openStore_1.openStore)(temp.dir, { noCache: true });
    });
    (0, node_test_1.after)(async () => {
        await engine.close();
        temp.cleanup();
    });
    (0, node_test_1.it)('one aggregate comes in sequence order, anything else in store order', () => {
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregateIds: ['trader_1'] }), [2, 0, 5]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregateIds: ['trader_1', 'order_1'] }), [0, 2, 3, 5, 6]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { eventTypes: ['risk_alert', 'order_placed'] }), [1, 3, 5, 6]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, {}), [0, 1, 2, 3, 4, 5, 6, 7]);
    });
    (0, node_test_1.it)('every field narrows; values within a list are alternatives', () => {
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregatePrefix: 'trader_', sources: ['risk'] }), [1, 5]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { correlationIds: ['c2'], eventTypes: ['trade_executed'] }), [2, 7]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregateIds: ['trader_2'], fromSequenceNumber: 2, toSequenceNumber: 2 }), [4]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { since: T0 + 2 * 60_000, until: T0 + 4 * 60_000 }), [2, 3, 4]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { since: T0 + 2 * 60_000, eventTypes: ['order_placed'] }), [3, 6]);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregateIds: ['nobody'] }), []);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { eventTypes: ['trade_executed'] }, 2), [0, 2], 'the limit counts kept events');
    });
    (0, node_test_1.it)('empty lists and blank queries narrow nothing; a window given backwards keeps nothing', () => {
        strict_1.default.equal((0, query_1.ordinalTestOf)(engine.index, { eventTypes: [], where: '  ', aggregatePrefix: '' }), null);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { since: T0 + 60_000, until: T0 }), []);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, { aggregateIds: ['trader_1'], fromSequenceNumber: 3, toSequenceNumber: 2 }), [], 'a rebuild from a snapshot at its target reads nothing');
    });
    (0, node_test_1.it)('a storage lookup is the same filter', () => {
        strict_1.default.deepEqual((0, query_1.filterOfQuery)({ aggregateId: 'a', fromSequenceNumber: 2, limit: 4 }), { aggregateIds: ['a'], fromSequenceNumber: 2 });
        strict_1.default.deepEqual(engine.selectOrdinals({ aggregateId: 'trader_1', toSequenceNumber: 2 }), [2, 0]);
    });
    (0, node_test_1.it)('the content query: streamed by the CLI, prepared as a mask by the server, the same answer', async () => {
        const filter = { aggregatePrefix: 'trader_', where: 'data.quantity >= 40' };
        const streamed = [];
        for await (const ordinal of (0, query_1.selectMatchingOrdinals)(engine, filter))
            streamed.push(ordinal);
        strict_1.default.deepEqual(streamed, [4, 5, 7]);
        await (0, query_1.prepareContentMask)(engine, filter.where);
        strict_1.default.deepEqual((0, query_1.selectOrdinals)(engine.index, filter), [4, 5, 7]);
        const limited = [];
        for await (const ordinal of (0, query_1.selectMatchingOrdinals)(engine, filter, 1))
            limited.push(ordinal);
        strict_1.default.deepEqual(limited, [4]);
    });
});
//# sourceMappingURL=selectOrdinals.unit.spec.js.map