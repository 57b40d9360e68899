import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import type { GenerateSummary } from '../../src/engine/generate/generatorTypes';
import { createJsonStyle, decimal, round } from '../../src/engine/generate/jsonStyle';
import { createPrng, prngUuid } from '../../src/engine/generate/prng';
import { BUILT_IN_EVENT_TYPES } from '../../src/engine/model/eventTypes';
import { isUuid } from '../../src/engine/model/ids';
import { defaultReducer } from '../../src/engine/state/defaultReducer';
import type { Event } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

interface ParsedLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly event?: Event;
}

/** Every line of every event file, in day order. */
function readStore(root: string): ParsedLine[] {
  const dir = path.join(root, 'events');
  const out: ParsedLine[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, index) => {
      let event: Event | undefined;
      try {
        event = JSON.parse(line) as Event;
      } catch {
        event = undefined;
      }
      out.push({ file: `events/${name}`, line: index + 1, text: line, event });
    });
  }
  return out;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

const temp = makeTempDir('eventbus-generate-');
after(() => temp.cleanup());

describe('generateStore: a clean global store', () => {
  const root = path.join(temp.dir, 'clean');
  let summary: GenerateSummary;
  let lines: ParsedLine[];
  before(() => {
    summary = generateStoreSync({ events: 30_000, outDir: root, seed: 42 });
    lines = readStore(root);
  });

  it('writes one file per consecutive UTC day, ceil(events / 20000) of them', () => {
    assert.deepEqual(summary.files, ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
    assert.equal(summary.days, 2);
    for (const { file, event } of lines) {
      assert.equal(event!.metadata.timestamp.slice(0, 10), file.slice('events/events_'.length, 'events/events_'.length + 10));
    }
  });

  it('writes only valid JSON events with the full envelope', () => {
    assert.equal(lines.length, 30_000);
    assert.equal(summary.invalidLines, 0);
    const ids = new Set<string>();
    for (const { event, text } of lines) {
      assert.ok(event, `not JSON: ${text.slice(0, 80)}`);
      assert.ok(BUILT_IN_EVENT_TYPES.includes(event.event_type));
      assert.ok(isUuid(event.metadata.event_id) && event.metadata.event_id[14] === '4', event.metadata.event_id);
      assert.match(event.metadata.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(typeof event.metadata.sequence_number, 'number');
      assert.equal(typeof event.data, 'object');
      ids.add(event.metadata.event_id);
    }
    assert.equal(ids.size, lines.length, 'event ids are unique');
  });

  it('reports exactly what it wrote', () => {
    const events = lines.map((l) => l.event!);
    const types: Record<string, number> = {};
    for (const e of events) types[e.event_type] = (types[e.event_type] ?? 0) + 1;
    assert.deepEqual(summary.eventTypes, types);
    assert.equal(Object.keys(types).length, 14, 'all 14 types appear');
    assert.equal(summary.events, events.length);
    assert.equal(summary.aggregates, new Set(events.map((e) => e.metadata.aggregate_id)).size);
    assert.equal(summary.correlations, new Set(events.map((e) => e.metadata.correlation_id).filter((c) => c !== null)).size);
    assert.equal(summary.firstTimestamp, events[0].metadata.timestamp);
    assert.equal(summary.lastTimestamp, events[events.length - 1].metadata.timestamp);
    assert.equal(summary.bytes, summary.files.reduce((n, f) => n + fs.statSync(path.join(root, f)).size, 0));
  });

  it('numbers events with one bus-wide counter, strictly increasing across files, with increasing timestamps', () => {
    let previousSeq = 0;
    let previousTime = '';
    for (const { event } of lines) {
      assert.ok(event!.metadata.sequence_number > previousSeq);
      assert.ok(event!.metadata.timestamp >= previousTime);
      previousSeq = event!.metadata.sequence_number;
      previousTime = event!.metadata.timestamp;
    }
    assert.equal(summary.sequenceMode, 'global');
  });

  it('chains 2–6 events per correlation, each caused by the previous one, crossing aggregates', () => {
    const chains = new Map<string, Event[]>();
    const byId = new Map<string, Event>();
    for (const { event } of lines) {
      byId.set(event!.metadata.event_id, event!);
      const c = event!.metadata.correlation_id;
      if (c !== null) chains.set(c, [...(chains.get(c) ?? []), event!]);
    }
    const lengths = new Set<number>();
    let crossing = 0;
    for (const chain of chains.values()) {
      assert.ok(chain.length >= 2 && chain.length <= 6, `chain of ${chain.length}`);
      lengths.add(chain.length);
      assert.equal(chain[0].metadata.causation_id, null);
      for (let i = 1; i < chain.length; i++) assert.equal(chain[i].metadata.causation_id, chain[i - 1].metadata.event_id);
      if (new Set(chain.map((e) => e.metadata.aggregate_id)).size > 1) crossing++;
    }
    assert.deepEqual([...lengths].sort(), [2, 3, 4, 5, 6]);
    assert.ok(crossing > chains.size / 2, 'most chains cross aggregates');
    for (const { event } of lines) {
      const cause = event!.metadata.causation_id;
      if (cause !== null) assert.ok(byId.has(cause), `causation ${cause} resolves`);
    }
    // Events outside chains have neither id.
    const standalone = lines.filter((l) => l.event!.metadata.correlation_id === null);
    assert.ok(standalone.length > 0 && standalone.every((l) => l.event!.metadata.causation_id === null));
  });

  it('skews aggregates: the largest holds more than 10x the median', () => {
    const counts = new Map<string, number>();
    for (const { event } of lines) counts.set(event!.metadata.aggregate_id!, (counts.get(event!.metadata.aggregate_id!) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    assert.ok(sorted[sorted.length - 1] > 10 * median, `largest ${sorted[sorted.length - 1]}, median ${median}`);
    assert.ok([...counts.keys()].some((id) => /^market_data_[A-Z]+_[A-Z]+$/.test(id)));
    assert.ok([...counts.keys()].some((id) => /^trader_\d+$/.test(id)));
  });

  it('has plausible data per type, sources per type, retries and failures', () => {
    const trade = lines.find((l) => l.event!.event_type === 'trade_executed')!.event!;
    const data = trade.data as Record<string, unknown>;
    assert.ok(['buy', 'sell'].includes(data.side as string));
    assert.ok((data.quantity as number) > 0 && (data.price as number) > 0);
    assert.equal(trade.metadata.source, 'Exchange');
    const tick = lines.find((l) => l.event!.event_type === 'market_data_received')!.event!.data as Record<string, number>;
    assert.ok(tick.bid < tick.ask);
    assert.ok(lines.some((l) => l.event!.metadata.retry_count > 0));
    assert.ok(lines.some((l) => l.event!.metadata.status === 'failed'));
    // The bus was upgraded mid-store: later trade_executed events are 1.1.
    const versions = new Set(lines.filter((l) => l.event!.event_type === 'trade_executed').map((l) => l.event!.metadata.schema_version));
    assert.deepEqual([...versions].sort(), ['1.0', '1.1']);
  });

  it('writes schemas that every generated event satisfies, and a migration from 1.0 to 1.1 that parses', () => {
    assert.equal(summary.schemaFiles.length, 16);
    const validators = new Map<string, ReturnType<Ajv['compile']>>();
    for (const file of summary.schemaFiles.filter((f) => f.endsWith('.schema.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
      assert.equal(typeof schema.title, 'string');
      assert.ok(Array.isArray(schema.required));
      const [, type, version] = /^schemas\/([^/]+)\/(.+)\.schema\.json$/.exec(file)!;
      validators.set(`${type}@${version}`, new Ajv({ strict: false }).compile(schema));
    }
    for (const { event } of lines) {
      const validate = validators.get(`${event!.event_type}@${event!.metadata.schema_version}`);
      assert.ok(validate, `schema for ${event!.event_type} ${event!.metadata.schema_version}`);
      assert.ok(validate(event!.data), `${event!.event_type}: ${JSON.stringify(validate.errors)}`);
    }
    const badSide = { symbol: 'BTCUSDT', side: 'hold', quantity: 1, price: 1, order_id: 'ord_1', fee: 0 };
    assert.equal(validators.get('trade_executed@1.0')!(badSide), false);
    const migration = JSON.parse(fs.readFileSync(path.join(root, 'schemas/trade_executed/1.0-to-1.1.migration.json'), 'utf8'));
    assert.deepEqual(Object.keys(migration).sort(), ['description', 'operations']);
  });

  it('writes snapshots whose state the default reducer rebuilds exactly', () => {
    assert.ok(summary.snapshots.length >= 4);
    assert.ok(summary.snapshots.some((s) => s.aggregate_id === 'system' && s.file === 'snapshots/snapshot_system_100.json'));
    const ref = summary.snapshots.find((s) => s.aggregate_id !== 'system')!;
    const snapshot = JSON.parse(fs.readFileSync(path.join(root, ref.file), 'utf8'));
    assert.equal(snapshot.aggregate_id, ref.aggregate_id);
    assert.equal(snapshot.sequence_number, ref.sequence_number);
    let state: unknown = {};
    for (const { event } of lines) {
      if (event!.metadata.aggregate_id !== ref.aggregate_id || event!.metadata.sequence_number > ref.sequence_number) continue;
      state = defaultReducer(state, event!);
    }
    assert.deepEqual(snapshot.state, JSON.parse(JSON.stringify(state)));
  });
});

describe('generateStore: determinism', () => {
  it('writes byte-identical stores for the same seed and options, different ones for another seed', () => {
    const a = path.join(temp.dir, 'det-a');
    const b = path.join(temp.dir, 'det-b');
    const c = path.join(temp.dir, 'det-c');
    generateStoreSync({ events: 3_000, outDir: a, seed: 'demo', withErrors: true });
    generateStoreSync({ events: 3_000, outDir: b, seed: 'demo', withErrors: true });
    generateStoreSync({ events: 3_000, outDir: c, seed: 'other', withErrors: true });
    const files = listFiles(a);
    assert.deepEqual(listFiles(b), files);
    assert.ok(files.length > 20);
    for (const file of files) assert.ok(fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))), file);
    const first = files.find((f) => f.startsWith('events'))!;
    assert.ok(!fs.readFileSync(path.join(a, first)).equals(fs.readFileSync(path.join(c, first))));
  });

  it('refuses to write over an existing store unless forced, and replaces it when forced', () => {
    const dir = path.join(temp.dir, 'twice');
    generateStoreSync({ events: 100, outDir: dir });
    assert.throws(() => generateStoreSync({ events: 100, outDir: dir }), /already holds a store/);
    fs.writeFileSync(path.join(dir, 'events', 'events_2030-01-01.jsonl'), 'stale\n');
    generateStoreSync({ events: 100, outDir: dir, force: true });
    assert.ok(!fs.existsSync(path.join(dir, 'events', 'events_2030-01-01.jsonl')));
  });

  it('rejects options it cannot honour', () => {
    assert.throws(() => generateStoreSync({ events: 0, outDir: path.join(temp.dir, 'zero') }), /positive whole number/);
    assert.throws(() => generateStoreSync({ events: 10, outDir: path.join(temp.dir, 'days'), days: 0 }), /days must be/);
  });
});

describe('generateStore: options', () => {
  it('pythonStyle writes json.dumps spacing, ASCII escapes and naive microsecond timestamps', () => {
    const root = path.join(temp.dir, 'python');
    generateStoreSync({ events: 2_000, outDir: root, seed: 3, pythonStyle: true });
    const raw = fs.readFileSync(path.join(root, 'events', 'events_2024-01-15.jsonl'));
    assert.ok(raw.every((byte) => byte < 0x80), 'non-ASCII is escaped');
    assert.ok(raw.includes('\\u2014'), 'the dash in risk alerts is written as \\u2014');
    const lines = readStore(root);
    for (const { text, event } of lines) {
      assert.ok(text.startsWith('{"event_type": "'), text.slice(0, 40));
      assert.ok(text.includes('", "metadata": {"event_id": "') || text.includes('}, "metadata": {"event_id": "'));
      assert.ok(!/","|":"/.test(text), 'no compact separators');
      assert.match(event!.metadata.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
    }
    assert.ok(lines.some((l) => /"price": \d+\.0[,}]/.test(l.text) || /: \d+\.0[,}]/.test(l.text)), 'whole floats keep .0');
  });

  it("sequenceMode 'aggregate' numbers each aggregate 1, 2, 3…", () => {
    const root = path.join(temp.dir, 'per-aggregate');
    const summary = generateStoreSync({ events: 2_000, outDir: root, seed: 5, sequenceMode: 'aggregate' });
    assert.equal(summary.sequenceMode, 'aggregate');
    const next = new Map<string, number>();
    for (const { event } of readStore(root)) {
      const id = event!.metadata.aggregate_id!;
      const expected = (next.get(id) ?? 0) + 1;
      assert.equal(event!.metadata.sequence_number, expected, id);
      next.set(id, expected);
    }
  });

  it('withErrors injects every kind of fault, where the summary says', () => {
    const root = path.join(temp.dir, 'faulty');
    const summary = generateStoreSync({ events: 5_000, outDir: root, seed: 9, withErrors: true });
    const kinds = new Set(summary.faults.map((f) => f.kind));
    for (const kind of [
      'schema-missing-field', 'schema-bad-enum', 'schema-wrong-type', 'unknown-schema-version', 'duplicate-event-id',
      'bad-timestamp', 'unknown-causation', 'invalid-json', 'nan-value', 'torn-last-line', 'snapshot-drift',
    ]) {
      assert.ok(kinds.has(kind as never), kind);
    }
    const lines = readStore(root);
    assert.equal(lines.length, summary.lines);
    assert.equal(lines.filter((l) => l.event).length, summary.events);
    assert.equal(lines.filter((l) => !l.event).length, summary.invalidLines);
    assert.equal(summary.invalidLines, 3);
    const at = (kind: string): ParsedLine => {
      const fault = summary.faults.find((f) => f.kind === kind)!;
      return lines.find((l) => l.file === fault.file && l.line === fault.line)!;
    };
    assert.ok(!('price' in (at('schema-missing-field').event!.data as object)));
    assert.equal((at('schema-bad-enum').event!.data as { side: string }).side, 'hold');
    assert.equal(typeof (at('schema-wrong-type').event!.data as { price: unknown }).price, 'string');
    assert.equal(at('unknown-schema-version').event!.metadata.schema_version, '2.0');
    assert.match(at('bad-timestamp').event!.metadata.timestamp, /T25:/);
    assert.match(at('nan-value').text, /"price":NaN/);
    assert.equal(at('invalid-json').event, undefined);
    const duplicate = at('duplicate-event-id').event!.metadata.event_id;
    assert.equal(lines.filter((l) => l.event?.metadata.event_id === duplicate).length, 2);
    const stray = at('unknown-causation').event!.metadata.causation_id;
    assert.ok(stray && !lines.some((l) => l.event?.metadata.event_id === stray));
    const last = summary.files[summary.files.length - 1];
    const tail = fs.readFileSync(path.join(root, last), 'utf8');
    assert.ok(!tail.endsWith('\n'), 'the last line is torn');
    assert.equal(summary.faults.find((f) => f.kind === 'torn-last-line')!.file, last);
    const drift = summary.faults.find((f) => f.kind === 'snapshot-drift')!;
    assert.ok(fs.existsSync(path.join(root, drift.file)));
  });
});

describe('generator helpers', () => {
  it('draws RFC 4122 version-4 UUIDs from the seed', () => {
    const a = createPrng(1);
    const b = createPrng(1);
    const ids = Array.from({ length: 1000 }, () => prngUuid(a));
    assert.deepEqual(Array.from({ length: 1000 }, () => prngUuid(b)), ids);
    assert.equal(new Set(ids).size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('prints decimals as the same JSON numbers as rounding would', () => {
    const compact = createJsonStyle(false);
    const python = createJsonStyle(true);
    const prng = createPrng(11);
    for (let i = 0; i < 5_000; i++) {
      const decimals = i % 9;
      const value = (prng.next() - 0.3) * 10 ** ((i % 10) - 4);
      assert.equal(Number(decimal(compact, value, decimals)), round(value, decimals) || 0, `${value} to ${decimals}`);
    }
    assert.equal(decimal(compact, 2, 2), '2');
    assert.equal(decimal(python, 2, 2), '2.0');
    assert.equal(decimal(compact, 0.000012, 8), '0.000012');
    assert.equal(decimal(compact, -1.5, 1), '-1.5');
  });
});
