import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventBusConfig } from '../config/busConfig';
import { DEFAULT_CONFIG } from '../config/busConfig';
import type { IndexedEvent } from '../index/indexTypes';
import { loadSchemaRegistry } from '../schema/loadSchemaRegistry';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { describeKind, isInside } from '../index/listEventFiles';
import { EVENTS_DIR, notADayFile, parseEventFileName } from '../store/layout';
import { readFileBytesTolerant } from '../store/lineReader';
import type { StoreEngine } from '../storeEngineTypes';
import type { Finding, Severity, SeverityOverrides } from './finding';
import { sortFindings } from './finding';
import { vocabularyOf } from './vocabulary';
import { CauseTally, collapseRepeats, FIRST_PLACES, type RepeatMode } from './repeatedCauses';
import { fileFinding } from './findingBuilder';
import { type FileTask, validateFiles } from './fileValidationPool';
import type { FileValidation } from './validateFile';
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
  /** A cause that repeats per event is one finding with its count (per file or per store); default `each`. */
  readonly repeats?: RepeatMode;
  /**
   * Streams: the findings are handed over as they are found instead of
   * returned (`report.findings` is then empty), so memory does not grow
   * with them. Each call holds one file's findings in store order; with
   * `repeats: 'per-store'` the repeated causes (which span files) come
   * last, in one call, once every file is checked.
   */
  readonly onFindings?: (findings: readonly Finding[]) => void;
}

export interface ValidationReport {
  /** Sorted by file, line, column; empty when streamed (`onFindings`). */
  readonly findings: Finding[];
  /** Events found at fault by severity (a repeated cause counts each of its events). */
  readonly counts: Record<Severity, number>;
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
  const repeats = options.repeats ?? 'each';
  const registry = options.registry ?? (await loadSchemaRegistry(engine.root));
  const { tasks, refused } = await eventFileTasks(engine, options.severity);
  tasks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const totalBytes = tasks.reduce((sum, task) => sum + (task.absPath.endsWith('.gz') ? task.size * 6 : task.size), 0);
  let doneBytes = 0;
  let integrityDone: () => void = () => undefined;
  const callerJoinsWhen = new Promise<void>((resolve) => (integrityDone = resolve));

  const output = new FindingsOutput(repeats, options.onFindings);
  const linesDone = validateFiles(
    tasks,
    { registry, maxRetryCount: config.max_retry_count, severity: options.severity, repeats, ...vocabularyOf(config) },
    {
      threads: options.threads ?? os.availableParallelism(),
      onProgress: (bytes) => {
        doneBytes += bytes;
        options.onProgress?.(Math.min(Math.round(doneBytes), totalBytes), totalBytes);
      },
      // This thread runs the store-wide rules first, then checks lines with the workers.
      callerJoinsWhen,
      // Streamed by piece (a few MiB of events at a time); a file's repeated causes counted per file need the file whole.
      ...(options.onFindings && repeats !== 'per-file'
        ? { onPiece: (piece: FileValidation, throughLine: number, last: boolean) => output.piece(piece.file, piece.findings, throughLine, last) }
        : { onFile: (result: FileValidation) => output.piece(result.file, result.findings, Number.POSITIVE_INFINITY, true) }),
    },
  );
  // Observed now so a failing pool is not an unhandled rejection while this thread works; awaited below.
  void linesDone.catch(() => undefined);
  // Let the pool start its workers before this thread gets busy with the index.
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    const issues = checkIntegrity(engine.index, {
      eventTtlDays: config.event_ttl_days,
      timeOrderToleranceMs: config.time_order_tolerance_ms,
      severity: options.severity,
    });
    output.integrity(await locateRepeatedIssues(engine, issues, options.severity, repeats));
  } finally {
    // Even when the rules fail, the pool must not wait for this thread forever.
    integrityDone();
  }

  const perFile = await linesDone;
  output.rest([...refused, ...schemaFileFindings(registry, options.severity)]);
  return {
    findings: output.kept,
    counts: output.counts,
    files: perFile.length + refused.length,
    eventLines: perFile.reduce((sum, result) => sum + result.eventLines, 0),
    bytes: perFile.reduce((sum, result) => sum + result.bytes, 0),
    elapsedMs: performance.now() - started,
  };
}

/** EB022 on each schema file the registry could not use, where the problem is. */
function schemaFileFindings(registry: SchemaRegistry, severity: SeverityOverrides | undefined): Finding[] {
  const findings: Finding[] = [];
  const brokenFiles = new Set(registry.types().flatMap((type) => registry.knownVersions(type).map((v) => registry.brokenSchema(type, v)?.file)));
  for (const problem of registry.problems) {
    if (!brokenFiles.has(problem.file)) continue;
    const base = fileFinding(problem.file, 'EB022', problem.message, severity);
    if (base) findings.push({ ...base, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column });
  }
  return findings;
}

