// Diagnostics and CLI findings reduced to comparable keys, so the editor's
// view of a file can be checked against `eventbus validate` exactly.
import * as vscode from 'vscode';
import type { CliFinding } from './fixture';

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, CliFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** `EB012 5:251-5:256 information`: code, 1-based line:column range (exclusive end), severity. */
export function findingKey(f: CliFinding): string {
  return `${f.code} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity}`;
}

export function diagnosticCode(d: vscode.Diagnostic): string {
  if (d.code === undefined) return '(no code)';
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function diagnosticKey(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${diagnosticCode(d)} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY_NAMES[d.severity]}`;
}

/** Keys in `expected` not in `actual` and the other way round (as multisets). */
export function compareKeys(actual: string[], expected: string[]): { missing: string[]; unexpected: string[] } {
  const left = new Map<string, number>();
  for (const key of actual) left.set(key, (left.get(key) ?? 0) + 1);
  const missing: string[] = [];
  for (const key of expected) {
    const n = left.get(key) ?? 0;
    if (n === 0) missing.push(key);
    else left.set(key, n - 1);
  }
  const unexpected = [...left].flatMap(([key, n]) => Array<string>(n).fill(key));
  return { missing, unexpected };
}

/**
 * Waits until the diagnostics VS Code holds for `uri` match `expected`
 * exactly, since a server may publish in stages (line checks first, then
 * store-wide ones). Returns the last comparison: both lists empty on success.
 */
export async function waitForDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs: number): Promise<{ missing: string[]; unexpected: string[]; diagnostics: vscode.Diagnostic[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const comparison = compareKeys(diagnostics.map(diagnosticKey), expected);
    if ((comparison.missing.length === 0 && comparison.unexpected.length === 0) || Date.now() > deadline) return { ...comparison, diagnostics };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
