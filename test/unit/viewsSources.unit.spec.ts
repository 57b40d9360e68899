import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestType } from 'vscode-jsonrpc';
import type { EventNode, GroupNode, LoadMoreNode, ViewNode } from '../../src/extension/views/model/nodes';
import { CorrelationsSource } from '../../src/extension/views/sources/correlationsSource';
import { AggregatesSource, EventTypesSource } from '../../src/extension/views/sources/groupedSource';
import type { SendRequest } from '../../src/extension/views/sources/requester';
import { SnapshotsSource } from '../../src/extension/views/sources/snapshotsSource';
import { StatusSource } from '../../src/extension/views/sources/statusSource';
import { StoreRegistry } from '../../src/extension/views/sources/storeRegistry';
import type {
  AggregateEventsParams,
  CausationTree,
  EventEntry,
  EventGroupsParams,
  EventGroupSummary,
  EventsQueryParams,
  Page,
  StoreStatus,
} from '../../src/shared/protocol';

const STORE = '/ws/event_store';

function entryOf(aggregateId: string, sequence: number, type = 'OrderCreated'): EventEntry {
  return {
    ordinal: sequence,
    sequence,
    type,
    timestamp: null,
    timestampMs: null,
    status: 'completed',
    retryCount: 0,
    file: 'events/events_2024-01-15.jsonl',
    uri: 'file:///ws/event_store/events/events_2024-01-15.jsonl',
    line: sequence,
    eventId: `${aggregateId}-${sequence}`,
    aggregateId,
    correlationId: `c-${aggregateId}`,
    causationId: null,
    source: 'api',
    schemaVersion: '1.0',
  };
}

function page<T>(all: readonly T[], offset = 0, limit = 100): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, offset };
}

/** A fake server answering by method; records every request as [method, params]. */
function fakeServer(handlers: Record<string, (params: never) => unknown>) {
  const calls: [string, Record<string, unknown>][] = [];
  const send: SendRequest = async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
    calls.push([type.method, params as Record<string, unknown>]);
    const handler = handlers[type.method];
    if (!handler) throw new Error(`unexpected request ${type.method}`);
    return handler(params as never) as R;
  };
  return { send, calls, methods: () => calls.map(([m]) => m) };
}

function summary(key: string, count: number): EventGroupSummary {
  return { key, count, firstTimestamp: null, firstTimestampMs: null, lastTimestamp: null, lastTimestampMs: count };
}

/** 450 aggregates `agg-000`.. with `count(i)` events each. */
function aggregateServer(count: (i: number) => number = () => 3) {
  const ids = Array.from({ length: 450 }, (_, i) => `agg-${String(i).padStart(3, '0')}`);
  return fakeServer({
    'eventbus/eventGroups': (p: EventGroupsParams) =>
      page(
        ids.filter((id) => !p.prefix || id.startsWith(p.prefix)).map((id) => summary(id, count(ids.indexOf(id)))),
        p.offset,
        p.limit,
      ),
    'eventbus/aggregateEvents': (p: AggregateEventsParams) =>
      page(Array.from({ length: count(ids.indexOf(p.aggregateId)) }, (_, s) => entryOf(p.aggregateId, s + 1)), p.offset, p.limit),
    'eventbus/eventsQuery': (p: EventsQueryParams) => page([entryOf(p.aggregateId ?? 'x', 2, p.filter?.types?.[0])], p.offset, p.limit),
  });
}

const kinds = (nodes: readonly ViewNode[]) => nodes.map((n) => n.kind);

