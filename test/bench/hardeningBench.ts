/**
 * Hardening figures (issue 13), whole processes, each beside a baseline of
 * the same run (the machine is shared: read the ratios):
 *   - 8 concurrent writers (4 `eventbus publish` loops, 4 API publishers)
 *     with random SIGKILLs for 2 minutes → lost, duplicated, gaps;
 *   - 1,000 rapid incremental edits to a 100,000-line event file in the
 *     language server → p95 hover and documentSymbol latency while typing,
 *     peak server RSS (beside its RSS once the file is open);
 *   - `eventbus validate` of a store whose schema has "^(a+)+$" and an event
 *     of 34 a's and "!" → wall time, beside the same store with "^a+$";
 *   - 20 gzip bombs (9 MB each, gigabytes inflated) → peak RSS of `stats`
 *     and `validate`, beside `node -e 0`.
 * Registered in engineBench.ts, so `npm run bench` runs them
 * (`--only=hardening-…` for one). EVENTBUS_HARDENING_WRITERS_SECONDS
 * shortens the writers' run for a try-out.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { seededRandom } from '../helpers/crashHarness';
import { runConcurrentWriters } from '../helpers/concurrentWriters';
import { REDOS_TYPE, REDOS_VALUE, writeEvents, writeRedosSchema, writeSchema } from '../helpers/hostileSchemas';
import { CLI_JS, startServer } from '../lsp/lspClient';
import { fileUriOf } from '../../src/shared/uris';
import { bigFileWorkspace } from './lspMeasures';
import type { Figure, Measure } from './measures';

const WRITERS_SECONDS = Number(process.env.EVENTBUS_HARDENING_WRITERS_SECONDS ?? 120);
const EDITS = 1000;
const BOMBS = 20;
const MIB = 1024 * 1024;

/** Wall seconds and peak RSS (KB) of one whole process, by /usr/bin/time. */
function timed(args: readonly string[]): { seconds: number; peakKb: number; status: number | null } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 64 * MIB });
  const [seconds, peakKb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, peakKb, status: run.status };
}

function nodeBaseline(): { seconds: number; peakKb: number } {
  return timed([process.execPath, '-e', '0']);
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Peak and current resident set of a process, from /proc (Linux). */
function rssOf(pid: number): { peakKb: number; nowKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { peakKb: field('VmHWM'), nowKb: field('VmRSS') };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function concurrentWriters(): Promise<Figure[]> {
  const store = tempDir('eventbus-bench-writers-');
  try {
    spawnSync(process.execPath, [CLI_JS, 'publish', 'component_started', '--data', '{}', '--store', store]);
    const outcome = await runConcurrentWriters({
      store,
      cliWriters: 4,
      apiWriters: 4,
      durationMs: WRITERS_SECONDS * 1000,
      killEveryMs: 1000,
      random: seededRandom(Date.now() % 1_000_000),
      cliScript: CLI_JS,
      apiScript: path.join(__dirname, 'apiPublisher.js'),
    });
    if (outcome.failures.length > 0) process.stderr.write(`writer failures (first few): ${outcome.failures.slice(0, 5).join(' | ')}\n`);
    const prefix = `8 writers (4 CLI, 4 API), ${WRITERS_SECONDS} s, random SIGKILLs`;
    return [
      { name: `${prefix}: SIGKILLs`, value: outcome.kills, unit: 'kills', target: { min: 1 } },
      { name: `${prefix}: acknowledged events`, value: outcome.acknowledged, unit: 'events', target: { min: 1 } },
      { name: `${prefix}: acknowledged events lost`, value: outcome.lost.length, unit: 'events', target: { max: 0 } },
      { name: `${prefix}: sequence numbers stored twice`, value: outcome.duplicatedSequences.length, unit: 'numbers', target: { max: 0 } },
      { name: `${prefix}: sequence gaps (${outcome.sequenceMode} mode)`, value: outcome.gaps.length, unit: 'numbers', target: { max: 0 } },
    ];
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
  }
}

async function rapidEdits(): Promise<Figure[]> {
  const { folder, file } = bigFileWorkspace();
  const uri = fileUriOf(file);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const client = await startServer({ folder });
  try {
    await client.waitForStoreChanged((p) => p.reason === 'opened', 120_000);
    client.open(uri, text);
    await client.waitForVersion(uri, 1, () => true, 120_000);
    const pid = client.process.pid!;
    const openedRss = rssOf(pid).nowKb;

    // Typing in the middle of the file: one character per edit, as fast as the client sends them.
    const line0 = Math.floor(lines.length / 2);
    let column = lines[line0].length - 1;
    const hoverMs: Promise<number>[] = [];
    const symbolMs: Promise<number>[] = [];
    let peakKb = 0;
    for (let k = 1; k <= EDITS; k++) {
      const at = { line: line0, character: column };
      client.change(uri, k + 1, [{ range: { start: at, end: at }, text: k % 2 === 0 ? ' ' : '\t' }]);
      column++;
      if (k % 20 === 0) {
        const started = performance.now();
        hoverMs.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: line0 + 1, character: 20 } }).then(() => performance.now() - started));
      }
      if (k % 100 === 0) {
        const started = performance.now();
        symbolMs.push(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).then(() => performance.now() - started));
        peakKb = Math.max(peakKb, rssOf(pid).peakKb);
      }
      // A key press every few milliseconds at most: give the socket a turn now and then.
      if (k % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const hovers = await Promise.all(hoverMs);
    const symbols = await Promise.all(symbolMs);
    await client.waitForVersion(uri, EDITS + 1, () => true, 120_000);
    peakKb = Math.max(peakKb, rssOf(pid).peakKb);
    const baseline = nodeBaseline();
    const base = { name: 'node -e 0 peak RSS', value: baseline.peakKb / 1024, unit: 'MB' };
    return [
      { name: `lsp: ${EDITS} rapid edits in a 100k-line file, p95 hover latency (${hovers.length} hovers)`, value: percentile(hovers, 95), unit: 'ms', target: { max: 200 } },
      { name: `lsp: ${EDITS} rapid edits in a 100k-line file, p95 documentSymbol latency (${symbols.length} requests)`, value: percentile(symbols, 95), unit: 'ms', target: { max: 200 } },
      { name: `lsp: ${EDITS} rapid edits in a 100k-line file, server RSS once the file was open`, value: openedRss / 1024, unit: 'MB', baseline: base },
      { name: `lsp: ${EDITS} rapid edits in a 100k-line file, peak server RSS`, value: peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
    ];
  } finally {
    await client.stop();
  }
}

