import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { prepareContentFilters, queryMatches } from '../../src/server/handlers/contentQuery';
import { eventGroups } from '../../src/server/handlers/eventGroups';
import { eventsQuery } from '../../src/server/handlers/eventsQuery';
import type { HandlerStore } from '../../src/server/handlers/handlerStore';
import { timelineBins } from '../../src/server/handlers/timeline';
import { makeTempDir } from '../helpers/tempStore';

interface StoredEvent {
  event_type: string;
  data: Record<string, unknown>;
  metadata: { event_id: string; aggregate_id: string | null; timestamp: string };
}

function storedEvents(root: string): StoredEvent[] {
  const dir = path.join(root, 'events');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as StoredEvent);
}

const WHERE = 'type == "trade_executed" and data.side == "sell"';
const isMatch = (e: StoredEvent) => e.event_type === 'trade_executed' && e.data.side === 'sell';

describe('a content query in the views\' filter and the timeline (the server\'s handlers)', () => {
  const temp = makeTempDir('eventbus-query-views-');
  const root = path.join(temp.dir, 'event_store');
  let engine: StoreEngine;
  let store: HandlerStore;
  let events: StoredEvent[];

  before(async () => {
    generateStoreSync({ events: 2500, days: 2, outDir: root, seed: 31 });
    engine = await openStore(root, { threads: 1, noCache: true });
    store = { root, engine, registry: new SchemaRegistry(), uriOf: (file) => `file:///${file}` };
    events = storedEvents(root);
  });
  after(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('counts the matches, and reports an unreadable query with its column instead of failing', async () => {
    const answer = await queryMatches(store, { store: root, where: WHERE });
    assert.deepEqual(answer, { ok: true, matched: events.filter(isMatch).length, total: events.length });
    assert.deepEqual(await queryMatches(store, { store: root, where: 'data.side ==' }), { ok: false, problem: { column: 13, reason: 'expected a value after ==' } });
  });

  it('the Aggregates groups count only matching events; an aggregate\'s events are the matching ones', async () => {
    const params = { store: root, groupBy: 'aggregate' as const, filter: { where: WHERE }, limit: 10_000 };
    await prepareContentFilters(engine, params);
    const page = eventGroups(store, params);
    const expected = new Map<string, number>();
    for (const e of events.filter(isMatch)) if (e.metadata.aggregate_id) expected.set(e.metadata.aggregate_id, (expected.get(e.metadata.aggregate_id) ?? 0) + 1);
    assert.deepEqual(new Map(page.items.map((g) => [g.key, g.count])), expected);
    const [aggregate] = expected.keys();
    const listed = eventsQuery(store, { store: root, aggregateId: aggregate, filter: { where: WHERE }, limit: 10_000 });
    assert.equal(listed.total, expected.get(aggregate));
    assert.ok(listed.items.every((item) => item.type === 'trade_executed'));
  });

  it('the timeline bins count only matching events, combined with its other filters', async () => {
    const params = { store: root, lane: 'type' as const, buckets: 10, filters: { where: WHERE }, marksBelow: 0, maxLanes: 50 };
    await prepareContentFilters(engine, params);
    const bins = timelineBins(store, params);
    assert.equal(bins.total, events.filter(isMatch).length);
    assert.deepEqual(bins.lanes.map((l) => l.key), ['trade_executed']);
    const sources = [...new Set(events.filter(isMatch).map((e) => (e.metadata as { source?: string }).source as string))];
    const narrowed = { ...params, filters: { where: WHERE, sources: [sources[0]] } };
    await prepareContentFilters(engine, narrowed);
    assert.equal(timelineBins(store, narrowed).total, events.filter((e) => isMatch(e) && (e.metadata as { source?: string }).source === sources[0]).length);
  });

  it('after an append the mask grows to the new events instead of being recomputed wrong', async () => {
    const day = fs.readdirSync(path.join(root, 'events')).filter((n) => n.endsWith('.jsonl')).sort().pop() as string;
    const template = events.find(isMatch) as StoredEvent;
    const added = { ...template, metadata: { ...template.metadata, event_id: '00000000-0000-4000-8000-000000000099' } };
    fs.appendFileSync(path.join(root, 'events', day), `${JSON.stringify(added)}\n`);
    await engine.refresh();
    const answer = await queryMatches(store, { store: root, where: WHERE });
    assert.equal(answer.ok && answer.matched, events.filter(isMatch).length + 1);
  });
});
