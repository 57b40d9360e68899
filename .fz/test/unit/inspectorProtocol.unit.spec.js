"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const webviewProtocol_1 = require("../../src/shared/webviewProtocol");
const inspectorFixtures_1 = require("./inspectorFixtures");
(0, node_test_1.describe)('webview protocol guards', () => {
    (0, node_test_1.it)('accepts each message only with its own method, kind and params', () => {
        const ready = webviewProtocol_1.ReadyCommand.create({});
        strict_1.default.equal(webviewProtocol_1.ReadyCommand.is(ready), true);
        strict_1.default.equal(webviewProtocol_1.ReadyCommand.is({ ...ready, kind: 'notification' }), false);
        strict_1.default.equal(webviewProtocol_1.ReadyCommand.is({ ...ready, method: 'webview/other' }), false);
        const request = webviewProtocol_1.StepsRequest.create(7, { offset: 0, limit: 500 });
        strict_1.default.deepEqual(request, { kind: 'request', id: 7, method: 'inspector/steps', params: { offset: 0, limit: 500 } });
        strict_1.default.equal(webviewProtocol_1.StepsRequest.is(request), true);
        strict_1.default.equal(webviewProtocol_1.StateRequest.is(request), false, 'a steps request is not a state request');
    });
    (0, node_test_1.it)('rejects requests whose params are out of range or of the wrong type', () => {
        strict_1.default.equal(webviewProtocol_1.StepsRequest.is(webviewProtocol_1.StepsRequest.create(1, { offset: -1, limit: 10 })), false);
        strict_1.default.equal(webviewProtocol_1.StepsRequest.is(webviewProtocol_1.StepsRequest.create(1, { offset: 0, limit: 0 })), false);
        strict_1.default.equal(webviewProtocol_1.StepsRequest.is(webviewProtocol_1.StepsRequest.create(1, { offset: 0, limit: 10_001 })), false);
        strict_1.default.equal(webviewProtocol_1.StepsRequest.is({ kind: 'request', id: 1, method: 'inspector/steps', params: { offset: '0', limit: 10 } }), false);
        strict_1.default.equal(webviewProtocol_1.StateRequest.is({ kind: 'request', id: 1, method: 'inspector/state', params: { atSequence: 1.5 } }), false);
        strict_1.default.equal(webviewProtocol_1.StateRequest.is({ kind: 'request', id: 'x', method: 'inspector/state', params: { atSequence: 1 } }), false);
        strict_1.default.equal(webviewProtocol_1.SnapshotDriftRequest.is(webviewProtocol_1.SnapshotDriftRequest.create(2, { sequenceNumber: 5, file: 'snapshots/a.json' })), true);
        strict_1.default.equal(webviewProtocol_1.SnapshotDriftRequest.is({ kind: 'request', id: 2, method: 'inspector/snapshotDrift', params: { sequenceNumber: 5 } }), false);
    });
    (0, node_test_1.it)('checks notifications deeply: every step of an appended page must be a step', () => {
        const good = webviewProtocol_1.StepsAppendedNotification.create({ offset: 2, total: 3, steps: [(0, inspectorFixtures_1.step)(3)] });
        strict_1.default.equal(webviewProtocol_1.StepsAppendedNotification.is(good), true);
        const badStep = { ...(0, inspectorFixtures_1.step)(3), sequence: '3' };
        strict_1.default.equal(webviewProtocol_1.StepsAppendedNotification.is({ ...good, params: { offset: 2, total: 3, steps: [badStep] } }), false);
        strict_1.default.equal(webviewProtocol_1.SubjectNotification.is(webviewProtocol_1.SubjectNotification.create({ aggregateId: 'order-1', focusSequence: 4 })), true);
        strict_1.default.equal(webviewProtocol_1.SubjectNotification.is({ kind: 'notification', method: 'inspector/subject', params: { aggregateId: 5 } }), false);
        strict_1.default.equal(webviewProtocol_1.SubjectNotification.is(null), false);
    });
    (0, node_test_1.it)('tells replies apart: ok replies carry a result, error replies a message', () => {
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)((0, webviewProtocol_1.replyOk)(3, { a: 1 })), true);
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)((0, webviewProtocol_1.replyOk)(3, null)), true);
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)((0, webviewProtocol_1.replyError)(3, 'no such aggregate')), true);
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)({ kind: 'reply', id: 3, ok: true }), false, 'an ok reply without a result');
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)({ kind: 'reply', id: 3, ok: false }), false, 'an error reply without a message');
        strict_1.default.equal((0, webviewProtocol_1.isReplyMessage)({ kind: 'reply', ok: true, result: 1 }), false, 'a reply without an id');
    });
    (0, node_test_1.it)('recognises a saved state and its subject, and nothing else', () => {
        const saved = {
            version: 1,
            subject: { aggregateId: 'order-1', store: '/w/event_store' },
            mode: 'compare',
            selectedSequence: 4,
            compareA: 1,
            compareB: 4,
            snapshotSequence: null,
            loadedCount: 500,
        };
        strict_1.default.equal((0, webviewProtocol_1.isInspectorSavedState)(saved), true);
        strict_1.default.deepEqual((0, webviewProtocol_1.subjectOfSavedState)(saved), { aggregateId: 'order-1', store: '/w/event_store' });
        strict_1.default.equal((0, webviewProtocol_1.isInspectorSavedState)({ ...saved, version: 2 }), false);
        strict_1.default.equal((0, webviewProtocol_1.isInspectorSavedState)({ ...saved, mode: 'other' }), false);
        strict_1.default.equal((0, webviewProtocol_1.subjectOfSavedState)({ ...saved, subject: { store: '/w' } }), undefined);
        strict_1.default.equal((0, webviewProtocol_1.subjectOfSavedState)(undefined), undefined);
    });
});
//# sourceMappingURL=inspectorProtocol.unit.spec.js.map