"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const query_1 = require("../../src/engine/query");
const event = {
    event_type: 'trade_executed',
    data: { symbol: 'BTCUSDT', quantity: 12, fills: [{ qty: 5 }, { qty: 7 }] },
    metadata: { event_id: 'e-1', aggregate_id: 'acct-1', sequence_number: 4, timestamp: '2024-01-15T10:00:00Z', source: 'api' },
};
const subject = { event, prev: { balance: 10, positions: {} }, state: { balance: -2, positions: { BTCUSDT: 12 } } };
(0, node_test_1.describe)('the debugger\'s expressions (the content query language with event, state and prev)', () => {
    (0, node_test_1.it)('conditions read the state after the event and the state before it', () => {
        strict_1.default.equal((0, query_1.compileQuery)('state.balance < 0', { debugRoots: true }).matches(subject), true);
        strict_1.default.equal((0, query_1.compileQuery)('prev.balance < 0', { debugRoots: true }).matches(subject), false);
        strict_1.default.equal((0, query_1.compileQuery)('event.data.quantity > 10 and state.positions.BTCUSDT == 12', { debugRoots: true }).matches(subject), true);
        strict_1.default.equal((0, query_1.compileQuery)('exists(prev.positions.BTCUSDT)', { debugRoots: true }).matches(subject), false);
    });
    (0, node_test_1.it)('say which reads they need: a state root needs the fold, event.data the body', () => {
        strict_1.default.equal((0, query_1.compileQuery)('state.balance < 0', { debugRoots: true }).state, true);
        strict_1.default.equal((0, query_1.compileQuery)('type == "x"', { debugRoots: true }).state, false);
        strict_1.default.equal((0, query_1.compileQuery)('event.data.quantity > 1', { debugRoots: true }).body, true);
    });
    (0, node_test_1.it)('the CLI\'s queries do not know the debugger\'s roots', () => {
        strict_1.default.throws(() => (0, query_1.compileQuery)('state.balance < 0'), (error) => error instanceof query_1.QueryError && /unknown name "state"/.test(error.message));
    });
    (0, node_test_1.it)('watch expressions give values: a field, a whole object, every element\'s field, a function, a condition', () => {
        const value = (text) => (0, query_1.expressionValue)((0, query_1.parseExpression)(text, { debugRoots: true }), subject);
        strict_1.default.equal(value('state.balance'), -2);
        strict_1.default.deepEqual(value('state.positions'), { BTCUSDT: 12 });
        strict_1.default.deepEqual(value('event.data.fills.qty'), [5, 7]);
        strict_1.default.equal(value('length(event.data.fills)'), 2);
        strict_1.default.equal(value('event.event_type'), 'trade_executed');
        strict_1.default.equal(value('state.balance < prev.balance'), true);
        strict_1.default.equal(value('exists(state.missing)'), false);
        strict_1.default.equal(value('state.missing'), undefined);
    });
    (0, node_test_1.it)('a bad expression names its column', () => {
        strict_1.default.throws(() => (0, query_1.parseExpression)('state.balance <', { debugRoots: true }), (error) => error instanceof query_1.QueryError && /column 16/.test(error.message));
    });
});
//# sourceMappingURL=debugExpressions.unit.spec.js.map