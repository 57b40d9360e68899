import type { Finding } from '../../engine/validate/finding';

export interface JunitOptions {
  /** Every file checked, so that clean files appear as passing suites. */
  readonly files?: readonly string[];
}

/**
 * JUnit XML for CI dashboards: a testsuite per event file, a testcase per
 * event line that has findings. Errors are failures; warnings and lower are
 * written to the testcase's system-out so they show without failing the
 * build. A clean file is one passing testcase.
 */
export function formatFindingsJunit(findings: readonly Finding[], options: JunitOptions = {}): string {
  const byFile = new Map<string, Map<number, Finding[]>>();
  for (const file of options.files ?? []) byFile.set(file, new Map());
  for (const finding of findings) {
    let lines = byFile.get(finding.file);
    if (!lines) {
      lines = new Map();
      byFile.set(finding.file, lines);
    }
    const list = lines.get(finding.line) ?? [];
    list.push(finding);
    lines.set(finding.line, list);
  }
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const file of [...byFile.keys()].sort()) {
    const lines = byFile.get(file) as Map<number, Finding[]>;
    const cases: string[] = [];
    let failures = 0;
    if (lines.size === 0) cases.push(`    <testcase classname="${xml(file)}" name="${xml(`${file} is valid`)}"/>`);
    for (const line of [...lines.keys()].sort((a, b) => a - b)) {
      const list = lines.get(line) as Finding[];
      const errors = list.filter((f) => f.severity === 'error');
      const others = list.filter((f) => f.severity !== 'error');
      if (errors.length > 0) failures++;
      const body: string[] = [];
      if (errors.length > 0) {
        const summary = errors.map((f) => `${f.code} ${f.message}`).join('; ');
        const detail = errors.map(describe).join('\n');
        body.push(`      <failure type="${xml(errors[0].code)}" message="${xml(summary)}">${xml(detail)}</failure>`);
      }
      if (others.length > 0) body.push(`      <system-out>${xml(others.map(describe).join('\n'))}</system-out>`);
      cases.push(`    <testcase classname="${xml(file)}" name="${xml(`line ${line}`)}">\n${body.join('\n')}\n    </testcase>`);
    }
    const tests = Math.max(lines.size, 1);
    totalTests += tests;
    totalFailures += failures;
    suites.push(`  <testsuite name="${xml(file)}" tests="${tests}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="eventbus validate" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function describe(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}`;
}

/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot hold
 * at all (control characters, lone surrogates) become visible `\uXXXX`, since
 * event data may contain anything.
 */
export function xml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
