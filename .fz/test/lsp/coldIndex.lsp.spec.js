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
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
/** Processes whose command line names the index build script and this store. */
function indexBuildsOf(storeRoot) {
    const found = [];
    for (const name of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        try {
            const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
            if (cmdline.includes('indexBuild.js') && cmdline.includes(JSON.stringify(storeRoot).slice(1, -1)))
                found.push(Number(name));
        }
        catch {
            // Gone meanwhile.
        }
    }
    return found;
}
(0, node_test_1.describe)('a store without a persisted index is indexed by a child process of the server', () => {
    let folder;
    let cleanup;
    let store;
    (0, node_test_1.before)(() => {
        ({ dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-cold-'));
        store = path.join(folder, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 60_000, days: 3, outDir: store, seed: 5 });
    });
    (0, node_test_1.after)(() => cleanup?.());
    (0, node_test_1.it)('reports indexing progress, leaves the written index behind and answers from it', async () => {
        const client = await (0, lspClient_1.startServer)({ folder });
        const percents = [];
        client.connection.onNotification(protocol_1.StoreProgressNotification.type, (params) => {
            if (params.status.progress?.phase === 'indexing')
                percents.push(params.status.progress.percent);
        });
        try {
            await client.waitForStoreChanged((p) => p.reason === 'opened', 120_000);
            assert.ok(fs.existsSync(path.join(store, '.eventbus', 'index.ebx')), 'the child wrote the index');
            assert.deepEqual(client.logs.filter((line) => /index build process|indexing here instead/.test(line)), [], 'the child finished: the server did not index in-process');
            const status = await client.connection.sendRequest(protocol_1.StatusRequest.type, {});
            assert.equal(status.stores[0].eventCount, 60_000);
            const groups = await client.connection.sendRequest(protocol_1.EventGroupsRequest.type, { groupBy: 'aggregate', limit: 5 });
            assert.equal(groups.items.length, 5);
            assert.ok(percents.length > 0, 'indexing progress was sent while the child scanned');
            assert.equal(indexBuildsOf(store).length, 0, 'the child is gone once the store is open');
        }
        finally {
            await client.stop();
        }
    });
    (0, node_test_1.it)('a server stopped while the child indexes leaves no index build process behind', async () => {
        fs.rmSync(path.join(store, '.eventbus'), { recursive: true, force: true });
        const client = await (0, lspClient_1.startServer)({ folder });
        const deadline = Date.now() + 30_000;
        while (indexBuildsOf(store).length === 0 && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 20));
        assert.ok(indexBuildsOf(store).length > 0, 'the child was started');
        await client.stop();
        const gone = Date.now() + 10_000;
        while (indexBuildsOf(store).length > 0 && Date.now() < gone)
            await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(indexBuildsOf(store), []);
    });
});
//# sourceMappingURL=coldIndex.lsp.spec.js.map