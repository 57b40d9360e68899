import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexedEvent } from '../../src/engine/model/indexTypes';
import type { Event } from '../../src/engine/model/event';
import { compileQuery, QueryError } from '../../src/engine/query';

const EVENT: Event = {
  event_type: 'trade_executed',
  data: {
    symbol: 'BTCUSDT',
    quantity: 12,
    price_text: '12',
    note: 'Filled at Market',
    discount: null,
    flagged: false,
    items: [
      { sku: 'A-1', qty: 2 },
      { sku: 'B-2', qty: 5 },
    ],
    tags: ['urgent', 'retail'],
    'odd key': 'yes',
  },
  metadata: {
    event_id: '11111111-1111-4111-8111-111111111111',
    version: '1.0.0',
    schema_version: '1.0',
    timestamp: '2024-01-15T10:30:00Z',
    source: 'trading_engine',
    correlation_id: 'corr-1',
    causation_id: null,
    aggregate_id: 'trader_7',
    sequence_number: 42,
    retry_count: 0,
    status: 'processed',
    tags: { env: 'prod' },
  },
};

const matches = (query: string, event: Event = EVENT): boolean => compileQuery(query).matches({ event });

function errorOf(query: string): QueryError {
  try {
    compileQuery(query);
  } catch (error) {
    assert.ok(error instanceof QueryError, `expected a QueryError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected "${query}" to be rejected`);
}

describe('query language: comparisons', () => {
  it('compares numbers with every operator', () => {
    assert.equal(matches('data.quantity == 12'), true);
    assert.equal(matches('data.quantity = 12'), true);
    assert.equal(matches('data.quantity != 12'), false);
    assert.equal(matches('data.quantity < 13'), true);
    assert.equal(matches('data.quantity < 12'), false);
    assert.equal(matches('data.quantity <= 12'), true);
    assert.equal(matches('data.quantity > 11'), true);
    assert.equal(matches('data.quantity > 12'), false);
    assert.equal(matches('data.quantity >= 12'), true);
    assert.equal(matches('10 < data.quantity'), true);
    assert.equal(matches('data.quantity > -1'), true);
  });

  it('never coerces: the text "12" is not the number 12, and mixed types do not order', () => {
    assert.equal(matches('data.price_text == 12'), false);
    assert.equal(matches('data.price_text == "12"'), true);
    assert.equal(matches('data.price_text > 3'), false);
    assert.equal(matches('data.quantity == "12"'), false);
    assert.equal(matches('data.symbol > "A"'), true);
  });

  it('reads null, booleans and a path alone as a condition', () => {
    assert.equal(matches('data.discount == null'), true);
    assert.equal(matches('data.flagged == false'), true);
    assert.equal(matches('data.flagged'), false);
    assert.equal(matches('data.symbol'), true);
    assert.equal(matches('data.discount'), false);
  });
});

describe('query language: and, or, not', () => {
  it('combines with words and symbols, with and binding tighter than or', () => {
    assert.equal(matches('data.quantity > 10 and type == "trade_executed"'), true);
    assert.equal(matches('data.quantity > 10 && type == "other"'), false);
    assert.equal(matches('type == "other" or data.quantity == 12'), true);
    assert.equal(matches('type == "other" || data.quantity == 1'), false);
    assert.equal(matches('type == "x" and data.quantity == 1 or data.symbol == "BTCUSDT"'), true);
    assert.equal(matches('type == "x" and (data.quantity == 1 or data.symbol == "BTCUSDT")'), false);
  });

  it('negates the whole comparison after not', () => {
    assert.equal(matches('not type == "other"'), true);
    assert.equal(matches('not data.quantity > 10'), false);
    assert.equal(matches('!(data.quantity > 10)'), false);
    assert.equal(matches('not not data.quantity > 10'), true);
  });
});

describe('query language: contains, in, exists and functions', () => {
  it('contains: text ignoring case, list membership, object keys', () => {
    assert.equal(matches('data.note contains "market"'), true);
    assert.equal(matches('data.note contains "limit"'), false);
    assert.equal(matches('data.tags contains "urgent"'), true);
    assert.equal(matches('data.tags contains "urg"'), false);
    assert.equal(matches('tags contains "env"'), true);
  });

  it('in: membership of a literal list or of a field holding a list', () => {
    assert.equal(matches('data.symbol in ["ETHUSDT", "BTCUSDT"]'), true);
    assert.equal(matches('seq in [1, 2, 3]'), false);
    assert.equal(matches('"retail" in data.tags'), true);
  });

  it('exists tells a missing field from a null one', () => {
    assert.equal(matches('exists(data.discount)'), true);
    assert.equal(matches('exists(data.coupon)'), false);
    assert.equal(matches('not exists(data.coupon)'), true);
  });

  it('length, lower, upper, startsWith, endsWith', () => {
    assert.equal(matches('length(data.items) == 2'), true);
    assert.equal(matches('length(data.symbol) > 6'), true);
    assert.equal(matches('lower(data.symbol) == "btcusdt"'), true);
    assert.equal(matches('upper(source) == "TRADING_ENGINE"'), true);
    assert.equal(matches('startsWith(aggregate, "trader_")'), true);
    assert.equal(matches('endsWith(aggregate, "_8")'), false);
  });
});

describe('query language: paths', () => {
  it('indexes into arrays from the front and the back, and reads a field of every element', () => {
    assert.equal(matches('data.items[0].sku == "A-1"'), true);
    assert.equal(matches('data.items[1].qty == 5'), true);
    assert.equal(matches('data.items[-1].sku == "B-2"'), true);
    assert.equal(matches('data.items[2].sku == "A-1"'), false);
    assert.equal(matches('data.items.sku == "B-2"'), true);
    assert.equal(matches('data.items.qty > 4'), true);
    assert.equal(matches('data.items.qty > 5'), false);
  });

  it('reads quoted keys, metadata and the envelope short names', () => {
    assert.equal(matches('data["odd key"] == "yes"'), true);
    assert.equal(matches('metadata.source == "trading_engine"'), true);
    assert.equal(matches('source == "trading_engine" and aggregate == "trader_7" and correlation == "corr-1"'), true);
    assert.equal(matches('causation == null and status == "processed" and retries == 0'), true);
    assert.equal(matches('id == "11111111-1111-4111-8111-111111111111"'), true);
    assert.equal(matches('metadata.tags.env == "prod"'), true);
  });

  it('a missing field makes every comparison false except !=, which is not ==', () => {
    assert.equal(matches('data.coupon == 1'), false);
    assert.equal(matches('data.coupon < 1'), false);
    assert.equal(matches('data.coupon > 1'), false);
    assert.equal(matches('data.coupon != 1'), true);
    assert.equal(matches('data.quantity.deeper == 1'), false);
    assert.equal(matches('data.coupon contains "x"'), false);
  });

  it('does not reach the prototype chain', () => {
    assert.equal(matches('exists(data.constructor)'), false);
    assert.equal(matches('exists(data.__proto__)'), false);
    assert.equal(matches('exists(data.items.length)'), false);
  });
});

describe('query language: time and sequence ranges', () => {
  it('compares time with ISO dates (a date alone is its whole UTC day) and date-times', () => {
    assert.equal(matches('time >= "2024-01-15" and time < "2024-01-16"'), true);
    assert.equal(matches('time == "2024-01-15"'), true);
    assert.equal(matches('time == "2024-01-14"'), false);
    assert.equal(matches('time > "2024-01-15"'), false, 'after the 15th means after the whole day');
    assert.equal(matches('time <= "2024-01-15"'), true);
    assert.equal(matches('time < "2024-01-15T10:30:00Z"'), false);
    assert.equal(matches('time <= "2024-01-15T10:30:00Z"'), true);
    assert.equal(matches('time > "2024-01-15T10:29:59.999"'), true);
    assert.equal(matches('"2024-01-16" > time'), true);
    assert.equal(matches('time != "2024-01-15"'), false);
  });

  it('compares sequence numbers as a range', () => {
    assert.equal(matches('seq >= 40 and seq <= 50'), true);
    assert.equal(matches('seq > 42'), false);
  });

  it('answers envelope-only queries from the index entry without a body', () => {
    const indexed = {
      ordinal: 0,
      file: 'events/events_2024-01-15.jsonl',
      line: 1,
      offset: 0,
      length: 10,
      eventId: 'e',
      eventType: 'trade_executed',
      source: 'api',
      aggregateId: 'trader_7',
      correlationId: null,
      causationId: null,
      timestampMs: Date.UTC(2024, 0, 15, 10, 30),
      sequenceNumber: 42,
      retryCount: 0,
      status: 'processed',
      schemaVersion: '1.0',
    } satisfies IndexedEvent;
    const query = compileQuery('type == "trade_executed" and seq > 40 and time == "2024-01-15" and aggregate == "trader_7"');
    assert.equal(query.body, false);
    assert.equal(query.line, false);
    assert.equal(query.matches({ indexed }), true);
    assert.equal(compileQuery('data.quantity > 1').body, true);
    assert.equal(compileQuery('metadata.version == "1.0.0"').body, true);
    assert.equal(compileQuery('metadata.source == "api"').body, false);
  });

  it('a quoted text alone searches the whole line, ignoring case', () => {
    const query = compileQuery('"filled AT"');
    assert.equal(query.line, true);
    assert.equal(query.matches({ event: EVENT, line: JSON.stringify(EVENT) }), true);
    assert.equal(query.matches({ event: EVENT, line: '{"event_type":"x"}' }), false);
  });
});

describe('query language: errors name the column and what was expected', () => {
  const cases: [string, number, RegExp][] = [
    ['data.quantity >', 16, /expected a value after >/],
    ['data.quantity > 10 and', 23, /expected a value after "and"/],
    ['data.quantity 10', 15, /expected an operator/],
    ['quantity > 10', 1, /unknown name "quantity".*a path starts with data, metadata/],
    ['data.quantity + 1 > 2', 15, /"\+"|unexpected/],
    ['time > "yesterday"', 8, /expected an ISO date or date-time/],
    ['time > "2024-02-30"', 8, /expected an ISO date/],
    ['matches(data.x, "a")', 1, /unknown function "matches"/],
    ['exists(data.x, data.y)', 1, /exists\(…\) takes 1 argument, got 2/],
    ['exists("x")', 8, /exists\(…\) takes a path/],
    ['data.items[data.i] == 1', 12, /whole number index/],
    ['(data.quantity > 1', 19, /expected \)|unclosed/i],
    ['data.note == "open', 19, /unclosed quote/i],
    ['12', 1, /expected a condition, got the number 12/],
    ['   ', 1, /expected a condition/],
    ['type.name == "x"', 1, /single value/],
  ];
  for (const [query, column, reason] of cases) {
    it(`${JSON.stringify(query)} → column ${column}`, () => {
      const error = errorOf(query);
      assert.match(error.reason, reason);
      assert.equal(error.column, column, error.message);
      assert.match(error.message, new RegExp(`^query, column ${column}: `));
      assert.equal(error.pointer().split('\n')[1], `${' '.repeat(column - 1)}^`);
    });
  }
});
