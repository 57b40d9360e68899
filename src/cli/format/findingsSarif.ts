import { ALL_CODES, CODES } from '../../engine/validate/codes';
import type { Finding, Severity } from '../../engine/validate/finding';

export interface SarifOptions {
  /** Absolute path of the store: lets viewers resolve the relative `uri`s (as the STORE base). */
  readonly storeRoot?: string;
  readonly toolVersion?: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const STORE_BASE = 'STORE';

/** SARIF has no "hint"; both information and hint are notes. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A SARIF 2.1.0 log: one run, the rules from the codes table, one result per finding. */
export function buildSarif(findings: readonly Finding[], options: SarifOptions = {}): Record<string, unknown> {
  const ruleIndex = new Map(ALL_CODES.map((code, index) => [code, index]));
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'eventbus',
        ...(options.toolVersion ? { version: options.toolVersion } : {}),
        rules: ALL_CODES.map((code) => ({
          id: code,
          name: CODES[code].name,
          shortDescription: { text: CODES[code].title },
          fullDescription: { text: CODES[code].description },
          defaultConfiguration: { level: sarifLevel(CODES[code].severity) },
        })),
      },
    },
    ...(options.storeRoot ? { originalUriBaseIds: { [STORE_BASE]: { uri: directoryUri(options.storeRoot) } } } : {}),
    results: findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: ruleIndex.get(finding.code),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeRelative(finding.file), uriBaseId: STORE_BASE },
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: Math.max(finding.endColumn, finding.column),
            },
          },
        },
      ],
    })),
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatFindingsSarif(findings: readonly Finding[], options: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(findings, options), null, 2);
}

function encodeRelative(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** file:///abs/path/ with a trailing slash, as SARIF requires of a base URI. */
function directoryUri(absolute: string): string {
  const slashed = absolute.replace(/\\/g, '/');
  const withRoot = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return `file://${withRoot.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}${withRoot.endsWith('/') ? '' : '/'}`;
}
