import type { Finding } from '../../engine/validate/finding';
import { type FindingWriter, type TextSink, writeToString } from './findingWriter';
import { jsonFindingWriter } from './findingsJson';
import { formatFindingsJunit, junitFindingWriter } from './findingsJunit';
import { sarifFindingWriter } from './findingsSarif';
import { textFindingWriter } from './findingsText';

export const FINDING_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

export function isFindingFormat(text: string): text is FindingFormat {
  return (FINDING_FORMATS as readonly string[]).includes(text);
}

export interface FormatOptions {
  readonly storeRoot?: string;
  readonly toolVersion?: string;
  /** Every file checked (JUnit lists clean files as passing suites). */
  readonly files?: readonly string[];
}

/** A streaming writer for the `validate --format` asked for. */
export function findingWriter(format: FindingFormat, out: TextSink, options: FormatOptions = {}): FindingWriter {
  switch (format) {
    case 'text':
      return textFindingWriter(out);
    case 'json':
      return jsonFindingWriter(out);
    case 'sarif':
      return sarifFindingWriter(out, options);
    case 'junit':
      return junitFindingWriter(out, options);
  }
}

/** The findings in the `validate --format` asked for, as one string (small outputs). */
export function formatFindings(findings: readonly Finding[], format: FindingFormat, options: FormatOptions = {}): string {
  // JUnit groups by file and line, so it sorts first; the others keep the order given.
  if (format === 'junit') return formatFindingsJunit(findings, options);
  return writeToString((sink) => findingWriter(format, sink, options), findings).trimEnd();
}
