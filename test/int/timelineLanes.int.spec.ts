import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import { SchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import type { HandlerStore } from '../../src/server/handlers/handlerStore';
import { timelineBins, timelineBinsChoosingLanes, timelineNeighbour } from '../../src/server/handlers/timeline';
import type { TimelineBinsParams } from '../../src/shared/protocol';
import { makeTempDir } from '../helpers/tempStore';

/** The server's timeline on a generated store: lanes in a stable order, pinned and chosen lanes, (other), next/previous event. */
describe('timeline lanes and stepping (the server handler on a generated store)', () => {
  const temp = makeTempDir('eventbus-timeline-lanes-');
  const root = path.join(temp.dir, 'event_store');
  let engine: StoreEngine;
  let store: HandlerStore;

  before(async () => {
    generateStoreSync({ events: 3000, days: 2, outDir: root, seed: 44 });
    engine = await openStore(root, { threads: 1, noCache: true });
    store = { root, engine, registry: new SchemaRegistry(), uriOf: (file) => `file:///${file}` };
  });
  after(async () => {
    await engine.close();
    temp.cleanup();
  });

  const whole = () => ({ from: engine.index.firstTimestamp(), to: engine.index.lastTimestamp() });
  const base = (): TimelineBinsParams => ({ store: root, lane: 'aggregate', buckets: 20, maxLanes: 10_000, marksBelow: 0, laneOrder: 'count', ...whole() });

  it('orders lanes by the whole store, so a zoomed view keeps the order of the whole (by count, name or first event)', () => {
    for (const laneOrder of ['count', 'name', 'first'] as const) {
      const all = timelineBins(store, { ...base(), laneOrder }).lanes.map((l) => l.key);
      assert.ok(all.length > 20, `${all.length} aggregates`);
      const { from, to } = whole();
      for (const share of [0.1, 0.37, 0.8]) {
        const start = from + (to - from) * share;
        const zoomed = timelineBins(store, { ...base(), laneOrder, from: start, to: start + (to - from) * 0.05 }).lanes.map((l) => l.key);
        assert.ok(zoomed.length > 1);
        const positions = zoomed.map((key) => all.indexOf(key));
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${laneOrder}: the zoomed lanes keep the whole store's order`);
      }
      if (laneOrder === 'count') {
        const sizes = all.map((key) => engine.index.aggregateSize(key));
        assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
      }
      if (laneOrder === 'name') assert.deepEqual(all, [...all].sort(new Intl.Collator('en', { numeric: true }).compare));
    }
  });

  it('keeps pinned lanes first, even with no event in the range, and folds the rest past maxLanes into a listed (other)', () => {
    const { from, to } = whole();
    const narrow = { from: to - (to - from) * 0.01, to };
    const inNarrow = new Set(timelineBins(store, { ...base(), ...narrow }).lanes.map((l) => l.key));
    const absent = engine.index.aggregateIds().find((id) => !inNarrow.has(id));
    assert.ok(absent, 'an aggregate with no event at the end of the store');
    const pinned = [absent, [...inNarrow][3]];
    const bins = timelineBins(store, { ...base(), ...narrow, pinnedLanes: pinned, maxLanes: 6, listOther: 2 });
    assert.deepEqual(bins.lanes.slice(0, 2).map((l) => l.key), pinned);
    assert.equal(bins.lanes[0].total, 0, 'the pinned lane is shown empty');
    assert.equal(bins.lanes.length, 6);
    assert.equal(bins.lanes[5].key, '(other)');
    assert.equal(bins.otherLaneCount, inNarrow.size - 1 - 3, 'every lane with events but no row is folded');
    assert.equal(bins.otherLanes?.length, 2);
    assert.ok(bins.otherLanes![0].total >= bins.otherLanes![1].total);
    const all = timelineBins(store, { ...base(), ...narrow });
    assert.equal(bins.total, all.total, 'folding loses no event');
    assert.equal(bins.lanes[5].total, bins.lanes[5].counts.reduce((a, b) => a + b, 0));
  });

  it('gives rows only to the lanes a content query chooses; the others go to (other)', async () => {
    const where = 'type == "trade_executed" and data.side == "sell"';
    const bins = await timelineBinsChoosingLanes(store, { ...base(), laneWhere: where, listOther: 10_000 });
    const chosen = bins.lanes.filter((l) => l.key !== '(other)').map((l) => l.key);
    assert.ok(chosen.length > 0 && bins.otherLaneCount! > 0, `${chosen.length} chosen, ${bins.otherLaneCount} folded`);
    for (const key of chosen) {
      const hasMatch = engine.index.ordinalsOfAggregate(key).some((o) => {
        const e = engine.index.event(o);
        return e.eventType === 'trade_executed';
      });
      assert.ok(hasMatch, `${key} holds a trade`);
    }
    const folded = new Set(bins.otherLanes!.map((l) => l.key));
    for (const key of chosen) assert.ok(!folded.has(key));
  });

  it('steps to the next and previous event in the time order, from an event or a time, through the filter', () => {
    const order = engine.index.timeOrdered();
    const first = engine.index.event(order[0]);
    const second = engine.index.event(order[1]);
    const next = timelineNeighbour(store, { store: root, eventId: first.eventId, timestampMs: 0, direction: 'next', lane: 'aggregate' });
    assert.equal(next?.eventId, second.eventId);
    assert.equal(next?.lane, second.aggregateId ?? '(none)');
    assert.equal(timelineNeighbour(store, { store: root, eventId: second.eventId, timestampMs: 0, direction: 'previous', lane: 'type' })?.eventId, first.eventId);
    assert.equal(timelineNeighbour(store, { store: root, eventId: first.eventId, timestampMs: 0, direction: 'previous', lane: 'type' }), null, 'nothing before the first');
    const last = engine.index.event(order[order.length - 1]);
    assert.equal(timelineNeighbour(store, { store: root, eventId: last.eventId, timestampMs: 0, direction: 'next', lane: 'type' }), null, 'nothing after the last');
    // From a time (no selection): strictly after / before it.
    const mid = engine.index.event(order[1500]);
    const after = timelineNeighbour(store, { store: root, timestampMs: mid.timestampMs, direction: 'next', lane: 'type' });
    assert.ok(after && after.timestampMs > mid.timestampMs);
    // Through a filter: the next event of one type skips the others.
    const type = engine.index.event(order[10]).eventType;
    let at = first.eventId;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const mark = timelineNeighbour(store, { store: root, eventId: at, timestampMs: 0, direction: 'next', lane: 'type', filters: { types: [type] } });
      assert.ok(mark);
      assert.equal(mark.type, type);
      seen.push(mark.timestampMs);
      at = mark.eventId;
    }
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
  });
});
