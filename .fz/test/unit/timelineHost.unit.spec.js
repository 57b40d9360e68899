"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const causationChain_1 = require("../../src/extension/timeline/causationChain");
const openEventPlan_1 = require("../../src/extension/timeline/openEventPlan");
const showInTimelineArgs_1 = require("../../src/extension/timeline/showInTimelineArgs");
const timelineAnswers_1 = require("../../src/extension/timeline/timelineAnswers");
const timelineHtml_1 = require("../../src/extension/timeline/timelineHtml");
const nonce_1 = require("../../src/extension/webviews/nonce");
const timelineProtocol_1 = require("../../src/shared/timelineProtocol");
function entry(eventId, over = {}) {
    return {
        ordinal: 0,
        sequence: 7,
        type: 'order_placed',
        timestamp: null,
        timestampMs: 1000,
        status: 'processed',
        retryCount: 0,
        file: 'events/events_2024-01-15.jsonl',
        uri: 'file:///store/events/events_2024-01-15.jsonl',
        line: 12,
        eventId,
        aggregateId: 'order-1',
        correlationId: 'c1',
        causationId: null,
        source: 'Orders',
        schemaVersion: '1.0',
        ...over,
    };
}
/** A fake language client: records each request and answers from a table by method. */
function fakeServer(answers) {
    const calls = [];
    return {
        calls,
        async sendRequest(type, params) {
            calls.push({ method: type.method, params });
            const answer = answers[type.method];
            if (!answer)
                throw new Error(`no answer for ${type.method}`);
            return answer(params);
        },
    };
}
const serverBins = {
    from: 0,
    to: 100,
    bucketMs: 50,
    total: 3,
    lanes: [{ key: 'order-1', counts: [1, 2], total: 3 }],
    marks: [{ ordinal: 4, timestampMs: 10, lane: 'order-1', type: 't', eventId: 'e4', aggregateId: 'order-1', correlationId: null, file: 'events/x.jsonl', line: 5, status: 'completed', retryCount: 0 }],
};
(0, node_test_1.describe)('timeline host: answering the page', () => {
    (0, node_test_1.it)('turns the page’s bins request into the server’s, filters included', () => {
        strict_1.default.deepEqual((0, timelineAnswers_1.serverBinsParams)({ range: { from: 1, to: 2 }, buckets: 10, lane: 'type', types: ['a'], maxLanes: 5, marksBelow: 100 }, '/s'), {
            store: '/s',
            from: 1,
            to: 2,
            buckets: 10,
            lane: 'type',
            filters: { types: ['a'] },
            maxLanes: 5,
            marksBelow: 100,
        });
        strict_1.default.deepEqual((0, timelineAnswers_1.serverBinsParams)({ buckets: 10, lane: 'aggregate', maxLanes: 1, marksBelow: 0 }, undefined), { buckets: 10, lane: 'aggregate', maxLanes: 1, marksBelow: 0 });
    });
    (0, node_test_1.it)('passes marks to the page without file paths, with their status and retry count', () => {
        const plain = (0, timelineAnswers_1.pageBins)(serverBins);
        strict_1.default.equal((0, timelineProtocol_1.isBinsResult)(plain), true);
        strict_1.default.equal('file' in plain.marks[0], false);
        strict_1.default.equal(plain.marks[0].status, 'completed');
        const withStatus = (0, timelineAnswers_1.pageBins)({ ...serverBins, marks: [{ ...serverBins.marks[0], status: 'failed', retryCount: 2 }] });
        strict_1.default.equal(withStatus.marks[0].status, 'failed');
        strict_1.default.equal(withStatus.marks[0].retryCount, 2);
    });
    (0, node_test_1.it)('answers bins, types and causation requests with replies of the right id and shape', async () => {
        const tree = {
            correlationId: 'c1',
            eventCount: 1,
            aggregates: ['order-1'],
            durationMs: 0,
            brokenLinks: 0,
            cycles: 0,
            duplicateIds: 0,
            roots: [{ entry: entry('e1'), sinceCauseMs: null, depth: 0, children: [] }],
        };
        const server = fakeServer({
            'eventbus/timelineBins': () => serverBins,
            'eventbus/eventTypes': () => [{ eventType: 'order_placed', count: 3, schemaVersions: [] }],
            'eventbus/causationTree': (p) => (p.correlationId === 'c1' ? tree : null),
        });
        const bins = await (0, timelineAnswers_1.answerTimelineRequest)(timelineProtocol_1.BinsRequest.create(7, { buckets: 2, lane: 'aggregate', maxLanes: 10, marksBelow: 10 }), server, undefined);
        strict_1.default.equal(bins?.kind, 'reply');
        strict_1.default.equal(bins?.id, 7);
        strict_1.default.equal(bins?.ok && timelineProtocol_1.BinsRequest.isResult(bins.result), true);
        const types = await (0, timelineAnswers_1.answerTimelineRequest)(timelineProtocol_1.TypesRequest.create(8, {}), server, undefined);
        strict_1.default.deepEqual(types, { kind: 'reply', id: 8, ok: true, result: { types: [{ type: 'order_placed', count: 3 }] } });
        const chain = await (0, timelineAnswers_1.answerTimelineRequest)(timelineProtocol_1.CausationRequest.create(9, { correlationId: 'c1' }), server, undefined);
        strict_1.default.equal(chain?.ok && (0, timelineProtocol_1.isCausationChain)(chain.result), true);
        const unknown = await (0, timelineAnswers_1.answerTimelineRequest)(timelineProtocol_1.CausationRequest.create(10, { correlationId: 'nope' }), server, undefined);
        strict_1.default.deepEqual(unknown, { kind: 'reply', id: 10, ok: true, result: null });
    });
    (0, node_test_1.it)('answers a failing server request with an error reply, and ignores what is no request', async () => {
        const server = fakeServer({});
        const reply = await (0, timelineAnswers_1.answerTimelineRequest)(timelineProtocol_1.TypesRequest.create(3, {}), server, undefined);
        strict_1.default.deepEqual(reply, { kind: 'reply', id: 3, ok: false, error: 'no answer for eventbus/eventTypes' });
        strict_1.default.equal(await (0, timelineAnswers_1.answerTimelineRequest)({ kind: 'request', id: 1, method: 'timeline/bins', params: { buckets: 0, lane: 'x' } }, server, undefined), undefined);
        strict_1.default.equal(await (0, timelineAnswers_1.answerTimelineRequest)('<script>', server, undefined), undefined);
        strict_1.default.equal(server.calls.length, 1);
    });
});
(0, node_test_1.describe)('timeline host: opening events', () => {
    const detail = { entry: entry('e1'), event: {}, duplicates: [] };
    (0, node_test_1.it)('uses eventbus.openEvent when another part registered it, beside the timeline (not over it)', () => {
        strict_1.default.deepEqual((0, openEventPlan_1.planOpenEvent)(['eventbus.openEvent'], 'e1', undefined), { kind: 'command', command: 'eventbus.openEvent', args: { eventId: 'e1', beside: true } });
    });
    (0, node_test_1.it)('otherwise opens the event’s line (0-based) in its document', () => {
        strict_1.default.deepEqual((0, openEventPlan_1.planOpenEvent)([], 'e1', detail), { kind: 'document', uri: 'file:///store/events/events_2024-01-15.jsonl', line: 11 });
        strict_1.default.equal((0, openEventPlan_1.planOpenEvent)([], 'gone', null).kind, 'message');
    });
    (0, node_test_1.it)('opens the inspector at the event’s aggregate and sequence', () => {
        strict_1.default.deepEqual((0, openEventPlan_1.planOpenInspector)(['eventbus.openInspector'], 'e1', detail), {
            kind: 'command',
            command: 'eventbus.openInspector',
            args: { aggregateId: 'order-1', atSequence: 7 },
        });
        const noAggregate = (0, openEventPlan_1.planOpenInspector)(['eventbus.openInspector'], 'e1', { ...detail, entry: entry('e1', { aggregateId: null }) });
        strict_1.default.equal(noAggregate.kind, 'message');
        strict_1.default.match(noAggregate.text, /no aggregate_id/);
        strict_1.default.equal((0, openEventPlan_1.planOpenInspector)([], 'e1', detail).kind, 'message');
    });
    (0, node_test_1.it)('reads the event id of showInTimeline from a code action or a tree item', () => {
        strict_1.default.equal((0, showInTimelineArgs_1.eventIdOfArgument)({ eventId: 'e1' }), 'e1');
        strict_1.default.equal((0, showInTimelineArgs_1.eventIdOfArgument)({ entry: { eventId: 'e2' } }), 'e2');
        strict_1.default.equal((0, showInTimelineArgs_1.eventIdOfArgument)('e3'), 'e3');
        strict_1.default.equal((0, showInTimelineArgs_1.eventIdOfArgument)(undefined), undefined);
        strict_1.default.equal((0, showInTimelineArgs_1.eventIdOfArgument)({ entry: {} }), undefined);
    });
});
(0, node_test_1.describe)('timeline host: the page and its messages', () => {
    (0, node_test_1.it)('builds a page with a strict CSP and the nonce on its only script', () => {
        const nonce = (0, nonce_1.createNonce)();
        strict_1.default.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
        strict_1.default.notEqual(nonce, (0, nonce_1.createNonce)());
        const html = (0, timelineHtml_1.buildTimelineHtml)({ cspSource: 'vscode-resource:', nonce, scriptUri: 'vscode-resource:/media/timeline.js?a="b"', styleUri: 'vscode-resource:/media/timeline.css' });
        // The attribute is escaped; a browser reads it with entities decoded.
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
        strict_1.default.ok(csp, 'a CSP meta tag');
        strict_1.default.match(csp, /default-src 'none'/);
        strict_1.default.ok(csp.includes(`script-src 'nonce-${nonce}'`));
        strict_1.default.doesNotMatch(csp, /unsafe-inline|unsafe-eval|connect-src/);
        const scripts = html.match(/<script[^>]*>/g) ?? [];
        strict_1.default.equal(scripts.length, 1);
        strict_1.default.ok(scripts[0].includes(`nonce="${nonce}"`));
        strict_1.default.ok(html.includes('timeline.js?a=&quot;b&quot;'), 'URIs are escaped into attributes');
    });
    (0, node_test_1.it)('accepts only well-formed saved states (an older page’s state is dropped)', () => {
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)(timelineProtocol_1.INITIAL_TIMELINE_STATE), true);
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)({ ...timelineProtocol_1.INITIAL_TIMELINE_STATE, range: { from: 5, to: 1 } }), false);
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)({ ...timelineProtocol_1.INITIAL_TIMELINE_STATE, lane: 'correlation' }), false);
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)({ ...timelineProtocol_1.INITIAL_TIMELINE_STATE, version: 2 }), false);
    });
    (0, node_test_1.it)('guards requests and notifications by their params', () => {
        strict_1.default.equal(timelineProtocol_1.BinsRequest.is(timelineProtocol_1.BinsRequest.create(1, { buckets: 2001, lane: 'type', maxLanes: 1, marksBelow: 0 })), false);
        strict_1.default.equal(timelineProtocol_1.BinsRequest.is(timelineProtocol_1.BinsRequest.create(1, { buckets: 200, lane: 'type', maxLanes: 1, marksBelow: 0 })), true);
        strict_1.default.equal(timelineProtocol_1.RevealEventNotification.is(timelineProtocol_1.RevealEventNotification.create({ eventId: 'e', timestampMs: null, correlationId: null })), true);
        strict_1.default.equal(timelineProtocol_1.RevealEventNotification.is({ kind: 'notification', method: 'timeline/reveal', params: { eventId: 1 } }), false);
    });
    (0, node_test_1.it)('flattens a causation tree parents first, with the correlation’s span', () => {
        const tree = {
            correlationId: 'c1',
            eventCount: 3,
            aggregates: [],
            durationMs: 50,
            brokenLinks: 1,
            cycles: 0,
            duplicateIds: 0,
            roots: [
                {
                    entry: entry('a', { timestampMs: 100 }),
                    sinceCauseMs: null,
                    depth: 0,
                    children: [{ entry: entry('b', { timestampMs: 150 }), sinceCauseMs: 50, depth: 1, children: [] }],
                },
                { entry: entry('orphan', { timestampMs: 120, causationId: 'missing' }), sinceCauseMs: null, depth: 0, brokenCause: true, children: [] },
            ],
        };
        const chain = (0, causationChain_1.flattenCausationTree)(tree);
        strict_1.default.deepEqual(chain.events.map((e) => [e.eventId, e.causeId]), [['a', null], ['b', 'a'], ['orphan', 'missing']]);
        strict_1.default.deepEqual(chain.range, { from: 100, to: 150 });
        strict_1.default.equal((0, causationChain_1.flattenCausationTree)(tree, 1).events.length, 1);
    });
});
//# sourceMappingURL=timelineHost.unit.spec.js.map