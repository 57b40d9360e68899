import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as sax from 'sax';
import type { FindingRecord } from '../../src/cli/format/findingsJson';
import { ownVocabularyConfig, writeOwnVocabularyStore } from '../helpers/ownVocabularyStore';
import { makeTempDir } from '../helpers/tempStore';

/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const EVENTS = 3000;

function cli(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

const temp = makeTempDir('eventbus-cli-stream-');
after(() => temp.cleanup());

/** What a crash would print: a stack frame. */
const STACK = /\n\s+at .+\(|\bat (?:node:|file:|\/)/;

describe('validate on a store whose types and statuses are its own', () => {
  const generated = path.join(temp.dir, 'generated');
  const own = path.join(temp.dir, 'own');
  const withConfig = path.join(temp.dir, 'configured');

  before(async () => {
    const made = cli(temp.dir, 'generate', '--events', String(EVENTS), '--out', generated, '--seed', '5', '--days', '2');
    assert.equal(made.code, 0, made.err);
    await writeOwnVocabularyStore(generated, own);
    fs.mkdirSync(withConfig);
    fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_bus: ownVocabularyConfig(generated) }));
  });

  it('reports each unknown type and status once, with its count and first places; --all lists every event', () => {
    const run = cli(temp.dir, 'validate', '--store', own, '--format', 'json');
    assert.equal(run.code, 0, run.err);
    const records = JSON.parse(run.out) as FindingRecord[];
    const types = records.filter((r) => r.code === 'EB011');
    const typeNames = types.map((r) => /"([^"]+)"/.exec(r.message)?.[1]);
    assert.equal(new Set(typeNames).size, types.length, 'one finding per unknown type');
    assert.ok(types.length >= 10, `every type is unknown now (${types.length})`);
    assert.equal(types.reduce((sum, r) => sum + (r.count ?? 1), 0), EVENTS, 'the counts add up to every event');
    const statuses = records.filter((r) => r.code === 'EB020');
    assert.equal(new Set(statuses.map((r) => /"([^"]+)"/.exec(r.message)?.[1])).size, statuses.length, 'one finding per unknown status');
    const repeated = types.find((r) => (r.count ?? 1) > 5) as FindingRecord;
    assert.equal(repeated.places?.length, 5);
    assert.deepEqual([repeated.places?.[0].file, repeated.places?.[0].line], [repeated.file, repeated.line], 'the first place is where it is reported');
    assert.match(repeated.message, /events with this cause; first at .*validate --all/);

    const all = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'json', '--all').out) as FindingRecord[];
    assert.equal(all.filter((r) => r.code === 'EB011').length, EVENTS, '--all: one finding per event');
    assert.equal(all.filter((r) => r.code === 'EB020').length, statuses.reduce((sum, r) => sum + (r.count ?? 1), 0));
    assert.ok(all.every((r) => r.count === undefined));
  });

  it('the text summary counts every event at fault, though each cause is one line', () => {
    const run = cli(temp.dir, 'validate', '--store', own);
    const summary = run.out.trimEnd().split('\n').pop() as string;
    const warnings = Number(/(\d+) warnings/.exec(summary)?.[1]);
    assert.ok(warnings >= EVENTS, summary);
    assert.ok(run.out.split('\n').length < 100, 'not a line per event');
  });

  it('event_types and statuses in eventbus.config.json silence the unknown-type and unknown-status findings', () => {
    const configured = JSON.parse(cli(withConfig, 'validate', '--store', own, '--format', 'json', '--all').out) as FindingRecord[];
    assert.deepEqual(configured.filter((r) => r.code === 'EB011' || r.code === 'EB020'), []);
    const bad = cli(withConfig, 'validate', '--store', own);
    assert.equal(bad.code, 0, bad.err);
    fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_types: 'acme.order' }));
    const wrong = cli(withConfig, 'validate', '--store', own);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /event_types.*a list of names/);
    fs.writeFileSync(path.join(withConfig, 'eventbus.config.json'), JSON.stringify({ event_bus: ownVocabularyConfig(generated) }));
  });

  it('sarif and junit with --all are valid documents with every finding', () => {
    const sarif = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'sarif', '--all').out) as { runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.runs[0].results.filter((r) => r.ruleId === 'EB011').length, EVENTS);
    const summarized = JSON.parse(cli(temp.dir, 'validate', '--store', own, '--format', 'sarif').out) as {
      runs: { results: { ruleId: string; occurrenceCount?: number; relatedLocations?: unknown[] }[] }[];
    };
    const eb011 = summarized.runs[0].results.filter((r) => r.ruleId === 'EB011');
    assert.equal(eb011.reduce((sum, r) => sum + (r.occurrenceCount ?? 1), 0), EVENTS);
    assert.ok(eb011.some((r) => r.relatedLocations?.length === 5));

    const junit = cli(temp.dir, 'validate', '--store', own, '--format', 'junit', '--all').out;
    const parser = sax.parser(true);
    let testcases = 0;
    parser.onerror = (error) => {
      throw error;
    };
    parser.onopentag = (tag) => {
      if (tag.name === 'testcase') testcases++;
    };
    parser.write(junit).close();
    assert.equal(testcases, EVENTS, 'a testcase per event line (each has an unknown type)');
  });
});

