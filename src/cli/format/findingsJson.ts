import type { Finding } from '../../engine/validate/finding';
import { jsonTerminalSafe } from './terminalText';

/** The `validate --format json` record: what scripts rely on, so the keys are fixed. */
export interface FindingRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Finding['severity'];
  readonly code: Finding['code'];
  readonly message: string;
}

export function toFindingRecord(finding: Finding): FindingRecord {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}

/** A JSON array of findings (file relative to the store). */
export function formatFindingsJson(findings: readonly Finding[]): string {
  return jsonTerminalSafe(JSON.stringify(findings.map(toFindingRecord), null, 2));
}
