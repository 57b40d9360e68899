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
const protocol_1 = require("../../src/shared/protocol");
const uris_1 = require("../../src/shared/uris");
const writeProtocol_1 = require("../../src/shared/writeProtocol");
const tempStore_1 = require("../helpers/tempStore");
const stateTestStorage_1 = require("../unit/stateTestStorage");
const lspClient_1 = require("./lspClient");
const EVENTS_FILE = 'events/events_2024-01-15.jsonl';
/** metadata.retry_count of the store's events, in line order. */
const RETRIES = [0, 2, 4, 6, 1];
/** counter.js folds an aggregate into the number of its events and the sum of their `amount`. */
const COUNTER = `
module.exports = {
  name: 'counter',
  initialState: () => ({ count: 0, sum: 0 }),
  apply(state, event) {
    state.count += 1;
    state.sum += event.data.amount;
    return state;
  },
};`;
const ENDLESS = `module.exports = { name: 'endless', initialState: {}, apply(state) { for (;;) {} } };`;
/** Fills typed arrays (outside any heap limit; the sandbox has no Buffer) until stopped. */
const HOARD = `module.exports = { name: 'hoard', initialState: {}, apply(state) { const keep = []; for (;;) keep.push(new Uint8Array(8 * 1024 * 1024).fill(1)); } };`;
/** A workspace folder with a store of one aggregate (`acc-1`, amounts 10, 20, …) and two projection modules. */
function makeWorkspace() {
    const { dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-projections-');
    const store = path.join(folder, 'event_store');
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    fs.mkdirSync(path.join(store, 'projections'), { recursive: true });
    const lines = RETRIES.map((retry, i) => {
        const event = (0, stateTestStorage_1.ev)('acc-1', i + 1, { amount: (i + 1) * 10 }, 'deposit_made');
        return JSON.stringify({ ...event, metadata: { ...event.metadata, retry_count: retry } });
    });
    fs.writeFileSync(path.join(store, ...EVENTS_FILE.split('/')), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(store, 'projections', 'counter.js'), COUNTER);
    fs.writeFileSync(path.join(store, 'projections', 'endless.js'), ENDLESS);
    fs.writeFileSync(path.join(store, 'projections', 'hoard.js'), HOARD);
    return { folder, store, cleanup };
}
/** Sends settings and waits until the server has applied them (settings changes are notifications). */
async function configureAndWait(client, store, settings, applied) {
    client.configure(settings);
    const deadline = Date.now() + 10_000;
    while (!(await applied())) {
        if (Date.now() > deadline)
            throw new Error(`settings ${JSON.stringify(settings)} were not applied to ${store} within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
(0, node_test_1.describe)('projections over stdio', () => {
    let workspace;
    let client;
    const rebuild = (params) => client.connection.sendRequest(protocol_1.RebuildRequest.type, { store: workspace.store, aggregateId: 'acc-1', ...params });
    (0, node_test_1.before)(async () => {
        workspace = makeWorkspace();
        client = await (0, lspClient_1.startServer)({ folder: workspace.folder, settings: {} });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        workspace?.cleanup();
    });
    (0, node_test_1.it)('lists the projection modules without running them', async () => {
        const listing = await client.connection.sendRequest(protocol_1.ProjectionsRequest.type, { store: workspace.store });
        assert.deepEqual(listing, { files: ['projections/counter.js', 'projections/endless.js', 'projections/hoard.js'], names: ['counter', 'endless', 'hoard'], enabled: false });
    });
    (0, node_test_1.it)('refuses a projection while eventbus.projections.enabled is off, even when trusted', async () => {
        await assert.rejects(rebuild({ projection: 'counter', trusted: true }), (error) => {
            assert.match(error.message, /needs a trusted workspace and eventbus\.projections\.enabled: projection code comes from the workspace/);
            assert.match(error.message, /eventbus\.projections\.enabled is off/);
            return true;
        });
    });
    (0, node_test_1.it)('refuses a projection from an untrusted client once the setting is on', async () => {
        const listed = () => client.connection.sendRequest(protocol_1.ProjectionsRequest.type, { store: workspace.store }).then((l) => l.enabled);
        await configureAndWait(client, workspace.store, { projectionsEnabled: true }, listed);
        await assert.rejects(rebuild({ projection: 'counter' }), /untrusted workspace/);
        await assert.rejects(rebuild({ projection: 'counter', trusted: false }), /needs a trusted workspace/);
    });
    (0, node_test_1.it)('rebuilds through the projection when enabled and trusted', async () => {
        const result = await rebuild({ projection: 'counter', trusted: true });
        assert.deepEqual(result.state, { count: 5, sum: 150 });
        assert.equal(result.eventsApplied, 5);
        assert.equal(result.lastSequence, 5);
        const atThree = await rebuild({ projection: 'counter', trusted: true, atSequence: 3 });
        assert.deepEqual(atThree.state, { count: 3, sum: 60 });
        // Without a projection the default reducer still runs (deep merge of `data`).
        const plain = await rebuild({ atSequence: 3 });
        assert.equal(plain.state.amount, 30);
    });
    (0, node_test_1.it)('stops a projection with an endless loop at the time limit', async () => {
        const started = Date.now();
        await assert.rejects(rebuild({ projection: 'endless', trusted: true, projectionTimeLimitMs: 500 }), /did not finish within 500 ms/);
        assert.ok(Date.now() - started < 8000, 'the time limit given was used, not the 10 s default');
    });
    (0, node_test_1.it)('keeps answering other requests while a projection loops, and after it is stopped', async () => {
        let settled = false;
        const endless = rebuild({ projection: 'endless', trusted: true, projectionTimeLimitMs: 5000 }).finally(() => (settled = true));
        // While the loop runs in its worker: status, the listing, a plain rebuild and another projection all answer.
        const status = await client.connection.sendRequest(protocol_1.StatusRequest.type, { store: workspace.store });
        assert.equal(status.stores.length, 1);
        const listing = await client.connection.sendRequest(protocol_1.ProjectionsRequest.type, { store: workspace.store });
        assert.deepEqual(listing.names, ['counter', 'endless', 'hoard']);
        assert.equal((await rebuild({ atSequence: 2 })).state.amount, 20);
        assert.deepEqual((await rebuild({ projection: 'counter', trusted: true })).state, { count: 5, sum: 150 });
        assert.equal(settled, false, 'all of that was answered while the endless projection was still running');
        await assert.rejects(endless, /projection projections\/endless\.js: did not finish within 5000 ms/);
        assert.deepEqual((await rebuild({ projection: 'counter', trusted: true, atSequence: 4 })).state, { count: 4, sum: 100 });
    });
    (0, node_test_1.it)('stops a projection that exhausts memory with an error, and the server carries on', async () => {
        await assert.rejects(rebuild({ projection: 'hoard', trusted: true, projectionTimeLimitMs: 60_000 }), (error) => {
            assert.match(error.message, /projection projections\/hoard\.js: ran out of memory/);
            return true;
        });
        assert.deepEqual((await rebuild({ projection: 'counter', trusted: true })).state, { count: 5, sum: 150 });
    });
    (0, node_test_1.it)('names the projections there are when the name is unknown', async () => {
        await assert.rejects(rebuild({ projection: 'nope', trusted: true }), /no projection named "nope" \(the store has: counter, endless, hoard\)/);
    });
});
(0, node_test_1.describe)('bus settings and bus status over stdio', () => {
    let workspace;
    let client;
    let uri;
    const retryLines = (diagnostics) => diagnostics.filter((d) => d.code === 'EB019').map((d) => d.range.start.line).sort((a, b) => a - b);
    (0, node_test_1.before)(async () => {
        workspace = makeWorkspace();
        uri = (0, uris_1.fileUriOf)(path.join(workspace.store, ...EVENTS_FILE.split('/')));
        client = await (0, lspClient_1.startServer)({ folder: workspace.folder, settings: {} });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        workspace?.cleanup();
    });
    (0, node_test_1.it)('eventbus.bus.max_retry_count changes which lines get EB019, without a reload', async () => {
        // Default max_retry_count 3: retries 4 and 6 (lines 2 and 3) are over it.
        assert.deepEqual(retryLines(await client.waitForDiagnostics(uri, (d) => retryLines(d).length > 0)), [2, 3]);
        client.configure({ bus: { max_retry_count: 5 } });
        assert.deepEqual(retryLines(await client.waitForDiagnostics(uri, (d) => retryLines(d).length === 1)), [3]);
        client.configure({ bus: { max_retry_count: 0 } });
        // Max 0: every retried event (retries 2, 4, 6, 1) is over it.
        assert.deepEqual(retryLines(await client.waitForDiagnostics(uri, (d) => retryLines(d).length === 4)), [1, 2, 3, 4]);
    });
    (0, node_test_1.it)('logs a bad bus value and keeps going', async () => {
        client.configure({ bus: { max_retry_count: -1 } });
        const deadline = Date.now() + 5000;
        while (!client.logs.some((l) => /eventbus\.bus\.max_retry_count: expected an integer >= 0/.test(l))) {
            assert.ok(Date.now() < deadline, `no warning logged; logs: ${client.logs.join('\n')}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // Back to the file's (default) max of 3.
        assert.deepEqual(retryLines(await client.waitForDiagnostics(uri, (d) => retryLines(d).length === 2)), [2, 3]);
    });
    (0, node_test_1.it)('reports the bus the editor published through in the status', async () => {
        const before = await client.connection.sendRequest(protocol_1.StatusRequest.type, { store: workspace.store });
        assert.equal(before.stores[0].bus, undefined);
        await client.connection.sendRequest(writeProtocol_1.PublishRequest.type, { store: workspace.store, trusted: true, eventType: 'deposit_made', allowNewType: true, aggregateId: 'acc-1', data: { amount: 60 } });
        const status = await client.connection.sendRequest(protocol_1.StatusRequest.type, { store: workspace.store });
        const bus = status.stores[0].bus;
        assert.ok(bus, 'status has a bus after a publish');
        assert.equal(bus.metrics.events_published, 1);
        assert.equal(bus.queue_size, 0);
        assert.equal(bus.persistence_enabled, true);
        assert.equal(typeof bus.snapshots_enabled, 'boolean');
        assert.equal(typeof bus.status, 'string');
        assert.deepEqual(typeof bus.subscribers_count, 'object');
    });
});
//# sourceMappingURL=projections.lsp.spec.js.map