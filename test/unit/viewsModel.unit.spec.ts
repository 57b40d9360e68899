import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventDocumentText, eventDocumentTitle, eventDocumentUriParts, parseEventDocumentUri } from '../../src/extension/eventDocuments/eventDocumentUri';
import { statusBarModel } from '../../src/extension/status/statusBarText';
import { eventItem } from '../../src/extension/views/model/eventItem';
import { groupItem } from '../../src/extension/views/model/groupItem';
import { escapeMarkdown } from '../../src/extension/views/model/markdown';
import { eventNode, type GroupNode, type SnapshotNode } from '../../src/extension/views/model/nodes';
import { formatEventTime, formatRelativeTime, formatStepDuration } from '../../src/extension/views/model/relativeTime';
import { groupSnapshots, groupVerdict, snapshotItem } from '../../src/extension/views/model/snapshotItems';
import { statusRows } from '../../src/extension/views/model/statusRows';
import { describeFilter, eventFilterOf, isFilterEmpty, parseTimeRange, withField } from '../../src/extension/views/model/viewFilter';
import { describeSort, defaultSort } from '../../src/extension/views/model/viewSort';
import type { CausationTreeNode, EventEntry, SnapshotSummary, StoreStatus } from '../../src/shared/protocol';

const NOW = Date.parse('2024-01-15T12:00:00Z');

