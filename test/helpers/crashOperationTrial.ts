import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { EventFileAppender } from '../../src/engine/store/eventFileAppender';
import { tempFileOwner } from '../../src/engine/store/interruptedWork';
import { CACHE_DIR, EVENTS_DIR, LOCK_FILE, SNAPSHOTS_DIR, parseEventFileName } from '../../src/engine/store/layout';
import { runCrashChild, type ChildRun } from './crashHarness';

/**
 * Crash trials of the store's rewriting operations (snapshot creation, gzip
 * rotation, migration, TTL cleanup), shared by the crash tests and the crash
 * bench. A trial copies a prepared store, runs the operation in `crashChild`,
 * kills it (at a given file-system step, or after a random delay), then
 * checks:
 *  1. right after the kill, no file is half: each is byte for byte as before
 *     or as after (temp files of the dead writer and the operation's journal
 *     may be there too; nothing reads them);
 *  2. after the next writer opened the store (which finishes or undoes
 *     interrupted work and sweeps dead writers' temps), the store is exactly
 *     as before or exactly as after, with no temp file or journal left;
 *  3. the store's events (a day read as its `.gz` followed by its plain file,
 *     unless the plain bytes already end the `.gz`) are as before or as after.
 */
export interface OperationScenario {
  readonly name: string;
  /** crashChild mode and arguments (the store is inserted first). */
  readonly mode: string;
  readonly args: readonly string[];
  /** A prepared store, copied for every trial (never changed). */
  readonly template: string;
  /** Gzip rotation can leave both files of a day (events unchanged); running it again finishes it. */
  readonly rerunFinishes?: boolean;
}

/** Store-relative path -> digest. Snapshot files are compared without their `timestamp` (taken at write time). */
export type StoreState = ReadonlyMap<string, string>;

export interface Reference {
  readonly before: StoreState;
  readonly after: StoreState;
  readonly eventsBefore: string;
  readonly eventsAfter: string;
  /** File-system mutations the whole operation makes: the deterministic kill points are 1..steps. */
  readonly steps: number;
  readonly ms: number;
}

export type Ending = 'before' | 'after' | 'finished' | 'completed';

export interface OperationTrialOutcome {
  /** as before, as after, finished on the rerun, or the child completed before the kill. */
  readonly ending: Ending | undefined;
  /** Temp files of the dead writer found right after the kill (all swept by the next writer). */
  readonly leftTemps: readonly string[];
  readonly violations: string[];
}

/** Runs the operation to the end on a copy: the store after it, and its kill points. */
export async function referenceRun(scenario: OperationScenario, workDir: string): Promise<Reference> {
  const store = copyTemplate(scenario, workDir, 'reference');
  const before = storeState(store);
  const eventsBefore = eventContent(store);
  const run = await runCrashChild(scenario.mode, [store, ...scenario.args]);
  if (run.steps === undefined || run.ms === undefined) throw new Error(`${scenario.name}: the reference run did not finish: ${run.stderr}`);
  const after = storeState(store);
  const reference = { before, after, eventsBefore, eventsAfter: eventContent(store), steps: run.steps, ms: run.ms };
  fs.rmSync(store, { recursive: true, force: true });
  return reference;
}

export interface KillAt {
  readonly step?: number;
  readonly afterMs?: number;
}

