import type { IndexedEvent } from '../model/indexTypes';
import { type FindingCode, severityOf } from './codes';
import type { Finding } from './finding';
import type { SeverityOverrides } from './codes';
import { LineLocator } from '../store/lineLocator';

/**
 * A store-wide finding before it has a range: which event, and which
 * metadata field to point at. Ranges need the line's text, which the
 * index does not hold; `issueToFinding` adds it once the text is read.
 */
export interface IntegrityIssue {
  readonly ordinal: number;
  readonly code: FindingCode;
  readonly message: string;
  readonly field: 'event_id' | 'sequence_number' | 'causation_id' | 'timestamp';
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * The finding for an issue, pointing at the field's value in `lineText`
 * (the whole line when the text is unavailable or the field not found).
 */
export function issueToFinding(
  issue: IntegrityIssue,
  event: Pick<IndexedEvent, 'file' | 'line' | 'length'>,
  lineText: string | undefined,
  overrides?: SeverityOverrides,
): Finding | undefined {
  const severity = severityOf(issue.code, overrides);
  if (severity === null) return undefined;
  let start = 0;
  let end = event.length;
  if (lineText !== undefined) {
    const locator = new LineLocator(lineText);
    const range = locator.valueRange(['metadata', issue.field]) ?? locator.wholeLine();
    start = range.start;
    end = range.end;
  }
  return {
    file: event.file,
    line: event.line,
    column: start + 1,
    endLine: event.line,
    endColumn: end + 1,
    severity,
    code: issue.code,
    message: issue.message,
    ...(issue.data !== undefined ? { data: issue.data } : {}),
  };
}
