import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  MAX_ENCODED_ID_LENGTH,
  decodeAggregateId,
  encodeAggregateId,
  hashedIdDigest,
  parseSnapshotFileName,
  snapshotFileName,
  snapshotRelativePath,
} from '../../src/engine/snapshot/snapshotFileName';

const STORE = path.resolve('/tmp/some-store');
const SNAPSHOTS = path.join(STORE, 'snapshots');

function assertStaysInside(name: string): void {
  assert.match(name, /^[A-Za-z0-9_.~-]+$/, `unsafe character in ${JSON.stringify(name)}`);
  const absolute = path.resolve(SNAPSHOTS, name);
  assert.equal(path.dirname(absolute), SNAPSHOTS, `${name} escapes snapshots/`);
  assert.equal(path.basename(absolute), name);
}

function roundTrip(id: string, sequence = 150): void {
  const name = snapshotFileName(id, sequence);
  assertStaysInside(name);
  const parsed = parseSnapshotFileName(name);
  assert.ok(parsed, `${name} did not parse`);
  if (parsed.kind === 'hashed') {
    assert.equal(parsed.digest, hashedIdDigest(id));
  } else {
    assert.equal(parsed.aggregateId, id, `round trip of ${JSON.stringify(id)} via ${name}`);
  }
  assert.equal(parsed.sequenceNumber, sequence);
}

/** mulberry32, so the property test is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('snapshot file names', () => {
  it('reads Python-written names, splitting the sequence at the last underscore', () => {
    assert.deepEqual(parseSnapshotFileName('snapshot_market_data_BTC_USDT_150.json'), {
      kind: 'plain',
      aggregateId: 'market_data_BTC_USDT',
      sequenceNumber: 150,
    });
    assert.deepEqual(parseSnapshotFileName('snapshot_system_100.json'), { kind: 'plain', aggregateId: 'system', sequenceNumber: 100 });
    assert.deepEqual(parseSnapshotFileName('snapshot_trader_1_150.json'), { kind: 'plain', aggregateId: 'trader_1', sequenceNumber: 150 });
    assert.deepEqual(parseSnapshotFileName('snapshot_2024_7.json'), { kind: 'plain', aggregateId: '2024', sequenceNumber: 7 });
  });

  it('rejects names that are not snapshots', () => {
    for (const name of ['notes.txt', 'snapshot_.json', 'snapshot_a.json', 'snapshot_a_x.json', 'snapshot_a_1.json.bak', 'snapshot__1.json', 'snapshot_a_99999999999999999999.json']) {
      assert.equal(parseSnapshotFileName(name), null, name);
    }
  });

  it('keeps ordinary ids readable and byte-identical to what Python writes', () => {
    for (const id of ['trader_1', 'market_data_BTC_USDT', 'system', 'order-42', 'v1.2.3', 'ABC_def-9.x']) {
      assert.equal(snapshotFileName(id, 3), `snapshot_${id}_3.json`);
    }
    assert.equal(snapshotRelativePath('trader_1', 150), 'snapshots/snapshot_trader_1_150.json');
  });

  it('encodes unsafe ids so the file stays inside snapshots/ and decodes to the exact id', () => {
    const unsafe = [
      '../../etc/x', '..', '.', '.hidden', 'a/b', 'a\\b', 'CON', 'con', 'nul.txt', 'COM1', 'lpt9.log', 'AUX',
      'a:b', 'a*b', 'a?b', 'a"b', 'a<b>', 'a|b', 'tab\there', 'nl\nx', '\u0000nul', '\u007f', 'a b',
      'snapshot_x_1.json', 'ü-ñ', '日本', '😀', '~', '~41', 'a~2Fb', 'x_1_2',
    ];
    for (const id of unsafe) roundTrip(id);
    assert.notEqual(encodeAggregateId('CON'), 'CON');
    assert.notEqual(encodeAggregateId('nul.txt'), 'nul.txt');
    assert.ok(!encodeAggregateId('.hidden').startsWith('.'));
    assert.ok(!encodeAggregateId('../../etc/x').includes('/'));
    assert.ok(!encodeAggregateId('a\\b').includes('\\'));
  });

  it('reads a Python name holding a literal "~" as that literal id', () => {
    // `a~41` is not how we would encode `aA` (that stays `aA`), so it is literal.
    assert.equal(decodeAggregateId('a~41'), 'a~41');
    assert.equal(parseSnapshotFileName('snapshot_a~zz_3.json')?.kind, 'plain');
    assert.deepEqual(parseSnapshotFileName('snapshot_a~zz_3.json'), { kind: 'plain', aggregateId: 'a~zz', sequenceNumber: 3 });
  });

  it('replaces overly long ids by a digest that the file content resolves', () => {
    const long = 'x/'.repeat(200);
    const name = snapshotFileName(long, 9);
    assertStaysInside(name);
    assert.ok(name.length < 255 - 40, `${name.length} leaves no room for temp names`);
    const parsed = parseSnapshotFileName(name);
    assert.equal(parsed?.kind, 'hashed');
    const plainLong = 'a'.repeat(MAX_ENCODED_ID_LENGTH);
    assert.equal(snapshotFileName(plainLong, 1), `snapshot_${plainLong}_1.json`);
    assert.equal(parseSnapshotFileName(snapshotFileName(`${plainLong}b`, 1))?.kind, 'hashed');
  });

  it('refuses an empty id and a bad sequence', () => {
    assert.throws(() => snapshotFileName('', 1), /non-empty aggregate id/);
    assert.throws(() => snapshotFileName('a', -1), /non-negative integer/);
    assert.throws(() => snapshotFileName('a', 1.5), /non-negative integer/);
  });

  it('round-trips random ids, including control characters, unicode and lone surrogates (property)', () => {
    const random = prng(20240115);
    const alphabet = ['a', 'Z', '0', '9', '_', '-', '.', '~', '/', '\\', ':', '*', '?', '"', '<', '>', '|', ' ', '\t', '\u0001', '\u001f', 'é', '€', '中', '😀', '\ud800', '\udfff', '%', '2', 'F', 'C', 'O', 'N'];
    let hashed = 0;
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(random() * (n % 50 === 0 ? 120 : 12));
      let id = '';
      for (let i = 0; i < length; i++) id += alphabet[Math.floor(random() * alphabet.length)];
      const sequence = Math.floor(random() * 1e6);
      const name = snapshotFileName(id, sequence);
      assertStaysInside(name);
      const parsed = parseSnapshotFileName(name);
      assert.ok(parsed);
      assert.equal(parsed.sequenceNumber, sequence);
      if (parsed.kind === 'hashed') {
        hashed++;
        assert.equal(parsed.digest, hashedIdDigest(id));
      } else {
        assert.equal(parsed.aggregateId, id, `id ${JSON.stringify(id)} came back as ${JSON.stringify(parsed.aggregateId)}`);
      }
    }
    assert.ok(hashed > 0 && hashed < 3000, 'the property run should cover both plain and hashed names');
  });
});