export async function operationCrashTrial(
  scenario: OperationScenario,
  reference: Reference,
  workDir: string,
  kill: KillAt,
): Promise<OperationTrialOutcome> {
  const label = kill.step !== undefined ? `killed at step ${kill.step} of ${reference.steps}` : `killed after ${kill.afterMs} ms`;
  const store = copyTemplate(scenario, workDir, `trial-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const violations: string[] = [];
  try {
    const run: ChildRun = await runCrashChild(scenario.mode, [store, ...scenario.args], { killAtStep: kill.step, killAfterMs: kill.afterMs });
    if (kill.step !== undefined && !run.killed) violations.push('the child was not killed at its step');

    // 1. No half file, right after the kill.
    const leftTemps: string[] = [];
    for (const [file, digest] of storeState(store)) {
      if (isLeftover(file)) {
        leftTemps.push(file);
        continue;
      }
      if (digest !== reference.before.get(file) && digest !== reference.after.get(file)) {
        violations.push(`${file} is neither as before nor as after right after the kill`);
      }
    }
    const eventsNow = eventContent(store);
    if (eventsNow !== reference.eventsBefore && eventsNow !== reference.eventsAfter && !isJournaled(store)) {
      violations.push('the events are neither as before nor as after right after the kill, and no journal says how to finish');
    }

    // 2. The next writer finishes or undoes it.
    const appender = await EventFileAppender.open(store);
    await appender.close();
    let state = storeState(store);
    let ending: Ending | undefined = !run.killed ? 'completed' : sameState(state, reference.before) ? 'before' : sameState(state, reference.after) ? 'after' : undefined;
    // 3. Events as before or after even where files are not (yet).
    const eventsRecovered = eventContent(store);
    if (eventsRecovered !== reference.eventsBefore && eventsRecovered !== reference.eventsAfter) {
      violations.push('after the next writer opened the store, its events are neither as before nor as after');
    }
    if (ending === undefined && scenario.rerunFinishes) {
      await runCrashChild(scenario.mode, [store, ...scenario.args]);
      state = storeState(store);
      if (sameState(state, reference.after)) ending = 'finished';
    }
    if (ending === undefined || (ending === 'completed' && !sameState(state, reference.after))) {
      violations.push(`after the next writer opened the store it is neither as before nor as after: ${difference(state, reference)}`);
    }
    if (violations.length > 0) violations.unshift(`${scenario.name}, ${label}:`);
    return { ending, leftTemps, violations };
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
  }
}

/** The kill points a test tries: all of them up to `max`, else `max` spread evenly (always the first and the last). */
export function killSteps(steps: number, max: number): number[] {
  if (steps <= max) return Array.from({ length: steps }, (_, i) => i + 1);
  return [...new Set(Array.from({ length: max }, (_, i) => 1 + Math.round((i * (steps - 1)) / (max - 1))))];
}

function copyTemplate(scenario: OperationScenario, workDir: string, name: string): string {
  const store = path.join(workDir, name);
  fs.cpSync(scenario.template, store, { recursive: true });
  return store;
}

/** What a killed writer may leave that readers ignore: its hidden temps, its journal, its lock. */
function isLeftover(file: string): boolean {
  const name = file.split('/').pop() as string;
  return tempFileOwner(name) !== undefined || name === LOCK_FILE || /^[a-z]+\.pending\.json$/.test(file);
}

function isJournaled(store: string): boolean {
  return fs.readdirSync(store).some((name) => /^[a-z]+\.pending\.json$/.test(name));
}

/** Every file under the store but the index cache. */
export function storeState(store: string): Map<string, string> {
  const state = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (rel === CACHE_DIR) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs, rel);
      else state.set(rel, digestOf(rel, fs.readFileSync(abs)));
    }
  };
  walk(store, '');
  return state;
}

function digestOf(rel: string, bytes: Buffer): string {
  let content: Buffer | string = bytes;
  if (rel.startsWith(`${SNAPSHOTS_DIR}/`) && rel.endsWith('.json') && !isLeftover(rel)) {
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      delete parsed.timestamp;
      content = JSON.stringify(parsed);
    } catch {
      // A half-written snapshot: its raw bytes will match nothing, as they should not.
    }
  }
  return createHash('sha1').update(content).digest('hex');
}

function sameState(a: StoreState, b: StoreState): boolean {
  return a.size === b.size && [...a].every(([file, digest]) => b.get(file) === digest);
}

function difference(state: StoreState, reference: Reference): string {
  const describe = (other: StoreState): string => {
    const extra = [...state.keys()].filter((f) => !other.has(f));
    const missing = [...other.keys()].filter((f) => !state.has(f));
    const changed = [...state.keys()].filter((f) => other.has(f) && other.get(f) !== state.get(f));
    return `extra [${extra.join(', ')}] missing [${missing.join(', ')}] changed [${changed.join(', ')}]`;
  };
  return `vs before: ${describe(reference.before)}; vs after: ${describe(reference.after)}`;
}

/**
 * The store's event lines as one digest: per day, the `.gz` content then the
 * plain file's, unless the plain bytes already end the `.gz` (a rotation
 * interrupted after its rename: the product then only removes the plain file).
 */
export function eventContent(store: string): string {
  const dir = path.join(store, EVENTS_DIR);
  const days = new Map<string, { plain?: Buffer; gz?: Buffer }>();
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      const parsed = parseEventFileName(name);
      if (!parsed) continue;
      const entry = days.get(parsed.day) ?? {};
      const bytes = fs.readFileSync(path.join(dir, name));
      if (parsed.compressed) entry.gz = zlib.gunzipSync(bytes);
      else entry.plain = bytes;
      days.set(parsed.day, entry);
    }
  }
  const hash = createHash('sha1');
  for (const day of [...days.keys()].sort()) {
    const { plain, gz } = days.get(day) as { plain?: Buffer; gz?: Buffer };
    const lines: string[] = [];
    const add = (bytes: Buffer | undefined) => {
      if (bytes) for (const line of bytes.toString('utf8').split(/\r?\n/)) if (line.length > 0) lines.push(line);
    };
    add(gz);
    const alreadyInGz = gz && plain && plain.length <= gz.length && gz.subarray(gz.length - plain.length).equals(plain);
    if (!alreadyInGz) add(plain);
    hash.update(`${day}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
