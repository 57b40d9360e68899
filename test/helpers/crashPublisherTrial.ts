import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { utcDay } from '../../src/engine/model/timestamp';
import { openStore } from '../../src/engine/openStore';
import { EVENTS_DIR, eventFileName } from '../../src/engine/store/layout';
import { validateStore } from '../../src/engine/validate/validateStore';
import { runCrashChild } from './crashHarness';

/**
 * One publisher crash trial: a child publishes with persistence on from
 * several concurrent publishers and is SIGKILLed at a random moment; then the
 * store is read back raw and through the engine. Shared by the crash test
 * (≥ 50 trials) and the crash bench (1,000).
 */
export interface TornLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface PublisherCrashState {
  readonly store: string;
  readonly random: () => number;
  /** Bytes of every event file after the previous trial: they must stay a prefix (append only). */
  files: Map<string, Buffer>;
  torn: TornLine[];
  trials: number;
}

export interface PublisherTrialOutcome {
  readonly acknowledged: number;
  /** Acknowledged events not in the store. */
  readonly lost: number;
  /** Event ids stored more than once. */
  readonly duplicates: number;
  /** Acknowledged events stored before an event acknowledged earlier (or before older events). */
  readonly outOfOrder: number;
  /** A torn line this kill left (the kill landed mid-write). */
  readonly tornByKill: boolean;
  /** A torn tail the trial wrote on purpose before starting the publisher. */
  readonly tornInjected: boolean;
  /** Everything that broke a promise of the store; empty when the trial passed. */
  readonly violations: string[];
}

export function newPublisherCrashState(store: string, random: () => number): PublisherCrashState {
  return { store, random, files: new Map(), torn: [], trials: 0 };
}

export interface PublisherTrialOptions {
  /** Run validateStore too (slower; the index is checked every trial). */
  readonly validate?: boolean;
  /** Probability of writing a torn tail before the trial (default 0.2). */
  readonly injectTornTail?: number;
  /** Concurrent publishers in the child (default 4). */
  readonly publishers?: number;
}

export async function publisherCrashTrial(state: PublisherCrashState, options: PublisherTrialOptions = {}): Promise<PublisherTrialOutcome> {
  const trial = state.trials++;
  const violations: string[] = [];
  const injected = state.random() < (options.injectTornTail ?? 0.2) ? injectTornTail(state) : undefined;
  if (injected) {
    state.torn.push(injected);
    state.files = readEventFiles(state.store);
  }
  // Up to 300 ms after ready: before its first append a writer now takes the lock, re-reads the
  // store's tail and detects its line style, so the first acknowledgement comes 50-250 ms in; a
  // window of 30 ms killed every trial before anything was acknowledged.
  const killAfterMs = Math.floor(state.random() * 300);
  const run = await runCrashChild('publish', [state.store, String(options.publishers ?? 4)], { killAfterMs });
  if (!run.killed) violations.push(`the publisher was not killed: ${run.stderr}`);
  const acknowledged = run.lines;

  const files = readEventFiles(state.store);
  for (const [file, before] of state.files) {
    const now = files.get(file);
    if (!now || now.length < before.length || !now.subarray(0, before.length).equals(before)) {
      violations.push(`${file}: bytes written before the kill were changed (the store must be append only)`);
    }
  }
  const { ids, invalid } = parseLines(files);
  let tornByKill: TornLine | undefined;
  for (const line of invalid) {
    const key = `${line.file}:${line.line}`;
    const earlier = state.torn.find((t) => t.file === line.file && t.line === line.line);
    if (earlier) {
      if (earlier.text !== line.text) violations.push(`${key}: the torn line was merged into or rewritten`);
      continue;
    }
    const bytes = files.get(line.file) as Buffer;
    const isTail = bytes[bytes.length - 1] !== 0x0a && line.line === countNewlines(bytes) + 1;
    if (!isTail || tornByKill) violations.push(`${key}: an invalid line that is not the tail the kill tore: ${line.text.slice(0, 80)}`);
    else tornByKill = line;
  }
  for (const t of state.torn) {
    if (!invalid.some((line) => line.file === t.file && line.line === t.line)) violations.push(`${t.file}:${t.line}: the torn line disappeared`);
  }
  if (tornByKill) state.torn.push(tornByKill);

  const position = new Map<string, number>();
  let duplicates = 0;
  ids.forEach((id, index) => {
    if (position.has(id)) duplicates++;
    else position.set(id, index);
  });
  const storedBefore = countIds(state.files);
  let lost = 0;
  let outOfOrder = 0;
  let last = storedBefore - 1;
  for (const id of acknowledged) {
    const at = position.get(id);
    if (at === undefined) lost++;
    else if (at <= last) outOfOrder++;
    else last = at;
  }
  if (lost > 0) violations.push(`${lost} of ${acknowledged.length} acknowledged events are missing`);
  if (duplicates > 0) violations.push(`${duplicates} events are stored twice`);
  if (outOfOrder > 0) violations.push(`${outOfOrder} acknowledged events are out of acknowledgement order`);

  await checkThroughEngine(state, ids, options.validate ?? false, violations);
  state.files = files;
  if (violations.length > 0) violations.unshift(`trial ${trial} (kill after ${killAfterMs} ms, ${acknowledged.length} acknowledged):`);
  return { acknowledged: acknowledged.length, lost, duplicates, outOfOrder, tornByKill: !!tornByKill, tornInjected: !!injected, violations };
}