export function entry(overrides: Partial<EventEntry> = {}): EventEntry {
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

function status(overrides: Partial<StoreStatus> = {}): StoreStatus {
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

describe('relative time', () => {
  it('reads like "3 min ago", in whole units rounded down', () => {
    assert.equal(formatRelativeTime(NOW - 3 * 60_000 - 59_000, NOW), '3 min ago');
    assert.equal(formatRelativeTime(NOW - 2_000, NOW), 'just now');
    assert.equal(formatRelativeTime(NOW - 45_000, NOW), '45 s ago');
    assert.equal(formatRelativeTime(NOW - 5 * 3_600_000, NOW), '5 h ago');
    assert.equal(formatRelativeTime(NOW - 86_400_000, NOW), '1 day ago');
    assert.equal(formatRelativeTime(NOW - 3 * 86_400_000, NOW), '3 days ago');
    assert.equal(formatRelativeTime(NOW - 400 * 86_400_000, NOW), '1 yr ago');
  });

  it('says "in …" for a timestamp ahead of now and nothing for an unknown time', () => {
    assert.equal(formatRelativeTime(NOW + 2 * 3_600_000, NOW), 'in 2 h');
    assert.equal(formatRelativeTime(null, NOW), '');
    assert.equal(formatRelativeTime(Number.NaN, NOW), '');
  });

  it('formats causation step durations', () => {
    assert.equal(formatStepDuration(12), '+12 ms');
    assert.equal(formatStepDuration(1500), '+1.5 s');
    assert.equal(formatStepDuration(90_000), '+1.5 min');
    assert.equal(formatStepDuration(-40), '-40 ms');
    assert.equal(formatStepDuration(null), '');
  });
});

describe('event rows', () => {
  it('label `#seq type`, relative time, open command with the id, store and the tab title `type #seq (aggregate)`', () => {
    const item = eventItem(eventNode(entry(), 'k', '/s', undefined), 'aggregate', NOW);
    assert.equal(item.label, '#7 OrderCreated');
    assert.equal(item.description, '3 min ago');
    assert.equal(item.icon?.id, 'symbol-event');
    assert.equal(item.contextValue, 'event replayable correlated');
    assert.deepEqual(item.command?.arguments, [{ eventId: 'e-1', store: '/s', title: `OrderCreated #7 (${entry().aggregateId})` }]);
    assert.equal(item.collapsible, 'none');
  });

  it('marks failed events with the error colour and retried ones with the warning colour', () => {
    const failed = eventItem(eventNode(entry({ status: 'failed', retryCount: 2 }), 'k', '/s', undefined), 'aggregate', NOW);
    assert.deepEqual(failed.icon, { id: 'error', color: 'list.errorForeground' });
    const retried = eventItem(eventNode(entry({ retryCount: 1 }), 'k', '/s', undefined), 'aggregate', NOW);
    assert.deepEqual(retried.icon, { id: 'warning', color: 'list.warningForeground' });
    const tooltip = typeof retried.tooltip === 'object' ? retried.tooltip.markdown : '';
    assert.match(tooltip, /\*\*Retried\*\* 1 time\b/);
    assert.match(tooltip, /\*\*Retry count:\*\* 1/);
  });

  it('escapes every stored value in the tooltip (payloads may hold markup)', () => {
    const item = eventItem(eventNode(entry({ source: '<img src=x onerror=alert(1)>', aggregateId: '[x](command:evil)' }), 'k', '/s', undefined), 'aggregate', NOW);
    const md = typeof item.tooltip === 'object' ? item.tooltip.markdown : '';
    assert.ok(!md.includes('<img'), md);
    assert.ok(md.includes('&lt;img'), md);
    assert.ok(!md.includes('[x](command:evil)'), md);
    assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
  });

  it('is not replayable without an aggregate or sequence, and has no correlation entry without a correlation', () => {
    const node = eventNode(entry({ aggregateId: null, sequence: null, correlationId: null }), 'k', '/s', undefined);
    assert.equal(node.aggregateId, undefined);
    assert.equal(eventItem(node, 'aggregate', NOW).contextValue, 'event');
    assert.equal(eventItem(node, 'aggregate', NOW).label, '#? OrderCreated');
  });

  it('under an event type, names the aggregate instead of the type', () => {
    assert.equal(eventItem(eventNode(entry(), 'k', '/s', undefined), 'type', NOW).label, 'order-1 #7');
  });

  it('a causation step shows the time it took and a broken chain', () => {
    const step: CausationTreeNode = { entry: entry({ type: 'PaymentRequested' }), sinceCauseMs: 12, depth: 1, children: [] };
    const item = eventItem(eventNode(step.entry, 'k', '/s', undefined, step), 'causation', NOW);
    assert.equal(item.label, 'PaymentRequested');
    assert.equal(item.description, '+12 ms · order-1 #7');
    const broken: CausationTreeNode = { entry: entry(), sinceCauseMs: null, depth: 0, brokenCause: true, children: [step] };
    const brokenItem = eventItem(eventNode(broken.entry, 'k', '/s', undefined, broken), 'causation', NOW);
    assert.equal(brokenItem.description, 'order-1 #7 · unknown cause');
    assert.deepEqual(brokenItem.icon, { id: 'debug-disconnect', color: 'list.warningForeground' });
    assert.equal(brokenItem.collapsible, 'expanded');
  });
});

describe('group rows', () => {
  const group = (groupBy: GroupNode['groupBy'], count: number): GroupNode => ({
    kind: 'group',
    key: 'g',
    store: '/s',
    parent: undefined,
    groupBy,
    summary: { key: 'order-1', count, firstTimestamp: null, firstTimestampMs: null, lastTimestamp: null, lastTimestampMs: NOW - 120_000 },
  });

  it('aggregates show the count and last activity; types just the count', () => {
    assert.equal(groupItem(group('aggregate', 1234), NOW, false).description, '1,234 events · 2 min ago');
    assert.equal(groupItem(group('aggregate', 1), NOW, false).description, '1 event · 2 min ago');
    assert.equal(groupItem(group('type', 56_789), NOW, false).description, '56,789');
    assert.equal(groupItem(group('aggregate', 3), NOW, false).collapsible, 'collapsed');
  });
});

describe('snapshots', () => {
  const snap = (aggregateId: string, sequenceNumber: number): SnapshotSummary => ({
    aggregateId,
    sequenceNumber,
    file: `snapshots/${aggregateId}_${sequenceNumber}.json`,
    uri: `file:///s/snapshots/${aggregateId}_${sequenceNumber}.json`,
  });
  const all = [snap('b', 20), snap('a', 30), snap('b', 10), snap('c', 5)];

  it('groups by aggregate with sequences ascending, filtered by prefix and sorted', () => {
    assert.deepEqual(
      groupSnapshots(all, undefined, 'key').map((g) => [g.aggregateId, g.snapshots.map((s) => s.sequenceNumber)]),
      [['a', [30]], ['b', [10, 20]], ['c', [5]]],
    );
    assert.deepEqual(groupSnapshots(all, undefined, 'count').map((g) => g.aggregateId), ['b', 'a', 'c']);
    assert.deepEqual(groupSnapshots(all, undefined, 'lastActivity').map((g) => g.aggregateId), ['a', 'b', 'c']);
    assert.deepEqual(groupSnapshots(all, 'b', 'key').map((g) => g.aggregateId), ['b']);
  });

  it('shows drift with the number of differences once verified', () => {
    const node: SnapshotNode = { kind: 'snapshot', key: 'k', store: '/s', parent: undefined, snapshot: snap('a', 30) };
    assert.equal(snapshotItem(node, undefined).description, 'not verified');
    const drift = { aggregateId: 'a', sequenceNumber: 30, file: node.snapshot.file, ok: false, eventsApplied: 30, rebuiltToSequence: 30, differences: ['state.total: 5 → 4', 'state.x missing'] };
    const item = snapshotItem(node, drift);
    assert.equal(item.description, 'drift (2 differences)');
    assert.equal(item.icon?.color, 'list.warningForeground');
    assert.equal(snapshotItem(node, { ...drift, ok: true, differences: [] }).description, 'ok');
    assert.equal(groupVerdict([node.snapshot], new Map([[drift.file, drift]])), 'drift');
    assert.equal(groupVerdict([node.snapshot], new Map()), 'unverified');
  });
});

describe('status', () => {
  it('lists the store status as rows, with counts when known', () => {
    const rows = statusRows(status(), { aggregates: 40 }, NOW);
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

  it('warns of work a killed writer left half done, right under the state', () => {
    const rows = statusRows(status({ interruptedWork: ['a TTL cleanup was interrupted (cleanup.pending.json); the next writer finishes it'] }), {}, NOW);
    assert.equal(rows[1].id, 'interrupted-0');
    assert.equal(rows[1].label, 'Interrupted');
    assert.match(rows[1].value, /cleanup\.pending\.json/);
    assert.equal(rows[1].icon?.id, 'warning');
    assert.equal(statusRows(status(), {}, NOW).some((r) => r.id.startsWith('interrupted')), false);
  });

  it('shows why a store failed', () => {
    const rows = statusRows(status({ state: 'failed', error: 'events/: not readable' }), {}, NOW);
    assert.equal(rows[0].value, 'failed');
    assert.equal(rows[1].value, 'events/: not readable');
  });

  it('status bar: `● live · 1,234,567 events · 3 errors`, hidden without a store', () => {
    const model = statusBarModel([status()]);
    assert.equal(model.text, '$(circle-filled) live · 1,234,567 events · 3 errors');
    assert.match(model.tooltip, /event\\_store/);
    assert.match(model.tooltip, /last refresh: 2024\\-01\\-15T11:59:00\\.000Z/);
    assert.equal(statusBarModel([]).visible, false);
    assert.equal(statusBarModel([status({ problems: { error: 0, warning: 0, information: 0, hint: 0 }, eventCount: 1 })]).text, '$(circle-filled) live · 1 event');
    assert.equal(statusBarModel([status({ state: 'opening', eventCount: 0 })]).text, '$(sync~spin) indexing · 0 events · 3 errors');
    const two = statusBarModel([status(), status({ storeRoot: '/b', eventCount: 10, problems: { error: 1, warning: 0, information: 0, hint: 0 } })]);
    assert.equal(two.text, '$(circle-filled) live · 1,234,577 events · 4 errors');
    assert.equal(statusBarModel([status({ state: 'failed' })]).background, 'statusBarItem.errorBackground');
  });
});

describe('filters and sorts', () => {
  it('describes a filter for the view description', () => {
    const filter = { prefix: 'order-', types: ['OrderCreated', 'OrderPaid'], sources: ['api'], from: Date.parse('2024-01-15T10:00:00Z') };
    assert.equal(describeFilter(filter), 'id order-* · type OrderCreated +1 · source api · 2024-01-15 10:00 → …');
    assert.equal(describeFilter({}), '');
    assert.equal(isFilterEmpty({}), true);
    assert.equal(isFilterEmpty({ types: [] }), true);
  });

  it('sends only the event part of the filter to the server', () => {
    assert.equal(eventFilterOf({ prefix: 'x' }), undefined);
    assert.deepEqual(eventFilterOf({ prefix: 'x', types: ['A'], to: 5 }), { types: ['A'], to: 5 });
  });

  it('replaces or removes one field', () => {
    const f = withField({ prefix: 'a', types: ['T'] }, 'types', []);
    assert.deepEqual(f, { prefix: 'a' });
    assert.deepEqual(withField(f, 'time', { from: 1 }), { prefix: 'a', from: 1 });
    assert.deepEqual(withField({ prefix: 'a', from: 1, to: 2 }, 'time', {}), { prefix: 'a' });
    assert.deepEqual(withField({ prefix: 'a' }, 'prefix', ''), {});
  });

  it('parses time ranges as typed', () => {
    assert.deepEqual(parseTimeRange('last 2h', NOW), { range: { from: NOW - 2 * 3_600_000 } });
    assert.deepEqual(parseTimeRange('30m', NOW), { range: { from: NOW - 30 * 60_000 } });
    assert.deepEqual(parseTimeRange('2024-01-15 .. 2024-01-16', NOW), {
      range: { from: Date.parse('2024-01-15T00:00:00Z'), to: Date.parse('2024-01-17T00:00:00Z') - 1 },
    });
    assert.deepEqual(parseTimeRange('2024-01-15T10:00 ..', NOW), { range: { from: Date.parse('2024-01-15T10:00:00Z') } });
    assert.deepEqual(parseTimeRange('.. 2024-01-15T10:00+02:00', NOW), { range: { to: Date.parse('2024-01-15T08:00:00Z') } });
    assert.deepEqual(parseTimeRange('', NOW), { range: {} });
    for (const bad of ['yesterday', '2024-01-16 .. 2024-01-15', '15/01/2024 ..', '..', 'a .. b .. c']) {
      const parsed = parseTimeRange(bad, NOW);
      assert.ok('error' in parsed, `${bad} should be refused`);
    }
  });

  it('names a sort only when it is not the view default', () => {
    assert.equal(defaultSort('aggregates'), 'key');
    assert.equal(defaultSort('eventTypes'), 'count');
    assert.equal(describeSort('aggregates', 'key'), '');
    assert.equal(describeSort('aggregates', 'lastActivity'), 'by last activity');
  });
});

describe('event document URIs', () => {
  it('round-trip the event id and store, ending in .json', () => {
    const parts = eventDocumentUriParts({ eventId: 'a/b c', store: '/ws/event_store' });
    assert.equal(parts.scheme, 'eventbus-event');
    assert.ok(parts.path.endsWith('.json'));
    assert.deepEqual(parseEventDocumentUri(parts.path, parts.query), { eventId: 'a/b c', store: '/ws/event_store' });
    const plain = eventDocumentUriParts({ eventId: '7d0e', store: '/ws/event_store' });
    assert.equal(plain.path, '/7d0e.json');
    assert.deepEqual(parseEventDocumentUri(plain.path, plain.query), { eventId: '7d0e', store: '/ws/event_store' });
    assert.equal(parseEventDocumentUri('/7d0e.json', ''), undefined, 'a URI that names no store is not ours: no guessing the first store');
    assert.equal(parseEventDocumentUri('/x.txt', ''), undefined);
  });

  it('are titled `type #seq (aggregate)` and keep the id in the query', () => {
    const parts = eventDocumentUriParts({ eventId: '7d0e-uuid', store: '/ws/s&t', title: 'trade_executed #12 (desk/1)' });
    assert.equal(parts.path, '/trade_executed #12 (desk_1).json');
    assert.deepEqual(parseEventDocumentUri(parts.path, parts.query), { eventId: '7d0e-uuid', store: '/ws/s&t' });
    assert.equal(eventDocumentTitle({ type: 'risk_alert', sequence: 3, aggregateId: null }), 'risk_alert #3');
    assert.equal(eventDocumentTitle({ type: 'risk_alert', sequence: null, aggregateId: 'a' }), 'risk_alert (a)');
  });

  it('show an absolute UTC time once an event is more than a day away', () => {
    assert.equal(formatEventTime(NOW - 3 * 60_000, NOW), '3 min ago');
    assert.equal(formatEventTime(Date.UTC(2024, 0, 15, 10, 30, 5), Date.UTC(2026, 0, 1)), '2024-01-15 10:30:05 UTC');
    assert.equal(formatEventTime(null, NOW), '');
  });

  it('pretty-prints the stored event', () => {
    assert.equal(eventDocumentText({ a: 1 }), '{\n  "a": 1\n}\n');
  });
});
