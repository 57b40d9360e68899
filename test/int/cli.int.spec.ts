import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GenerateSummary } from '../../src/engine/generate/generatorTypes';
import type { Event } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function cli(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

function jsonLines(text: string): Event[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Event);
}

/** Every parseable event of a store, in day order then line order. */
function storeEvents(root: string): Event[] {
  const dir = path.join(root, 'events');
  const events: Event[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      try {
        events.push(JSON.parse(line) as Event);
      } catch {
        // invalid lines are the point of --with-errors
      }
    }
  }
  return events;
}

const temp = makeTempDir('eventbus-cli-int-');
after(() => temp.cleanup());

describe('eventbus CLI (child process)', () => {
  const clean = path.join(temp.dir, 'clean');
  const faulty = path.join(temp.dir, 'faulty');
  let cleanSummary: GenerateSummary;
  let faultySummary: GenerateSummary;

  before(() => {
    const a = cli(temp.dir, 'generate', '--events', '4000', '--out', clean, '--seed', '7', '--json');
    assert.equal(a.code, 0, a.err);
    cleanSummary = JSON.parse(a.out) as GenerateSummary;
    const b = cli(temp.dir, 'generate', '--events', '3000', '--out', 'faulty', '--seed', '8', '--with-errors', '--python-style', '--json');
    assert.equal(b.code, 0, b.err);
    faultySummary = JSON.parse(b.out) as GenerateSummary;
  });

  it('is a node script with a shebang', () => {
    assert.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('stats --json reports exactly the generated counts (clean, and Python-style with faults)', () => {
    for (const [store, summary] of [[clean, cleanSummary], [faulty, faultySummary]] as const) {
      const run = cli(temp.dir, 'stats', '--store', store, '--json');
      assert.equal(run.code, 0, run.err);
      assert.equal(run.err, '', 'no progress on a non-terminal stderr');
      assert.deepEqual(JSON.parse(run.out), {
        events: summary.events,
        invalid_lines: summary.invalidLines,
        files: summary.files.length,
        bytes: summary.bytes,
        aggregates: summary.aggregates,
        correlations: summary.correlations,
        event_types: summary.eventTypes,
        sequence_mode: summary.sequenceMode,
        first_timestamp: summary.firstTimestamp,
        last_timestamp: summary.lastTimestamp,
        interrupted_work: [],
        ignored_files: [],
      });
    }
  });

  it('stats says when a killed writer left a migration or a cleanup half done, and what finishes it', () => {
    const journal = path.join(clean, 'migration.pending.json');
    fs.writeFileSync(journal, JSON.stringify({ state: 'committed' }));
    try {
      const json = cli(temp.dir, 'stats', '--store', clean, '--json');
      assert.equal(json.code, 0, json.err);
      const [work, ...more] = (JSON.parse(json.out) as { interrupted_work: string[] }).interrupted_work;
      assert.deepEqual(more, []);
      assert.match(work, /migration was interrupted \(migration\.pending\.json\).*next writer/);
      const text = cli(temp.dir, 'stats', '--store', clean);
      assert.match(text.out, /^interrupted {5}a schema migration/m);
    } finally {
      fs.rmSync(journal);
    }
  });

  it('events filters by aggregate (sequence order), type, time and limit', () => {
    const all = storeEvents(clean);
    const aggregate = 'trader_1';
    const expected = all.filter((e) => e.metadata.aggregate_id === aggregate).map((e) => e.metadata.event_id);
    const byAggregate = cli(temp.dir, 'events', '--store', clean, '--aggregate', aggregate);
    assert.equal(byAggregate.code, 0, byAggregate.err);
    assert.deepEqual(jsonLines(byAggregate.out).map((e) => e.metadata.event_id), expected);
    assert.ok(expected.length > 10);

    const since = '2024-01-15T12:00:00Z';
    const until = '2024-01-15T13:00:00Z';
    const typed = jsonLines(cli(temp.dir, 'events', '--store', clean, '--type', 'risk_alert', '--since', since, '--until', until).out);
    const expectedTyped = all.filter((e) => e.event_type === 'risk_alert' && e.metadata.timestamp >= since.replace('Z', '') && e.metadata.timestamp <= until.replace('Z', '.999Z'));
    assert.deepEqual(typed.map((e) => e.metadata.event_id), expectedTyped.map((e) => e.metadata.event_id));
    assert.ok(typed.length > 0);

    const limited = jsonLines(cli(temp.dir, 'events', '--store', clean, '--limit', '3').out);
    assert.deepEqual(limited.map((e) => e.metadata.event_id), all.slice(0, 3).map((e) => e.metadata.event_id));
  });

  it('publish writes through the bus; events then shows it; an invalid event is refused with exit 1', () => {
    const store = path.join(temp.dir, 'publish');
    assert.equal(cli(temp.dir, 'generate', '--events', '300', '--out', store).code, 0);
    const data = { symbol: 'BTCUSDT', side: 'buy', quantity: 0.5, price: 43000, exchange_order_id: 'ord_c11', fee: 0.02, venue: 'kraken' };
    const published = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--data', JSON.stringify(data), '--aggregate', 'trader_9', '--source', 'TradingBot', '--tag', 'run=ci');
    assert.equal(published.code, 0, published.err);
    const event = JSON.parse(published.out) as Event;
    assert.deepEqual(event.data, data);
    assert.equal(event.metadata.aggregate_id, 'trader_9');
    assert.equal(event.metadata.schema_version, '1.1', 'newest version of the type by default');
    assert.equal(event.metadata.sequence_number, 301, 'continues the bus-wide counter');
    assert.deepEqual(event.metadata.tags, { run: 'ci' });

    const shown = jsonLines(cli(temp.dir, 'events', '--store', store, '--aggregate', 'trader_9').out);
    assert.equal(shown[shown.length - 1].metadata.event_id, event.metadata.event_id);

    const refused = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--data', '{"symbol":"BTCUSDT","side":"hold"}');
    assert.equal(refused.code, 1);
    assert.equal(refused.out, '');
    assert.match(refused.err, /rejected by schema validation/);
    const trades = jsonLines(cli(temp.dir, 'events', '--store', store, '--type', 'trade_executed').out);
    assert.ok(!trades.some((e) => (e.data as { side?: string }).side === 'hold'));
  });

  it('validate: exit 0 on a clean store, 1 with the faults, each as {file, line, column, severity, code, message}', () => {
    const ok = cli(temp.dir, 'validate', '--store', clean, '--format', 'json');
    assert.equal(ok.code, 0, ok.out.slice(0, 500));
    const findings = JSON.parse(cli(temp.dir, 'validate', '--store', faulty, '--format', 'json').out) as Record<string, unknown>[];
    const bad = cli(temp.dir, 'validate', '--store', faulty);
    assert.equal(bad.code, 1);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length >= 8, `${errors.length} errors`);
    for (const finding of findings) {
      for (const key of ['file', 'line', 'column', 'severity', 'code', 'message']) assert.ok(key in finding, `${key} in ${JSON.stringify(finding)}`);
    }
    const nan = faultySummary.faults.find((f) => f.kind === 'nan-value')!;
    assert.ok(findings.some((f) => f.file === nan.file && f.line === nan.line && f.severity === 'error'), 'the NaN line is reported where it is');
  });

  it('replay and rebuild an aggregate; snapshot verify finds the drift the generator injected', () => {
    const replay = cli(temp.dir, 'replay', '--store', clean, '--aggregate', 'portfolio_1', '--from', '100', '--to', '2000', '--json');
    assert.equal(replay.code, 0, replay.err);
    const events = JSON.parse(replay.out) as Event[];
    assert.ok(events.length > 0);
    assert.ok(events.every((e) => e.metadata.aggregate_id === 'portfolio_1' && e.metadata.sequence_number >= 100 && e.metadata.sequence_number <= 2000));

    const rebuild = cli(temp.dir, 'rebuild', '--store', clean, '--aggregate', 'portfolio_1', '--json');
    assert.equal(rebuild.code, 0, rebuild.err);
    const state = JSON.parse(rebuild.out) as { _meta: { last_event_type: string } };
    assert.equal(typeof state._meta.last_event_type, 'string');

    assert.equal(cli(temp.dir, 'snapshot', 'verify', '--store', clean).code, 0);
    const drift = cli(temp.dir, 'snapshot', 'verify', '--store', faulty, '--json');
    assert.equal(drift.code, 1);
    const drifted = faultySummary.faults.find((f) => f.kind === 'snapshot-drift')!.file;
    const results = JSON.parse(drift.out) as { file: string; ok: boolean }[];
    assert.deepEqual(results.filter((r) => !r.ok).map((r) => r.file), [drifted]);
  });

  it('snapshots --json lists what the generator wrote', () => {
    const run = cli(temp.dir, 'snapshots', '--store', clean, '--json');
    assert.equal(run.code, 0, run.err);
    const listed = JSON.parse(run.out) as { file: string }[];
    assert.deepEqual(listed.map((s) => s.file).sort(), cleanSummary.snapshots.map((s) => s.file).sort());
  });

  it('correlation prints the causation tree across aggregates', () => {
    const chain = storeEvents(clean).filter((e) => e.metadata.correlation_id !== null);
    const counts = new Map<string, number>();
    for (const e of chain) counts.set(e.metadata.correlation_id!, (counts.get(e.metadata.correlation_id!) ?? 0) + 1);
    const [id, size] = [...counts.entries()].find(([, n]) => n >= 4)!;
    const run = cli(temp.dir, 'correlation', id, '--store', clean, '--json');
    assert.equal(run.code, 0, run.err);
    const tree = JSON.parse(run.out) as { event_count: number; roots: { children: unknown[] }[] };
    assert.equal(tree.event_count, size);
    assert.equal(tree.roots.length, 1);
    let depth = 0;
    for (let node: { children: unknown[] } | undefined = tree.roots[0]; node; node = node.children[0] as { children: unknown[] } | undefined) depth++;
    assert.equal(depth, size, 'a chain is a path from the root');
    const text = cli(temp.dir, 'correlation', id, '--store', clean);
    assert.match(text.out, /└─ /);
    const unknown = cli(temp.dir, 'correlation', '00000000-0000-4000-8000-000000000000', '--store', clean);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /no events with correlation_id/);
  });

  it('cleanup shows the plan without --yes and removes with it', () => {
    const store = path.join(temp.dir, 'ttl');
    assert.equal(cli(temp.dir, 'generate', '--events', '100', '--out', store).code, 0);
    const plan = cli(temp.dir, 'cleanup', '--store', store);
    assert.equal(plan.code, 0, plan.err);
    assert.match(plan.out, /remove events\/events_2024-01-15\.jsonl/);
    assert.ok(fs.existsSync(path.join(store, 'events', 'events_2024-01-15.jsonl')), 'nothing removed without --yes');
    const done = cli(temp.dir, 'cleanup', '--store', store, '--yes');
    assert.equal(done.code, 0, done.err);
    assert.ok(!fs.existsSync(path.join(store, 'events', 'events_2024-01-15.jsonl')));
  });

  it('migrate shows the plan, then rewrites old versions into new files and keeps the originals', () => {
    const store = path.join(temp.dir, 'migrate');
    assert.equal(cli(temp.dir, 'generate', '--events', '1000', '--out', store, '--python-style').code, 0);
    const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
    const before = fs.readFileSync(file);
    const plan = cli(temp.dir, 'migrate', '--store', store, '--json');
    assert.equal(plan.code, 0, plan.err);
    const planned = JSON.parse(plan.out) as { plan: { events: number }; executed: boolean };
    assert.ok(planned.plan.events > 0 && !planned.executed);
    assert.ok(fs.readFileSync(file).equals(before), 'no change without --yes');

    const done = cli(temp.dir, 'migrate', '--store', store, '--yes', '--json');
    assert.equal(done.code, 0, done.err);
    const result = (JSON.parse(done.out) as { result: { events: number; backupDir: string } }).result;
    assert.equal(result.events, planned.plan.events);
    assert.ok(fs.readFileSync(path.join(store, result.backupDir, 'events', 'events_2024-01-15.jsonl')).equals(before), 'original kept');
    const oldLines = before.toString('utf8').split('\n');
    const newLines = fs.readFileSync(file, 'utf8').split('\n');
    assert.equal(newLines.length, oldLines.length);
    let changed = 0;
    newLines.forEach((line, i) => {
      if (line === oldLines[i]) return;
      changed++;
      const event = JSON.parse(line) as Event;
      assert.equal(event.event_type, 'trade_executed');
      assert.equal(event.metadata.schema_version, '1.1');
      assert.equal((event.data as { venue: string }).venue, 'unknown');
      assert.ok('exchange_order_id' in (event.data as object) && !('order_id' in (event.data as object)));
    });
    assert.equal(changed, result.events, 'only migrated lines changed');
    assert.match(cli(temp.dir, 'migrate', '--store', store).out, /Nothing to migrate/);
  });

  it('tail --follow prints new events, including from a new day file, until interrupted', async () => {
    const store = path.join(temp.dir, 'tail');
    assert.equal(cli(temp.dir, 'generate', '--events', '50', '--out', store).code, 0);
    const last = storeEvents(store).slice(-2).map((e) => e.metadata.event_id);
    const child = spawn(process.execPath, [CLI, 'tail', '--follow', '-n', '2', '--store', store], { cwd: temp.dir });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (predicate: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 15_000;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await waitFor(() => out.split('\n').filter(Boolean).length >= 2, 'the last two events');
      assert.deepEqual(jsonLines(out).map((e) => e.metadata.event_id), last);
      // Give the watcher a moment to be armed, then append to a new day's file.
      await new Promise((resolve) => setTimeout(resolve, 700));
      const newDay = {
        event_type: 'system_health_check',
        data: { component: 'event_bus', status: 'healthy' },
        metadata: {
          event_id: '11111111-2222-4333-8444-555555555555', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-16T00:00:01Z',
          source: 'HealthMonitor', correlation_id: null, causation_id: null, aggregate_id: 'event_bus', sequence_number: 51,
          retry_count: 0, status: 'completed', tags: {},
        },
      };
      fs.writeFileSync(path.join(store, 'events', 'events_2024-01-16.jsonl'), `${JSON.stringify(newDay)}\n`);
      await waitFor(() => out.includes('11111111-2222-4333-8444-555555555555'), 'the event of the new day file');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0);
  });
});
