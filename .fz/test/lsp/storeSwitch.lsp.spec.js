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
const generateStore_1 = require("../../src/engine/generate/generateStore");
const protocol_1 = require("../../src/shared/protocol");
const uris_1 = require("../../src/shared/uris");
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
(0, node_test_1.describe)('switching a folder to another store (eventbus.storePath)', () => {
    let folder;
    let cleanup;
    let client;
    (0, node_test_1.before)(async () => {
        ({ dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-switch-'));
        (0, generateStore_1.generateStoreSync)({ events: 200, days: 1, outDir: path.join(folder, 'event_store'), seed: 1 });
        (0, generateStore_1.generateStoreSync)({ events: 300, days: 1, outDir: path.join(folder, 'other_store'), seed: 2, withErrors: true });
        client = await (0, lspClient_1.startServer)({ folder });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        cleanup?.();
    });
    (0, node_test_1.it)('leaves one session per store, even when the new store was already open for one of its files', async () => {
        const other = path.join(folder, 'other_store');
        const day = path.join(other, 'events', fs.readdirSync(path.join(other, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
        // Opening a file of the other store opens that store beside the folder's own.
        client.open((0, uris_1.eventFileUriOf)(day), fs.readFileSync(day, 'utf8'));
        await client.waitForStoreChanged((p) => p.reason === 'opened' && p.storeRoot === other);
        const both = await client.connection.sendRequest(protocol_1.StatusRequest.type, {});
        assert.deepEqual(both.stores.map((s) => s.storeRoot).sort(), [path.join(folder, 'event_store'), other].sort());
        client.configure({ storePath: 'other_store' });
        const deadline = Date.now() + 20_000;
        let stores = both.stores;
        while (Date.now() < deadline) {
            stores = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
            if (stores.length === 1 && stores[0].storeRoot === other && stores[0].state === 'ready')
                break;
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.deepEqual(stores.map((s) => [s.storeRoot, s.folder, s.eventCount > 0]), [[other, folder, true]]);
        // The open document belongs to the one session left, and still gets diagnostics from it.
        const diagnostics = await client.waitForDiagnostics((0, uris_1.eventFileUriOf)(day), (d) => d.length > 0);
        assert.ok(diagnostics.length > 0);
        client.close((0, uris_1.eventFileUriOf)(day));
    });
});
//# sourceMappingURL=storeSwitch.lsp.spec.js.map