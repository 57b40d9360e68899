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
const hostileSchemas_1 = require("../helpers/hostileSchemas");
const lspFixtures_1 = require("./lspFixtures");
(0, node_test_1.describe)('an unusable schema file in the editor', () => {
    let ws;
    let broken;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-broken-schema-', { events: 200, days: 1, seed: 8 }, (store) => {
            broken = (0, hostileSchemas_1.writeBrokenSchemas)(store);
            (0, hostileSchemas_1.writeEvents)(store, [{ type: hostileSchemas_1.BROKEN_TYPES.unresolvedRef, data: { a: 1 } }]);
        });
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('gets EB022 on the schema file itself, where the problem is, for each kind of breakage', async () => {
        for (const [kind, relative] of Object.entries(broken)) {
            const uri = (0, uris_1.fileUriOf)(path.join(ws.store, relative));
            const diagnostics = await ws.client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'EB022'), 20_000);
            const eb022 = diagnostics.filter((d) => d.code === 'EB022');
            assert.equal(eb022.length, 1, `${kind}: one EB022 on ${relative}`);
            assert.equal(eb022[0].severity, 1, `${kind}: an error`);
        }
        // The invalid JSON's problem is at its end (line 4, where the object is cut off), not on line 1.
        const invalid = ws.client.diagnostics.get((0, uris_1.fileUriOf)(path.join(ws.store, broken.invalidJson)))?.find((d) => d.code === 'EB022');
        assert.ok((invalid?.range.start.line ?? 0) >= 2, `invalid JSON located at line ${invalid?.range.start.line}`);
        assert.match(JSON.stringify(ws.client.diagnostics.get((0, uris_1.fileUriOf)(path.join(ws.store, broken.remoteRef)))), /https:\/\/schemas\.example\.invalid/);
    });
    (0, node_test_1.it)('keeps it through an append to the store, and clears it once the schema file is mended', async () => {
        const uri = (0, uris_1.fileUriOf)(path.join(ws.store, broken.unresolvedRef));
        // An append re-validates only what changed: the schema file's finding must survive it.
        const seen = ws.client.storeChanged.length;
        (0, hostileSchemas_1.writeEvents)(ws.store, [{ type: 'component_started', data: {} }]);
        const deadline = Date.now() + 20_000;
        while (!ws.client.storeChanged.slice(seen).some((p) => p.reason === 'changed')) {
            assert.ok(Date.now() < deadline, 'the append was validated');
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        assert.ok(ws.client.diagnostics.get(uri)?.some((d) => d.code === 'EB022'), 'still there after an append');
        fs.writeFileSync(path.join(ws.store, broken.unresolvedRef), JSON.stringify({ type: 'object' }));
        await ws.client.waitForDiagnostics(uri, (list) => list.length === 0, 20_000);
    });
});
//# sourceMappingURL=brokenSchemaFile.lsp.spec.js.map