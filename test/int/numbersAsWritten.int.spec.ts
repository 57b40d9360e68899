import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BIG = '12345678901234567890';
/** trade_executed 1.0 with numbers JSON.parse changes: 1.0 and 50000.0 (spelled as floats), a 20-digit integer. */
const DATA = `{"symbol": "BTCUSDT", "side": "buy", "quantity": 1.0, "price": 50000.0, "order_id": "ord_ab12", "fee": 0.0, "ticket": ${BIG}}`;

function cli(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

describe('numbers as written: validate, rebuild and verify flag what they round (EB026); migrate keeps the spelling', () => {
  let temp: { dir: string; cleanup: () => void };
  let store: string;
  let day: string;

  before(() => {
    temp = makeTempDir();
    store = path.join(temp.dir, 'store');
    assert.equal(cli(temp.dir, 'generate', '--events', '200', '--out', store, '--python-style', '--seed', '3').code, 0);
    const published = cli(temp.dir, 'publish', 'trade_executed', '--data', DATA, '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store);
    assert.equal(published.code, 0, published.err);
    day = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort().at(-1) ?? '';
  });

  after(() => temp.cleanup());

  const bigLine = (): { text: string; line: number } => {
    const lines = fs.readFileSync(path.join(store, 'events', day), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(BIG));
    assert.ok(at >= 0, 'the published line holds every digit');
    return { text: lines[at], line: at + 1 };
  };

  it('validate reports EB026 at the digits of the integer beyond 2^53', () => {
    const { text, line } = bigLine();
    assert.match(text, /"quantity": 1\.0, "price": 50000\.0/);
    const run = cli(temp.dir, 'validate', '--store', store, '--format', 'json');
    const findings = JSON.parse(run.out) as { file: string; line: number; column: number; code: string; severity: string; message: string }[];
    const flagged = findings.filter((f) => f.code === 'EB026');
    assert.equal(flagged.length, 1, run.out);
    assert.deepEqual([flagged[0].file, flagged[0].line, flagged[0].column, flagged[0].severity], [`events/${day}`, line, text.indexOf(BIG) + 1, 'warning']);
    assert.match(flagged[0].message, /data\/ticket is 12345678901234567890, beyond 2\^53/);
  });

  it('events and replay print the event with 1.0, 50000.0 and every digit as written', () => {
    const events = cli(temp.dir, 'events', '--store', store, '--aggregate', 'trader_big');
    assert.equal(events.code, 0, events.err);
    assert.match(events.out, /"quantity": 1\.0, "price": 50000\.0, "order_id": "ord_ab12", "fee": 0\.0, "ticket": 12345678901234567890/);
    for (const args of [[], ['--json']]) {
      const replay = cli(temp.dir, 'replay', '--store', store, '--aggregate', 'trader_big', ...args);
      assert.equal(replay.code, 0, replay.err);
      assert.match(replay.out, /"quantity": ?1\.0/);
      // The text form cuts long data short; --json prints all of it.
      if (args.length > 0) assert.match(replay.out, /"ticket": ?12345678901234567890/);
    }
  });

  it('rebuild prints the state and says, as EB026 and a note, which paths hold rounded numbers', () => {
    const run = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'trader_big', '--json');
    assert.equal(run.code, 0, run.err);
    assert.equal((JSON.parse(run.out) as { ticket: number }).ticket, Number(BIG));
    assert.match(run.err, /^trader_big: warning EB026 number-beyond-2-53: a number beyond 2\^53 at \/ticket/m);
    assert.match(run.err, /^note: a number beyond 2\^53 at \/ticket/m);
    const plain = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'trader_1', '--json');
    assert.doesNotMatch(plain.err, /EB026/, 'a state without big numbers is not flagged');
  });

  it('snapshot verify agrees with the snapshot and still carries EB026 for the rounded state', () => {
    assert.equal(cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', 'trader_big').code, 0);
    const run = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--aggregate', 'trader_big', '--json');
    assert.equal(run.code, 0, run.out + run.err);
    const [result] = JSON.parse(run.out) as { ok: boolean; findings?: { code: string; paths: string[] }[] }[];
    assert.equal(result.ok, true);
    assert.deepEqual(result.findings?.map((f) => [f.code, f.paths]), [['EB026', ['/ticket']]]);
    const text = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--aggregate', 'trader_big');
    assert.match(text.out, /ok {5}snapshots\/snapshot_trader_big_\d+\.json\n {9}snapshots\/snapshot_trader_big_\d+\.json: warning EB026/);
  });

  it('migrate rewrites the 1.0 event to 1.1 and keeps 1.0, 50000.0 and every digit as written', () => {
    const run = cli(temp.dir, 'migrate', '--store', store, '--yes');
    assert.equal(run.code, 0, run.err);
    const { text } = bigLine();
    assert.match(text, /"schema_version": "1\.1"/);
    assert.match(text, /"exchange_order_id": "ord_ab12"/);
    assert.match(text, /"quantity": 1\.0, "price": 50000\.0, "exchange_order_id": "ord_ab12", "fee": 0\.0, "ticket": 12345678901234567890, "venue": "unknown"/);
  });
});

describe('snapshot_<agg>_<N>: N is the sequence number of the last event folded, bus-wide for system in a global store', () => {
  it('snapshot create --aggregate system names the snapshot by the last bus-wide sequence, and rebuild starts from it', () => {
    const temp = makeTempDir();
    try {
      const store = path.join(temp.dir, 'store');
      assert.equal(cli(temp.dir, 'generate', '--events', '120', '--out', store, '--seed', '4').code, 0);
      // A store of 120 events numbered bus-wide, plus one published: the last sequence is 121.
      assert.equal(cli(temp.dir, 'publish', 'component_started', '--data', '{"component": "test"}', '--store', store).code, 0);
      const created = cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', 'system', '--json');
      assert.equal(created.code, 0, created.err);
      assert.equal((JSON.parse(created.out) as { file: string }).file, 'snapshots/snapshot_system_121.json');
      const rebuilt = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'system');
      assert.match(rebuilt.out, /^system at sequence 121 \(snapshot snapshots\/snapshot_system_121\.json \+ 0 events\)/);
    } finally {
      temp.cleanup();
    }
  });
});