/** The index must see the same events in the same order, and report every torn line where it is. */
async function checkThroughEngine(state: PublisherCrashState, ids: readonly string[], validate: boolean, violations: string[]): Promise<void> {
  const engine = await openStore(state.store, { threads: 1 });
  try {
    const indexed: string[] = [];
    for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) indexed.push(engine.index.event(ordinal).eventId);
    if (indexed.length !== ids.length || indexed.some((id, i) => id !== ids[i])) {
      violations.push(`the index holds ${indexed.length} events, the files ${ids.length}, or in another order`);
    }
    for (const t of state.torn) {
      if (!engine.index.problems.some((p) => p.file === t.file && p.line === t.line)) {
        violations.push(`${t.file}:${t.line}: the index does not report the torn line`);
      }
    }
    if (!validate) return;
    const report = await validateStore(engine, { threads: 1 });
    for (const t of state.torn) {
      if (!report.findings.some((f) => f.file === t.file && f.line === t.line && (f.code === 'EB003' || f.code === 'EB001'))) {
        violations.push(`${t.file}:${t.line}: validate reports no torn or invalid line there`);
      }
    }
    for (const f of report.findings) {
      if (f.code === 'EB013' || f.code === 'EB015') violations.push(`${f.file}:${f.line}: ${f.code} ${f.message}`);
    }
  } finally {
    await engine.close();
  }
}

/** What a writer killed mid-write leaves: the first part of an event line, no line end (never acknowledged). */
function injectTornTail(state: PublisherCrashState): TornLine {
  const dir = path.join(state.store, EVENTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
  const name = names[names.length - 1] ?? eventFileName(utcDay(Date.now()));
  const absolute = path.join(dir, name);
  const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute) : Buffer.alloc(0);
  const lead = existing.length > 0 && existing[existing.length - 1] !== 0x0a ? '\n' : '';
  const line = serializeEvent(createEvent('trade_executed', { torn: true }, { source: 'crash test' }));
  const text = line.slice(0, 1 + Math.floor(state.random() * (line.length - 2)));
  fs.appendFileSync(absolute, lead + text);
  return { file: `${EVENTS_DIR}/${name}`, line: countNewlines(existing) + (lead ? 2 : 1), text };
}

export function readEventFiles(store: string): Map<string, Buffer> {
  const dir = path.join(store, EVENTS_DIR);
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    files.set(`${EVENTS_DIR}/${name}`, fs.readFileSync(path.join(dir, name)));
  }
  return files;
}

/** Event ids in file order, and the lines that are not JSON events. Plain fs and JSON.parse: independent of the engine. */
function parseLines(files: ReadonlyMap<string, Buffer>): { ids: string[]; invalid: TornLine[] } {
  const ids: string[] = [];
  const invalid: TornLine[] = [];
  for (const [file, bytes] of files) {
    // Line by line from the bytes: a store grown by many trials can be larger than one string may be.
    let line = 0;
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      line++;
      if (end > start) {
        const text = bytes.toString('utf8', start, end);
        try {
          const id = (JSON.parse(text) as { metadata?: { event_id?: unknown } }).metadata?.event_id;
          if (typeof id !== 'string') throw new Error('no event_id');
          ids.push(id);
        } catch {
          invalid.push({ file, line, text });
        }
      }
      start = end + 1;
    }
  }
  return { ids, invalid };
}

function countIds(files: ReadonlyMap<string, Buffer>): number {
  return parseLines(files).ids.length;
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
