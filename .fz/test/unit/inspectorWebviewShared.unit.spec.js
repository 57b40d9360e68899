"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const escape_1 = require("../../src/webview/shared/escape");
const hostConnection_1 = require("../../src/webview/shared/hostConnection");
(0, node_test_1.describe)('escaping', () => {
    (0, node_test_1.it)('escapes every character that could open markup or end an attribute', () => {
        strict_1.default.equal((0, escape_1.escapeHtml)(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
        strict_1.default.equal((0, escape_1.escapeHtml)('plain text'), 'plain text');
    });
    (0, node_test_1.it)('previews values on one line, cut at the limit, and never throws', () => {
        strict_1.default.equal((0, escape_1.previewValue)({ a: [1, 'x'] }), '{"a":[1,"x"]}');
        strict_1.default.equal((0, escape_1.previewValue)(undefined), '—');
        strict_1.default.equal((0, escape_1.previewValue)('x'.repeat(50), 10), `"${'x'.repeat(8)}…`);
        const cycle = {};
        cycle.self = cycle;
        strict_1.default.equal((0, escape_1.previewValue)(cycle), '[object Object]');
        strict_1.default.match((0, escape_1.prettyJson)({ long: 'y'.repeat(100) }, 20), /more characters not shown/);
    });
});
(0, node_test_1.describe)('the page’s host connection', () => {
    const state = { atSequence: 3, state: { a: 1 }, lastSequence: 3, eventsApplied: 3, fromSnapshot: null };
    (0, node_test_1.it)('says ready, sends requests with ids and resolves them by the reply’s id', async () => {
        const posted = [];
        const connection = (0, hostConnection_1.createHostConnection)({ post: (m) => posted.push(m) });
        connection.ready();
        strict_1.default.deepEqual(posted[0], { kind: 'command', method: 'webview/ready', params: {} });
        const first = connection.request(webviewProtocol_1.StateRequest, { atSequence: 3 });
        const second = connection.request(webviewProtocol_1.StateRequest, { atSequence: 4 });
        strict_1.default.deepEqual(posted.slice(1), [
            { kind: 'request', id: 1, method: 'inspector/state', params: { atSequence: 3 } },
            { kind: 'request', id: 2, method: 'inspector/state', params: { atSequence: 4 } },
        ]);
        connection.receive((0, webviewProtocol_1.replyError)(2, 'no event has sequence 4'));
        connection.receive((0, webviewProtocol_1.replyOk)(1, state));
        strict_1.default.deepEqual(await first, state);
        await strict_1.default.rejects(second, /no event has sequence 4/);
    });
    (0, node_test_1.it)('rejects a reply of the wrong shape and one that never comes', async () => {
        const connection = (0, hostConnection_1.createHostConnection)({ post: () => undefined, timeoutMs: 20 });
        const wrong = connection.request(webviewProtocol_1.StateRequest, { atSequence: 3 });
        connection.receive((0, webviewProtocol_1.replyOk)(1, { state: 1 }));
        await strict_1.default.rejects(wrong, /unexpected shape/);
        await strict_1.default.rejects(connection.request(webviewProtocol_1.StateRequest, { atSequence: 3 }), /no reply to inspector\/state within 20 ms/);
    });
    (0, node_test_1.it)('dispatches notifications by their guards and drops anything else', () => {
        const unknown = [];
        const subjects = [];
        const connection = (0, hostConnection_1.createHostConnection)({ post: () => undefined, onUnknown: (m) => unknown.push(m) });
        connection.onNotification(webviewProtocol_1.SubjectNotification, (p) => subjects.push(p.aggregateId));
        connection.onNotification(webviewProtocol_1.StepsAppendedNotification, () => strict_1.default.fail('not a steps page'));
        connection.receive(webviewProtocol_1.SubjectNotification.create({ aggregateId: 'order-1' }));
        connection.receive({ kind: 'notification', method: 'inspector/stepsAppended', params: { offset: 0, steps: [{}], total: 1 } });
        connection.receive('<script>alert(1)</script>');
        connection.receive((0, webviewProtocol_1.replyOk)(42, {}));
        strict_1.default.deepEqual(subjects, ['order-1']);
        strict_1.default.equal(unknown.length, 2, 'the malformed notification and the string; a stray reply is ignored');
    });
});
//# sourceMappingURL=inspectorWebviewShared.unit.spec.js.map