import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../src/engine/model/event';
import { createSnapshot } from '../../src/engine/snapshot/createSnapshot';
import { describeDifference, structuralDiff, verifySnapshot, verifySnapshots } from '../../src/engine/snapshot/drift';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { ev, StateTestStorage } from './stateTestStorage';

async function storage20(): Promise<StateTestStorage> {
  const storage = new StateTestStorage();
  const events: Event[] = [];
  for (let i = 1; i <= 20; i++) events.push(ev('acct', i, { balance: i * 10, owner: { name: 'ann' }, history: [i] }));
  await storage.append(events);
  return storage;
}

describe('structuralDiff', () => {
  it('reports added, removed and changed values as JSON pointers', () => {
    const before = { a: 1, keep: { x: [1, 2, 3] }, 'we/ird~key': true, gone: 'yes', type: { n: 1 } };
    const after = { a: 2, keep: { x: [1, 9] }, 'we/ird~key': false, fresh: null, type: [1] };
    assert.deepEqual(structuralDiff(before, after), [
      { path: '/gone', kind: 'removed', before: 'yes' },
      { path: '/fresh', kind: 'added', after: null },
      { path: '/a', kind: 'changed', before: 1, after: 2 },
      { path: '/keep/x/2', kind: 'removed', before: 3 },
      { path: '/keep/x/1', kind: 'changed', before: 2, after: 9 },
      { path: '/we~1ird~0key', kind: 'changed', before: true, after: false },
      { path: '/type', kind: 'changed', before: { n: 1 }, after: [1] },
    ]);
  });

  it('finds nothing between equal values and a root change between different scalars', () => {
    assert.deepEqual(structuralDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] }), []);
    assert.deepEqual(structuralDiff(0, -0), []);
    assert.deepEqual(structuralDiff(1, '1'), [{ path: '', kind: 'changed', before: 1, after: '1' }]);
    assert.deepEqual(structuralDiff([], [5]), [{ path: '/0', kind: 'added', after: 5 }]);
  });

  it('handles deep nesting without recursion limits', () => {
    let a: Record<string, unknown> = { leaf: 1 };
    let b: Record<string, unknown> = { leaf: 2 };
    for (let i = 0; i < 20_000; i++) {
      a = { n: a };
      b = { n: b };
    }
    const diff = structuralDiff(a, b);
    assert.equal(diff.length, 1);
    assert.ok(diff[0].path.endsWith('/n/leaf'));
  });
});

describe('verifySnapshot', () => {
  it('accepts a snapshot that matches a rebuild from the events', async () => {
    const storage = await storage20();
    const ref = await createSnapshot(storage, 'acct', { atSequence: 12 });
    const result = await verifySnapshot(storage, ref);
    assert.equal(result.ok, true);
    assert.deepEqual(result.differences, []);
    assert.equal(result.eventsApplied, 12, 'must rebuild from the events, not from the snapshot itself');
    assert.equal(result.rebuiltToSequence, 12);
  });

  it('detects a tampered snapshot and says where', async () => {
    const storage = await storage20();
    const ref = await createSnapshot(storage, 'acct', { atSequence: 12 });
    const snapshot = await storage.loadSnapshot(ref);
    const state = JSON.parse(JSON.stringify(snapshot.state)) as Record<string, unknown>;
    state.balance = 999_999;
    delete state.history;
    state.injected = 'not from any event';
    storage.tamper(ref.file, state);
    const result = await verifySnapshot(storage, ref);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.differences.map((d) => [d.path, d.kind]).sort(),
      [['/balance', 'changed'], ['/history', 'added'], ['/injected', 'removed']],
    );
    const balance = result.differences.find((d) => d.path === '/balance')!;
    assert.equal(balance.before, 999_999);
    assert.equal(balance.after, 120);
    assert.match(describeDifference(balance), /^\/balance: snapshot has 999999, rebuilt has 120$/);
    // A later snapshot is checked against this one plus the events between
    // (what it claims to be): built on the tampered one, it is consistent with it.
    const later = await createSnapshot(storage, 'acct', { atSequence: 20 });
    const laterCheck = await verifySnapshot(storage, later);
    assert.equal(laterCheck.ok, true);
    assert.equal(laterCheck.fromSnapshot?.file, ref.file);
    assert.equal(laterCheck.eventsApplied, 8, 'only the events after the previous snapshot');
  });

  it('ignores _meta when the snapshot has none (Python writer), compares only the _meta keys it has', async () => {
    const storage = await storage20();
    const ref = await createSnapshot(storage, 'acct', { atSequence: 5 });
    const rebuilt = (await rebuildFromEvents(storage, 'acct', { atSequence: 5 })).state as Record<string, unknown>;
    const { _meta, ...withoutMeta } = rebuilt;
    storage.tamper(ref.file, withoutMeta);
    assert.equal((await verifySnapshot(storage, ref)).ok, true);
    const meta = _meta as Record<string, unknown>;
    storage.tamper(ref.file, { ...withoutMeta, _meta: { sequence_number: meta.sequence_number } });
    assert.equal((await verifySnapshot(storage, ref)).ok, true);
    storage.tamper(ref.file, { ...withoutMeta, _meta: { sequence_number: 4 } });
    const wrong = await verifySnapshot(storage, ref);
    assert.deepEqual(wrong.differences.map((d) => d.path), ['/_meta/sequence_number']);
  });

  it('reports an unreadable snapshot as a failed check, not a throw', async () => {
    const storage = await storage20();
    const ref = await createSnapshot(storage, 'acct', { atSequence: 3 });
    storage.loadSnapshot = async () => {
      throw new Error(`${ref.file}: is not valid JSON`);
    };
    const result = await verifySnapshot(storage, ref);
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /snapshot_acct_3\.json: is not valid JSON/);
  });

  it('verifies every snapshot of the store', async () => {
    const storage = await storage20();
    await createSnapshot(storage, 'acct', { atSequence: 5 });
    await createSnapshot(storage, 'system', { atSequence: 7 });
    const results = await verifySnapshots(storage);
    assert.equal(results.length, 2);
    assert.ok(results.every((r) => r.ok), JSON.stringify(results));
  });
});
