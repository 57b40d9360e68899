/** How bad a finding is; the words LSP, SARIF and the CLI's text all map from. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Most severe first: the order reports and exit codes care about. */
export const SEVERITIES: readonly Severity[] = Object.freeze(['error', 'warning', 'information', 'hint']);
