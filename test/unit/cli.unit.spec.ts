import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { integerOption, parseCommandArgs, timestampOption } from '../../src/cli/args';
import { COMMANDS } from '../../src/cli/commandTable';
import { filterOfOptions } from '../../src/cli/eventFilters';
import type { CliIo } from '../../src/cli/output';
import { UsageError } from '../../src/cli/output';
import { runCli } from '../../src/cli/run';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import type { GenerateSummary } from '../../src/engine/generate/generatorTypes';
import { makeTempDir } from '../helpers/tempStore';

interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

function capture(cwd: string): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      stderrIsTty: false,
      cwd,
      interrupted: Promise.resolve(),
    },
    out: () => out,
    err: () => err,
  };
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture(cwd);
  const code = await runCli(argv, c.io, COMMANDS);
  return { code, out: c.out(), err: c.err() };
}

/** A usage or I/O error: exit 2 and exactly one line on stderr, nothing on stdout. */
function assertOneLineError(result: { code: number; out: string; err: string }, pattern: RegExp): void {
  assert.equal(result.code, 2, result.err);
  assert.equal(result.out, '');
  assert.equal(result.err.split('\n').filter((line) => line.length > 0).length, 1, result.err);
  assert.ok(result.err.endsWith('\n'));
  assert.match(result.err, pattern);
}

const temp = makeTempDir('eventbus-cli-unit-');
after(() => temp.cleanup());

describe('cli: usage errors exit 2 with one line', () => {
  it('no command, an unknown command', async () => {
    assertOneLineError(await run(temp.dir), /expected a command/);
    assertOneLineError(await run(temp.dir, 'frobnicate'), /unknown command "frobnicate".*stats/);
  });

  it('unknown options, missing values, bad numbers and times', async () => {
    assertOneLineError(await run(temp.dir, 'stats', '--bogus'), /eventbus stats: unknown option '--bogus'/);
    assertOneLineError(await run(temp.dir, 'stats', '--store'), /'--store' needs a value/);
    assertOneLineError(await run(temp.dir, 'events', '--limit', '0'), /--limit must be a whole number of at least 1, got "0"/);
    assertOneLineError(await run(temp.dir, 'events', '--since', 'yesterday'), /--since must be an ISO 8601 timestamp/);
    assertOneLineError(await run(temp.dir, 'events', '--from', '9', '--to', '3'), /--from 9 is after --to 3/);
    assertOneLineError(await run(temp.dir, 'replay'), /--aggregate is required/);
    assertOneLineError(await run(temp.dir, 'stats', 'extra'), /unexpected argument 'extra'/);
    assertOneLineError(await run(temp.dir, 'validate', '--format', 'xml'), /--format must be one of text, json, sarif, junit/);
    assertOneLineError(await run(temp.dir, 'snapshot'), /expected an action/);
    assertOneLineError(await run(temp.dir, 'snapshot', 'delete'), /unknown action "delete"/);
    assertOneLineError(await run(temp.dir, 'generate', '--out', 'x'), /--events is required/);
    assertOneLineError(await run(temp.dir, 'generate', '--events', '10', '--out', 'x', '--sequence-mode', 'both'), /--sequence-mode must be one of global, aggregate/);
    assertOneLineError(await run(temp.dir, 'rebuild', '--aggregate', 'a', '--projection', 'p'), /--allow-projections/);
  });

  it('publish never evaluates --data: it must be JSON', async () => {
    assertOneLineError(await run(temp.dir, 'publish', 'trade_executed', '--data', '{side: "buy"}'), /--data is not valid JSON/);
    assertOneLineError(await run(temp.dir, 'publish', 'trade_executed', '--data', 'process.exit(3)'), /--data is not valid JSON/);
    assertOneLineError(await run(temp.dir, 'publish', '--data', '{}'), /expected one event type/);
    assertOneLineError(await run(temp.dir, 'publish', 't', '--data', '{}', '--tag', 'novalue'), /--tag expects KEY=VALUE/);
  });

  it('a missing store is one clear line, not an empty index', async () => {
    const missing = path.join(temp.dir, 'no-such-store');
    for (const command of ['stats', 'events', 'validate', 'snapshots', 'cleanup', 'migrate']) {
      assertOneLineError(await run(temp.dir, command, '--store', missing), new RegExp(`eventbus ${command}: no store at .*no-such-store`));
    }
    assert.ok(!fs.existsSync(missing), 'nothing was created');
  });

  it('the default store is ./event_store of the current folder', async () => {
    assertOneLineError(await run(temp.dir, 'stats'), new RegExp(`no store at ${temp.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/event_store`));
  });
});

