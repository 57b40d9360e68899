import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../src/engine/model/event';
import { createSnapshot } from '../../src/engine/snapshot/createSnapshot';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { ReducerRegistry } from '../../src/engine/state/reducerRegistry';
import { ev, StateTestStorage } from './stateTestStorage';

/** 60 events of `t1` interleaved with 30 of `t2`, per-aggregate sequences from 1. */
async function storeWithHistory(): Promise<StateTestStorage> {
  const storage = new StateTestStorage();
  const events: Event[] = [];
  for (let i = 1; i <= 60; i++) {
    events.push(ev('t1', i, { price: 100 + i, book: { [`level${i % 7}`]: i }, fills: [i], last: `e${i}` }));
    if (i % 2 === 0) events.push(ev('t2', i / 2, { other: i }));
  }
  await storage.append(events);
  return storage;
}

describe('rebuildFromEvents', () => {
  it('from a snapshot plus its tail equals a rebuild from scratch', async () => {
    const storage = await storeWithHistory();
    const ref = await createSnapshot(storage, 't1', { atSequence: 40 });
    assert.equal(ref.sequence_number, 40);
    storage.queries.length = 0;
    const fromSnapshot = await rebuildFromEvents(storage, 't1');
    const scratch = await rebuildFromEvents(storage, 't1', { useSnapshots: false });
    assert.deepEqual(fromSnapshot.fromSnapshot, ref);
    assert.equal(fromSnapshot.eventsApplied, 20, 'only the tail after the snapshot is folded');
    assert.equal(storage.queries[0].fromSequenceNumber, 41);
    assert.equal(scratch.eventsApplied, 60);
    assert.deepEqual(fromSnapshot.state, scratch.state);
    assert.equal(fromSnapshot.lastSequence, 60);
    assert.equal(fromSnapshot.eventCount, 60);
    assert.equal((scratch.state as { price: number }).price, 160);
  });

  it('rebuilds at a sequence, using only snapshots at or before it', async () => {
    const storage = await storeWithHistory();
    await createSnapshot(storage, 't1', { atSequence: 40 });
    const early = await createSnapshot(storage, 't1', { atSequence: 20 });
    const at25 = await rebuildFromEvents(storage, 't1', { atSequence: 25 });
    assert.deepEqual(at25.fromSnapshot, early);
    assert.equal(at25.lastSequence, 25);
    assert.equal(at25.eventsApplied, 5);
    const state = at25.state as { price: number; fills: number[]; _meta: { sequence_number: number; event_count: number } };
    assert.equal(state.price, 125);
    assert.deepEqual(state.fills, [25]);
    assert.equal(state._meta.sequence_number, 25);
    assert.equal(state._meta.event_count, 25);
    const scratch = await rebuildFromEvents(storage, 't1', { atSequence: 25, useSnapshots: false });
    assert.deepEqual(at25.state, scratch.state);
  });

  it('returns a deep-frozen state and an empty one for an unknown aggregate', async () => {
    const storage = await storeWithHistory();
    const result = await rebuildFromEvents(storage, 't2');
    assert.ok(Object.isFrozen(result.state));
    assert.ok(Object.isFrozen((result.state as { _meta: object })._meta));
    const none = await rebuildFromEvents(storage, 'nobody');
    assert.deepEqual(none.state, {});
    assert.equal(none.lastSequence, -1);
    assert.equal(none.eventsApplied, 0);
  });

  it('skips an unreadable snapshot and falls back to an earlier one', async () => {
    const storage = await storeWithHistory();
    const good = await createSnapshot(storage, 't1', { atSequence: 10 });
    const originalLoad = storage.loadSnapshot.bind(storage);
    storage.loadSnapshot = async (ref) => {
      if (ref.sequence_number === 30) throw new Error(`${ref.file}: is not valid JSON`);
      return originalLoad(ref);
    };
    await createSnapshot(storage, 't1', { atSequence: 30 });
    const result = await rebuildFromEvents(storage, 't1');
    assert.deepEqual(result.fromSnapshot, good);
    assert.equal(result.skippedSnapshots.length, 1);
    assert.match(result.skippedSnapshots[0].reason, /snapshot_t1_30\.json: is not valid JSON/);
    assert.equal(result.eventsApplied, 50);
  });

  it('folds in place: reducers get the same working object, never a per-event copy', async () => {
    const storage = new StateTestStorage();
    const events: Event[] = [];
    for (let i = 1; i <= 10_000; i++) events.push(ev('big', i, { n: i, nested: { k: i % 10 } }));
    await storage.append(events);
    const seen = new Set<unknown>();
    const registry = new ReducerRegistry();
    registry.register<Record<string, unknown>>('trade_executed', (state, event) => {
      seen.add(state);
      state.n = (event.data as { n: number }).n;
      return state;
    });
    const result = await rebuildFromEvents(storage, 'big', { reducers: registry });
    assert.equal(seen.size, 1);
    assert.equal((result.state as { n: number }).n, 10_000);
    assert.equal(result.eventsApplied, 10_000);
  });

  it('accepts a plain {type: reducer} table', async () => {
    const storage = await storeWithHistory();
    const result = await rebuildFromEvents(storage, 't2', {
      reducers: { trade_executed: (state: unknown) => ({ ...(state as object), seen: true }) },
    });
    assert.equal((result.state as { seen: boolean }).seen, true);
    assert.equal((result.state as { other?: number }).other, undefined);
  });

  it('rebuilds the bus-wide system aggregate by event count, from a system snapshot', async () => {
    const storage = await storeWithHistory();
    const ref = await createSnapshot(storage, 'system', { atSequence: 50 });
    assert.equal(ref.file, 'snapshots/snapshot_system_50.json');
    const full = await rebuildFromEvents(storage, 'system');
    const scratch = await rebuildFromEvents(storage, 'system', { useSnapshots: false });
    assert.deepEqual(full.fromSnapshot, ref);
    assert.equal(full.eventsApplied, 40);
    assert.equal(full.lastSequence, 90);
    assert.deepEqual(full.state, scratch.state);
    const aggregates = (full.state as { aggregates: Record<string, { event_count: number }> }).aggregates;
    assert.equal(aggregates.t1.event_count, 60);
    assert.equal(aggregates.t2.event_count, 30);
    const at10 = await rebuildFromEvents(storage, 'system', { atSequence: 10 });
    assert.equal((at10.state as { _meta: { event_count: number } })._meta.event_count, 10);
  });

  it('refuses to snapshot an aggregate with no events, and reuses an exact existing snapshot', async () => {
    const storage = await storeWithHistory();
    await assert.rejects(createSnapshot(storage, 'ghost'), /"ghost" has no events/);
    const first = await createSnapshot(storage, 't2');
    const again = await createSnapshot(storage, 't2');
    assert.deepEqual(again, first);
    assert.equal((await storage.listSnapshots('t2')).length, 1);
  });
});
