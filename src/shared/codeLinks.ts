/**
 * Where a finding code is explained: the README's table of codes, one anchor
 * per code (`<a id="eb001">`). Defined once so the server's codeDescription,
 * the extension's hovers and docs all point at the same place.
 */
export const CODE_TABLE_BASE = 'https://github.com/eventbus-debugger/eventbus-debugger';

/** `https://github.com/eventbus-debugger/eventbus-debugger#eb001` for `EB001`. */
export function codeDescriptionHref(code: string): string {
  return `${CODE_TABLE_BASE}#${code.toLowerCase()}`;
}

/** What diagnostics name as their source (the Problems panel's "source" column). */
export const DIAGNOSTIC_SOURCE = 'eventbus';
