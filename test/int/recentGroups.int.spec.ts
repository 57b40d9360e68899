import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { naturalCompare } from '../../src/engine/model/naturalOrder';
import { openStore } from '../../src/engine/openStore';
import { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { eventGroups } from '../../src/server/handlers/eventGroups';
import type { HandlerStore } from '../../src/server/handlers/handlerStore';
import { makeTempDir } from '../helpers/tempStore';

interface Stored {
  metadata: { aggregate_id: string | null; correlation_id: string | null; timestamp: string };
}

/** Each group's last event time, sorted the way the views sort by last activity: newest first, ties in natural key order. */
function expectedRecentOrder(root: string, kind: 'aggregate' | 'correlation'): string[] {
  const last = new Map<string, number>();
  const dir = path.join(root, 'events');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)) {
      const { metadata } = JSON.parse(line) as Stored;
      const key = kind === 'aggregate' ? metadata.aggregate_id : metadata.correlation_id;
      if (key === null) continue;
      // The generator writes microseconds; the index keeps what Date.parse keeps plus the fraction below a millisecond.
      const t = Date.parse(metadata.timestamp);
      last.set(key, Math.max(last.get(key) ?? Number.NEGATIVE_INFINITY, t));
    }
  }
  return [...last.entries()].sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0])).map(([key]) => key);
}

describe('groups by last activity and group counts are paged from the index without listing every group', () => {
  const temp = makeTempDir('eventbus-recent-groups-');
  const root = path.join(temp.dir, 'event_store');
  // Two openings: the in-memory index of a cold build, and the persisted on-disk one read in place.
  const engines: { name: string; engine: StoreEngine }[] = [];
  const storeOf = (engine: StoreEngine): HandlerStore => ({ root, engine, registry: new SchemaRegistry(), uriOf: (file) => `file:///${file}` });

  before(async () => {
    generateStoreSync({ events: 6000, days: 3, outDir: root, seed: 11 });
    const cold = await openStore(root, { threads: 1 });
    engines.push({ name: 'cold build', engine: cold });
    engines.push({ name: 'persisted index', engine: await openStore(root, { threads: 1 }) });
  });
  after(async () => {
    for (const { engine } of engines) await engine.close();
    temp.cleanup();
  });

  for (const kind of ['correlation', 'aggregate'] as const) {
    it(`${kind}s: every page by last activity is the slice of the full order, with its rows measured`, () => {
      const expected = expectedRecentOrder(root, kind);
      assert.ok(expected.length > 20, 'the store has groups to page through');
      for (const { name, engine } of engines) {
        assert.ok(name !== 'persisted index' || engine.index.files.length > 0);
        for (const [offset, limit] of [[0, 7], [7, 50], [Math.max(0, expected.length - 5), 100]]) {
          const page = eventGroups(storeOf(engine), { store: root, groupBy: kind, sort: 'lastActivity', offset, limit });
          assert.deepEqual(page.items.map((row) => row.key), expected.slice(offset, offset + limit), `${name}, ${kind}s ${offset}+${limit}`);
          assert.equal(page.total, expected.length);
          for (const row of page.items) assert.equal(row.count, kind === 'aggregate' ? engine.index.aggregateSize(row.key) : engine.index.correlationSize(row.key));
        }
      }
    });
  }

  it('a count alone (limit 0) is the number of groups, with and without a prefix', () => {
    for (const { name, engine } of engines) {
      const store = storeOf(engine);
      const all = eventGroups(store, { store: root, groupBy: 'correlation', limit: 0 });
      assert.deepEqual(all.items, []);
      assert.equal(all.total, engine.index.correlationIds().length, name);
      const aggregates = engine.index.aggregateIds();
      const prefix = aggregates[0].slice(0, Math.max(1, aggregates[0].length - 1));
      const counted = eventGroups(store, { store: root, groupBy: 'aggregate', prefix, limit: 0 });
      assert.equal(counted.total, aggregates.filter((id) => id.startsWith(prefix)).length, name);
      // The same question with a page asks the general path: both agree.
      assert.equal(eventGroups(store, { store: root, groupBy: 'aggregate', prefix, limit: 10 }).total, counted.total, name);
    }
  });
});
