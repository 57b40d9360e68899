"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const query_1 = require("../../src/engine/query");
const EVENT = {
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
const matches = (query, event = EVENT) => (0, query_1.compileQuery)(query).matches({ event });
function errorOf(query) {
    try {
        (0, query_1.compileQuery)(query);
    }
    catch (error) {
        strict_1.default.ok(error instanceof query_1.QueryError, `expected a QueryError, got ${String(error)}`);
        return error;
    }
    strict_1.default.fail(`expected "${query}" to be rejected`);
}
(0, node_test_1.describe)('query language: comparisons', () => {
    (0, node_test_1.it)('compares numbers with every operator', () => {
        strict_1.default.equal(matches('data.quantity == 12'), true);
        strict_1.default.equal(matches('data.quantity = 12'), true);
        strict_1.default.equal(matches('data.quantity != 12'), false);
        strict_1.default.equal(matches('data.quantity < 13'), true);
        strict_1.default.equal(matches('data.quantity < 12'), false);
        strict_1.default.equal(matches('data.quantity <= 12'), true);
        strict_1.default.equal(matches('data.quantity > 11'), true);
        strict_1.default.equal(matches('data.quantity > 12'), false);
        strict_1.default.equal(matches('data.quantity >= 12'), true);
        strict_1.default.equal(matches('10 < data.quantity'), true);
        strict_1.default.equal(matches('data.quantity > -1'), true);
    });
    (0, node_test_1.it)('never coerces: the text "12" is not the number 12, and mixed types do not order', () => {
        strict_1.default.equal(matches('data.price_text == 12'), false);
        strict_1.default.equal(matches('data.price_text == "12"'), true);
        strict_1.default.equal(matches('data.price_text > 3'), false);
        strict_1.default.equal(matches('data.quantity == "12"'), false);
        strict_1.default.equal(matches('data.symbol > "A"'), true);
    });
    (0, node_test_1.it)('reads null, booleans and a path alone as a condition', () => {
        strict_1.default.equal(matches('data.discount == null'), true);
        strict_1.default.equal(matches('data.flagged == false'), true);
        strict_1.default.equal(matches('data.flagged'), false);
        strict_1.default.equal(matches('data.symbol'), true);
        strict_1.default.equal(matches('data.discount'), false);
    });
});
(0, node_test_1.describe)('query language: and, or, not', () => {
    (0, node_test_1.it)('combines with words and symbols, with and binding tighter than or', () => {
        strict_1.default.equal(matches('data.quantity > 10 and type == "trade_executed"'), true);
        strict_1.default.equal(matches('data.quantity > 10 && type == "other"'), false);
        strict_1.default.equal(matches('type == "other" or data.quantity == 12'), true);
        strict_1.default.equal(matches('type == "other" || data.quantity == 1'), false);
        strict_1.default.equal(matches('type == "x" and data.quantity == 1 or data.symbol == "BTCUSDT"'), true);
        strict_1.default.equal(matches('type == "x" and (data.quantity == 1 or data.symbol == "BTCUSDT")'), false);
    });
    (0, node_test_1.it)('negates the whole comparison after not', () => {
        strict_1.default.equal(matches('not type == "other"'), true);
        strict_1.default.equal(matches('not data.quantity > 10'), false);
        strict_1.default.equal(matches('!(data.quantity > 10)'), false);
        strict_1.default.equal(matches('not not data.quantity > 10'), true);
    });
});
(0, node_test_1.describe)('query language: contains, in, exists and functions', () => {
    (0, node_test_1.it)('contains: text ignoring case, list membership, object keys', () => {
        strict_1.default.equal(matches('data.note contains "market"'), true);
        strict_1.default.equal(matches('data.note contains "limit"'), false);
        strict_1.default.equal(matches('data.tags contains "urgent"'), true);
        strict_1.default.equal(matches('data.tags contains "urg"'), false);
        strict_1.default.equal(matches('tags contains "env"'), true);
    });
    (0, node_test_1.it)('in: membership of a literal list or of a field holding a list', () => {
        strict_1.default.equal(matches('data.symbol in ["ETHUSDT", "BTCUSDT"]'), true);
        strict_1.default.equal(matches('seq in [1, 2, 3]'), false);
        strict_1.default.equal(matches('"retail" in data.tags'), true);
    });
    (0, node_test_1.it)('exists tells a missing field from a null one', () => {
        strict_1.default.equal(matches('exists(data.discount)'), true);
        strict_1.default.equal(matches('exists(data.coupon)'), false);
        strict_1.default.equal(matches('not exists(data.coupon)'), true);
    });
    (0, node_test_1.it)('length, lower, upper, startsWith, endsWith', () => {
        strict_1.default.equal(matches('length(data.items) == 2'), true);
        strict_1.default.equal(matches('length(data.symbol) > 6'), true);
        strict_1.default.equal(matches('lower(data.symbol) == "btcusdt"'), true);
        strict_1.default.equal(matches('upper(source) == "TRADING_ENGINE"'), true);
        strict_1.default.equal(matches('startsWith(aggregate, "trader_")'), true);
        strict_1.default.equal(matches('endsWith(aggregate, "_8")'), false);
    });
});
(0, node_test_1.describe)('query language: paths', () => {
    (0, node_test_1.it)('indexes into arrays from the front and the back, and reads a field of every element', () => {
        strict_1.default.equal(matches('data.items[0].sku == "A-1"'), true);
        strict_1.default.equal(matches('data.items[1].qty == 5'), true);
        strict_1.default.equal(matches('data.items[-1].sku == "B-2"'), true);
        strict_1.default.equal(matches('data.items[2].sku == "A-1"'), false);
        strict_1.default.equal(matches('data.items.sku == "B-2"'), true);
        strict_1.default.equal(matches('data.items.qty > 4'), true);
        strict_1.default.equal(matches('data.items.qty > 5'), false);
    });
    (0, node_test_1.it)('reads quoted keys, metadata and the envelope short names', () => {
        strict_1.default.equal(matches('data["odd key"] == "yes"'), true);
        strict_1.default.equal(matches('metadata.source == "trading_engine"'), true);
        strict_1.default.equal(matches('source == "trading_engine" and aggregate == "trader_7" and correlation == "corr-1"'), true);
        strict_1.default.equal(matches('causation == null and status == "processed" and retries == 0'), true);
        strict_1.default.equal(matches('id == "11111111-1111-4111-8111-111111111111"'), true);
        strict_1.default.equal(matches('metadata.tags.env == "prod"'), true);
    });
    (0, node_test_1.it)('a missing field makes every comparison false except !=, which is not ==', () => {
        strict_1.default.equal(matches('data.coupon == 1'), false);
        strict_1.default.equal(matches('data.coupon < 1'), false);
        strict_1.default.equal(matches('data.coupon > 1'), false);
        strict_1.default.equal(matches('data.coupon != 1'), true);
        strict_1.default.equal(matches('data.quantity.deeper == 1'), false);
        strict_1.default.equal(matches('data.coupon contains "x"'), false);
    });
    (0, node_test_1.it)('does not reach the prototype chain', () => {
        strict_1.default.equal(matches('exists(data.constructor)'), false);
        strict_1.default.equal(matches('exists(data.__proto__)'), false);
        strict_1.default.equal(matches('exists(data.items.length)'), false);
    });
});
(0, node_test_1.describe)('query language: time and sequence ranges', () => {
    (0, node_test_1.it)('compares time with ISO dates (a date alone is its whole UTC day) and date-times', () => {
        strict_1.default.equal(matches('time >= "2024-01-15" and time < "2024-01-16"'), true);
        strict_1.default.equal(matches('time == "2024-01-15"'), true);
        strict_1.default.equal(matches('time == "2024-01-14"'), false);
        strict_1.default.equal(matches('time > "2024-01-15"'), false, 'after the 15th means after the whole day');
        strict_1.default.equal(matches('time <= "2024-01-15"'), true);
        strict_1.default.equal(matches('time < "2024-01-15T10:30:00Z"'), false);
        strict_1.default.equal(matches('time <= "2024-01-15T10:30:00Z"'), true);
        strict_1.default.equal(matches('time > "2024-01-15T10:29:59.999"'), true);
        strict_1.default.equal(matches('"2024-01-16" > time'), true);
        strict_1.default.equal(matches('time != "2024-01-15"'), false);
    });
    (0, node_test_1.it)('compares sequence numbers as a range', () => {
        strict_1.default.equal(matches('seq >= 40 and seq <= 50'), true);
        strict_1.default.equal(matches('seq > 42'), false);
    });
    (0, node_test_1.it)('answers envelope-only queries from the index entry without a body', () => {
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
        };
        const query = (0, query_1.compileQuery)('type == "trade_executed" and seq > 40 and time == "2024-01-15" and aggregate == "trader_7"');
        strict_1.default.equal(query.body, false);
        strict_1.default.equal(query.line, false);
        strict_1.default.equal(query.matches({ indexed }), true);
        strict_1.default.equal((0, query_1.compileQuery)('data.quantity > 1').body, true);
        strict_1.default.equal((0, query_1.compileQuery)('metadata.version == "1.0.0"').body, true);
        strict_1.default.equal((0, query_1.compileQuery)('metadata.source == "api"').body, false);
    });
    (0, node_test_1.it)('a quoted text alone searches the whole line, ignoring case', () => {
        const query = (0, query_1.compileQuery)('"filled AT"');
        strict_1.default.equal(query.line, true);
        strict_1.default.equal(query.matches({ event: EVENT, line: JSON.stringify(EVENT) }), true);
        strict_1.default.equal(query.matches({ event: EVENT, line: '{"event_type":"x"}' }), false);
    });
});
(0, node_test_1.describe)('query language: errors name the column and what was expected', () => {
    const cases = [
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
        (0, node_test_1.it)(`${JSON.stringify(query)} → column ${column}`, () => {
            const error = errorOf(query);
            strict_1.default.match(error.reason, reason);
            strict_1.default.equal(error.column, column, error.message);
            strict_1.default.match(error.message, new RegExp(`^query, column ${column}: `));
            strict_1.default.equal(error.pointer().split('\n')[1], `${' '.repeat(column - 1)}^`);
        });
    }
});
//# sourceMappingURL=queryLanguage.unit.spec.js.map