"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_test_1 = require("node:test");
const protocol_1 = require("../../src/shared/protocol");
const lspClient_1 = require("./lspClient");
const lspFixtures_1 = require("./lspFixtures");
const BIG = '12345678901234567890';
const DATA = `{"symbol": "BTCUSDT", "side": "buy", "quantity": 1.0, "price": 50000.0, "order_id": "ord_ab12", "fee": 0.0, "ticket": ${BIG}}`;
(0, node_test_1.describe)('numbers as written in what the editor shows: event documents and the inspector\'s states', () => {
    let ws;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-numbers-', { events: 300, days: 1, seed: 8 }, (store) => {
            // Published before the server starts: the store on disk already holds the line.
            const run = (0, node_child_process_1.spawnSync)(process.execPath, [lspClient_1.CLI_JS, 'publish', 'trade_executed', '--data', DATA, '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store], { encoding: 'utf8' });
            assert.equal(run.status, 0, run.stderr);
            const second = (0, node_child_process_1.spawnSync)(process.execPath, [lspClient_1.CLI_JS, 'publish', 'trade_executed', '--data', DATA.replace('"quantity": 1.0', '"quantity": 2.50'), '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store], { encoding: 'utf8' });
            assert.equal(second.status, 0, second.stderr);
        });
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('an event document spells 1.0, 50000.0 and the 20-digit integer as the line does', async () => {
        const page = await ws.client.connection.sendRequest(protocol_1.AggregateEventsRequest.type, { aggregateId: 'trader_big', limit: 10 });
        const detail = await ws.client.connection.sendRequest(protocol_1.EventByIdRequest.type, { eventId: page.items[0].eventId });
        assert.ok(detail?.documentText);
        assert.match(detail.documentText, /\n {4}"quantity": 1\.0,\n {4}"price": 50000\.0,\n/);
        assert.match(detail.documentText, /"ticket": 12345678901234567890\n/);
        assert.deepEqual(JSON.parse(detail.documentText), detail.event, 'the same event, only spelled as stored');
    });
    (0, node_test_1.it)('a rebuilt state carries its text with the numbers of the events folded, and names the rounded paths (EB026)', async () => {
        const page = await ws.client.connection.sendRequest(protocol_1.AggregateEventsRequest.type, { aggregateId: 'trader_big', limit: 10 });
        const [first, second] = page.items;
        const atFirst = await ws.client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId: 'trader_big', atSequence: first.sequence ?? -1 });
        assert.match(atFirst.stateText ?? '', /\n {2}"quantity": 1\.0,\n {2}"price": 50000\.0,\n/);
        assert.match(atFirst.stateText ?? '', /"ticket": 12345678901234567890/);
        assert.deepEqual(atFirst.numberSpellings, { '/quantity': '1.0', '/price': '50000.0', '/fee': '0.0', '/ticket': BIG });
        assert.deepEqual(atFirst.roundedNumbers, ['/ticket']);
        const atSecond = await ws.client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId: 'trader_big', atSequence: second.sequence ?? -1 });
        assert.match(atSecond.stateText ?? '', /"quantity": 2\.50,/, 'the last event that set the path gives its spelling');
        assert.ok(atSecond.bookkeepingKeys?.includes('_meta'));
        const plain = await ws.client.connection.sendRequest(protocol_1.RebuildRequest.type, { aggregateId: 'trader_1' });
        assert.equal(plain.roundedNumbers, undefined);
    });
});
//# sourceMappingURL=numbersAsWritten.lsp.spec.js.map