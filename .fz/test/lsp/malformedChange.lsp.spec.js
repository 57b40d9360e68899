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
const lspFixtures_1 = require("./lspFixtures");
(0, node_test_1.describe)('a malformed didChange', () => {
    let ws;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-malformed-', { events: 200, days: 1, seed: 21 });
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('with text null is refused whole: the document stays as it was and later edits apply normally', async () => {
        const [name] = fs.readdirSync(path.join(ws.store, 'events'));
        const uri = (0, uris_1.eventFileUriOf)(path.join(ws.store, 'events', name));
        const text = fs.readFileSync(path.join(ws.store, 'events', name), 'utf8');
        ws.client.open(uri, text);
        const before = await ws.client.waitForVersion(uri, 1);
        const at = { line: 0, character: 0 };
        ws.client.change(uri, 2, [{ range: { start: at, end: at }, text: null }]);
        // A harmless edit after it: an empty insertion, so the text must equal the original.
        ws.client.change(uri, 3, [{ range: { start: at, end: at }, text: '' }]);
        const after = await ws.client.waitForVersion(uri, 3);
        assert.deepEqual(after.map((d) => [d.code, d.range.start.line]), before.map((d) => [d.code, d.range.start.line]), 'no "null" was inserted (it would be EB001 on line 1)');
        assert.ok(ws.client.logs.some((line) => /didChange .* ignored: contentChanges\[0\]\.text must be a string, got null/.test(line)), 'the refusal is logged');
    });
});
//# sourceMappingURL=malformedChange.lsp.spec.js.map