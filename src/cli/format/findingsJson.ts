import type { Finding, FindingPlace } from '../../engine/validate/finding';
import { repeatSuffix } from '../../engine/validate/repeatedCauses';
import { type FindingWriter, indentLines, type TextSink } from './findingWriter';
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
  /** A repeated cause reported once: how many events have it, and the first of them. */
  readonly count?: number;
  readonly places?: readonly FindingPlace[];
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
    message: finding.message + repeatSuffix(finding),
    ...(finding.count !== undefined && finding.count > 1 ? { count: finding.count, places: finding.places ?? [] } : {}),
  };
}

/**
 * A JSON array of findings (file relative to the store), written record by
 * record: byte for byte what `JSON.stringify(records, null, 2)` gives.
 */
export function jsonFindingWriter(out: TextSink): FindingWriter {
  let written = 0;
  return {
    write(findings) {
      if (findings.length === 0) return;
      let text = written === 0 ? '[\n' : ',\n';
      findings.forEach((finding, index) => {
        text += `${index > 0 ? ',\n' : ''}${indentLines(jsonTerminalSafe(JSON.stringify(toFindingRecord(finding), null, 2)), '  ')}`;
      });
      written += findings.length;
      out(text);
    },
    end() {
      out(written === 0 ? '[]\n' : '\n]\n');
    },
  };
}