async function redosValidate(): Promise<Figure[]> {
  const dir = tempDir('eventbus-bench-redos-');
  try {
    const hostile = path.join(dir, 'redos');
    writeRedosSchema(hostile);
    writeEvents(hostile, [{ type: REDOS_TYPE, data: { name: REDOS_VALUE } }]);
    // The same store with a pattern no engine backtracks on.
    const benign = path.join(dir, 'benign');
    writeSchema(benign, REDOS_TYPE, { type: 'object', properties: { name: { type: 'string', pattern: '^a+$' } } });
    writeEvents(benign, [{ type: REDOS_TYPE, data: { name: REDOS_VALUE } }]);
    const baseline = timed([process.execPath, CLI_JS, 'validate', '--store', benign]);
    const run = timed([process.execPath, CLI_JS, 'validate', '--store', hostile]);
    if (run.status !== 1) throw new Error(`validate of the ReDoS store exited ${run.status}, expected 1 (a pattern finding)`);
    return [
      {
        name: 'validate, schema pattern "^(a+)+$" and 34 a\'s + "!"',
        value: run.seconds * 1000,
        unit: 'ms',
        target: { max: 5000 },
        baseline: { name: 'validate, the same store with "^a+$"', value: baseline.seconds * 1000, unit: 'ms' },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A day file of about 9 MB that inflates to gigabytes: gzip members of zeros, one after another (what appending to a .gz makes). */
function writeBombs(store: string, count: number): number {
  const member = zlib.gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
  const bomb = Buffer.concat(Array.from({ length: Math.ceil((9 * MIB) / member.length) }, () => member));
  fs.mkdirSync(path.join(store, 'events'), { recursive: true });
  for (let day = 1; day <= count; day++) fs.writeFileSync(path.join(store, 'events', `events_2024-02-${String(day).padStart(2, '0')}.jsonl.gz`), bomb);
  writeEvents(store, [{ type: 'component_started', data: { component: 'beside the bombs' } }]);
  return (bomb.length / member.length) * 64;
}

async function gzipBombs(): Promise<Figure[]> {
  const store = tempDir('eventbus-bench-bombs-');
  try {
    const inflatedMiB = writeBombs(store, BOMBS);
    const baseline = nodeBaseline();
    const base = { name: 'node -e 0 peak RSS', value: baseline.peakKb / 1024, unit: 'MB' };
    const stats = timed([process.execPath, CLI_JS, 'stats', '--store', store]);
    const validate = timed([process.execPath, CLI_JS, 'validate', '--store', store]);
    const what = `${BOMBS} gzip bombs (9 MB each, ${(inflatedMiB / 1024).toFixed(0)} GiB inflated)`;
    return [
      { name: `${what}: stats peak RSS`, value: stats.peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
      { name: `${what}: validate peak RSS`, value: validate.peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
      { name: `${what}: validate wall time`, value: validate.seconds * 1000, unit: 'ms' },
    ];
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
  }
}

export const hardeningMeasures: Measure[] = [
  { name: 'hardening-concurrent-writers', runs: 1, run: concurrentWriters },
  { name: 'hardening-lsp-rapid-edits', runs: 1, run: rapidEdits },
  { name: 'hardening-redos-validate', runs: 3, run: redosValidate },
  { name: 'hardening-gzip-bombs', runs: 1, run: gzipBombs },
];
