import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { BUILT_IN_EVENT_TYPES } from '../../src/engine/model/eventTypes';
import { completion } from '../../src/server/features/completion';
import { applyLineEdits, type FeatureStore, openFeatureStore } from './featuresTestStore';

describe('completion while writing an event line', () => {
  let store: FeatureStore;
  before(async () => {
    store = await openFeatureStore(1500);
  });
  after(async () => store.close());

  /** Completion with the cursor where `|` is. */
  const complete = (withCursor: string) => {
    const character = withCursor.indexOf('|');
    const line = withCursor.replace('|', '');
    return { line, items: completion(store.ctx, line, { line: 4, character }) };
  };
  const edit = (item: CompletionItem | undefined) => item?.textEdit as TextEdit;
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('event types at the event_type value, replacing the half-typed string', () => {
    const { line, items } = complete('{"event_type":"trade_ex|');
    for (const type of BUILT_IN_EVENT_TYPES) assert.ok(labels(items).includes(type), type);
    const item = items.find((i) => i.label === 'trade_executed');
    assert.equal(edit(item).range.start.line, 4);
    assert.equal(applyLineEdits(line, [edit(item)]), '{"event_type":"trade_executed"');
    assert.equal(item?.filterText, '"trade_executed"');
  });

  it('metadata keys not yet present, with a usable value', () => {
    const { line, items } = complete('{"event_type":"trade_executed","data":{},"metadata":{"event_id":"e","schema_version":"1.1",|}}');
    const names = labels(items);
    assert.ok(!names.includes('event_id') && !names.includes('schema_version'));
    for (const key of ['timestamp', 'aggregate_id', 'correlation_id', 'causation_id', 'sequence_number', 'status', 'tags']) assert.ok(names.includes(key), key);
    const timestamp = applyLineEdits(line, [edit(items.find((i) => i.label === 'timestamp'))]);
    assert.match(timestamp, /,"timestamp":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"\}\}$/);
    assert.match(applyLineEdits(line, [edit(items.find((i) => i.label === 'status'))]), /,"status":"pending"\}\}$/);
  });

  it('schema_version values of the line\'s event type, newest first', () => {
    const { line, items } = complete('{"event_type":"trade_executed","data":{},"metadata":{"schema_version":"|"}}');
    assert.deepEqual(labels(items), ['1.1', '1.0']);
    assert.equal(applyLineEdits(line, [edit(items[1])]), '{"event_type":"trade_executed","data":{},"metadata":{"schema_version":"1.0"}}');
  });

  it('data property names from the schema of the line\'s version, required first, present ones left out', () => {
    const { line, items } = complete('{"event_type":"trade_executed","data":{"symbol":"BTCUSDT",|},"metadata":{"schema_version":"1.0"}}');
    const required = ['side', 'quantity', 'price', 'order_id', 'fee'];
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(labels(sorted), required, 'trade_executed 1.0 has only required properties besides symbol');
    assert.equal(applyLineEdits(line, [edit(items.find((i) => i.label === 'side'))]), line.replace('"BTCUSDT",', '"BTCUSDT","side":"buy"'));
    // 1.1 renames order_id and adds venue.
    const newer = complete('{"event_type":"trade_executed","data":{|},"metadata":{"schema_version":"1.1"}}');
    assert.ok(labels(newer.items).includes('venue') && labels(newer.items).includes('exchange_order_id'));
    assert.ok(!labels(newer.items).includes('order_id'));
  });

  it('optional properties come after required ones', () => {
    const { items } = complete('{"event_type":"market_data_received","data":{|}}');
    const sorted = labels([...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))));
    assert.deepEqual(sorted, ['symbol', 'price', 'volume', 'bid', 'ask', 'exchange']);
    assert.equal(items.find((i) => i.label === 'exchange')?.detail, 'optional · market_data_received');
  });

  it('nested data objects and enum values', () => {
    const nested = complete('{"event_type":"analysis_completed","data":{"indicators":{|}}}');
    assert.deepEqual(labels(nested.items).sort(), ['macd', 'rsi', 'sma_20']);
    const enumItems = complete('{"event_type":"analysis_completed","data":{"signal":"b|"}}');
    assert.deepEqual(labels(enumItems.items), ['bullish', 'bearish', 'neutral']);
    assert.equal(applyLineEdits(enumItems.line, [edit(enumItems.items[1])]), '{"event_type":"analysis_completed","data":{"signal":"bearish"}}');
  });

  it('status values, top-level keys, and nothing in free text', () => {
    assert.deepEqual(labels(complete('{"metadata":{"status":|}}').items), ['pending', 'processing', 'completed', 'failed', 'retrying']);
    assert.deepEqual(labels(complete('{"event_type":"x",|}').items), ['data', 'metadata']);
    assert.deepEqual(complete('{"event_type":"market_data_received","data":{"symbol":"|"}}').items, []);
    assert.deepEqual(complete('{"event_type":"no_such_type","data":{|}}').items, []);
  });

  it('keeps the Python json.dumps spacing of the line', () => {
    const { line, items } = complete('{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", |}, "metadata": {"schema_version": "1.0"}}');
    assert.equal(applyLineEdits(line, [edit(items.find((i) => i.label === 'fee'))]), line.replace('"BTCUSDT", ', '"BTCUSDT", "fee": 0'));
  });
});
