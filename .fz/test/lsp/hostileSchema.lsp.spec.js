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
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const uris_1 = require("../../src/shared/uris");
const hostileSchemas_1 = require("../helpers/hostileSchemas");
const lspFixtures_1 = require("./lspFixtures");
(0, node_test_1.describe)('the language server and a catastrophic-backtracking schema pattern', () => {
    let ws;
    let eventsFile = '';
    (0, node_test_1.before)(async () => {
        const started = Date.now();
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-redos-', { events: 200, days: 1, seed: 5 }, (store) => {
            (0, hostileSchemas_1.writeRedosSchema)(store);
            eventsFile = path.join(store, (0, hostileSchemas_1.writeEvents)(store, [{ type: hostileSchemas_1.REDOS_TYPE, data: { name: hostileSchemas_1.REDOS_VALUE } }]));
        });
        // The store opens (a hang here was over a minute); the generous bound is for a busy machine.
        assert.ok(Date.now() - started < 30_000, `the store opened in ${Date.now() - started} ms`);
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('opens the store and reports the value as a pattern violation', async () => {
        const diagnostics = await ws.client.waitForDiagnostics((0, uris_1.eventFileUriOf)(eventsFile), (list) => list.some((d) => d.code === 'EB009'), 20_000);
        const violation = diagnostics.find((d) => d.code === 'EB009');
        assert.equal(violation?.range.start.line, 0);
        assert.match(JSON.stringify(violation?.message ?? ''), /must match pattern/);
    });
});
//# sourceMappingURL=hostileSchema.lsp.spec.js.map