"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const aggregatePickItems_1 = require("../../src/extension/inspector/aggregatePickItems");
const inspectorBackend_1 = require("../../src/extension/inspector/inspectorBackend");
const inspectorHtml_1 = require("../../src/extension/inspector/inspectorHtml");
const inspectorRequests_1 = require("../../src/extension/inspector/inspectorRequests");
const nonce_1 = require("../../src/extension/webviews/nonce");
const openInspectorArgs_1 = require("../../src/extension/inspector/openInspectorArgs");
const protocol_1 = require("../../src/shared/protocol");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const inspectorFixtures_1 = require("./inspectorFixtures");
const parts = { nonce: 'abcdefghijklmnop0123==', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/media/inspector.js', styleUri: 'https://x/media/inspector.css' };
(0, node_test_1.describe)('inspector HTML', () => {
    (0, node_test_1.it)('has the strict CSP with the nonce, and loads only the nonce’d script and the stylesheet', () => {
        const html = (0, inspectorHtml_1.inspectorHtml)(parts);
        strict_1.default.equal((0, inspectorHtml_1.inspectorCsp)(parts), `default-src 'none'; img-src ${parts.cspSource} data:; style-src ${parts.cspSource}; script-src 'nonce-${parts.nonce}'; font-src ${parts.cspSource}`);
        strict_1.default.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`), html);
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        strict_1.default.deepEqual(scripts, [`<script nonce="${parts.nonce}" src="${parts.scriptUri}">`]);
        strict_1.default.equal(/style=/.test(html), false, 'no inline style attributes');
        strict_1.default.ok(html.includes(`<link rel="stylesheet" href="${parts.styleUri}">`));
        strict_1.default.equal(/https?:\/\/(?!x\/|file\+)/.test(html), false, 'no remote content');
    });
    (0, node_test_1.it)('refuses a nonce that could break out of the policy', () => {
        strict_1.default.throws(() => (0, inspectorHtml_1.inspectorHtml)({ ...parts, nonce: `abc'; script-src *` }), /nonce/);
        strict_1.default.throws(() => (0, inspectorHtml_1.inspectorHtml)({ ...parts, nonce: 'short' }), /nonce/);
    });
    (0, node_test_1.it)('makes a fresh 128-bit nonce each time', () => {
        const a = (0, nonce_1.createNonce)();
        strict_1.default.equal(Buffer.from(a, 'base64').length, 16);
        strict_1.default.notEqual(a, (0, nonce_1.createNonce)());
        strict_1.default.doesNotThrow(() => (0, inspectorHtml_1.inspectorCsp)({ nonce: a, cspSource: 'x' }));
    });
});
/** A fake language server: records requests and answers from a table by method. */
function fakeServer(answers) {
    const sent = [];
    const send = (async (type, params) => {
        sent.push({ method: type.method, params });
        const answer = answers[type.method];
        if (!answer)
            throw new Error(`no answer for ${type.method}`);
        return answer(params);
    });
    return { send, sent };
}
(0, node_test_1.describe)('inspector backend (host side)', () => {
    (0, node_test_1.it)('pages the aggregate’s events as steps, scoped to the aggregate and store', async () => {
        const server = fakeServer({
            [protocol_1.AggregateEventsRequest.method]: () => ({ items: [(0, inspectorFixtures_1.eventEntry)(1), (0, inspectorFixtures_1.eventEntry)(2)], total: 9, offset: 0 }),
        });
        const backend = (0, inspectorBackend_1.createInspectorBackend)(server.send, { aggregateId: 'order-1', store: '/w/event_store' });
        const page = await backend.steps({ offset: 0, limit: 2 });
        strict_1.default.deepEqual(server.sent, [{ method: protocol_1.AggregateEventsRequest.method, params: { aggregateId: 'order-1', store: '/w/event_store', offset: 0, limit: 2 } }]);
        strict_1.default.equal(page.total, 9);
        strict_1.default.ok(page.steps.every(webviewProtocol_1.isInspectorStep));
        strict_1.default.equal(Object.hasOwn(page.steps[0], 'uri'), false, 'the page gets no file locations');
        strict_1.default.deepEqual((0, inspectorBackend_1.toInspectorStep)((0, inspectorFixtures_1.eventEntry)(5, { status: 'failed' })).status, 'failed');
    });
    (0, node_test_1.it)('rebuilds a state at a sequence and keeps only this aggregate’s snapshots', async () => {
        const server = fakeServer({
            [protocol_1.RebuildRequest.method]: () => ({ aggregateId: 'order-1', state: { total: 3 }, lastSequence: 4, eventsApplied: 2, fromSnapshot: 'snapshots/s.json', skippedSnapshots: [] }),
            [protocol_1.SnapshotsRequest.method]: () => ({
                snapshots: [
                    { aggregateId: 'order-1', sequenceNumber: 2, file: 'snapshots/a.json', uri: 'file:///a' },
                    { aggregateId: 'order-10', sequenceNumber: 2, file: 'snapshots/b.json', uri: 'file:///b' },
                ],
                ignored: [],
            }),
        });
        const backend = (0, inspectorBackend_1.createInspectorBackend)(server.send, { aggregateId: 'order-1' });
        strict_1.default.deepEqual(await backend.state({ atSequence: 4 }), { atSequence: 4, state: { total: 3 }, lastSequence: 4, eventsApplied: 2, fromSnapshot: 'snapshots/s.json' });
        strict_1.default.deepEqual(server.sent[0], { method: protocol_1.RebuildRequest.method, params: { aggregateId: 'order-1', atSequence: 4 } });
        strict_1.default.deepEqual(await backend.snapshots(), { snapshots: [{ sequenceNumber: 2, file: 'snapshots/a.json' }] });
    });
    (0, node_test_1.it)('reports a snapshot’s drift and its own state only when the rebuild started from that snapshot', () => {
        const verification = {
            aggregateId: 'order-1',
            sequenceNumber: 2,
            file: 'snapshots/a.json',
            ok: false,
            eventsApplied: 2,
            rebuiltToSequence: 2,
            differences: ['/total: snapshot has 5, rebuilt has 3'],
        };
        const params = { sequenceNumber: 2, file: 'snapshots/a.json' };
        const drift = (0, inspectorBackend_1.driftOf)(params, [verification], { state: { total: 5 }, fromSnapshot: 'snapshots/a.json', eventsApplied: 0 });
        strict_1.default.deepEqual(drift, { ...params, ok: false, differences: verification.differences, error: null, snapshotState: { total: 5 }, snapshotStateKnown: true });
        const unreadable = (0, inspectorBackend_1.driftOf)(params, [{ ...verification, error: 'bad JSON' }], { state: { total: 3 }, fromSnapshot: null, eventsApplied: 2 });
        strict_1.default.equal(unreadable.snapshotStateKnown, false);
        strict_1.default.equal(unreadable.snapshotState, null);
        strict_1.default.equal(unreadable.error, 'bad JSON');
        strict_1.default.match((0, inspectorBackend_1.driftOf)(params, [], { state: {}, fromSnapshot: null, eventsApplied: 0 }).error ?? '', /did not verify snapshots\/a.json/);
    });
    (0, node_test_1.it)('asks the server to verify and to rebuild at the snapshot for a drift request', async () => {
        const server = fakeServer({
            [protocol_1.SnapshotVerifyRequest.method]: () => [],
            [protocol_1.RebuildRequest.method]: () => ({ aggregateId: 'o', state: {}, lastSequence: 2, eventsApplied: 0, fromSnapshot: 'snapshots/a.json', skippedSnapshots: [] }),
        });
        const backend = (0, inspectorBackend_1.createInspectorBackend)(server.send, { aggregateId: 'o' });
        const drift = await backend.snapshotDrift({ sequenceNumber: 2, file: 'snapshots/a.json' });
        strict_1.default.equal(drift.snapshotStateKnown, true);
        strict_1.default.deepEqual(server.sent.map((s) => s.method).sort(), [protocol_1.RebuildRequest.method, protocol_1.SnapshotVerifyRequest.method].sort());
    });
});
(0, node_test_1.describe)('answering the page', () => {
    const backend = {
        steps: async () => ({ offset: 0, total: 0, steps: [] }),
        state: async ({ atSequence }) => {
            if (atSequence > 10)
                throw new Error(`no event has sequence ${atSequence}`);
            return { atSequence, state: {}, lastSequence: atSequence, eventsApplied: atSequence, fromSnapshot: null };
        },
        snapshots: async () => ({ snapshots: [] }),
        snapshotDrift: async () => strict_1.default.fail('not asked'),
    };
    (0, node_test_1.it)('replies to each request with its id, errors included', async () => {
        strict_1.default.deepEqual(await (0, inspectorRequests_1.answerRequest)(webviewProtocol_1.StepsRequest.create(1, { offset: 0, limit: 10 }), backend), { kind: 'reply', id: 1, ok: true, result: { offset: 0, total: 0, steps: [] } });
        strict_1.default.deepEqual(await (0, inspectorRequests_1.answerRequest)(webviewProtocol_1.StateRequest.create(2, { atSequence: 11 }), backend), { kind: 'reply', id: 2, ok: false, error: 'no event has sequence 11' });
    });
    (0, node_test_1.it)('answers an unknown or malformed request with an error, and ignores what is not a request', async () => {
        const unknown = await (0, inspectorRequests_1.answerRequest)({ kind: 'request', id: 3, method: 'inspector/deleteStore', params: {} }, backend);
        strict_1.default.ok(unknown && !unknown.ok && unknown.error.includes('inspector/deleteStore'));
        const malformed = await (0, inspectorRequests_1.answerRequest)({ kind: 'request', id: 4, method: webviewProtocol_1.SnapshotDriftRequest.method, params: { file: 1 } }, backend);
        strict_1.default.equal(malformed?.ok, false);
        strict_1.default.equal(await (0, inspectorRequests_1.answerRequest)({ kind: 'command', method: 'webview/ready', params: {} }, backend), undefined);
        strict_1.default.equal(await (0, inspectorRequests_1.answerRequest)('hello', backend), undefined);
    });
});
(0, node_test_1.describe)('open inspector command arguments and the aggregate pick', () => {
    (0, node_test_1.it)('takes any object with an aggregate id, and a sequence under either name', () => {
        strict_1.default.deepEqual((0, openInspectorArgs_1.parseOpenInspectorArgs)({ aggregateId: 'order-1', atSequence: 4 }), { aggregateId: 'order-1', atSequence: 4 });
        strict_1.default.deepEqual((0, openInspectorArgs_1.parseOpenInspectorArgs)({ aggregateId: 'order-1', sequence: 2, store: '/w', label: 'tree item' }), { aggregateId: 'order-1', store: '/w', atSequence: 2 });
        strict_1.default.deepEqual((0, openInspectorArgs_1.parseOpenInspectorArgs)({ aggregateId: 'order-1', atSequence: 1.5 }), { aggregateId: 'order-1' });
        // An event row of the trees (its context menu): the inspector opens at that event's step.
        strict_1.default.deepEqual((0, openInspectorArgs_1.parseOpenInspectorArgs)({ kind: 'event', aggregateId: 'order-1', toSequence: 7, store: '/w' }), { aggregateId: 'order-1', store: '/w', atSequence: 7 });
        // An event document: the server's entry places it.
        strict_1.default.deepEqual((0, openInspectorArgs_1.openArgsOfEntry)({ aggregateId: 'order-1', sequence: 9 }, '/w'), { aggregateId: 'order-1', store: '/w', atSequence: 9 });
        strict_1.default.deepEqual((0, openInspectorArgs_1.openArgsOfEntry)({ aggregateId: 'order-1', sequence: null }, undefined), { aggregateId: 'order-1' });
        strict_1.default.equal((0, openInspectorArgs_1.openArgsOfEntry)({ aggregateId: null, sequence: 3 }, undefined), undefined);
        strict_1.default.equal((0, openInspectorArgs_1.parseOpenInspectorArgs)({ aggregateId: '' }), undefined);
        strict_1.default.equal((0, openInspectorArgs_1.parseOpenInspectorArgs)(undefined), undefined);
        strict_1.default.notEqual((0, openInspectorArgs_1.subjectKey)({ aggregateId: 'a', store: '/1' }), (0, openInspectorArgs_1.subjectKey)({ aggregateId: 'a', store: '/2' }));
    });
    (0, node_test_1.it)('lists aggregates with their counts and says when the list is partial', () => {
        const page = { items: [{ aggregateId: 'order-1', count: 1200, lastTimestamp: null, lastTimestampMs: null }, { aggregateId: 'order-2', count: 1, lastTimestamp: null, lastTimestampMs: null }], total: 2, offset: 0 };
        strict_1.default.deepEqual((0, aggregatePickItems_1.aggregatePickItems)(page).map((i) => [i.label, i.description]), [['order-1', '1,200 events'], ['order-2', '1 event']]);
        strict_1.default.equal((0, aggregatePickItems_1.aggregatePickPlaceholder)(page), 'Pick an aggregate to inspect (2)');
        strict_1.default.match((0, aggregatePickItems_1.aggregatePickPlaceholder)({ ...page, total: 9000 }), /showing 2 of 9,000, type to search by id prefix/);
    });
});
//# sourceMappingURL=inspectorHost.unit.spec.js.map