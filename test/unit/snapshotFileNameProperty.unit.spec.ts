import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { hashedIdDigest, parseSnapshotFileName, snapshotFileName } from '../../src/engine/snapshot/snapshotFileName';
import { listSnapshotFiles, loadSnapshotFile, saveSnapshotFile } from '../../src/engine/snapshot/snapshotStore';
import { makeTempDir } from '../helpers/tempStore';

/**
 * Aggregate ids come from event data, and a snapshot's file name is made
 * from one: whatever the id, the file stays directly inside snapshots/ and
 * its name reads back as exactly that id (property-based, fast-check).
 */

/** Pieces that break paths on some system, plus any UTF-16 unit (lone surrogates included) and any code point. */
const PATH_PIECES = ['..', '.', '/', '\\', '../', '..\\', 'CON', 'nul', 'nul.txt', 'COM1', 'lpt9', 'AUX', ':', '*', '?', '"', '<', '>', '|', '~', '~2F', '%2F', '\u0000', '\n', ' ', 'snapshot_', '_1.json', '_'];
const idUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PATH_PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
);
const aggregateIds = fc.string({ unit: idUnit, minLength: 1, maxLength: 40 });
const longIds = fc.string({ unit: idUnit, minLength: 60, maxLength: 400 });
const sequences = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

const STORE = path.resolve('/tmp/eventbus-snapshot-names/event_store');
const SNAPSHOTS = path.join(STORE, 'snapshots');

function assertInsideAndDecodes(id: string, sequence: number): void {
  const name = snapshotFileName(id, sequence);
  assert.match(name, /^snapshot_[A-Za-z0-9_.~-]+_\d+\.json$/);
  assert.ok(Buffer.byteLength(name) <= 255 - 40, 'room left for the temp name of an atomic write');
  const absolute = path.resolve(SNAPSHOTS, name);
  assert.equal(path.dirname(absolute), SNAPSHOTS);
  assert.equal(path.win32.dirname(path.win32.resolve('C:\\store\\snapshots', name)), 'C:\\store\\snapshots', 'inside on Windows too');
  assert.doesNotMatch(name.replace(/\.json$/, ''), /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
  const parsed = parseSnapshotFileName(name);
  assert.ok(parsed, name);
  assert.equal(parsed.sequenceNumber, sequence);
  if (parsed.kind === 'plain') assert.equal(parsed.aggregateId, id);
  else assert.equal(parsed.digest, hashedIdDigest(id));
}

const temps: (() => void)[] = [];
after(() => temps.forEach((cleanup) => cleanup()));

describe('snapshot file names from any aggregate id (property)', () => {
  it('stay inside snapshots/ and decode to exactly the id', () => {
    fc.assert(
      fc.property(aggregateIds, sequences, (id, sequence) => assertInsideAndDecodes(id, sequence)),
      { numRuns: 20_000, seed: 20240115 },
    );
  });

  it('long ids become a digest name that the file’s aggregate_id resolves', () => {
    fc.assert(
      fc.property(longIds, sequences, (id, sequence) => assertInsideAndDecodes(id, sequence)),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('distinct ids never share a file name', () => {
    fc.assert(
      fc.property(aggregateIds, aggregateIds, (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(snapshotFileName(a, 1), snapshotFileName(b, 1));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });

  it('written to a real store: every file lands in snapshots/, nothing outside, and listing gives the ids back', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-snapshot-names-');
    temps.push(cleanup);
    const store = path.join(dir, 'event_store');
    fs.mkdirSync(store);
    const fixed = ['../../etc/x', '..', '.', 'a/b', 'a\\b', 'CON', 'nul.txt', '  ', '\u0000', '😀/..', '\ud800', 'x'.repeat(300), `${'../'.repeat(80)}passwd`];
    const random = fc.sample(aggregateIds, { numRuns: 150, seed: 11 });
    const ids = [...new Set([...fixed, ...random])];
    for (const [i, id] of ids.entries()) await saveSnapshotFile(store, { aggregate_id: id, sequence_number: i, timestamp: '2024-01-15T10:00:00Z', state: { id } });
    assert.deepEqual(fs.readdirSync(dir), ['event_store'], 'nothing beside the store');
    assert.deepEqual(fs.readdirSync(store), ['snapshots'], 'nothing else in the store');
    const files = fs.readdirSync(path.join(store, 'snapshots'));
    assert.equal(files.length, ids.length);
    const listing = await listSnapshotFiles(store);
    assert.deepEqual(listing.ignored, []);
    const listed = new Map(listing.snapshots.map((ref) => [ref.sequence_number, ref]));
    for (const [i, id] of ids.entries()) {
      const ref = listed.get(i);
      assert.equal(ref?.aggregate_id, id, `id #${i} ${JSON.stringify(id)}`);
      assert.deepEqual((await loadSnapshotFile(store, ref)).state, { id });
    }
  });
});
