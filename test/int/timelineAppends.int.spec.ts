import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { timelineBins } from '../../src/server/handlers/timeline';
import type { HandlerStore } from '../../src/server/handlers/handlerStore';
import { makeTempDir } from '../helpers/tempStore';

function handlerStore(engine: StoreEngine): HandlerStore {
  return { root: engine.root, engine, registry: new SchemaRegistry(), uriOf: (file) => `file:///${file}` };
}

/** A copy of the last event line with a new id, `shiftMs` from the file's last timestamp, in another aggregate and source. */
function shifted(template: string, n: number, shiftMs: number, aggregate: string | null, source: string): string {
  const event = JSON.parse(template) as { metadata: Record<string, unknown> };
  const t = Date.parse(`${String(event.metadata.timestamp).replace(/Z?$/, '')}Z`) + shiftMs;
  event.metadata.event_id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  event.metadata.timestamp = new Date(t).toISOString();
  event.metadata.aggregate_id = aggregate;
  event.metadata.source = source;
  return JSON.stringify(event);
}

describe('the time order and the timeline after appends', () => {
  it('merge appended events (earlier, equal and later than the last) exactly as a fresh index orders and bins them', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-timeline-appends-');
    try {
      const store = path.join(dir, 'event_store');
      generateStoreSync({ events: 2000, days: 2, outDir: store, seed: 21 });
      const engine = await openStore(store, { threads: 1, noCache: true });
      const before = engine.index.timeOrdered();
      const params = { store, lane: 'aggregate' as const, buckets: 40, maxLanes: 1000, marksBelow: 0 };
      for (const lane of ['aggregate', 'source', 'type'] as const) timelineBins(handlerStore(engine), { ...params, lane });

      const days = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort();
      const last = path.join(store, 'events', days[days.length - 1]);
      const lines = fs.readFileSync(last, 'utf8').trimEnd().split('\n');
      const template = lines[lines.length - 1];
      // Late ones (an hour back), one at the same instant as the last, later ones; a new aggregate and a new source among them.
      const appended = [
        shifted(template, 1, -3_600_000, 'late-aggregate', 'LateSource'),
        shifted(template, 2, 0, null, 'LateSource'),
        shifted(template, 3, 5_000, 'late-aggregate', 'Orders'),
        shifted(template, 4, -60_000, 'another-new-one', 'Orders'),
      ];
      fs.appendFileSync(last, `${appended.join('\n')}\n`);
      const delta = await engine.refresh();
      assert.equal(delta.appendedEvents, 4);
      const merged = engine.index.timeOrdered();
      assert.notEqual(merged, before, 'a new order after the appends');

      const fresh = await openStore(store, { threads: 1, noCache: true });
      assert.deepEqual(Array.from(merged), Array.from(fresh.index.timeOrdered()));
      for (const lane of ['aggregate', 'source', 'type'] as const) {
        const grown = timelineBins(handlerStore(engine), { ...params, lane });
        const cold = timelineBins(handlerStore(fresh), { ...params, lane });
        const byKey = (bins: typeof grown) => Object.fromEntries(bins.lanes.map((l) => [l.key, l.counts]));
        assert.deepEqual(byKey(grown), byKey(cold), `lane ${lane}`);
        assert.equal(grown.total, 2004);
        assert.ok(grown.lanes.length > 3, `${lane}: events spread over lanes (${grown.lanes.length})`);
      }
      await fresh.close();
      await engine.close();
    } finally {
      cleanup();
    }
  });
});