describe('cli: help', () => {
  it('--help of every command prints its usage on stdout and exits 0', async () => {
    for (const command of COMMANDS) {
      const result = await run(temp.dir, command.name, '--help');
      assert.equal(result.code, 0, command.name);
      assert.equal(result.err, '');
      assert.match(result.out, new RegExp(`^Usage: eventbus ${command.name}`), command.name);
      // generate writes a new store (--out); copy names both ends (--from, --to).
      if (command.name === 'copy') assert.match(result.out, /--from SRC[\s\S]*--to URL/);
      else if (command.name !== 'generate') assert.match(result.out, /--store DIR/, command.name);
    }
  });

  it('the global help lists every command', async () => {
    const result = await run(temp.dir, '--help');
    assert.equal(result.code, 0);
    for (const command of COMMANDS) assert.match(result.out, new RegExp(`\\n  ${command.name} +\\S`));
  });
});

describe('cli: argument helpers', () => {
  it('parses options and positionals strictly', () => {
    const parsed = parseCommandArgs(['ID', '--json', '--store', 'x'], { store: { type: 'string' }, json: { type: 'boolean' } }, true);
    assert.deepEqual(parsed.positionals, ['ID']);
    assert.equal(parsed.values.store, 'x');
    assert.equal(parsed.values.json, true);
    assert.throws(() => parseCommandArgs(['ID'], { json: { type: 'boolean' } }), UsageError);
  });

  it('checks numbers and timestamps', () => {
    assert.equal(integerOption('limit', '25', 1), 25);
    assert.equal(integerOption('limit', undefined, 1), undefined);
    assert.throws(() => integerOption('limit', '2.5', 1), /whole number/);
    assert.throws(() => integerOption('from', '-1'), /whole number/);
    assert.equal(timestampOption('since', '2024-01-15T10:30:00Z'), Date.UTC(2024, 0, 15, 10, 30));
    assert.equal(timestampOption('since', '2024-01-15T10:30:00'), Date.UTC(2024, 0, 15, 10, 30), 'naive is UTC');
    assert.throws(() => timestampOption('until', '2024-13-01T00:00:00Z'), /ISO 8601/);
  });

  it('turns filters into the engine\'s one filter', () => {
    assert.deepEqual(filterOfOptions({ aggregate: 'trader_1', type: 'trade_executed', from: '3', to: '9', since: '2024-01-15T00:00:00Z' }), {
      aggregateIds: ['trader_1'],
      eventTypes: ['trade_executed'],
      since: Date.UTC(2024, 0, 15),
      fromSequenceNumber: 3,
      toSequenceNumber: 9,
    });
    assert.deepEqual(filterOfOptions({}), {});
  });
});

describe('cli: stats and generate in-process', () => {
  let summary: GenerateSummary;
  let store: string;
  before(() => {
    store = path.join(temp.dir, 'store');
    summary = generateStoreSync({ events: 1_500, outDir: store, seed: 21, withErrors: true });
  });

  it('stats --json counts exactly what the generator wrote', async () => {
    const result = await run(temp.dir, 'stats', '--store', store, '--json');
    assert.equal(result.code, 0, result.err);
    const stats = JSON.parse(result.out);
    assert.equal(stats.events, summary.events);
    assert.equal(stats.invalid_lines, summary.invalidLines);
    assert.equal(stats.files, summary.files.length);
    assert.equal(stats.aggregates, summary.aggregates);
    assert.equal(stats.correlations, summary.correlations);
    assert.deepEqual(stats.event_types, summary.eventTypes);
    assert.equal(stats.sequence_mode, 'global');
    assert.equal(stats.first_timestamp, summary.firstTimestamp);
    assert.equal(stats.last_timestamp, summary.lastTimestamp);
  });

  it('stats without --json is text for people, nothing on stderr', async () => {
    const result = await run(temp.dir, 'stats', '--store', store);
    assert.equal(result.code, 0);
    assert.match(result.out, /^events +1500$/m);
    assert.match(result.out, /^sequence mode +global$/m);
    assert.equal(result.err, '');
  });

  it('generate refuses an existing store with one line, exit 2', async () => {
    assertOneLineError(await run(temp.dir, 'generate', '--events', '10', '--out', store), /already holds a store.*--force/);
  });

  it('generate --json prints the summary only', async () => {
    const result = await run(temp.dir, 'generate', '--events', '200', '--out', 'small', '--seed', 'x', '--json');
    assert.equal(result.code, 0, result.err);
    const printed = JSON.parse(result.out) as GenerateSummary;
    assert.equal(printed.events, 200);
    assert.equal(printed.outDir, path.join(temp.dir, 'small'));
    assert.ok(fs.existsSync(path.join(temp.dir, 'small', 'events', 'events_2024-01-15.jsonl')));
  });
});