/**
 * Where validateStore's findings go, in store order: a file's line findings
 * wait for the store-wide rules (they are merged with that file's), then go
 * to the stream (or into `kept`); repeated causes are tallied across files
 * when counted per store, and follow at the end.
 */
class FindingsOutput {
  readonly kept: Finding[] = [];
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private integrityByFile: Map<string, Finding[]> | undefined;
  private readonly waiting: { file: string; findings: readonly Finding[]; throughLine: number; last: boolean }[] = [];
  private readonly storeTally: CauseTally | undefined;

  constructor(
    private readonly repeats: RepeatMode,
    private readonly stream: ((findings: readonly Finding[]) => void) | undefined,
  ) {
    this.storeTally = repeats === 'per-store' ? new CauseTally('per-store') : undefined;
  }

  /** Line findings (sorted) of a file's lines up to `throughLine`, when the pool has them. */
  piece(file: string, findings: readonly Finding[], throughLine: number, last: boolean): void {
    if (!this.integrityByFile) this.waiting.push({ file, findings, throughLine, last });
    else this.emitPiece(file, findings, throughLine, last);
  }

  /** The store-wide findings (located): files waiting for them go out now. */
  integrity(findings: readonly Finding[]): void {
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
    for (const list of byFile.values()) sortFindings(list);
    this.integrityByFile = byFile;
    for (const { file, findings: lineFindings, throughLine, last } of this.waiting.splice(0)) this.emitPiece(file, lineFindings, throughLine, last);
  }

  /** What has no file of the pool (refused files), the repeated causes, and store-wide findings of files not checked. */
  rest(extra: readonly Finding[]): void {
    const last: Finding[] = [...extra];
    for (const findings of this.integrityByFile?.values() ?? []) for (const finding of findings) if (!this.storeTally?.add(finding)) last.push(finding);
    this.integrityByFile?.clear();
    if (this.storeTally) for (const summary of this.storeTally.findings()) last.push(summary);
    this.emit(sortFindings(last));
  }

  private emitPiece(file: string, lineFindings: readonly Finding[], throughLine: number, last: boolean): void {
    // The file's store-wide findings on the lines of this piece (they are sorted), all the rest with its last piece.
    const pending = this.integrityByFile?.get(file) ?? [];
    let upTo = 0;
    while (upTo < pending.length && (last || pending[upTo].line <= throughLine)) upTo++;
    const integrity = pending.splice(0, upTo);
    if (pending.length === 0) this.integrityByFile?.delete(file);
    let findings = integrity.length > 0 ? sortFindings([...lineFindings, ...integrity]) : [...lineFindings];
    if (this.repeats === 'per-file') findings = collapseRepeats(findings, 'per-file');
    if (this.storeTally) findings = findings.filter((finding) => !(this.storeTally as CauseTally).add(finding));
    this.emit(findings);
  }

  private emit(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    for (const finding of findings) this.counts[finding.severity] += finding.count ?? 1;
    if (this.stream) this.stream(findings);
    else for (const finding of findings) this.kept.push(finding);
  }
}

/**
 * Located store-wide findings. With repeats counted, only the first places
 * of a repeated cause (a timestamp going back) are read for their ranges;
 * the rest are counted.
 */
async function locateRepeatedIssues(
  engine: StoreEngine,
  issues: readonly IntegrityIssue[],
  severity: SeverityOverrides | undefined,
  repeats: RepeatMode,
): Promise<Finding[]> {
  if (repeats === 'each') return locateIssues(engine, issues, severity);
  const plain: IntegrityIssue[] = [];
  const byCause = new Map<string, IntegrityIssue[]>();
  for (const issue of [...issues].sort((a, b) => a.ordinal - b.ordinal)) {
    const cause = issue.code === 'EB018' ? (repeats === 'per-file' ? `${engine.index.event(issue.ordinal).file}\u0000EB018` : 'EB018') : undefined;
    if (cause === undefined) {
      plain.push(issue);
      continue;
    }
    const list = byCause.get(cause) ?? [];
    list.push(issue);
    byCause.set(cause, list);
  }
  const firsts = [...byCause.values()].flatMap((list) => list.slice(0, FIRST_PLACES));
  const located = await locateIssues(engine, [...plain, ...firsts], severity);
  const tally = new CauseTally(repeats);
  const out: Finding[] = [];
  for (const finding of located) if (!tally.add(finding)) out.push(finding);
  for (const list of byCause.values()) {
    if (list.length <= FIRST_PLACES) continue;
    const first = located.find((finding) => finding.code === list[0].code && finding.file === engine.index.event(list[0].ordinal).file);
    if (first) tally.addCount(first, list.length - FIRST_PLACES);
  }
  return [...out, ...tally.findings()];
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
    const notDay = notADayFile(name);
    if (notDay !== undefined) {
      const finding = fileFinding(`${EVENTS_DIR}/${name}`, 'EB024', notDay, severity);
      if (finding) refused.push(finding);
      continue;
    }
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
