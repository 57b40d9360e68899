import * as path from 'node:path';
import type { EventBusConfig } from '../engine/config/busConfig';
import type { FindingCode } from '../engine/validate/codes';
import type { SchemaRegistry } from '../engine/schema/schemaRegistry';
import type { StoreEngine } from '../engine/storeEngineTypes';
import type { Finding } from '../engine/validate/finding';
import { checkIntegrityInSlices } from '../engine/validate/integrityRules';
import type { IntegrityIssue } from '../engine/validate/integrityIssue';
import { validateFile } from '../engine/validate/validateFile';
import { locateEachIssue, validateStore } from '../engine/validate/validateStore';
import { collapseRepeats, findingsBefore } from '../engine/validate/repeatedCauses';
import { vocabularyOf } from '../engine/validate/vocabulary';

/**
 * Findings the text of one line cannot show: the store-wide rules (they need
 * every other event) and an unreadable file. An open document gets these
 * from the store pass; everything else it computes from its own text.
 */
const STORE_WIDE: ReadonlySet<FindingCode> = new Set<FindingCode>(['EB013', 'EB014', 'EB015', 'EB016', 'EB017', 'EB018', 'EB021']);

export function isStoreWideFinding(finding: Finding): boolean {
  return STORE_WIDE.has(finding.code);
}

/** A store's findings per store-relative file, split the way documents and the watcher need them. */
export interface StoreFindings {
  /** Per-line rules (and EB021), by file. */
  readonly lineFindings: Map<string, Finding[]>;
  /** Store-wide rules, by file; recomputed whole on every pass. */
  readonly integrityFindings: Map<string, Finding[]>;
  /**
   * The last pass's store-wide findings by issue, for the index's ordinals
   * version they were located in: while only appends follow, an issue found
   * again is the same finding, and its file need not be read again.
   */
  readonly located?: { readonly ordinalsVersion: number; readonly byIssue: ReadonlyMap<string, Finding | null> };
}

function issueKey(issue: IntegrityIssue): string {
  return `${issue.code}|${issue.ordinal}|${issue.field}|${issue.message}`;
}

export interface PassSettings {
  readonly registry: SchemaRegistry;
  readonly config: EventBusConfig;
  readonly threads?: number;
}

/**
 * The first pass over a store: exactly `eventbus validate` (validateStore,
 * without severity overrides: the server applies the user's per code when it
 * publishes, so one pass serves every setting).
 */
export async function fullStorePass(engine: StoreEngine, settings: PassSettings, onProgress?: (done: number, total: number) => void): Promise<StoreFindings> {
  // Repeated causes once per file: the Problems panel is per file, and a million events of one unknown type are one finding.
  const report = await validateStore(engine, { config: settings.config, registry: settings.registry, threads: settings.threads, linesOnThisThread: false, repeats: 'per-file', onProgress });
  const lineFindings = new Map<string, Finding[]>();
  const integrityFindings = new Map<string, Finding[]>();
  for (const file of engine.index.files) lineFindings.set(file.file, []);
  for (const finding of report.findings) {
    const target = isStoreWideFinding(finding) && finding.code !== 'EB021' ? integrityFindings : lineFindings;
    const list = target.get(finding.file) ?? [];
    list.push(finding);
    target.set(finding.file, list);
  }
  return { lineFindings, integrityFindings };
}

/**
 * After the watcher refreshed the index: the per-line rules again over the
 * files that changed only, the store-wide rules over the whole index (cheap:
 * index columns only). The result equals a full pass over the store as it
 * now is.
 */
export async function incrementalStorePass(
  engine: StoreEngine,
  settings: PassSettings,
  previous: StoreFindings,
  changedFiles: readonly string[],
  /** Files only appended to, with the first line that may differ: earlier lines keep their findings. */
  appendedFrom: ReadonlyMap<string, number> = new Map(),
): Promise<StoreFindings> {
  const lineFindings = new Map<string, Finding[]>();
  const present = new Set(engine.index.files.map((f) => f.file));
  // A schema file's findings (EB022) change only when the schemas reload, which validates the whole store again.
  for (const [file, findings] of previous.lineFindings) if (present.has(file) || isSchemaFileFindings(findings)) lineFindings.set(file, findings);
  for (const file of changedFiles) {
    if (!present.has(file)) continue;
    const absPath = path.join(engine.root, ...file.split('/'));
    const ruleSettings = { registry: settings.registry, maxRetryCount: settings.config.max_retry_count, maxNestingDepth: settings.config.max_nesting_depth, repeats: 'per-file' as const, ...vocabularyOf(settings.config) };
    const appendedAt = appendedFrom.get(file) ?? 1;
    // Findings above the append are kept; a repeated cause is recounted without the lines checked again.
    const before = appendedAt > 1 ? findingsBefore(previous.lineFindings.get(file) ?? [], appendedAt) : [];
    const fromLine = before === undefined ? 1 : appendedAt;
    const kept = before ?? [];
    const result = await validateFile(absPath, file, ruleSettings, undefined, fromLine);
    lineFindings.set(file, kept.length > 0 ? collapseRepeats([...kept, ...result.findings], 'per-file') : result.findings);
  }
  // Checked in slices, so requests are answered meanwhile; files rewritten during the check mean checking again.
  let issues: IntegrityIssue[];
  let version: number;
  do {
    version = engine.index.ordinalsVersion;
    issues = await checkIntegrityInSlices(engine.index, {
      eventTtlDays: settings.config.event_ttl_days,
      timeOrderToleranceMs: settings.config.time_order_tolerance_ms,
    });
  } while (engine.index.ordinalsVersion !== version);
  const reusable = previous.located?.ordinalsVersion === version ? previous.located.byIssue : new Map<string, Finding | null>();
  const byIssue = new Map<string, Finding | null>();
  const fresh = issues.filter((issue) => {
    const key = issueKey(issue);
    if (!reusable.has(key)) return true;
    byIssue.set(key, reusable.get(key) ?? null);
    return false;
  });
  // Only new issues are located: each needs its file read for the field's range.
  const located = await locateEachIssue(engine, fresh, undefined);
  fresh.forEach((issue, i) => byIssue.set(issueKey(issue), located[i] ?? null));
  const integrityFindings = new Map<string, Finding[]>();
  for (const finding of byIssue.values()) {
    if (!finding) continue;
    const list = integrityFindings.get(finding.file) ?? [];
    list.push(finding);
    integrityFindings.set(finding.file, list);
  }
  for (const [file, list] of integrityFindings) integrityFindings.set(file, collapseRepeats(list, 'per-file'));
  return { lineFindings, integrityFindings, located: { ordinalsVersion: version, byIssue } };
}

function isSchemaFileFindings(findings: readonly Finding[]): boolean {
  return findings.length > 0 && findings.every((finding) => finding.code === 'EB022');
}

/** Every finding of one file, in line order. */
export function findingsOfFile(findings: StoreFindings, file: string): Finding[] {
  const all = [...(findings.lineFindings.get(file) ?? []), ...(findings.integrityFindings.get(file) ?? [])];
  return all.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every file that has or had findings. */
export function filesOf(findings: StoreFindings): Set<string> {
  return new Set([...findings.lineFindings.keys(), ...findings.integrityFindings.keys()]);
}

