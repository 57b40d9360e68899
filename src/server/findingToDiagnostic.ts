import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { severityOf } from '../engine/validate/codes';
import type { Finding } from '../engine/validate/finding';
import type { Severity } from '../engine/validate/severity';
import type { SeverityOverrides } from '../engine/validate/codes';
import { repeatSuffix } from '../engine/validate/repeatedCauses';
import { codeDescriptionHref, DIAGNOSTIC_SOURCE } from '../shared/codeLinks';

export const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The engine runs without overrides (so one validation serves any setting)
 * and findings carry their code's default severity; the user's per-code
 * setting is applied here. Null when the code is turned off.
 */
export function effectiveSeverity(finding: Finding, overrides: SeverityOverrides): Severity | null {
  return overrides[finding.code] === undefined ? finding.severity : severityOf(finding.code, overrides);
}

/**
 * An LSP diagnostic for a finding. Findings are 1-based with an exclusive
 * end column in UTF-16 units, exactly LSP's unit, so only the base shifts.
 * `line0` places the finding on another line (0-based) than it was found on:
 * an open document's lines move as the user edits above them.
 */
export function findingToDiagnostic(
  finding: Finding,
  overrides: SeverityOverrides,
  line0 = finding.line - 1,
  /** Where a store-relative file is: a repeated cause's first places become related information. */
  uriOf?: (file: string) => string,
): Diagnostic | null {
  const severity = effectiveSeverity(finding, overrides);
  if (severity === null) return null;
  const endLine0 = line0 + (finding.endLine - finding.line);
  const diagnostic: Diagnostic = {
    range: {
      start: { line: line0, character: Math.max(0, finding.column - 1) },
      end: { line: endLine0, character: Math.max(0, finding.endColumn - 1) },
    },
    severity: LSP_SEVERITY[severity],
    code: finding.code,
    codeDescription: { href: codeDescriptionHref(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message + repeatSuffix(finding),
  };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  if (uriOf && (finding.count ?? 1) > 1 && finding.places) {
    diagnostic.relatedInformation = finding.places.map((place, i) => ({
      location: { uri: uriOf(place.file), range: { start: { line: place.line - 1, character: Math.max(0, place.column - 1) }, end: { line: place.line - 1, character: Math.max(0, place.column - 1) } } },
      message: i === 0 ? 'first event with this cause' : `event ${i + 1} with this cause`,
    }));
  }
  return diagnostic;
}
