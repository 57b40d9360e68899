import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { type Finding } from '../engine/validate/finding';
import { type Severity, SEVERITIES } from '../engine/validate/severity';
import { type SeverityOverrides } from '../engine/validate/codes';
import { DIAGNOSTIC_SOURCE } from '../shared/codeLinks';
import { DEFAULT_MAX_PROBLEMS_PER_FILE } from '../shared/settings';
import { LSP_SEVERITY } from './findingToDiagnostic';
import type { ProblemCounts } from '../shared/protocol';
import { effectiveSeverity, findingToDiagnostic } from './findingToDiagnostic';

/** Counts of what was last published under one URI, by severity. */
type Counts = { error: number; warning: number; information: number; hint: number };

/**
 * Sends `textDocument/publishDiagnostics` and remembers, per URI, what it
 * sent: so a URI that had diagnostics gets an empty list when they are gone,
 * one that never had any is not sent empties, and a store's problem counts
 * (status bar, storeChanged) are a sum over its URIs.
 */
export class DiagnosticsPublisher {
  private readonly counts = new Map<string, Counts>();

  constructor(private readonly connection: Connection) {}

  /**
   * Publishes findings (each with the 0-based line it is on now). `group`
   * is the store root the URI belongs to, for counts. At most
   * `limits.maxPerFile` diagnostics go out, the most severe first: the rest
   * are summed up by code in one diagnostic at the top of the file.
   */
  publish(
    uri: string,
    group: string,
    visit: (emit: (finding: Finding, line0: number) => void) => void,
    overrides: SeverityOverrides,
    version?: number,
    limits: PublishLimits = {},
  ): readonly Diagnostic[] {
    const max = Math.max(1, limits.maxPerFile ?? DEFAULT_MAX_PROBLEMS_PER_FILE);
    // Kept per severity, each list at most `max` long: memory follows the cap, not the file.
    const kept: Record<Severity, Diagnostic[]> = { error: [], warning: [], information: [], hint: [] };
    const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const byCode = new Map<string, number>();
    let total = 0;
    visit((finding, line0) => {
      const severity = effectiveSeverity(finding, overrides);
      if (severity === null) return;
      counts[severity]++;
      total++;
      byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
      if (kept[severity].length >= max) return;
      const diagnostic = findingToDiagnostic(finding, overrides, line0, limits.uriOf);
      if (diagnostic) kept[severity].push(diagnostic);
    });
    const diagnostics = capDiagnostics(kept, counts, total, max, byCode);
    const key = `${group}\u0000${uri}`;
    // An open document always gets its publish (the client tracks versions); a closed file only when it has or had some.
    if (diagnostics.length === 0 && !this.counts.has(key) && version === undefined) return diagnostics;
    if (diagnostics.length === 0) this.counts.delete(key);
    else this.counts.set(key, counts);
    void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    return diagnostics;
  }

  /**
   * Sends an open document's last published diagnostics again under its new
   * version: its edits changed no finding (typing in a clean line), so the
   * walk over every line's findings is skipped. Counts stay as they were.
   */
  republish(uri: string, diagnostics: readonly Diagnostic[], version: number): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [...diagnostics], version });
  }

  /** Clears one URI (a closed document outside any store, a removed file). */
  clear(uri: string, group: string): void {
    const key = `${group}\u0000${uri}`;
    if (!this.counts.has(key)) return;
    this.counts.delete(key);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Clears every URI of a group (a store closed or reopened). */
  clearGroup(group: string): void {
    for (const key of [...this.counts.keys()]) {
      const [owner, uri] = key.split('\u0000');
      if (owner === group) this.clear(uri, group);
    }
  }

  /** URIs of the group that currently have diagnostics. */
  urisOf(group: string): string[] {
    const uris: string[] = [];
    for (const key of this.counts.keys()) {
      const [owner, uri] = key.split('\u0000');
      if (owner === group) uris.push(uri);
    }
    return uris;
  }

  countsOf(group: string): ProblemCounts {
    const total: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const [key, counts] of this.counts) {
      if (!key.startsWith(`${group}\u0000`)) continue;
      total.error += counts.error;
      total.warning += counts.warning;
      total.information += counts.information;
      total.hint += counts.hint;
    }
    return total;
  }
}

export interface PublishLimits {
  /** `eventbus.maxProblemsPerFile`. */
  readonly maxPerFile?: number;
  /** The URI of a store-relative file: a repeated cause's other places become related information. */
  readonly uriOf?: (file: string) => string;
}

/** Marks the diagnostic that stands for the problems left out (`data.hiddenProblems` is how many). */
export const HIDDEN_PROBLEMS_KEY = 'hiddenProblems';

/**
 * The diagnostics to send: all of them when they fit, else the `max - 1`
 * most severe (in line order) and one diagnostic on the file's first line
 * that counts the rest by code and says how to see them.
 */
function capDiagnostics(kept: Record<Severity, Diagnostic[]>, counts: Counts, total: number, max: number, byCode: ReadonlyMap<string, number>): Diagnostic[] {
  const all = SEVERITIES.flatMap((severity) => kept[severity]);
  if (total <= max) return all;
  const shown = all.slice(0, max - 1);
  const shownByCode = new Map<string, number>();
  for (const d of shown) shownByCode.set(String(d.code), (shownByCode.get(String(d.code)) ?? 0) + 1);
  const hidden = total - shown.length;
  const parts = [...byCode]
    .map(([code, count]) => [code, count - (shownByCode.get(code) ?? 0)] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, count]) => `${count.toLocaleString('en')} ${code}`);
  const shownBySeverity = new Map<number, number>();
  for (const d of shown) shownBySeverity.set(d.severity ?? 0, (shownBySeverity.get(d.severity ?? 0) ?? 0) + 1);
  // The summary is as severe as the worst problem it hides.
  const worst = SEVERITIES.find((severity) => counts[severity] > (shownBySeverity.get(LSP_SEVERITY[severity]) ?? 0)) ?? 'hint';
  shown.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  shown.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: LSP_SEVERITY[worst],
    source: DIAGNOSTIC_SOURCE,
    message:
      `${hidden.toLocaleString('en')} more problems in this file are not listed here (${parts.join(', ')}): ` +
      `eventbus.maxProblemsPerFile shows ${max}. Run "Event Bus: Validate Store", or \`eventbus validate --all\` in a terminal, to see every one.`,
    data: { [HIDDEN_PROBLEMS_KEY]: hidden },
  });
  return shown;
}
