"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const eventTypes_1 = require("../../src/engine/model/eventTypes");
const completion_1 = require("../../src/server/features/completion");
const featuresTestStore_1 = require("./featuresTestStore");
(0, node_test_1.describe)('completion while writing an event line', () => {
    let store;
    (0, node_test_1.before)(async () => {
        store = await (0, featuresTestStore_1.openFeatureStore)(1500);
    });
    (0, node_test_1.after)(async () => store.close());
    /** Completion with the cursor where `|` is. */
    const complete = (withCursor) => {
        const character = withCursor.indexOf('|');
        const line = withCursor.replace('|', '');
        return { line, items: (0, completion_1.completion)(store.ctx, line, { line: 4, character }) };
    };
    const edit = (item) => item?.textEdit;
    const labels = (items) => items.map((i) => i.label);
    (0, node_test_1.it)('event types at the event_type value, replacing the half-typed string', () => {
        const { line, items } = complete('{"event_type":"trade_ex|');
        for (const type of eventTypes_1.BUILT_IN_EVENT_TYPES)
            node_assert_1.strict.ok(labels(items).includes(type), type);
        const item = items.find((i) => i.label === 'trade_executed');
        node_assert_1.strict.equal(edit(item).range.start.line, 4);
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(line, [edit(item)]), '{"event_type":"trade_executed"');
        node_assert_1.strict.equal(item?.filterText, '"trade_executed"');
    });
    (0, node_test_1.it)('metadata keys not yet present, with a usable value', () => {
        const { line, items } = complete('{"event_type":"trade_executed","data":{},"metadata":{"event_id":"e","schema_version":"1.1",|}}');
        const names = labels(items);
        node_assert_1.strict.ok(!names.includes('event_id') && !names.includes('schema_version'));
        for (const key of ['timestamp', 'aggregate_id', 'correlation_id', 'causation_id', 'sequence_number', 'status', 'tags'])
            node_assert_1.strict.ok(names.includes(key), key);
        const timestamp = (0, featuresTestStore_1.applyLineEdits)(line, [edit(items.find((i) => i.label === 'timestamp'))]);
        node_assert_1.strict.match(timestamp, /,"timestamp":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"\}\}$/);
        node_assert_1.strict.match((0, featuresTestStore_1.applyLineEdits)(line, [edit(items.find((i) => i.label === 'status'))]), /,"status":"pending"\}\}$/);
    });
    (0, node_test_1.it)('schema_version values of the line\'s event type, newest first', () => {
        const { line, items } = complete('{"event_type":"trade_executed","data":{},"metadata":{"schema_version":"|"}}');
        node_assert_1.strict.deepEqual(labels(items), ['1.1', '1.0']);
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(line, [edit(items[1])]), '{"event_type":"trade_executed","data":{},"metadata":{"schema_version":"1.0"}}');
    });
    (0, node_test_1.it)('data property names from the schema of the line\'s version, required first, present ones left out', () => {
        const { line, items } = complete('{"event_type":"trade_executed","data":{"symbol":"BTCUSDT",|},"metadata":{"schema_version":"1.0"}}');
        const required = ['side', 'quantity', 'price', 'order_id', 'fee'];
        const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
        node_assert_1.strict.deepEqual(labels(sorted), required, 'trade_executed 1.0 has only required properties besides symbol');
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(line, [edit(items.find((i) => i.label === 'side'))]), line.replace('"BTCUSDT",', '"BTCUSDT","side":"buy"'));
        // 1.1 renames order_id and adds venue.
        const newer = complete('{"event_type":"trade_executed","data":{|},"metadata":{"schema_version":"1.1"}}');
        node_assert_1.strict.ok(labels(newer.items).includes('venue') && labels(newer.items).includes('exchange_order_id'));
        node_assert_1.strict.ok(!labels(newer.items).includes('order_id'));
    });
    (0, node_test_1.it)('optional properties come after required ones', () => {
        const { items } = complete('{"event_type":"market_data_received","data":{|}}');
        const sorted = labels([...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))));
        node_assert_1.strict.deepEqual(sorted, ['symbol', 'price', 'volume', 'bid', 'ask', 'exchange']);
        node_assert_1.strict.equal(items.find((i) => i.label === 'exchange')?.detail, 'optional · market_data_received');
    });
    (0, node_test_1.it)('nested data objects and enum values', () => {
        const nested = complete('{"event_type":"analysis_completed","data":{"indicators":{|}}}');
        node_assert_1.strict.deepEqual(labels(nested.items).sort(), ['macd', 'rsi', 'sma_20']);
        const enumItems = complete('{"event_type":"analysis_completed","data":{"signal":"b|"}}');
        node_assert_1.strict.deepEqual(labels(enumItems.items), ['bullish', 'bearish', 'neutral']);
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(enumItems.line, [edit(enumItems.items[1])]), '{"event_type":"analysis_completed","data":{"signal":"bearish"}}');
    });
    (0, node_test_1.it)('status values, top-level keys, and nothing in free text', () => {
        node_assert_1.strict.deepEqual(labels(complete('{"metadata":{"status":|}}').items), ['pending', 'processing', 'completed', 'failed', 'retrying']);
        node_assert_1.strict.deepEqual(labels(complete('{"event_type":"x",|}').items), ['data', 'metadata']);
        node_assert_1.strict.deepEqual(complete('{"event_type":"market_data_received","data":{"symbol":"|"}}').items, []);
        node_assert_1.strict.deepEqual(complete('{"event_type":"no_such_type","data":{|}}').items, []);
    });
    (0, node_test_1.it)('keeps the Python json.dumps spacing of the line', () => {
        const { line, items } = complete('{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", |}, "metadata": {"schema_version": "1.0"}}');
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(line, [edit(items.find((i) => i.label === 'fee'))]), line.replace('"BTCUSDT", ', '"BTCUSDT", "fee": 0'));
    });
});
//# sourceMappingURL=featuresCompletion.unit.spec.js.map