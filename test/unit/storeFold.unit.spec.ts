import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/engine/config/validateConfig';
import { ConfigError } from '../../src/engine/config/configError';
import { verifySnapshots } from '../../src/engine/snapshot/drift';
import { declarativeReducer } from '../../src/engine/state/fold/declarativeReducers';
import { foldSettingProblems } from '../../src/engine/model/foldSetting';
import { resolveStoreFold } from '../../src/engine/state/fold/storeFold';
import { shallowReducer } from '../../src/engine/state/fold/shallowReducer';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { unsafeNumberPaths } from '../../src/engine/state/unsafeNumbers';
import { ev, StateTestStorage } from './stateTestStorage';

/** What a Python bus folds: state.update(data) plus its bookkeeping keys. */
function pythonFold(events: ReturnType<typeof ev>[]): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const e of events) {
    Object.assign(state, e.data);
    state.last_event_type = e.event_type;
    state.last_sequence_number = e.metadata.sequence_number;
    state.event_count = ((state.event_count as number | undefined) ?? 0) + 1;
  }
  return state;
}

async function pythonStore(): Promise<{ storage: StateTestStorage; events: ReturnType<typeof ev>[] }> {
  const storage = new StateTestStorage();
  const events = [];
  for (let i = 1; i <= 9; i++) events.push(ev('acct', i, { balance: i * 10, position: i % 2 ? { long: i } : { short: i } }, i % 3 ? 'trade_executed' : 'risk_alert'));
  await storage.append(events);
  for (const at of [3, 6, 9]) {
    await storage.saveSnapshot({ aggregate_id: 'acct', sequence_number: at, timestamp: '2024-01-15T10:30:00', state: pythonFold(events.slice(0, at)) });
  }
  return { storage, events };
}

describe('the store fold', () => {
  it('is detected as shallow with the writer\'s bookkeeping keys from snapshots without _meta', async () => {
    const { storage, events } = await pythonStore();
    const fold = await resolveStoreFold(storage);
    assert.equal(fold.mode, 'shallow');
    assert.deepEqual(fold.bookkeeping, { last_event_type: 'event_type', last_sequence_number: 'sequence_number', event_count: 'count' });
    // `position` is replaced whole (dict.update), never merged: {long} and {short} do not mix.
    const rebuilt = await rebuildFromEvents(storage, 'acct', { useSnapshots: false });
    assert.deepEqual(rebuilt.state, pythonFold(events));
    assert.equal('_meta' in (rebuilt.state as object), false);
    const results = await verifySnapshots(storage);
    assert.deepEqual(results.map((r) => [r.ref.sequence_number, r.ok, r.fromSnapshot?.sequence_number]), [[3, true, undefined], [6, true, 3], [9, true, 6]]);
    assert.equal(results[2].eventsApplied, 3, 'the previous snapshot plus the events between');
  });

  it('says "cannot verify" where the events a snapshot needs were removed, and checks the rest', async () => {
    const { storage } = await pythonStore();
    storage.events.splice(0, 4); // TTL took sequences 1-4
    const results = await verifySnapshots(storage);
    assert.deepEqual(results.map((r) => [r.ref.sequence_number, r.ok, r.unverifiable ?? null]), [
      [3, false, 'cannot verify: events before 5 were removed'],
      [6, false, 'cannot verify: events before 5 were removed'],
      [9, true, null],
    ]);
  });

  it('finds drift in a snapshot whose state is not the previous one plus the events between', async () => {
    const { storage, events } = await pythonStore();
    storage.tamper('snapshots/snapshot_acct_6.json', { ...pythonFold(events.slice(0, 6)), balance: 1 });
    const results = await verifySnapshots(storage);
    assert.deepEqual(results.map((r) => r.ok), [true, false, true]);
    assert.deepEqual(results[1].differences.map((d) => d.path), ['/balance']);
  });

  it('follows the config over detection: deep keeps _meta, reducers fold declaratively', async () => {
    const { storage } = await pythonStore();
    const deep = await rebuildFromEvents(storage, 'acct', { useSnapshots: false, reducers: undefined });
    assert.equal('_meta' in (deep.state as object), false, 'detected shallow');
    const configured = new StateTestStorage();
    await configured.append(storage.events);
    Object.assign(configured, {
      foldSetting: {
        mode: 'reducers',
        reducers: {
          trade_executed: [
            { op: 'increment', path: 'trades' },
            { op: 'increment', path: 'volume', from: 'data.balance' },
            { op: 'set', path: 'by_seq.{metadata.sequence_number}', from: 'data.balance' },
          ],
          risk_alert: [{ op: 'append', path: 'alerts', from: 'metadata.sequence_number' }, { op: 'remove', path: 'by_seq.{metadata.sequence_number}' }],
        },
      },
    });
    const state = (await rebuildFromEvents(configured, 'acct')).state;
    assert.deepEqual(state, { trades: 6, volume: 10 + 20 + 40 + 50 + 70 + 80, by_seq: { 1: 10, 2: 20, 4: 40, 5: 50, 7: 70, 8: 80 }, alerts: [3, 6, 9] });
  });

  it('declarative reducers say what is wrong instead of guessing', () => {
    const event = ev('a', 1, { qty: 'x' });
    assert.throws(() => declarativeReducer([{ op: 'increment', path: 'n', from: 'data.qty' }])({}, event), /increment "n" by "x": not a number/);
    assert.throws(() => declarativeReducer([{ op: 'append', path: 'list', value: 1 }])({ list: 3 }, event), /not a list/);
    assert.throws(() => declarativeReducer([{ op: 'set', path: '__proto__.x', value: 1 }])({}, event), /forbidden key/);
    assert.deepEqual(shallowReducer({ a: { x: 1 }, b: 2 }, ev('a', 1, { a: { y: 2 } })), { a: { y: 2 }, b: 2 });
  });

  it('validates the fold setting in the config with paths', () => {
    assert.deepEqual(foldSettingProblems('shallow'), []);
    assert.deepEqual(foldSettingProblems({ mode: 'reducers', reducers: { t: [{ op: 'set', path: 'a', from: 'data.a' }] } }), []);
    assert.deepEqual(foldSettingProblems({ mode: 'reducers', reducers: { t: [{ op: 'mul', path: 'a' }] } }).map((p) => p.path), ['fold.reducers.t[0].op']);
    assert.throws(() => validateConfig({ fold: 'dict.update' }), (error: unknown) => error instanceof ConfigError && /"fold": expected/.test(error.message));
    assert.equal(validateConfig({ event_bus: { fold: 'shallow', time_order_tolerance_ms: 5 } }).fold, 'shallow');
  });

  it('flags computed numbers beyond 2^53', () => {
    assert.deepEqual(unsafeNumberPaths({ a: 1.0, b: [12345678901234567890], c: { d: 2 ** 53 + 2 } }), ['/b/0', '/c/d']);
  });
});
