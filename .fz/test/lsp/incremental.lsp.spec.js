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
const uris_1 = require("../../src/shared/uris");
const lspClient_1 = require("./lspClient");
const lspFixtures_1 = require("./lspFixtures");
const codesOnLine = (d, line0) => d.filter((x) => x.range.start.line === line0).map((x) => String(x.code)).sort();
(0, node_test_1.describe)('incremental edits of an open event document', () => {
    let ws;
    let client;
    let uri;
    let text;
    let version = 1;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.makeFaultyWorkspace)(600);
        client = await (0, lspClient_1.startServer)({ folder: ws.folder });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
        uri = (0, uris_1.fileUriOf)(path.join(ws.store, lspFixtures_1.HAND_FILE));
        text = fs.readFileSync(path.join(ws.store, lspFixtures_1.HAND_FILE), 'utf8');
        client.open(uri, text);
        await client.waitForVersion(uri, 1);
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        ws?.cleanup();
    });
    (0, node_test_1.it)('fixing a value inside one line clears that finding and keeps the others', async () => {
        const line = ws.hand.badId;
        const start = line.indexOf('"not-a-uuid"');
        const before = client.diagnostics.get(uri) ?? [];
        assert.ok(codesOnLine(before, 2).includes('EB007'));
        client.change(uri, ++version, [
            { range: { start: { line: 2, character: start + 1 }, end: { line: 2, character: start + 11 } }, text: 'aaaaaaaa-bbbb-4ccc-8ddd-999999999999' },
        ]);
        const after = await client.waitForVersion(uri, version);
        assert.ok(!codesOnLine(after, 2).includes('EB007'), `EB007 fixed; line 3 now has ${codesOnLine(after, 2).join(',')}`);
        assert.deepEqual(codesOnLine(after, 1), codesOnLine(before, 1), 'the NaN line is untouched');
        assert.deepEqual(codesOnLine(after, 4), codesOnLine(before, 4));
    });
    (0, node_test_1.it)('breaking a line reports it at the place parsing failed', async () => {
        // Drop the closing brace of the valid first line.
        const first = ws.hand.valid;
        client.change(uri, ++version, [{ range: { start: { line: 0, character: first.length - 1 }, end: { line: 0, character: first.length } }, text: '' }]);
        const after = await client.waitForVersion(uri, version);
        const broken = after.find((x) => x.code === 'EB001' && x.range.start.line === 0);
        assert.ok(broken, `EB001 on line 1: ${JSON.stringify(codesOnLine(after, 0))}`);
        assert.equal(broken.range.start.character, first.length - 1, 'at the end of the line, where the object was left open');
        client.change(uri, ++version, [{ range: { start: { line: 0, character: first.length - 1 }, end: { line: 0, character: first.length - 1 } }, text: '}' }]);
        const fixed = await client.waitForVersion(uri, version);
        assert.ok(!codesOnLine(fixed, 0).includes('EB001'));
    });
    (0, node_test_1.it)('a line inserted above moves every finding below it, store-wide ones included', async () => {
        const before = client.diagnostics.get(uri) ?? [];
        client.change(uri, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '{oops\n' }]);
        const after = await client.waitForVersion(uri, version);
        assert.deepEqual(codesOnLine(after, 0), ['EB001']);
        const shifted = before.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character}`).sort();
        const now = after.filter((d) => d.range.start.line > 0).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
        assert.deepEqual(now, shifted);
        client.change(uri, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
        const restored = await client.waitForVersion(uri, version);
        assert.deepEqual(restored.map((d) => `${d.code}@${d.range.start.line}`).sort(), before.map((d) => `${d.code}@${d.range.start.line}`).sort());
    });
    (0, node_test_1.it)('a torn last line that gets a line after it is plain invalid JSON, no longer torn', async () => {
        const lastLine0 = 6;
        assert.ok(codesOnLine(client.diagnostics.get(uri) ?? [], lastLine0).includes('EB003'));
        client.change(uri, ++version, [{ range: { start: { line: lastLine0, character: ws.hand.torn.length }, end: { line: lastLine0, character: ws.hand.torn.length } }, text: '\n' }]);
        const after = await client.waitForVersion(uri, version);
        assert.deepEqual(codesOnLine(after, lastLine0).filter((c) => c === 'EB001' || c === 'EB003'), ['EB001']);
        client.change(uri, ++version, [{ range: { start: { line: lastLine0, character: ws.hand.torn.length }, end: { line: lastLine0 + 1, character: 0 } }, text: '' }]);
        const back = await client.waitForVersion(uri, version);
        assert.ok(codesOnLine(back, lastLine0).includes('EB003'));
    });
    (0, node_test_1.it)('a full-text change replaces the document', async () => {
        client.change(uri, ++version, [{ text: `${ws.hand.badTimestamp}\n` }]);
        const after = await client.waitForVersion(uri, version);
        assert.deepEqual(after.filter((d) => !['EB013', 'EB014', 'EB015', 'EB016', 'EB017', 'EB018'].includes(String(d.code))).map((d) => `${d.code}@${d.range.start.line}`), ['EB008@0']);
    });
    (0, node_test_1.it)('closing the document puts back what the store pass found on disk', async () => {
        client.close(uri);
        const closed = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'EB007'));
        assert.ok(codesOnLine(closed, 2).includes('EB007'), 'the file on disk still has the bad id');
    });
});
//# sourceMappingURL=incremental.lsp.spec.js.map