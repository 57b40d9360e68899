import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RequestType } from 'vscode-jsonrpc';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import {
  AggregateEventsRequest,
  AggregatesRequest,
  CreateSampleStoreRequest,
  type EventEntry,
  EventGroupsRequest,
  EventsQueryRequest,
  EventTypesRequest,
  StatusRequest,
} from '../../src/shared/protocol';
import { makeTempDir } from '../helpers/tempStore';
import { type LspClient, startServer } from './lspClient';

const EVENTS = 1500;

describe('the views\' requests over stdio', () => {
  let folder: string;
  let store: string;
  let cleanup: () => void;
  let client: LspClient;

  before(async () => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-views-'));
    store = path.join(folder, 'event_store');
    generateStoreSync({ events: EVENTS, days: 2, outDir: store, seed: 9 });
    client = await startServer({ folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  const send = <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => client.connection.sendRequest<P, R, void>(type, params as never);

  it('groups by aggregate sorted by id exactly as the aggregates request lists them', async () => {
    const groups = await send(EventGroupsRequest.type, { store, groupBy: 'aggregate', limit: 10_000 });
    const plain = await send(AggregatesRequest.type, { store, limit: 10_000 });
    assert.equal(groups.total, plain.total);
    assert.deepEqual(
      groups.items.map((g) => [g.key, g.count, g.lastTimestamp]),
      plain.items.map((a) => [a.aggregateId, a.count, a.lastTimestamp]),
    );
  });

  it('sorts groups by count and by last activity, and pages them', async () => {
    const byCount = await send(EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', limit: 10_000 });
    for (let i = 1; i < byCount.items.length; i++) assert.ok(byCount.items[i - 1].count >= byCount.items[i].count);
    const byLast = await send(EventGroupsRequest.type, { store, groupBy: 'correlation', sort: 'lastActivity', limit: 10_000 });
    for (let i = 1; i < byLast.items.length; i++) assert.ok((byLast.items[i - 1].lastTimestampMs ?? 0) >= (byLast.items[i].lastTimestampMs ?? 0));
    const second = await send(EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', offset: 5, limit: 5 });
    assert.deepEqual(second.items.map((g) => g.key), byCount.items.slice(5, 10).map((g) => g.key));
  });

  it('filters groups by type, source and time, counting only matching events', async () => {
    const types = await send(EventTypesRequest.type, { store });
    const type = types[0].eventType;
    const filtered = await send(EventGroupsRequest.type, { store, groupBy: 'aggregate', filter: { types: [type] }, limit: 10_000 });
    const total = filtered.items.reduce((sum, g) => sum + g.count, 0);
    assert.equal(total, types[0].count, `the ${type} events, summed over aggregates that have them`);
    assert.ok(filtered.items.every((g) => g.count > 0));
    const bySource = await send(EventGroupsRequest.type, { store, groupBy: 'source', limit: 10_000 });
    assert.equal(bySource.items.reduce((sum, g) => sum + g.count, 0), EVENTS);
    const [source] = bySource.items;
    const typesFromSource = await send(EventGroupsRequest.type, { store, groupBy: 'type', filter: { sources: [source.key] }, limit: 10_000 });
    assert.equal(typesFromSource.items.reduce((sum, g) => sum + g.count, 0), source.count);
    const [all] = (await send(EventGroupsRequest.type, { store, groupBy: 'type', sort: 'count', limit: 1 })).items;
    const mid = ((all.firstTimestampMs ?? 0) + (all.lastTimestampMs ?? 0)) / 2;
    const [early] = (await send(EventGroupsRequest.type, { store, groupBy: 'type', prefix: all.key, filter: { to: mid }, limit: 1 })).items;
    const [late] = (await send(EventGroupsRequest.type, { store, groupBy: 'type', prefix: all.key, filter: { from: mid + 0.001 }, limit: 1 })).items;
    assert.ok((early?.count ?? 0) > 0 && (late?.count ?? 0) > 0);
    assert.ok((early?.lastTimestampMs ?? 0) <= mid);
  });

  it('queries an aggregate\'s events like the aggregate request, and filtered by type', async () => {
    const [biggest] = (await send(EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', limit: 1 })).items;
    const plain = await send(AggregateEventsRequest.type, { store, aggregateId: biggest.key, limit: 10_000 });
    const queried = await send(EventsQueryRequest.type, { store, aggregateId: biggest.key, limit: 10_000 });
    assert.deepEqual(queried, plain);
    const type = plain.items[plain.items.length - 1].type;
    const ofType = await send(EventsQueryRequest.type, { store, aggregateId: biggest.key, filter: { types: [type] }, limit: 10_000 });
    assert.deepEqual(ofType.items.map((e: EventEntry) => e.eventId), plain.items.filter((e) => e.type === type).map((e) => e.eventId));
  });

  it('lists the events of one type in pages', async () => {
    const [top] = await send(EventTypesRequest.type, { store });
    const first = await send(EventsQueryRequest.type, { store, eventType: top.eventType, limit: 10 });
    const second = await send(EventsQueryRequest.type, { store, eventType: top.eventType, offset: 10, limit: 10 });
    assert.equal(first.total, top.count);
    assert.ok(first.items.every((e) => e.type === top.eventType));
    assert.equal(new Set([...first.items, ...second.items].map((e) => e.ordinal)).size, 20);
  });

  it('refuses a query naming no events or an unknown grouping, saying what it expected', async () => {
    await assert.rejects(send(EventsQueryRequest.type, { store }), /exactly one of aggregateId, eventType or correlationId/);
    await assert.rejects(send(EventGroupsRequest.type, { store, groupBy: 'day' as never }), /groupBy must be aggregate, correlation, type or source/);
  });
});

describe('creating a sample store over stdio', () => {
  let folder: string;
  let cleanup: () => void;
  let client: LspClient;

  before(async () => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-sample-'));
    client = await startServer({ folder });
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  it('starts with no store, then generates one with faults into <folder>/event_store and opens it', async () => {
    assert.deepEqual((await client.connection.sendRequest(StatusRequest.type, {})).stores, []);
    const result = await client.connection.sendRequest(CreateSampleStoreRequest.type, { folder, events: 2000 });
    assert.equal(result.storeRoot, path.join(folder, 'event_store'));
    assert.equal(result.files.length, 3);
    assert.ok(fs.existsSync(path.join(folder, 'event_store', 'events')));
    const [status] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
    assert.equal(status.storeRoot, result.storeRoot);
    assert.equal(status.state, 'ready');
    assert.ok(status.eventCount >= 2000);
    assert.ok(status.problems.error > 0, 'the sample has faults to explore');
    await client.waitForStoreChanged((p) => p.reason === 'opened' && p.storeRoot === result.storeRoot);
    await assert.rejects(client.connection.sendRequest(CreateSampleStoreRequest.type, { folder }), /already holds a store/);
    await assert.rejects(client.connection.sendRequest(CreateSampleStoreRequest.type, { folder: 'relative/path' }), /absolute path of a workspace folder/);
  });
});
