import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createSnapshot } from '../../src/engine/snapshot/createSnapshot';
import { verifySnapshot } from '../../src/engine/snapshot/drift';
import {
  SnapshotConflictError,
  SnapshotFileError,
  listSnapshotFiles,
  loadSnapshotFile,
  saveSnapshotFile,
} from '../../src/engine/snapshot/snapshotStore';
import type { Snapshot } from '../../src/engine/model/snapshotTypes';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import { makeTempDir } from '../helpers/tempStore';
import { ev, StateTestStorage } from '../unit/stateTestStorage';

const temps: (() => void)[] = [];
after(() => temps.forEach((cleanup) => cleanup()));

function tempStore(): string {
  const { dir, cleanup } = makeTempDir('eventbus-snapshots-');
  temps.push(cleanup);
  return path.join(dir, 'event_store');
}

/** Every file under `dir`, relative, `/`-separated. */
function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

const snap = (aggregate_id: string, sequence_number: number, state: unknown): Snapshot => ({
  aggregate_id,
  sequence_number,
  timestamp: '2024-01-15T10:30:00.000Z',
  state,
  event_count: sequence_number,
  last_event_id: null,
});

describe('snapshot store on disk', () => {
  it('saves, lists and loads snapshots, leaving no temp files', async () => {
    const root = tempStore();
    const ref = await saveSnapshotFile(root, snap('market_data_BTC_USDT', 150, { price: 50_000, book: { bid: [1, 2] } }));
    await saveSnapshotFile(root, snap('market_data_BTC_USDT', 50, { price: 1 }));
    await saveSnapshotFile(root, snap('system', 100, { event_types: {} }));
    assert.equal(ref.file, 'snapshots/snapshot_market_data_BTC_USDT_150.json');
    assert.deepEqual(allFiles(root), [
      'snapshots/snapshot_market_data_BTC_USDT_150.json',
      'snapshots/snapshot_market_data_BTC_USDT_50.json',
      'snapshots/snapshot_system_100.json',
    ]);
    const listing = await listSnapshotFiles(root);
    assert.deepEqual(
      listing.snapshots.map((r) => `${r.aggregate_id}@${r.sequence_number}`),
      ['market_data_BTC_USDT@50', 'market_data_BTC_USDT@150', 'system@100'],
    );
    assert.deepEqual((await listSnapshotFiles(root, 'system')).snapshots.map((r) => r.file), ['snapshots/snapshot_system_100.json']);
    const loaded = await loadSnapshotFile(root, ref);
    assert.deepEqual(loaded.state, { price: 50_000, book: { bid: [1, 2] } });
    assert.equal(loaded.event_count, 150);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, ref.file), 'utf8')).sequence_number, 150);
  });

  it('reads Python-written snapshots (data instead of state, extra keys) and reports stray files', async () => {
    const root = tempStore();
    const dir = path.join(root, 'snapshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'snapshot_trader_1_150.json'),
      '{"aggregate_id": "trader_1", "sequence_number": 150, "timestamp": "2024-01-15T10:30:00.123456", "data": {"pnl": 12.5}, "snapshot_id": "x", "version": "1.0"}',
    );
    fs.writeFileSync(path.join(dir, 'README.txt'), 'hello');
    fs.writeFileSync(path.join(dir, '.pending-123-abc.json'), '{}');
    fs.mkdirSync(path.join(dir, 'archive'));
    const listing = await listSnapshotFiles(root);
    assert.deepEqual(listing.snapshots, [{ aggregate_id: 'trader_1', sequence_number: 150, file: 'snapshots/snapshot_trader_1_150.json' }]);
    assert.deepEqual(listing.ignored.map((i) => i.file).sort(), ['snapshots/README.txt', 'snapshots/archive']);
    assert.match(listing.ignored.find((i) => i.file.endsWith('README.txt'))!.reason, /expected snapshot_<aggregate_id>_<sequence>\.json/);
    const loaded = await loadSnapshotFile(root, listing.snapshots[0]);
    assert.deepEqual(loaded.state, { pnl: 12.5 });
    assert.equal(loaded.timestamp, '2024-01-15T10:30:00.123456');
    assert.equal(loaded.event_count, undefined);
  });

  it('reports a corrupt snapshot with its path and position, and a missing state', async () => {
    const root = tempStore();
    const dir = path.join(root, 'snapshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'snapshot_a_1.json'), '{\n  "state": {"x": 1,,}\n}');
    fs.writeFileSync(path.join(dir, 'snapshot_a_2.json'), '{"state": {"x": NaN}}');
    fs.writeFileSync(path.join(dir, 'snapshot_a_3.json'), '{"aggregate_id": "a"}');
    const [one, two, three] = (await listSnapshotFiles(root, 'a')).snapshots;
    await assert.rejects(loadSnapshotFile(root, one), (error: unknown) => {
      assert.ok(error instanceof SnapshotFileError);
      assert.equal(error.file, 'snapshots/snapshot_a_1.json');
      assert.match(error.message, /^snapshots\/snapshot_a_1\.json: is not valid JSON at line 2, column \d+/);
      return true;
    });
    await assert.rejects(loadSnapshotFile(root, two), /snapshot_a_2\.json: is not valid JSON.*NaN or Infinity/);
    await assert.rejects(loadSnapshotFile(root, three), /snapshot_a_3\.json: has neither "state" nor "data"/);
    await assert.rejects(
      loadSnapshotFile(root, { aggregate_id: 'a', sequence_number: 1, file: 'snapshots/../events/x.json' }),
      /not a file directly inside snapshots\//,
    );
  });

  it('never overwrites a different snapshot, and saving the same one again is a no-op', async () => {
    const root = tempStore();
    const first = await saveSnapshotFile(root, snap('acct', 7, { balance: 10 }));
    const before = fs.readFileSync(path.join(root, first.file), 'utf8');
    const again = await saveSnapshotFile(root, { ...snap('acct', 7, { balance: 10 }), timestamp: '2030-01-01T00:00:00Z' });
    assert.deepEqual(again, first);
    await assert.rejects(saveSnapshotFile(root, snap('acct', 7, { balance: 11 })), SnapshotConflictError);
    assert.equal(fs.readFileSync(path.join(root, first.file), 'utf8'), before);
    fs.writeFileSync(path.join(root, 'snapshots', 'snapshot_broken_1.json'), 'not json');
    await assert.rejects(saveSnapshotFile(root, snap('broken', 1, {})), /snapshot_broken_1\.json already exists/);
    assert.deepEqual(allFiles(path.join(root, 'snapshots')), ['snapshot_acct_7.json', 'snapshot_broken_1.json']);
  });

  it('keeps unsafe and overly long aggregate ids inside snapshots/ and gets them back exactly', async () => {
    const root = tempStore();
    const ids = ['../../etc/x', 'a/b', 'a\\b', 'CON', 'nul.txt', 'x:y*?"<>|', '.hidden', 'tab\tand\u0001ctl', 'ü'.repeat(100), 'long/'.repeat(80)];
    for (const [i, id] of ids.entries()) await saveSnapshotFile(root, snap(id, i + 1, { id }));
    const parent = path.dirname(root);
    assert.deepEqual(fs.readdirSync(parent), ['event_store'], 'nothing may be written beside the store');
    assert.deepEqual(fs.readdirSync(root), ['snapshots']);
    const listing = await listSnapshotFiles(root);
    assert.deepEqual(listing.ignored, []);
    assert.deepEqual(
      listing.snapshots.map((r) => r.aggregate_id).sort(),
      [...ids].sort(),
    );
    for (const ref of listing.snapshots) {
      assert.deepEqual((await loadSnapshotFile(root, ref)).state, { id: ref.aggregate_id });
    }
    const longId = ids[ids.length - 1];
    assert.deepEqual((await listSnapshotFiles(root, longId)).snapshots.map((r) => r.aggregate_id), [longId]);
  });

  it('rebuilds from a file snapshot plus the tail and verifies it, end to end', async () => {
    const root = tempStore();
    const storage = new StateTestStorage(root);
    for (let i = 1; i <= 30; i++) await storage.append([ev('trader_1', i, { qty: i, legs: { [`l${i % 3}`]: i } })]);
    const ref = await createSnapshot(storage, 'trader_1', { atSequence: 20 });
    assert.ok(fs.existsSync(path.join(root, 'snapshots', 'snapshot_trader_1_20.json')));
    const fromSnapshot = await rebuildFromEvents(storage, 'trader_1');
    const scratch = await rebuildFromEvents(storage, 'trader_1', { useSnapshots: false });
    assert.deepEqual(fromSnapshot.fromSnapshot, ref);
    assert.equal(fromSnapshot.eventsApplied, 10);
    assert.deepEqual(fromSnapshot.state, scratch.state);
    assert.equal((await verifySnapshot(storage, ref)).ok, true);
    // Tamper with the file on disk: the check must see it.
    const file = path.join(root, ref.file);
    const body = JSON.parse(fs.readFileSync(file, 'utf8'));
    body.state.qty = -1;
    fs.writeFileSync(file, JSON.stringify(body));
    const check = await verifySnapshot(storage, ref);
    assert.equal(check.ok, false);
    assert.deepEqual(check.differences, [{ path: '/qty', kind: 'changed', before: -1, after: 20 }]);
  });
});
