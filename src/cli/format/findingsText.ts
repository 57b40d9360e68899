import type { Finding } from '../../engine/validate/finding';
import type { Severity } from '../../engine/validate/severity';
import { countBySeverity } from '../../engine/validate/finding';
import { repeatSuffix } from '../../engine/validate/repeatedCauses';
import type { FindingWriter, TextSink } from './findingWriter';
import { terminalSafe } from './terminalText';

/** One finding per line, `file:line:col severity CODE message`, the shape editors and terminals link. */
export function formatFindingText(f: Finding): string {
  return `${terminalSafe(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${terminalSafe(oneLine(f.message))}${repeatSuffix(f)}`;
}

export function textFindingWriter(out: TextSink): FindingWriter {
  return {
    write(findings) {
      if (findings.length > 0) out(`${findings.map(formatFindingText).join('\n')}\n`);
    },
    end() {
      // Nothing to close: a line per finding.
    },
  };
}

/** "2 errors, 1 warning, 0 information, 0 hints" */
export function summarizeFindings(findings: readonly Finding[]): string {
  return summarizeCounts(countBySeverity(findings));
}

export function summarizeCounts(counts: Readonly<Record<Severity, number>>): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}`;
}

/** A message never breaks the one-finding-per-line shape. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
