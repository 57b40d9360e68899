import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findPythons, type PythonInterpreter } from '../helpers/pythons';
import { makeTempDir } from '../helpers/tempStore';

/**
 * A store written by a small Python bus (test/int/fixtures-python/python_bus.py,
 * built from the guide the way most Python code would be) is read, verified,
 * rebuilt and appended to by the CLI; then every Python 3 on the machine
 * reads it back: every line parsed, fromisoformat on every timestamp, every
 * line byte-identical to what json.dumps writes for it, and its own
 * rebuild_state equal to the CLI's.
 */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BUS = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'python_bus.py');
const PYTHONS = findPythons();
const SKIP = PYTHONS.length === 0 ? 'no python3 on PATH: the Python round trip cannot run here' : false;
/** Python 3.7–3.10's fromisoformat: what isoformat() writes, nothing else (no `Z`, 3 or 6 fraction digits). */
const PY310_ISOFORMAT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6})?([+-]\d{2}:\d{2})?$/;

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function cli(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function python(interpreter: PythonInterpreter, ...args: string[]): string {
  const result = spawnSync(interpreter.command, [BUS, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${interpreter.command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

interface PythonRead {
  readonly python: string;
  readonly events: number;
  readonly restyled_lines: string[];
  readonly fold: string;
  readonly states: Record<string, unknown>;
}

/** Big integers as both sides compute with them (a double): Python keeps every digit, JSON.parse cannot. */
function asComputed(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

interface Variant {
  readonly name: string;
  readonly write: string[];
  readonly read: string[];
  readonly fold: 'shallow' | 'deep';
  readonly timestamps: 'naive' | 'z' | 'offset';
  readonly ttl?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'naive timestamps, shallow fold, global sequence', write: ['--ts', 'naive', '--fold', 'shallow', '--seq', 'global'], read: [], fold: 'shallow', timestamps: 'naive' },
  { name: 'Z timestamps, deep fold, per-aggregate sequence', write: ['--ts', 'z', '--fold', 'deep', '--seq', 'aggregate'], read: ['--z-aware', '--seq', 'aggregate'], fold: 'deep', timestamps: 'z' },
  { name: '+00:00 timestamps, shallow fold, per-aggregate sequence', write: ['--ts', 'offset', '--fold', 'shallow', '--seq', 'aggregate'], read: ['--seq', 'aggregate'], fold: 'shallow', timestamps: 'offset' },
  {
    name: 'naive timestamps, shallow fold, TTL-cleaned (3 of 6 days removed)',
    write: ['--ts', 'naive', '--days', '6', '--per-day', '30', '--ttl-days', '3', '--now', '2024-01-20T12:00:00'],
    read: [],
    fold: 'shallow',
    timestamps: 'naive',
    ttl: true,
  },
];

describe('a Python bus store: Python writes, the project reads, verifies, rebuilds and appends, Python reads it all back', { skip: SKIP }, () => {
  let temp: ReturnType<typeof makeTempDir>;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.cleanup());

  for (const variant of VARIANTS) {
    it(variant.name, () => {
      const oldest = PYTHONS[0];
      const store = path.join(temp.dir, variant.name.replace(/[^a-z0-9]+/gi, '_'));
      python(oldest, 'write', store, ...variant.write);
      const aggregates = ['trader_1', 'market_data_BTC_USDT', 'risk_manager', 'system'];

      // Every snapshot verifies with the detected fold; where TTL took the events, "cannot verify".
      const verify = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--json');
      assert.equal(verify.code, 0, verify.out + verify.err);
      const results = JSON.parse(verify.out) as { file: string; ok: boolean; unverifiable?: string }[];
      assert.ok(results.length >= 12);
      assert.deepEqual(results.filter((r) => !r.ok && !r.unverifiable), []);
      const unverifiable = results.filter((r) => r.unverifiable);
      if (variant.ttl) {
        assert.ok(unverifiable.length > 0 && results.some((r) => r.ok), 'early snapshots cannot be checked, later ones are');
        assert.match(unverifiable[0].unverifiable!, /^cannot verify: events before \d+ were removed$/);
      } else assert.deepEqual(unverifiable, []);

      // The CLI's rebuild equals Python's rebuild_state, for every aggregate and `system`.
      const before = JSON.parse(python(oldest, 'read', store, ...variant.read)) as PythonRead;
      assert.equal(before.fold, variant.fold);
      for (const aggregate of aggregates) {
        const rebuilt = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', aggregate, '--json');
        assert.equal(rebuilt.code, 0, rebuilt.err);
        assert.deepEqual(JSON.parse(rebuilt.out), asComputed(before.states[aggregate]), `${aggregate} rebuilt as Python does`);
      }

      // Append through the CLI: numbers as written, the store's own line style.
      const data = '{"symbol": "ETHUSDT", "quantity": 1.0, "order_id": 12345678901234567890, "note": "\u00e9t\u00e9"}';
      const published = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--aggregate', 'trader_1', '--source', 'TradingBot', '--data', data);
      assert.equal(published.code, 0, published.err);
      const line = published.out.trim();
      assert.match(line, /"quantity": 1\.0, "order_id": 12345678901234567890/);
      const timestamp = (JSON.parse(line) as { metadata: { timestamp: string } }).metadata.timestamp;
      if (variant.timestamps === 'z') assert.match(timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      else assert.match(timestamp, PY310_ISOFORMAT, 'Python 3.10 reads what is appended to a store it can read');
      if (variant.timestamps === 'naive') assert.doesNotMatch(timestamp, /Z|[+-]\d{2}:\d{2}$/);
      if (variant.timestamps === 'offset') assert.match(timestamp, /\+00:00$/);

      // Snapshots written by the CLI are the writer's kind: Python's rebuild_state starts from them and agrees.
      for (const aggregate of ['trader_1', 'system']) {
        const created = cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', aggregate, '--json');
        assert.equal(created.code, 0, created.err);
        const file = (JSON.parse(created.out) as { file: string }).file;
        const body = JSON.parse(fs.readFileSync(path.join(store, file), 'utf8')) as { state: Record<string, unknown>; event_count?: number };
        assert.equal('_meta' in body.state, variant.fold === 'deep', '_meta only in the deep fold');
        if (variant.fold === 'shallow') {
          assert.equal(body.event_count, undefined);
          assert.equal(body.state.last_event_type, 'trade_executed');
        }
      }
      const again = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--json');
      assert.equal(again.code, 0, again.out);

      // Compact: the closed days are gzipped (today's file never), and TTL as the bus does it, snapshots kept.
      const compact = cli(temp.dir, 'compact', '--store', store, '--json');
      assert.equal(compact.code, 0, compact.err);
      const eventFiles = fs.readdirSync(path.join(store, 'events'));
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(eventFiles.filter((n) => n.endsWith('.jsonl')), [`events_${today}.jsonl`], 'only today stays plain');
      const snapshotsBefore = fs.readdirSync(path.join(store, 'snapshots')).length;
      const cleanup = cli(temp.dir, 'cleanup', '--store', store, '--now', '2024-01-17T12:00:00', '--yes', '--json');
      assert.equal(cleanup.code, 0, cleanup.err);
      const removed = (JSON.parse(cleanup.out) as { result: { removed: string[] } }).result.removed;
      // event_ttl_days 30 from 2024-01-17T12:00: nothing is that old.
      assert.deepEqual(removed, []);
      assert.equal(fs.readdirSync(path.join(store, 'snapshots')).length, snapshotsBefore);

      const expected: Record<string, unknown> = {};
      for (const aggregate of aggregates) {
        expected[aggregate] = JSON.parse(cli(temp.dir, 'rebuild', '--store', store, '--aggregate', aggregate, '--json').out);
      }
      for (const interpreter of PYTHONS) {
        const read = JSON.parse(python(interpreter, 'read', store, ...variant.read)) as PythonRead;
        assert.equal(read.python, interpreter.version);
        assert.equal(read.events, before.events + 1, `${interpreter.version} reads every line`);
        assert.deepEqual(read.restyled_lines, [], `${interpreter.version}: every line is what json.dumps writes`);
        for (const aggregate of aggregates) {
          assert.deepEqual(asComputed(read.states[aggregate]), expected[aggregate], `${interpreter.version}: ${aggregate}`);
        }
      }
    });
  }
});
