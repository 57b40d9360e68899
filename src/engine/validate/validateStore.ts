import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventBusConfig } from '../config/busConfig';
import { DEFAULT_CONFIG } from '../config/busConfig';
import type { IndexedEvent } from '../index/indexTypes';
import { loadSchemaRegistry } from '../schema/loadSchemaRegistry';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { describeKind, isInside } from '../index/listEventFiles';
import { EVENTS_DIR, parseEventFileName } from '../store/layout';
import { readFileBytesTolerant } from '../store/lineReader';
import type { StoreEngine } from '../storeEngineTypes';
import type { Finding, SeverityOverrides } from './finding';
import { sortFindings } from './finding';
import { fileFinding } from './findingBuilder';
import { type FileTask, validateFiles } from './fileValidationPool';
import { checkIntegrity } from './integrityRules';
import { type IntegrityIssue, issueToFinding } from './integrityIssue';

export interface ValidateOptions {
  /** max_retry_count (EB019) and event_ttl_days (EB017) come from here; default: the guide's defaults. */
  readonly config?: EventBusConfig;
  /** Default: loaded from `<store>/schemas`. */
  readonly registry?: SchemaRegistry;
  readonly severity?: SeverityOverrides;
  /** Worker threads for the per-line rules; default one per core. */
  readonly threads?: number;
  /** Progress in bytes of event text (a gzip file counts as ~6x its size), done of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ValidationReport {
  /** Sorted by file, line, column. */
  readonly findings: Finding[];
  readonly files: number;
  /** Non-blank lines checked as events. */
  readonly eventLines: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/**
 * Every finding of a store: the per-line rules over every line of every
 * event file (on worker threads), and the store-wide rules over the index
 * (on this thread, meanwhile). Integrity issues get their ranges from the
 * lines they point at, read once per affected file.
 */
export async function validateStore(engine: StoreEngine, options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const config = options.config ?? DEFAULT_CONFIG;
  const registry = options.registry ?? (await loadSchemaRegistry(engine.root));
  const { tasks, refused } = await eventFileTasks(engine, options.severity);
  const totalBytes = tasks.reduce((sum, task) => sum + (task.absPath.endsWith('.gz') ? task.size * 6 : task.size), 0);
  let doneBytes = 0;
  let integrityDone: () => void = () => undefined;
  const callerJoinsWhen = new Promise<void>((resolve) => (integrityDone = resolve));

  const linesDone = validateFiles(
    tasks,
    { registry, maxRetryCount: config.max_retry_count, severity: options.severity },
    {
      threads: options.threads ?? os.availableParallelism(),
      onProgress: (bytes) => {
        doneBytes += bytes;
        options.onProgress?.(Math.min(Math.round(doneBytes), totalBytes), totalBytes);
      },
      // This thread runs the store-wide rules first, then checks lines with the workers.
      callerJoinsWhen,
    },
  );
  // Observed now so a failing pool is not an unhandled rejection while this thread works; awaited below.
  void linesDone.catch(() => undefined);
  // Let the pool start its workers before this thread gets busy with the index.
  await new Promise<void>((resolve) => setImmediate(resolve));
  let integrityFindings: Finding[];
  try {
    const issues = checkIntegrity(engine.index, {
      eventTtlDays: config.event_ttl_days,
      timeOrderToleranceMs: config.time_order_tolerance_ms,
      severity: options.severity,
    });
    integrityFindings = await locateIssues(engine, issues, options.severity);
  } finally {
    // Even when the rules fail, the pool must not wait for this thread forever.
    integrityDone();
  }

  const perFile = await linesDone;
  const findings: Finding[] = [];
  for (const result of perFile) for (const finding of result.findings) findings.push(finding);
  for (const finding of integrityFindings) findings.push(finding);
  for (const finding of refused) findings.push(finding);
  return {
    findings: sortFindings(findings),
    files: perFile.length + refused.length,
    eventLines: perFile.reduce((sum, result) => sum + result.eventLines, 0),
    bytes: perFile.reduce((sum, result) => sum + result.bytes, 0),
    elapsedMs: performance.now() - started,
  };
}

/**
 * The index's files plus any other file named like a day of events, so an
 * event file the index could not take is still a finding. Those are
 * checked before they are read: a symlink out of the store is not followed
 * (its target is none of the store's business) and a folder or a pipe is
 * not opened (reading a pipe waits forever); each is an EB021 instead.
 */
async function eventFileTasks(engine: StoreEngine, severity: SeverityOverrides | undefined): Promise<{ tasks: FileTask[]; refused: Finding[] }> {
  const byFile = new Map<string, FileTask>();
  const refused: Finding[] = [];
  for (const indexed of engine.index.files) {
    byFile.set(indexed.file, { file: indexed.file, absPath: path.join(engine.root, ...indexed.file.split('/')), size: indexed.size });
  }
  let names: string[] = [];
  try {
    names = await fs.promises.readdir(path.join(engine.root, EVENTS_DIR));
  } catch {
    // No events folder: nothing more than the index knows.
  }
  const realRoot = await fs.promises.realpath(engine.root).catch(() => path.resolve(engine.root));
  for (const name of names) {
    if (!parseEventFileName(name)) continue;
    const file = `${EVENTS_DIR}/${name}`;
    if (byFile.has(file)) continue;
    const absPath = path.join(engine.root, EVENTS_DIR, name);
    const refusal = await whyNotRead(absPath, realRoot);
    if (refusal !== undefined) {
      const finding = fileFinding(file, 'EB021', `cannot read the file: ${refusal}`, severity);
      if (finding) refused.push(finding);
      continue;
    }
    const size = await fs.promises.stat(absPath).then((s) => s.size, () => 0);
    byFile.set(file, { file, absPath, size });
  }
  return { tasks: [...byFile.values()], refused };
}

/** Why an event file must not be opened, or undefined when reading it is safe (read errors are reported by the reader). */
async function whyNotRead(absPath: string, realRoot: string): Promise<string | undefined> {
  try {
    const link = await fs.promises.lstat(absPath);
    if (link.isSymbolicLink()) {
      const target = await fs.promises.realpath(absPath);
      if (!isInside(realRoot, target)) return `symlink points outside the store (${target}); not followed`;
    }
    const stat = await fs.promises.stat(absPath);
    if (!stat.isFile()) return `not a regular file (${describeKind(stat)}); not read`;
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** Reads each file that has issues once, and gives every issue the range of its field (the language server uses it too). */
export async function locateIssues(
  engine: StoreEngine,
  issues: readonly IntegrityIssue[],
  severity: SeverityOverrides | undefined,
): Promise<Finding[]> {
  return (await locateEachIssue(engine, issues, severity)).filter((finding): finding is Finding => finding !== undefined);
}

/** The finding of each issue, in the issues' order (undefined where its severity is off). */
export async function locateEachIssue(
  engine: StoreEngine,
  issues: readonly IntegrityIssue[],
  severity: SeverityOverrides | undefined,
): Promise<(Finding | undefined)[]> {
  const byFile = new Map<string, { issue: IntegrityIssue; event: IndexedEvent; at: number }[]>();
  issues.forEach((issue, at) => {
    const event = engine.index.event(issue.ordinal);
    const list = byFile.get(event.file) ?? [];
    list.push({ issue, event, at });
    byFile.set(event.file, list);
  });
  const findings = new Array<Finding | undefined>(issues.length);
  for (const [file, list] of byFile) {
    let bytes: Buffer | undefined;
    try {
      bytes = (await readFileBytesTolerant(path.join(engine.root, ...file.split('/')))).bytes;
    } catch {
      // The file went away since indexing: whole-line ranges will do.
    }
    for (const { issue, event, at } of list) {
      const text =
        bytes && event.offset + event.length <= bytes.length ? bytes.toString('utf8', event.offset, event.offset + event.length) : undefined;
      findings[at] = issueToFinding(issue, event, text, severity) ?? undefined;
    }
  }
  return findings;
}