describe('Aggregates view source', () => {
  it('pages thousands of aggregates with a final "Load more…" row', async () => {
    const server = aggregateServer();
    const source = new AggregatesSource({ send: server.send, pageSize: () => 200 });
    const roots = await source.roots(STORE, undefined);
    assert.equal(roots.length, 201);
    const more = roots[200] as LoadMoreNode;
    assert.equal(more.kind, 'more');
    assert.equal(more.loaded, 200);
    assert.equal(more.total, 450);
    assert.equal(source.item(more, 0).label, 'Load more…');
    assert.equal(source.loadMore(more), true);
    const after = await source.roots(STORE, undefined);
    assert.equal(after.length, 401);
    assert.equal(after[0], roots[0], 'rows keep their identity across pages');
    assert.deepEqual(server.calls.map(([, p]) => [p.offset, p.limit]), [[0, 200], [200, 200]]);
    assert.deepEqual(server.calls[0][1], { store: STORE, groupBy: 'aggregate', offset: 0, limit: 200, sort: 'key' });
  });

  it('lists an aggregate\'s events in pages, label `#seq type`', async () => {
    const server = aggregateServer(() => 5);
    const source = new AggregatesSource({ send: server.send, pageSize: () => 2 });
    const [first] = (await source.roots(STORE, undefined)) as GroupNode[];
    const events = await source.children(first);
    assert.deepEqual(kinds(events), ['event', 'event', 'more']);
    assert.equal(source.item(events[0], 0).label, '#1 OrderCreated');
    assert.equal((events[0] as EventNode).parent, first);
    source.loadMore(events[2] as LoadMoreNode);
    assert.deepEqual(kinds(await source.children(first)), ['event', 'event', 'event', 'event', 'more']);
  });

  it('after appends re-fetches only the aggregates whose count changed', async () => {
    let grown = -1;
    const server = aggregateServer((i) => (i === grown ? 4 : 3));
    const source = new AggregatesSource({ send: server.send, pageSize: () => 200 });
    const roots = (await source.roots(STORE, undefined)) as GroupNode[];
    await source.children(roots[0]);
    await source.children(roots[1]);
    server.calls.length = 0;
    grown = 1;
    source.invalidate(false);
    const again = (await source.roots(STORE, undefined)) as GroupNode[];
    assert.equal(again[1], roots[1]);
    assert.equal(again[1].summary.count, 4);
    await source.children(again[0]);
    const grownEvents = await source.children(again[1]);
    assert.deepEqual(server.methods(), ['eventbus/eventGroups', 'eventbus/aggregateEvents']);
    assert.equal(server.calls[1][1].aggregateId, 'agg-001');
    assert.equal(grownEvents.length, 4);
    server.calls.length = 0;
    source.invalidate(true);
    await source.roots(STORE, undefined);
    await source.children(again[0]);
    assert.deepEqual(server.methods(), ['eventbus/eventGroups', 'eventbus/aggregateEvents'], 'a full refresh drops loaded events');
  });

  it('filters and sorts on the server and says so in the description', async () => {
    const server = aggregateServer();
    const source = new AggregatesSource({ send: server.send, pageSize: () => 200 });
    source.setFilter({ prefix: 'agg-44', types: ['OrderPaid'] });
    source.setSort('lastActivity');
    const roots = (await source.roots(STORE, undefined)) as GroupNode[];
    assert.equal(roots.length, 10);
    assert.deepEqual(server.calls[0][1], {
      store: STORE,
      groupBy: 'aggregate',
      offset: 0,
      limit: 200,
      sort: 'lastActivity',
      prefix: 'agg-44',
      filter: { types: ['OrderPaid'] },
    });
    const events = await source.children(roots[0]);
    assert.equal(server.calls[1][0], 'eventbus/eventsQuery');
    assert.deepEqual(server.calls[1][1].filter, { types: ['OrderPaid'] });
    assert.equal(source.item(events[0], 0).label, '#2 OrderPaid');
    assert.equal(source.description(), 'id agg-44* · type OrderPaid · by last activity');
    assert.equal(source.isFiltered(), true);
    source.setFilter({ prefix: 'nothing' });
    const none = await source.roots(STORE, undefined);
    assert.equal(none[0].kind, 'message');
    assert.equal(source.item(none[0], 0).label, 'No aggregates match the filter');
  });
});

describe('Event Types view source', () => {
  it('type → count → events of that type (paged through eventsQuery)', async () => {
    const server = fakeServer({
      'eventbus/eventGroups': (p: EventGroupsParams) => page([summary('OrderCreated', 1234)], p.offset, p.limit),
      'eventbus/eventsQuery': (p: EventsQueryParams) => page([entryOf('order-1', 1, p.eventType)], p.offset, p.limit),
    });
    const source = new EventTypesSource({ send: server.send, pageSize: () => 50 });
    const [type] = await source.roots(STORE, undefined);
    assert.equal(source.item(type, 0).description, '1,234');
    assert.equal(server.calls[0][1].sort, 'count');
    const [event] = await source.children(type);
    assert.deepEqual(server.calls[1][1], { store: STORE, offset: 0, limit: 50, eventType: 'OrderCreated' });
    assert.equal(source.item(event, 0).label, 'order-1 #1');
  });
});

