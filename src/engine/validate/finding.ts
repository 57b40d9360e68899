import type { FindingCode } from './codes';
import type { Severity } from './severity';

/**
 * One problem found in a store. Positions are 1-based; columns count UTF-16
 * code units of the decoded line (what editors and LSP count), and the end is
 * exclusive: `endColumn` is the column just after the last character, as in
 * SARIF regions and LSP ranges. A zero-width range (`endColumn === column`)
 * marks a point, e.g. "unexpected end of line".
 */
export interface Finding {
  /** Relative to the store root with `/` separators: `events/events_2024-01-15.jsonl`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly message: string;
  /** Facts a code action or a view may use (the duplicate's location, the missing range...). */
  readonly data?: Readonly<Record<string, unknown>>;
  /**
   * How many events this finding stands for: a cause that repeats per event
   * (an unknown type, an older schema version...) is reported once, at its
   * first place. Absent means one.
   */
  readonly count?: number;
  /** With `count`: the first places of the cause, this finding's own first (at most FIRST_PLACES of them). */
  readonly places?: readonly FindingPlace[];
  /** With `count`: the last places of the cause (so a pass over appended lines can tell which it counted already). */
  readonly lastPlaces?: readonly FindingPlace[];
}

/** Where one occurrence of a repeated cause is. */
export interface FindingPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Store order for reports: file, then line, then column, then code. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += finding.count ?? 1;
  return counts;
}