/** Spawns the CLI; resolves with its exit and what it wrote to stderr once it exits. */
function spawnCli(args: readonly string[], onStdout: (chunk: Buffer, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; exitedAt: number }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: temp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => onStdout(chunk, child));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, err, exitedAt: Date.now() })));
}

describe('events and tail stop on a closed pipe and on Ctrl-C', () => {
  const store = path.join(temp.dir, 'long');

  before(() => {
    // ~12 MB of JSON Lines: far more than a pipe holds, and seconds of output.
    const made = cli(temp.dir, 'generate', '--events', '25000', '--out', store, '--seed', '9', '--days', '2');
    assert.equal(made.code, 0, made.err);
    assert.equal(cli(temp.dir, 'stats', '--store', store).code, 0, 'indexed once, so the runs below start at once');
  });

  it('events | (a reader that closes after the first line): exit 0 soon after, no stack trace', async () => {
    let firstLineAt = 0;
    let seen = '';
    const result = await spawnCli(['events', '--store', store], (chunk, child) => {
      if (firstLineAt) return;
      seen += chunk.toString();
      if (!seen.includes('\n')) return;
      firstLineAt = Date.now();
      JSON.parse(seen.slice(0, seen.indexOf('\n')));
      child.stdout?.destroy();
    });
    assert.ok(firstLineAt > 0, 'a first line came');
    assert.equal(result.code, 0, result.err);
    assert.doesNotMatch(result.err, STACK);
    assert.equal(result.err, '');
    // Not a speed target (that is in the bench): the process did not go on to print the whole store.
    assert.ok(result.exitedAt - firstLineAt < 5000, `exited ${result.exitedAt - firstLineAt} ms after the first line`);
  });

  it('Ctrl-C during a long events: exits without a stack trace, before the output is done', async () => {
    let bytes = 0;
    let signalled = false;
    const result = await spawnCli(['events', '--store', store], (chunk, child) => {
      bytes += chunk.length;
      if (!signalled && bytes > 0) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    assert.ok(signalled);
    assert.ok(result.code === 130 || result.code === 0, `exit ${result.code} ${result.signal}`);
    assert.doesNotMatch(result.err, STACK);
    const total = fs.readdirSync(path.join(store, 'events')).reduce((sum, name) => sum + fs.statSync(path.join(store, 'events', name)).size, 0);
    assert.ok(bytes < total, `stopped early (${bytes} of ${total} bytes)`);
  });

  it('tail --follow prints appended events, and Ctrl-C ends it with exit 0 and no stack trace', async () => {
    const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).sort().pop() as string);
    const lastLine = fs.readFileSync(day, 'utf8').trimEnd().split('\n').pop() as string;
    const appended = lastLine.replace(/"event_id":"[^"]+"/, '"event_id":"aaaaaaaa-bbbb-4ccc-8ddd-00000000f011"');
    let out = '';
    let appendedOnce = false;
    const result = await spawnCli(['tail', '--follow', '--lines', '2', '--store', store], (chunk, child) => {
      out += chunk.toString();
      const lines = out.split('\n').filter((l) => l.length > 0);
      if (lines.length >= 2 && !appendedOnce) {
        appendedOnce = true;
        // Once the watcher is surely up: the first lines are printed after it starts.
        setTimeout(() => fs.appendFileSync(day, `${appended}\n`), 500);
      }
      if (lines.some((l) => l.includes('00000000f011'))) child.kill('SIGINT');
    });
    assert.ok(out.includes('00000000f011'), 'the appended event was printed');
    assert.equal(result.code, 0, `exit ${result.code} ${result.signal}: ${result.err}`);
    assert.doesNotMatch(result.err, STACK);
  });
});
