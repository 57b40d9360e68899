import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventPickItems } from '../../src/extension/commands/eventPickItems';
import type { EventEntry } from '../../src/shared/protocol';

const entry = (sequence: number | null, type: string, timestamp: string | null): EventEntry => ({
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

describe('the rebuild pick lists the aggregate\'s events', () => {
  it('as "#seq type · time", newest first, leaving out events without a sequence', () => {
    const items = eventPickItems([entry(1, 'order_placed', '2024-01-15T10:00:00.123Z'), entry(null, 'broken', null), entry(2, 'trade_executed', '2024-01-15T10:00:05Z')]);
    assert.deepEqual(
      items.map((i) => [i.label, i.description, i.sequence]),
      [
        ['#2 trade_executed', '2024-01-15 10:00:05', 2],
        ['#1 order_placed', '2024-01-15 10:00:00', 1],
      ],
    );
    assert.equal(items[0].detail, 'from TradingEngine · correlation c1');
  });
});
