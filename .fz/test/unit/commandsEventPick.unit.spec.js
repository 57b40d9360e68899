"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventPickItems_1 = require("../../src/extension/commands/eventPickItems");
const entry = (sequence, type, timestamp) => ({
    ordinal: sequence ?? 0,
    sequence,
    type,
    timestamp,
    timestampMs: timestamp ? Date.parse(timestamp) : null,
    status: 'completed',
    retryCount: 0,
    file: 'events/events_2024-01-15.jsonl',
    uri: 'file:///s/events/events_2024-01-15.jsonl',
    line: 1,
    eventId: `e${sequence}`,
    aggregateId: 'trader_1',
    correlationId: 'c1',
    causationId: null,
    source: 'TradingEngine',
    schemaVersion: '1.0',
});
(0, node_test_1.describe)('the rebuild pick lists the aggregate\'s events', () => {
    (0, node_test_1.it)('as "#seq type · time", newest first, leaving out events without a sequence', () => {
        const items = (0, eventPickItems_1.eventPickItems)([entry(1, 'order_placed', '2024-01-15T10:00:00.123Z'), entry(null, 'broken', null), entry(2, 'trade_executed', '2024-01-15T10:00:05Z')]);
        strict_1.default.deepEqual(items.map((i) => [i.label, i.description, i.sequence]), [
            ['#2 trade_executed', '2024-01-15 10:00:05', 2],
            ['#1 order_placed', '2024-01-15 10:00:00', 1],
        ]);
        strict_1.default.equal(items[0].detail, 'from TradingEngine · correlation c1');
    });
});
//# sourceMappingURL=commandsEventPick.unit.spec.js.map