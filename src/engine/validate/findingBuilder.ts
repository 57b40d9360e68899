import { type FindingCode, severityOf } from './codes';
import type { Finding } from './finding';
import type { SeverityOverrides } from './codes';
import { LineLocator, type TextRange } from '../store/lineLocator';

/**
 * Collects the findings of one line: resolves severities (dropping codes
 * turned off) and turns text ranges into 1-based line/column positions. The
 * locator is created on the first finding that needs a range.
 */
export class LineFindings {
  readonly findings: Finding[] = [];
  private lineLocator: LineLocator | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly line: number,
    private readonly overrides: SeverityOverrides | undefined,
  ) {}

  get locator(): LineLocator {
    this.lineLocator ??= new LineLocator(this.text);
    return this.lineLocator;
  }

  /** True when the code would be reported: skip work for codes that are off. */
  wants(code: FindingCode): boolean {
    return severityOf(code, this.overrides) !== null;
  }

  /** Adds a finding; a missing range (token not found) falls back to the whole line. */
  add(code: FindingCode, range: TextRange | undefined, message: string, data?: Readonly<Record<string, unknown>>): void {
    const severity = severityOf(code, this.overrides);
    if (severity === null) return;
    const where = range ?? this.locator.wholeLine();
    this.findings.push({
      file: this.file,
      line: this.line,
      column: where.start + 1,
      endLine: this.line,
      endColumn: where.end + 1,
      severity,
      code,
      message,
      ...(data !== undefined ? { data } : {}),
    });
  }
}

/** A finding that has no text to point into (an unreadable file): line 1, column 1, zero width. */
export function fileFinding(
  file: string,
  code: FindingCode,
  message: string,
  overrides: SeverityOverrides | undefined,
): Finding | undefined {
  const severity = severityOf(code, overrides);
  if (severity === null) return undefined;
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, code, message };
}
