import type { Finding } from '../../engine/validate/finding';
import { countBySeverity } from '../../engine/validate/finding';
import { terminalSafe } from './terminalText';

/** One finding per line, `file:line:col severity CODE message`, the shape editors and terminals link. */
export function formatFindingsText(findings: readonly Finding[]): string {
  return findings.map((f) => `${terminalSafe(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${terminalSafe(oneLine(f.message))}`).join('\n');
}

/** "2 errors, 1 warning, 0 information, 0 hints" */
export function summarizeFindings(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}`;
}

/** A message never breaks the one-finding-per-line shape. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
