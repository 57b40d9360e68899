import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { makeTempDir } from '../helpers/tempStore';

/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');

interface Run {
  readonly code: number;
  readonly out: Buffer;
  readonly err: string;
}

function cli(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr.toString('utf8') };
}

interface RawLine {
  readonly bytes: Buffer;
  readonly event: { event_type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };
}

/** Every line of the store that parses as an event, as raw bytes, in day order then line order (the test's own reading, not the engine's). */
function rawEvents(root: string): RawLine[] {
  const dir = path.join(root, 'events');
  const lines: RawLine[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    let bytes = fs.readFileSync(path.join(dir, name));
    if (name.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const line = bytes.subarray(start, end);
      start = end + 1;
      try {
        const event = JSON.parse(line.toString('utf8')) as RawLine['event'];
        if (event && typeof event === 'object' && typeof event.event_type === 'string' && event.metadata && typeof event.metadata === 'object') lines.push({ bytes: line, event });
      } catch {
        // not an event line: the index skips it too
      }
    }
  }
  return lines;
}

const jsonl = (lines: readonly RawLine[]): Buffer => Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')]));

const temp = makeTempDir('eventbus-query-int-');
after(() => temp.cleanup());

describe('events --where and export (child process)', () => {
  const store = path.join(temp.dir, 'store');
  const python = path.join(temp.dir, 'python');
  let events: RawLine[];
  let pythonEvents: RawLine[];

  before(() => {
    assert.equal(cli(temp.dir, 'generate', '--events', '3000', '--out', store, '--seed', '11', '--days', '3').code, 0);
    const p = cli(temp.dir, 'generate', '--events', '1500', '--out', python, '--seed', '12', '--with-errors', '--python-style');
    assert.equal(p.code, 0, p.err);
    events = rawEvents(store);
    pythonEvents = rawEvents(python);
  });

  it('events --where prints exactly the events a content query selects, in store order', () => {
    const run = cli(temp.dir, 'events', '--store', store, '--where', 'type == "trade_executed" and data.price > 1000 and data.side == "buy"');
    assert.equal(run.code, 0, run.err);
    const got = run.out.toString('utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as RawLine['event']).metadata.event_id);
    const expected = events
      .filter(({ event }) => event.event_type === 'trade_executed' && typeof event.data.price === 'number' && event.data.price > 1000 && event.data.side === 'buy')
      .map(({ event }) => event.metadata.event_id);
    assert.ok(expected.length > 5, `the store should hold such trades, found ${expected.length}`);
    assert.deepEqual(got, expected);
  });

  it('combines --where with envelope filters and counts --limit in matches', () => {
    const aggregate = events.find(({ event }) => event.metadata.aggregate_id?.toString().startsWith('trader_'))?.event.metadata.aggregate_id as string;
    const run = cli(temp.dir, 'events', '--store', store, '--aggregate', aggregate, '--where', 'seq >= 3 and exists(data.symbol)', '--limit', '4');
    assert.equal(run.code, 0, run.err);
    const got = run.out.toString('utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as RawLine['event']).metadata.sequence_number as number);
    const expected = events
      .filter(({ event }) => event.metadata.aggregate_id === aggregate && (event.metadata.sequence_number as number) >= 3 && 'symbol' in event.data)
      .map(({ event }) => event.metadata.sequence_number as number)
      .sort((a, b) => a - b)
      .slice(0, 4);
    assert.deepEqual(got, expected);
  });

  it('a time range by dates selects whole UTC days', () => {
    const days = [...new Set(events.map(({ event }) => String(event.metadata.timestamp).slice(0, 10)))].sort();
    assert.ok(days.length >= 2);
    const run = cli(temp.dir, 'events', '--store', store, '--where', `time == "${days[1]}"`);
    assert.equal(run.code, 0, run.err);
    const got = run.out.toString('utf8').split('\n').filter(Boolean).length;
    assert.equal(got, events.filter(({ event }) => String(event.metadata.timestamp).startsWith(days[1])).length);
  });

  it('a bad query exits 2 with the column and a caret, before opening the store', () => {
    const run = cli(temp.dir, 'events', '--store', path.join(temp.dir, 'no-such-store'), '--where', 'data.price > and type == "x"');
    assert.equal(run.code, 2);
    assert.match(run.err, /--where: query, column 14: expected a value/);
    assert.match(run.err, /data\.price > and type == "x"\n {13}\^/);
    assert.equal(run.out.length, 0);
  });

  it('export --format jsonl writes the selected lines byte for byte (Python-written lines, \\u escapes and all)', () => {
    const out = path.join(temp.dir, 'python-risk.jsonl');
    const run = cli(temp.dir, 'export', '--store', python, '--where', 'type contains "risk" or data.symbol == "ETHUSDT"', '--out', out);
    assert.equal(run.code, 0, run.err);
    const expected = jsonl(pythonEvents.filter(({ event }) => event.event_type.includes('risk') || event.data?.symbol === 'ETHUSDT'));
    assert.ok(expected.length > 1000);
    assert.ok(fs.readFileSync(out).equals(expected), 'exported bytes differ from the store lines');
  });

  it('export of the whole store equals the concatenation of its event lines, gzip days included', () => {
    const out = path.join(temp.dir, 'all.jsonl');
    assert.equal(cli(temp.dir, 'export', '--store', python, '--out', out).code, 0);
    assert.ok(fs.readFileSync(out).equals(jsonl(pythonEvents)));
    const again = cli(temp.dir, 'export', '--store', python, '--out', out);
    assert.equal(again.code, 2, 'an existing file is not replaced without --force');
    assert.match(again.err, /exists.*--force/);
    assert.equal(cli(temp.dir, 'export', '--store', python, '--out', out, '--force', '--limit', '1').code, 0);
    assert.ok(fs.readFileSync(out).equals(jsonl(pythonEvents.slice(0, 1))));
    assert.deepEqual(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp')), [], 'no temp file left behind');
  });

  it('export --format json is an array of the same lines; csv has the chosen columns, quoted and formula-safe', () => {
    const json = cli(temp.dir, 'export', '--store', store, '--format', 'json', '--where', 'type == "order_placed"');
    assert.equal(json.code, 0, json.err);
    const parsed = JSON.parse(json.out.toString('utf8')) as RawLine['event'][];
    const expected = events.filter(({ event }) => event.event_type === 'order_placed');
    assert.deepEqual(parsed.map((e) => e.metadata.event_id), expected.map(({ event }) => event.metadata.event_id));
    const csv = cli(temp.dir, 'export', '--store', store, '--format', 'csv', '--columns', 'seq,type,data.symbol,data.missing', '--limit', '2');
    assert.equal(csv.code, 0, csv.err);
    const rows = csv.out.toString('utf8').split('\r\n');
    assert.equal(rows[0], 'seq,type,data.symbol,data.missing');
    const first = events[0].event;
    assert.equal(rows[1], `${first.metadata.sequence_number},${first.event_type},${(first.data.symbol as string | undefined) ?? ''},`);
    const bad = cli(temp.dir, 'export', '--store', store, '--format', 'csv', '--columns', 'seq,price');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--columns: .*unknown name "price"/);
  });
});
