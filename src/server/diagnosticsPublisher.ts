import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { Finding, SeverityOverrides } from '../engine/validate/finding';
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
   * is the store root the URI belongs to, for counts.
   */
  publish(uri: string, group: string, visit: (emit: (finding: Finding, line0: number) => void) => void, overrides: SeverityOverrides, version?: number): void {
    const diagnostics: Diagnostic[] = [];
    const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
    visit((finding, line0) => {
      const severity = effectiveSeverity(finding, overrides);
      if (severity === null) return;
      const diagnostic = findingToDiagnostic(finding, overrides, line0);
      if (!diagnostic) return;
      diagnostics.push(diagnostic);
      counts[severity]++;
    });
    const key = `${group}\u0000${uri}`;
    // An open document always gets its publish (the client tracks versions); a closed file only when it has or had some.
    if (diagnostics.length === 0 && !this.counts.has(key) && version === undefined) return;
    if (diagnostics.length === 0) this.counts.delete(key);
    else this.counts.set(key, counts);
    void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
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
