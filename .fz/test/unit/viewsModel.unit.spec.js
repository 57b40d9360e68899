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
exports.entry = entry;
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const eventDocumentUri_1 = require("../../src/extension/eventDocuments/eventDocumentUri");
const statusBarText_1 = require("../../src/extension/status/statusBarText");
const eventItem_1 = require("../../src/extension/views/model/eventItem");
const groupItem_1 = require("../../src/extension/views/model/groupItem");
const markdown_1 = require("../../src/extension/views/model/markdown");
const nodes_1 = require("../../src/extension/views/model/nodes");
const relativeTime_1 = require("../../src/extension/views/model/relativeTime");
const snapshotItems_1 = require("../../src/extension/views/model/snapshotItems");
const statusRows_1 = require("../../src/extension/views/model/statusRows");
const viewFilter_1 = require("../../src/extension/views/model/viewFilter");
const viewSort_1 = require("../../src/extension/views/model/viewSort");
const NOW = Date.parse('2024-01-15T12:00:00Z');
function entry(overrides = {}) {
    return {
        ordinal: 0,
        sequence: 7,
        type: 'OrderCreated',
        timestamp: '2024-01-15T11:57:00.000Z',
        timestampMs: NOW - 3 * 60_000,
        status: 'completed',
        retryCount: 0,
        file: 'events/events_2024-01-15.jsonl',
        uri: 'file:///s/events/events_2024-01-15.jsonl',
        line: 12,
        eventId: 'e-1',
        aggregateId: 'order-1',
        correlationId: 'c-1',
        causationId: null,
        source: 'api',
        schemaVersion: '1.0',
        ...overrides,
    };
}
function status(overrides = {}) {
    return {
        storeRoot: '/ws/event_store',
        folder: '/ws',
        state: 'ready',
        eventCount: 1_234_567,
        files: 3,
        problems: { error: 3, warning: 1, information: 0, hint: 0 },
        sequenceMode: 'global',
        lastRefresh: '2024-01-15T11:59:00.000Z',
        ...overrides,
    };
}
(0, node_test_1.describe)('relative time', () => {
    (0, node_test_1.it)('reads like "3 min ago", in whole units rounded down', () => {
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 3 * 60_000 - 59_000, NOW), '3 min ago');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 2_000, NOW), 'just now');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 45_000, NOW), '45 s ago');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 5 * 3_600_000, NOW), '5 h ago');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 86_400_000, NOW), '1 day ago');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 3 * 86_400_000, NOW), '3 days ago');
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW - 400 * 86_400_000, NOW), '1 yr ago');
    });
    (0, node_test_1.it)('says "in …" for a timestamp ahead of now and nothing for an unknown time', () => {
        assert.equal((0, relativeTime_1.formatRelativeTime)(NOW + 2 * 3_600_000, NOW), 'in 2 h');
        assert.equal((0, relativeTime_1.formatRelativeTime)(null, NOW), '');
        assert.equal((0, relativeTime_1.formatRelativeTime)(Number.NaN, NOW), '');
    });
    (0, node_test_1.it)('formats causation step durations', () => {
        assert.equal((0, relativeTime_1.formatStepDuration)(12), '+12 ms');
        assert.equal((0, relativeTime_1.formatStepDuration)(1500), '+1.5 s');
        assert.equal((0, relativeTime_1.formatStepDuration)(90_000), '+1.5 min');
        assert.equal((0, relativeTime_1.formatStepDuration)(-40), '-40 ms');
        assert.equal((0, relativeTime_1.formatStepDuration)(null), '');
    });
});
(0, node_test_1.describe)('event rows', () => {
    (0, node_test_1.it)('label `#seq type`, relative time, open command with the id, store and the tab title `type #seq (aggregate)`', () => {
        const item = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(entry(), 'k', '/s', undefined), 'aggregate', NOW);
        assert.equal(item.label, '#7 OrderCreated');
        assert.equal(item.description, '3 min ago');
        assert.equal(item.icon?.id, 'symbol-event');
        assert.equal(item.contextValue, 'event replayable correlated');
        assert.deepEqual(item.command?.arguments, [{ eventId: 'e-1', store: '/s', title: `OrderCreated #7 (${entry().aggregateId})` }]);
        assert.equal(item.collapsible, 'none');
    });
    (0, node_test_1.it)('marks failed events with the error colour and retried ones with the warning colour', () => {
        const failed = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(entry({ status: 'failed', retryCount: 2 }), 'k', undefined, undefined), 'aggregate', NOW);
        assert.deepEqual(failed.icon, { id: 'error', color: 'list.errorForeground' });
        const retried = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(entry({ retryCount: 1 }), 'k', undefined, undefined), 'aggregate', NOW);
        assert.deepEqual(retried.icon, { id: 'warning', color: 'list.warningForeground' });
        const tooltip = typeof retried.tooltip === 'object' ? retried.tooltip.markdown : '';
        assert.match(tooltip, /\*\*Retried\*\* 1 time\b/);
        assert.match(tooltip, /\*\*Retry count:\*\* 1/);
    });
    (0, node_test_1.it)('escapes every stored value in the tooltip (payloads may hold markup)', () => {
        const item = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(entry({ source: '<img src=x onerror=alert(1)>', aggregateId: '[x](command:evil)' }), 'k', undefined, undefined), 'aggregate', NOW);
        const md = typeof item.tooltip === 'object' ? item.tooltip.markdown : '';
        assert.ok(!md.includes('<img'), md);
        assert.ok(md.includes('&lt;img'), md);
        assert.ok(!md.includes('[x](command:evil)'), md);
        assert.equal((0, markdown_1.escapeMarkdown)('a*b_c'), 'a\\*b\\_c');
    });
    (0, node_test_1.it)('is not replayable without an aggregate or sequence, and has no correlation entry without a correlation', () => {
        const node = (0, nodes_1.eventNode)(entry({ aggregateId: null, sequence: null, correlationId: null }), 'k', undefined, undefined);
        assert.equal(node.aggregateId, undefined);
        assert.equal((0, eventItem_1.eventItem)(node, 'aggregate', NOW).contextValue, 'event');
        assert.equal((0, eventItem_1.eventItem)(node, 'aggregate', NOW).label, '#? OrderCreated');
    });
    (0, node_test_1.it)('under an event type, names the aggregate instead of the type', () => {
        assert.equal((0, eventItem_1.eventItem)((0, nodes_1.eventNode)(entry(), 'k', undefined, undefined), 'type', NOW).label, 'order-1 #7');
    });
    (0, node_test_1.it)('a causation step shows the time it took and a broken chain', () => {
        const step = { entry: entry({ type: 'PaymentRequested' }), sinceCauseMs: 12, depth: 1, children: [] };
        const item = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(step.entry, 'k', undefined, undefined, step), 'causation', NOW);
        assert.equal(item.label, 'PaymentRequested');
        assert.equal(item.description, '+12 ms · order-1 #7');
        const broken = { entry: entry(), sinceCauseMs: null, depth: 0, brokenCause: true, children: [step] };
        const brokenItem = (0, eventItem_1.eventItem)((0, nodes_1.eventNode)(broken.entry, 'k', undefined, undefined, broken), 'causation', NOW);
        assert.equal(brokenItem.description, 'order-1 #7 · unknown cause');
        assert.deepEqual(brokenItem.icon, { id: 'debug-disconnect', color: 'list.warningForeground' });
        assert.equal(brokenItem.collapsible, 'expanded');
    });
});
(0, node_test_1.describe)('group rows', () => {
    const group = (groupBy, count) => ({
        kind: 'group',
        key: 'g',
        store: undefined,
        parent: undefined,
        groupBy,
        summary: { key: 'order-1', count, firstTimestamp: null, firstTimestampMs: null, lastTimestamp: null, lastTimestampMs: NOW - 120_000 },
    });
    (0, node_test_1.it)('aggregates show the count and last activity; types just the count', () => {
        assert.equal((0, groupItem_1.groupItem)(group('aggregate', 1234), NOW, false).description, '1,234 events · 2 min ago');
        assert.equal((0, groupItem_1.groupItem)(group('aggregate', 1), NOW, false).description, '1 event · 2 min ago');
        assert.equal((0, groupItem_1.groupItem)(group('type', 56_789), NOW, false).description, '56,789');
        assert.equal((0, groupItem_1.groupItem)(group('aggregate', 3), NOW, false).collapsible, 'collapsed');
    });
});
(0, node_test_1.describe)('snapshots', () => {
    const snap = (aggregateId, sequenceNumber) => ({
        aggregateId,
        sequenceNumber,
        file: `snapshots/${aggregateId}_${sequenceNumber}.json`,
        uri: `file:///s/snapshots/${aggregateId}_${sequenceNumber}.json`,
    });
    const all = [snap('b', 20), snap('a', 30), snap('b', 10), snap('c', 5)];
    (0, node_test_1.it)('groups by aggregate with sequences ascending, filtered by prefix and sorted', () => {
        assert.deepEqual((0, snapshotItems_1.groupSnapshots)(all, undefined, 'key').map((g) => [g.aggregateId, g.snapshots.map((s) => s.sequenceNumber)]), [['a', [30]], ['b', [10, 20]], ['c', [5]]]);
        assert.deepEqual((0, snapshotItems_1.groupSnapshots)(all, undefined, 'count').map((g) => g.aggregateId), ['b', 'a', 'c']);
        assert.deepEqual((0, snapshotItems_1.groupSnapshots)(all, undefined, 'lastActivity').map((g) => g.aggregateId), ['a', 'b', 'c']);
        assert.deepEqual((0, snapshotItems_1.groupSnapshots)(all, 'b', 'key').map((g) => g.aggregateId), ['b']);
    });
    (0, node_test_1.it)('shows drift with the number of differences once verified', () => {
        const node = { kind: 'snapshot', key: 'k', store: undefined, parent: undefined, snapshot: snap('a', 30) };
        assert.equal((0, snapshotItems_1.snapshotItem)(node, undefined).description, 'not verified');
        const drift = { aggregateId: 'a', sequenceNumber: 30, file: node.snapshot.file, ok: false, eventsApplied: 30, rebuiltToSequence: 30, differences: ['state.total: 5 → 4', 'state.x missing'] };
        const item = (0, snapshotItems_1.snapshotItem)(node, drift);
        assert.equal(item.description, 'drift (2 differences)');
        assert.equal(item.icon?.color, 'list.warningForeground');
        assert.equal((0, snapshotItems_1.snapshotItem)(node, { ...drift, ok: true, differences: [] }).description, 'ok');
        assert.equal((0, snapshotItems_1.groupVerdict)([node.snapshot], new Map([[drift.file, drift]])), 'drift');
        assert.equal((0, snapshotItems_1.groupVerdict)([node.snapshot], new Map()), 'unverified');
    });
});
(0, node_test_1.describe)('status', () => {
    (0, node_test_1.it)('lists the store status as rows, with counts when known', () => {
        const rows = (0, statusRows_1.statusRows)(status(), { aggregates: 40 }, NOW);
        const byId = new Map(rows.map((r) => [r.id, r.value]));
        assert.equal(byId.get('state'), 'live');
        assert.equal(byId.get('events'), '1,234,567');
        assert.equal(byId.get('aggregates'), '40');
        assert.equal(byId.has('correlations'), false);
        assert.equal(byId.get('errors'), '3');
        assert.equal(byId.get('sequenceMode'), 'global');
        assert.equal(byId.get('storeRoot'), '/ws/event_store');
        assert.equal(byId.get('lastRefresh'), '1 min ago');
    });
    (0, node_test_1.it)('warns of work a killed writer left half done, right under the state', () => {
        const rows = (0, statusRows_1.statusRows)(status({ interruptedWork: ['a TTL cleanup was interrupted (cleanup.pending.json); the next writer finishes it'] }), {}, NOW);
        assert.equal(rows[1].id, 'interrupted-0');
        assert.equal(rows[1].label, 'Interrupted');
        assert.match(rows[1].value, /cleanup\.pending\.json/);
        assert.equal(rows[1].icon?.id, 'warning');
        assert.equal((0, statusRows_1.statusRows)(status(), {}, NOW).some((r) => r.id.startsWith('interrupted')), false);
    });
    (0, node_test_1.it)('shows why a store failed', () => {
        const rows = (0, statusRows_1.statusRows)(status({ state: 'failed', error: 'events/: not readable' }), {}, NOW);
        assert.equal(rows[0].value, 'failed');
        assert.equal(rows[1].value, 'events/: not readable');
    });
    (0, node_test_1.it)('status bar: `● live · 1,234,567 events · 3 errors`, hidden without a store', () => {
        const model = (0, statusBarText_1.statusBarModel)([status()]);
        assert.equal(model.text, '$(circle-filled) live · 1,234,567 events · 3 errors');
        assert.match(model.tooltip, /event\\_store/);
        assert.match(model.tooltip, /last refresh: 2024\\-01\\-15T11:59:00\\.000Z/);
        assert.equal((0, statusBarText_1.statusBarModel)([]).visible, false);
        assert.equal((0, statusBarText_1.statusBarModel)([status({ problems: { error: 0, warning: 0, information: 0, hint: 0 }, eventCount: 1 })]).text, '$(circle-filled) live · 1 event');
        assert.equal((0, statusBarText_1.statusBarModel)([status({ state: 'opening', eventCount: 0 })]).text, '$(sync~spin) indexing · 0 events · 3 errors');
        const two = (0, statusBarText_1.statusBarModel)([status(), status({ storeRoot: '/b', eventCount: 10, problems: { error: 1, warning: 0, information: 0, hint: 0 } })]);
        assert.equal(two.text, '$(circle-filled) live · 1,234,577 events · 4 errors');
        assert.equal((0, statusBarText_1.statusBarModel)([status({ state: 'failed' })]).background, 'statusBarItem.errorBackground');
    });
});
(0, node_test_1.describe)('filters and sorts', () => {
    (0, node_test_1.it)('describes a filter for the view description', () => {
        const filter = { prefix: 'order-', types: ['OrderCreated', 'OrderPaid'], sources: ['api'], from: Date.parse('2024-01-15T10:00:00Z') };
        assert.equal((0, viewFilter_1.describeFilter)(filter), 'id order-* · type OrderCreated +1 · source api · 2024-01-15 10:00 → …');
        assert.equal((0, viewFilter_1.describeFilter)({}), '');
        assert.equal((0, viewFilter_1.isFilterEmpty)({}), true);
        assert.equal((0, viewFilter_1.isFilterEmpty)({ types: [] }), true);
    });
    (0, node_test_1.it)('sends only the event part of the filter to the server', () => {
        assert.equal((0, viewFilter_1.eventFilterOf)({ prefix: 'x' }), undefined);
        assert.deepEqual((0, viewFilter_1.eventFilterOf)({ prefix: 'x', types: ['A'], to: 5 }), { types: ['A'], to: 5 });
    });
    (0, node_test_1.it)('replaces or removes one field', () => {
        const f = (0, viewFilter_1.withField)({ prefix: 'a', types: ['T'] }, 'types', []);
        assert.deepEqual(f, { prefix: 'a' });
        assert.deepEqual((0, viewFilter_1.withField)(f, 'time', { from: 1 }), { prefix: 'a', from: 1 });
        assert.deepEqual((0, viewFilter_1.withField)({ prefix: 'a', from: 1, to: 2 }, 'time', {}), { prefix: 'a' });
        assert.deepEqual((0, viewFilter_1.withField)({ prefix: 'a' }, 'prefix', ''), {});
    });
    (0, node_test_1.it)('parses time ranges as typed', () => {
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('last 2h', NOW), { range: { from: NOW - 2 * 3_600_000 } });
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('30m', NOW), { range: { from: NOW - 30 * 60_000 } });
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('2024-01-15 .. 2024-01-16', NOW), {
            range: { from: Date.parse('2024-01-15T00:00:00Z'), to: Date.parse('2024-01-17T00:00:00Z') - 1 },
        });
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('2024-01-15T10:00 ..', NOW), { range: { from: Date.parse('2024-01-15T10:00:00Z') } });
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('.. 2024-01-15T10:00+02:00', NOW), { range: { to: Date.parse('2024-01-15T08:00:00Z') } });
        assert.deepEqual((0, viewFilter_1.parseTimeRange)('', NOW), { range: {} });
        for (const bad of ['yesterday', '2024-01-16 .. 2024-01-15', '15/01/2024 ..', '..', 'a .. b .. c']) {
            const parsed = (0, viewFilter_1.parseTimeRange)(bad, NOW);
            assert.ok('error' in parsed, `${bad} should be refused`);
        }
    });
    (0, node_test_1.it)('names a sort only when it is not the view default', () => {
        assert.equal((0, viewSort_1.defaultSort)('aggregates'), 'key');
        assert.equal((0, viewSort_1.defaultSort)('eventTypes'), 'count');
        assert.equal((0, viewSort_1.describeSort)('aggregates', 'key'), '');
        assert.equal((0, viewSort_1.describeSort)('aggregates', 'lastActivity'), 'by last activity');
    });
});
(0, node_test_1.describe)('event document URIs', () => {
    (0, node_test_1.it)('round-trip the event id and store, ending in .json', () => {
        const parts = (0, eventDocumentUri_1.eventDocumentUriParts)({ eventId: 'a/b c', store: '/ws/event_store' });
        assert.equal(parts.scheme, 'eventbus-event');
        assert.ok(parts.path.endsWith('.json'));
        assert.deepEqual((0, eventDocumentUri_1.parseEventDocumentUri)(parts.path, parts.query), { eventId: 'a/b c', store: '/ws/event_store' });
        const plain = (0, eventDocumentUri_1.eventDocumentUriParts)({ eventId: '7d0e' });
        assert.equal(plain.path, '/7d0e.json');
        assert.deepEqual((0, eventDocumentUri_1.parseEventDocumentUri)(plain.path, plain.query), { eventId: '7d0e' });
        assert.equal((0, eventDocumentUri_1.parseEventDocumentUri)('/x.txt', ''), undefined);
    });
    (0, node_test_1.it)('are titled `type #seq (aggregate)` and keep the id in the query', () => {
        const parts = (0, eventDocumentUri_1.eventDocumentUriParts)({ eventId: '7d0e-uuid', store: '/ws/s&t', title: 'trade_executed #12 (desk/1)' });
        assert.equal(parts.path, '/trade_executed #12 (desk_1).json');
        assert.deepEqual((0, eventDocumentUri_1.parseEventDocumentUri)(parts.path, parts.query), { eventId: '7d0e-uuid', store: '/ws/s&t' });
        assert.equal((0, eventDocumentUri_1.eventDocumentTitle)({ type: 'risk_alert', sequence: 3, aggregateId: null }), 'risk_alert #3');
        assert.equal((0, eventDocumentUri_1.eventDocumentTitle)({ type: 'risk_alert', sequence: null, aggregateId: 'a' }), 'risk_alert (a)');
    });
    (0, node_test_1.it)('show an absolute UTC time once an event is more than a day away', () => {
        assert.equal((0, relativeTime_1.formatEventTime)(NOW - 3 * 60_000, NOW), '3 min ago');
        assert.equal((0, relativeTime_1.formatEventTime)(Date.UTC(2024, 0, 15, 10, 30, 5), Date.UTC(2026, 0, 1)), '2024-01-15 10:30:05 UTC');
        assert.equal((0, relativeTime_1.formatEventTime)(null, NOW), '');
    });
    (0, node_test_1.it)('pretty-prints the stored event', () => {
        assert.equal((0, eventDocumentUri_1.eventDocumentText)({ a: 1 }), '{\n  "a": 1\n}\n');
    });
});
//# sourceMappingURL=viewsModel.unit.spec.js.map