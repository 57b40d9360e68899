import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  AggregateEventsRequest,
  AggregatesRequest,
  CausationTreeRequest,
  type CausationTreeNode,
  CorrelationsRequest,
  EventByIdRequest,
  EventTypesRequest,
  RebuildRequest,
  ReplayRequest,
  SnapshotCreateRequest,
  SnapshotsRequest,
  SnapshotVerifyRequest,
  StatusRequest,
  TimelineBinsRequest,
} from '../../src/shared/protocol';
import { fileUriOf, fsPathOfUri } from '../../src/shared/uris';
import { DefinitionRequest, DocumentSymbolRequest, HoverRequest, type Location, ReferencesRequest } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

const EVENTS = 1200;

function countNodes(nodes: readonly CausationTreeNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}

describe('custom requests over stdio', () => {
  let ws: GeneratedWorkspace;
  let folder: string;
  let store: string;
  let client: LspClient;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-req-', { events: EVENTS, days: 2, seed: 5 });
    ({ folder, store, client } = ws);
  });

  after(() => ws?.close());

  it('status reports the open store', async () => {
    const status = await client.connection.sendRequest(StatusRequest.type, {});
    assert.equal(status.stores.length, 1);
    const [s] = status.stores;
    assert.equal(s.storeRoot, store);
    assert.equal(s.state, 'ready');
    assert.equal(s.eventCount, EVENTS);
    assert.equal(s.files, 2);
    assert.equal(s.sequenceMode, 'global');
    assert.ok(s.lastRefresh && !Number.isNaN(Date.parse(s.lastRefresh)));
    assert.equal(s.interruptedWork, undefined);
  });

  it('status names a cleanup a killed writer left half done (its journal in the store root)', async () => {
    const journal = path.join(store, 'cleanup.pending.json');
    fs.writeFileSync(journal, '{}');
    try {
      const [s] = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
      assert.equal(s.interruptedWork?.length, 1);
      assert.match(s.interruptedWork?.[0] ?? '', /TTL cleanup was interrupted \(cleanup\.pending\.json\)/);
    } finally {
      fs.rmSync(journal);
    }
  });

  it('aggregates page through every aggregate, sorted, with counts summing to the events that have one', async () => {
    const all = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 10_000 });
    assert.ok(all.total > 5);
    assert.equal(all.items.length, all.total);
    const ids = all.items.map((a) => a.aggregateId);
    assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.ok(all.items.every((a) => a.count > 0 && a.lastTimestamp !== null));
    const page = await client.connection.sendRequest(AggregatesRequest.type, { store, offset: 2, limit: 3 });
    assert.deepEqual(page.items, all.items.slice(2, 5));
    assert.equal(page.total, all.total);
    const prefix = ids[0].slice(0, 3);
    const filtered = await client.connection.sendRequest(AggregatesRequest.type, { store, prefix, limit: 10_000 });
    assert.deepEqual(filtered.items.map((a) => a.aggregateId), ids.filter((id) => id.startsWith(prefix)));
  });

  it('events of an aggregate come in sequence order, paged, each pointing at its line on disk', async () => {
    const { items } = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 10_000 });
    const biggest = [...items].sort((a, b) => b.count - a.count)[0];
    const first = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId: biggest.aggregateId, limit: 5 });
    assert.equal(first.total, biggest.count);
    assert.equal(first.items.length, Math.min(5, biggest.count));
    const all = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId: biggest.aggregateId, limit: 10_000 });
    const sequences = all.items.map((e) => e.sequence as number);
    assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b));
    assert.deepEqual(first.items, all.items.slice(0, 5));
    for (const entry of all.items.slice(0, 3)) {
      const lines = fs.readFileSync(path.join(store, entry.file), 'utf8').split('\n');
      const onDisk = JSON.parse(lines[entry.line - 1]) as { event_type: string; metadata: { event_id: string; aggregate_id: string } };
      assert.equal(onDisk.metadata.event_id, entry.eventId);
      assert.equal(onDisk.metadata.aggregate_id, biggest.aggregateId);
      assert.equal(onDisk.event_type, entry.type);
      assert.equal(entry.uri, fileUriOf(path.join(store, entry.file)));
    }
  });

  it('an event by id is the stored JSON plus where it is; an unknown id is null', async () => {
    const { items } = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 1 });
    const events = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId: items[0].aggregateId, limit: 1 });
    const id = events.items[0].eventId;
    const detail = await client.connection.sendRequest(EventByIdRequest.type, { store, eventId: id });
    assert.ok(detail);
    assert.equal((detail.event as { metadata: { event_id: string } }).metadata.event_id, id);
    assert.deepEqual(detail.entry, events.items[0]);
    assert.equal(await client.connection.sendRequest(EventByIdRequest.type, { store, eventId: '00000000-0000-4000-8000-000000000000' }), null);
  });

  it('correlations list with counts, and a causation tree holds every event of its correlation', async () => {
    const page = await client.connection.sendRequest(CorrelationsRequest.type, { store, limit: 10_000 });
    assert.ok(page.total > 0);
    const chain = page.items.find((c) => c.count >= 3) ?? page.items[0];
    const tree = await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId: chain.correlationId });
    assert.ok(tree);
    assert.equal(tree.eventCount, chain.count);
    assert.equal(countNodes(tree.roots), chain.count);
    assert.equal(tree.brokenLinks, 0);
    for (const root of tree.roots) for (const child of root.children) assert.equal(child.entry.causationId, root.entry.eventId);
    assert.equal(await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId: 'no-such-correlation' }), null);
  });

  it('event types with counts sum to the event count', async () => {
    const types = await client.connection.sendRequest(EventTypesRequest.type, { store });
    assert.equal(types.reduce((sum, t) => sum + t.count, 0), EVENTS);
    assert.ok(types.every((t, i) => i === 0 || types[i - 1].count >= t.count));
    assert.ok(types.some((t) => t.schemaVersions.length > 0), 'the generated store has schemas');
  });

  it('timeline bins: every lane kind sums to the event count, filters narrow it, and small ranges list marks', async () => {
    for (const lane of ['type', 'source', 'aggregate'] as const) {
      const bins = await client.connection.sendRequest(TimelineBinsRequest.type, { store, lane, buckets: 24, maxLanes: 1000 });
      assert.equal(bins.total, EVENTS, `lane ${lane}`);
      assert.equal(bins.lanes.reduce((sum, l) => sum + l.counts.reduce((a, b) => a + b, 0), 0), EVENTS);
      assert.ok(bins.lanes.every((l) => l.counts.length === 24 && l.counts.reduce((a, b) => a + b, 0) === l.total));
      assert.equal(bins.marks, undefined, 'too many events for marks');
    }
    const folded = await client.connection.sendRequest(TimelineBinsRequest.type, { store, lane: 'aggregate', buckets: 10, maxLanes: 3 });
    assert.equal(folded.lanes.length, 3);
    assert.equal(folded.lanes[2].key, '(other)');
    assert.equal(folded.total, EVENTS);
    const types = await client.connection.sendRequest(EventTypesRequest.type, { store });
    const rare = types[types.length - 1];
    const filtered = await client.connection.sendRequest(TimelineBinsRequest.type, { store, lane: 'type', buckets: 10, filters: { types: [rare.eventType] } });
    assert.equal(filtered.total, rare.count);
    assert.deepEqual(filtered.lanes.map((l) => l.key), [rare.eventType]);
    if (rare.count <= 500) {
      assert.equal(filtered.marks?.length, rare.count);
      assert.ok(filtered.marks?.every((m) => m.type === rare.eventType && m.timestampMs >= filtered.from && m.timestampMs <= filtered.to));
    }
  });

  it('replay and rebuild follow the aggregate; snapshot create then verify agrees', async () => {
    const { items } = await client.connection.sendRequest(AggregatesRequest.type, { store, limit: 10_000 });
    const aggregate = [...items].sort((a, b) => b.count - a.count)[0];
    const events = await client.connection.sendRequest(AggregateEventsRequest.type, { store, aggregateId: aggregate.aggregateId, limit: 10_000 });
    const replayed = await client.connection.sendRequest(ReplayRequest.type, { store, aggregateId: aggregate.aggregateId });
    assert.equal(replayed.events.length, aggregate.count);
    assert.equal(replayed.truncated, false);
    const limited = await client.connection.sendRequest(ReplayRequest.type, { store, aggregateId: aggregate.aggregateId, limit: 2 });
    assert.equal(limited.events.length, 2);
    assert.equal(limited.truncated, aggregate.count > 2);
    const middle = events.items[Math.floor(events.items.length / 2)].sequence as number;
    const rebuilt = await client.connection.sendRequest(RebuildRequest.type, { store, aggregateId: aggregate.aggregateId, atSequence: middle });
    assert.equal(rebuilt.lastSequence, middle);
    assert.equal(typeof rebuilt.state, 'object');

    const created = await client.connection.sendRequest(SnapshotCreateRequest.type, { store, aggregateId: aggregate.aggregateId, atSequence: middle });
    assert.equal(created.sequenceNumber, middle);
    assert.ok(fs.existsSync(path.join(store, created.file)));
    const list = await client.connection.sendRequest(SnapshotsRequest.type, { store, aggregateId: aggregate.aggregateId });
    assert.ok(list.snapshots.some((s) => s.file === created.file));
    const verified = await client.connection.sendRequest(SnapshotVerifyRequest.type, { store, aggregateId: aggregate.aggregateId });
    const mine = verified.find((v) => v.file === created.file);
    assert.ok(mine);
    assert.equal(mine.ok, true, JSON.stringify(mine));
  });

  it('wires hover, definition, references and document symbols to an open event document', async () => {
    const day = path.join(store, 'events', 'events_2024-01-16.jsonl');
    const uri = fileUriOf(day);
    const text = fs.readFileSync(day, 'utf8');
    client.open(uri, text);
    await client.waitForVersion(uri, 1);
    const lines = text.split('\n');
    const line0 = lines.findIndex((l) => /"causation_id": ?"[0-9a-f-]{36}"/.test(l));
    assert.ok(line0 >= 0);
    const cause = /"causation_id": ?"([0-9a-f-]{36})"/.exec(lines[line0])![1];
    const character = lines[line0].indexOf(cause) + 2;
    const textDocument = { uri };
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: { line: line0, character } })) as Location | null;
    assert.ok(definition && !Array.isArray(definition), 'one location: the causing event');
    const target = fs.readFileSync(fsPathOfUri(definition.uri) as string, 'utf8').split('\n')[definition.range.start.line];
    assert.match(target, new RegExp(`"event_id": ?"${cause}"`));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: line0, character } });
    assert.ok(hover, 'hover on a causation_id');
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position: { line: line0, character }, context: { includeDeclaration: true } });
    assert.ok(refs && refs.length >= 2, 'the cause and its effects');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    assert.equal(symbols?.length, lines.filter((l) => l.length > 0).length);
    client.close(uri);
  });

  it('a request naming an unknown store fails with a message that says so', async () => {
    await assert.rejects(client.connection.sendRequest(AggregatesRequest.type, { store: path.join(folder, 'nowhere') }), /nowhere/);
  });

  it('appending to a day file sends storeChanged with the new count and updates diagnostics live', async () => {
    const status = await client.connection.sendRequest(StatusRequest.type, {});
    const day = path.join(store, 'events', 'events_2024-01-16.jsonl');
    const lines = fs.readFileSync(day, 'utf8').trimEnd().split('\n');
    const template = JSON.parse(lines[lines.length - 1]) as { metadata: Record<string, unknown> };
    template.metadata.event_id = 'cccccccc-dddd-4eee-8fff-000000000001';
    template.metadata.sequence_number = (template.metadata.sequence_number as number) + 1;
    template.metadata.causation_id = null;
    fs.appendFileSync(day, `${JSON.stringify(template)}\n{"broken": \n`);
    const seenBefore = client.storeChanged.length;
    const changed = await client.waitForStoreChanged((p) => p.reason === 'changed' && p.appendedEvents >= 1);
    assert.equal(changed.eventCount, status.stores[0].eventCount + 1);
    // The new event is announced as soon as it is indexed, before its findings; the later 'changed' says so.
    const since = client.storeChanged.slice(seenBefore);
    const indexed = since.findIndex((p) => p.reason === 'indexed' && p.appendedEvents >= 1);
    assert.ok(indexed >= 0 && indexed < since.indexOf(changed), `an 'indexed' notification before the 'changed' one: ${since.map((p) => p.reason).join(', ')}`);
    assert.equal(since[indexed].eventCount, changed.eventCount);
    assert.equal(since[indexed].lastTimestampMs, changed.lastTimestampMs);
    assert.equal(changed.announced, true);
    assert.ok(Number.isFinite(changed.lastTimestampMs));
    const diagnostics = await client.waitForDiagnostics(fileUriOf(day), (d) => d.some((x) => x.code === 'EB001'));
    const broken = diagnostics.find((x) => x.code === 'EB001');
    assert.equal(broken?.range.start.line, lines.length + 1, 'on the appended broken line');
    const after = await client.connection.sendRequest(StatusRequest.type, {});
    assert.equal(after.stores[0].eventCount, status.stores[0].eventCount + 1);
    assert.ok(after.stores[0].problems.error >= 1);
  });
});
