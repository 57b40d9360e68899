import type { Finding } from '../../engine/validate/finding';
import { formatFindingsJson } from './findingsJson';
import { formatFindingsJunit } from './findingsJunit';
import { formatFindingsSarif } from './findingsSarif';
import { formatFindingsText } from './findingsText';

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

/** The findings in the `validate --format` asked for. */
export function formatFindings(findings: readonly Finding[], format: FindingFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatFindingsText(findings);
    case 'json':
      return formatFindingsJson(findings);
    case 'sarif':
      return formatFindingsSarif(findings, options);
    case 'junit':
      return formatFindingsJunit(findings, options);
  }
}