describe('Correlations view source', () => {
  it('shows the causation tree with step times and broken chains', async () => {
    const root = entryOf('order-1', 1, 'OrderCreated');
    const effect = entryOf('payment-1', 1, 'PaymentRequested');
    const orphan = entryOf('ship-1', 1, 'ShipmentPlanned');
    const tree: CausationTree = {
      correlationId: 'c-1',
      eventCount: 3,
      aggregates: ['order-1', 'payment-1', 'ship-1'],
      durationMs: 40,
      brokenLinks: 1,
      cycles: 0,
      duplicateIds: 0,
      roots: [
        { entry: root, sinceCauseMs: null, depth: 0, children: [{ entry: effect, sinceCauseMs: 12, depth: 1, children: [] }] },
        { entry: orphan, sinceCauseMs: null, depth: 0, brokenCause: true, children: [] },
      ],
    };
    const server = fakeServer({
      'eventbus/eventGroups': (p: EventGroupsParams) => page([summary('c-1', 3)], p.offset, p.limit),
      'eventbus/causationTree': () => tree,
    });
    const source = new CorrelationsSource({ send: server.send, pageSize: () => 200 });
    const [correlation] = await source.roots(STORE, undefined);
    const steps = (await source.children(correlation)) as EventNode[];
    assert.equal(steps.length, 2);
    assert.equal(source.item(steps[0], 0).collapsible, 'expanded');
    assert.equal(source.item(steps[1], 0).description, 'ship-1 #1 · unknown cause');
    const [caused] = await source.children(steps[0]);
    assert.equal(source.item(caused, 0).description, '+12 ms · payment-1 #1');
    assert.equal(caused.parent, steps[0]);
    assert.equal(server.calls[0][1].sort, 'lastActivity');
    await source.children(correlation);
    assert.equal(server.methods().filter((m) => m === 'eventbus/causationTree').length, 1, 'the tree is fetched once while unchanged');
  });
});

describe('Snapshots view source', () => {
  it('groups snapshots by aggregate and keeps verification results', async () => {
    const snap = (aggregateId: string, sequenceNumber: number) => ({ aggregateId, sequenceNumber, file: `snapshots/${aggregateId}_${sequenceNumber}.json`, uri: `file:///x/${aggregateId}_${sequenceNumber}.json` });
    const server = fakeServer({
      'eventbus/snapshots': () => ({ snapshots: [snap('a', 10), snap('a', 20), snap('b', 5)], ignored: [] }),
      'eventbus/snapshotVerify': () => [
        { aggregateId: 'a', sequenceNumber: 10, file: 'snapshots/a_10.json', ok: true, eventsApplied: 10, rebuiltToSequence: 10, differences: [] },
        { aggregateId: 'a', sequenceNumber: 20, file: 'snapshots/a_20.json', ok: false, eventsApplied: 20, rebuiltToSequence: 20, differences: ['state.total: 3 → 2'] },
      ],
    });
    const source = new SnapshotsSource({ send: server.send, pageSize: () => 200 });
    const groups = await source.roots(STORE, undefined);
    assert.deepEqual(groups.map((g) => source.item(g).label), ['a', 'b']);
    const snapshots = await source.children(groups[0]);
    assert.deepEqual(snapshots.map((s) => source.item(s).description), ['not verified', 'not verified']);
    await source.verify(STORE);
    assert.deepEqual(snapshots.map((s) => source.item(s).description), ['ok', 'drift (1 difference)']);
    assert.equal(source.item(groups[0]).description, '2 snapshots · drift');
    source.invalidate(false);
    assert.equal(source.item(snapshots[1]).description, 'drift (1 difference)', 'appends keep the verdicts');
  });
});

function storeStatus(storeRoot: string): StoreStatus {
  return {
    storeRoot,
    folder: '/ws',
    state: 'ready',
    eventCount: 12,
    files: 1,
    problems: { error: 1, warning: 0, information: 0, hint: 0 },
    sequenceMode: 'global',
    lastRefresh: null,
  };
}

describe('Status view source and the store registry', () => {
  it('lists the status with group totals', async () => {
    const server = fakeServer({ 'eventbus/eventGroups': (p: EventGroupsParams) => ({ items: [], total: p.groupBy === 'aggregate' ? 4 : 2, offset: 0 }) });
    const source = new StatusSource(server.send, () => storeStatus(STORE), () => 0);
    const rows = await source.roots(STORE, undefined);
    const values = new Map(rows.map((r) => [source.item(r).label, source.item(r).description]));
    assert.equal(values.get('Events'), '12');
    assert.equal(values.get('Aggregates'), '4');
    assert.equal(values.get('Errors'), '1');
    await source.roots(STORE, undefined);
    assert.equal(server.calls.length, 4, 'totals asked once until the store changes');
    source.invalidate();
    await source.roots(STORE, undefined);
    assert.equal(server.calls.length, 8);
  });

  it('refreshes the stores, coalescing calls made while one runs', async () => {
    let answers = 0;
    const server = fakeServer({ 'eventbus/status': () => ({ stores: [storeStatus(`/s${++answers}`)] }) });
    const registry = new StoreRegistry(server.send);
    assert.equal(registry.answered, false);
    let changes = 0;
    registry.onDidChange(() => changes++);
    await Promise.all([registry.refresh(), registry.refresh(), registry.refresh()]);
    assert.equal(server.calls.length, 2, 'one request, then one follow-up for the calls made meanwhile');
    assert.equal(changes, 2);
    assert.equal(registry.answered, true);
    assert.equal(registry.statusOf('/nowhere'), undefined, 'a store the server did not report is not stood in for by another');
    assert.equal(registry.statusOf('/s2')?.eventCount, 12);
  });
});
