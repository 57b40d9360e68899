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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const protocol_1 = require("../../src/shared/protocol");
const uris_1 = require("../../src/shared/uris");
const lspFixtures_1 = require("./lspFixtures");
async function errorOf(request) {
    try {
        await request;
    }
    catch (error) {
        return error;
    }
    throw new Error('the request did not fail');
}
(0, node_test_1.describe)('requests with wrong parameters, cancelled requests, and the document state they leave', () => {
    let ws;
    let uri = '';
    let lines = [];
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-guards-', { events: 300, days: 1, seed: 31 });
        const [name] = fs.readdirSync(path.join(ws.store, 'events'));
        uri = (0, uris_1.eventFileUriOf)(path.join(ws.store, 'events', name));
        lines = fs.readFileSync(path.join(ws.store, 'events', name), 'utf8').split('\n');
        ws.client.open(uri, lines.join('\n'));
        await ws.client.waitForVersion(uri, 1);
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('answers -32602 with what was expected, never -32603 with a raw JS message', async () => {
        const send = (method, params) => ws.client.connection.sendRequest(method, params);
        const cases = [
            ['textDocument/hover', { textDocument: { uri } }, /position must be \{line, character\}/],
            ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }, /position must be/],
            ['textDocument/hover', { position: { line: 0, character: 0 } }, /textDocument\.uri must be a non-empty string/],
            ['textDocument/documentSymbol', { textDocument: { uri: 42 } }, /textDocument\.uri must be a non-empty string, got 42/],
            ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }, /range must be/],
            [protocol_1.AggregatesRequest.method, { store: 17 }, /store must be a store folder's path, got 17/],
            [protocol_1.AggregatesRequest.method, 'not an object', /expected an object/],
        ];
        for (const [method, params, expected] of cases) {
            const error = await errorOf(send(method, params));
            assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}: ${error.message}`);
            assert.match(error.message, expected);
            assert.match(error.message, new RegExp(`^${method.replace('/', '\\/')}: invalid params`));
            assert.doesNotMatch(error.message, /Cannot read properties|undefined is not|is not a function/);
        }
    });
    (0, node_test_1.it)('honours $/cancelRequest: a hover cancelled while edits are queued answers -32800 (RequestCancelled)', async () => {
        // Edits first, so the hover waits its turn behind them; the cancel arrives while it waits.
        const at = { line: 10, character: lines[10].length };
        for (let k = 0; k < 50; k++)
            ws.client.change(uri, 2 + k, [{ range: { start: at, end: at }, text: '' }]);
        const source = new vscode_languageserver_protocol_1.CancellationTokenSource();
        const hover = ws.client.connection.sendRequest(vscode_languageserver_protocol_1.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }, source.token);
        source.cancel();
        const error = await errorOf(hover);
        assert.equal(error.code, -32800, error.message);
        await ws.client.waitForVersion(uri, 51);
    });
    (0, node_test_1.it)('after all that, the document is intact: a hover answers, symbols list every event, a real edit is validated', async () => {
        // On a causation_id: the hover describes the causing event.
        const line0 = lines.findIndex((l) => /"causation_id": ?"[0-9a-f-]{36}"/.test(l));
        const cause = /"causation_id": ?"([0-9a-f-]{36})"/.exec(lines[line0])[1];
        const hover = await ws.client.connection.sendRequest(vscode_languageserver_protocol_1.HoverRequest.type, { textDocument: { uri }, position: { line: line0, character: lines[line0].indexOf(cause) + 2 } });
        assert.ok(hover, 'a hover on a causation_id');
        const symbols = await ws.client.connection.sendRequest(vscode_languageserver_protocol_1.DocumentSymbolRequest.type, { textDocument: { uri } });
        assert.equal(symbols?.length, lines.filter((line) => line.trim().length > 0).length);
        // Break line 6's closing brace: EB001 (invalid JSON) on it in the next publish.
        const end = lines[5].length;
        const change = { range: { start: { line: 5, character: end - 1 }, end: { line: 5, character: end } }, text: '' };
        ws.client.change(uri, 100, [change]);
        const diagnostics = await ws.client.waitForVersion(uri, 100);
        assert.ok(diagnostics.some((d) => d.range.start.line === 5 && d.code === 'EB001'), JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line])));
    });
});
//# sourceMappingURL=requestGuards.lsp.spec.js.map