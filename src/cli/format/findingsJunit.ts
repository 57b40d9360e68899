import { type Finding, sortFindings } from '../../engine/validate/finding';
import { repeatSuffix } from '../../engine/validate/repeatedCauses';
import { type FindingWriter, type TextSink, writeToString } from './findingWriter';

export interface JunitOptions {
  /** Every file checked, so that clean files appear as passing suites. */
  readonly files?: readonly string[];
}

/** Most testcases one testsuite element holds before the file goes on in another (so a suite is never held whole). */
const CASES_PER_SUITE = 500;

/**
 * JUnit XML for CI dashboards, written as findings come (in store order): a
 * testsuite per event file, a testcase per event line that has findings.
 * Errors are failures; warnings and lower are written to the testcase's
 * system-out so they show without failing the build. A clean file is one
 * passing testcase. A file with very many failing lines goes on in further
 * testsuites of the same name, and a finding that comes after its file's
 * suite was closed (a repeated cause, reported at the end) opens another:
 * only a few testcases are held at a time. The totals are left off the
 * testsuites element (they are known only at the end; the attributes are
 * optional there).
 */
export function junitFindingWriter(out: TextSink, options: JunitOptions = {}): FindingWriter {
  const cleanFiles = [...(options.files ?? [])].sort();
  let nextClean = 0;
  const seen = new Set<string>();
  let started = false;
  let suiteFile: string | undefined;
  let cases: string[] = [];
  let failures = 0;
  let caseLine = -1;
  let caseFindings: Finding[] = [];

  const start = (): void => {
    if (started) return;
    started = true;
    out('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="eventbus validate">\n');
  };
  const closeCase = (): void => {
    if (suiteFile === undefined || caseFindings.length === 0) return;
    const errors = caseFindings.filter((f) => f.severity === 'error');
    const others = caseFindings.filter((f) => f.severity !== 'error');
    const body: string[] = [];
    if (errors.length > 0) {
      failures++;
      const summary = errors.map((f) => `${f.code} ${f.message}${repeatSuffix(f)}`).join('; ');
      body.push(`      <failure type="${xml(errors[0].code)}" message="${xml(summary)}">${xml(errors.map(describe).join('\n'))}</failure>`);
    }
    if (others.length > 0) body.push(`      <system-out>${xml(others.map(describe).join('\n'))}</system-out>`);
    cases.push(`    <testcase classname="${xml(suiteFile)}" name="${xml(`line ${caseLine}`)}">\n${body.join('\n')}\n    </testcase>`);
    caseFindings = [];
    if (cases.length >= CASES_PER_SUITE) flushSuite();
  };
  const flushSuite = (): void => {
    if (suiteFile === undefined || cases.length === 0) return;
    out(`  <testsuite name="${xml(suiteFile)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>\n`);
    cases = [];
    failures = 0;
  };
  const cleanBefore = (file: string | undefined): void => {
    while (nextClean < cleanFiles.length && (file === undefined || cleanFiles[nextClean] < file)) {
      const clean = cleanFiles[nextClean++];
      if (seen.has(clean)) continue;
      seen.add(clean);
      out(`  <testsuite name="${xml(clean)}" tests="1" failures="0" errors="0">\n    <testcase classname="${xml(clean)}" name="${xml(`${clean} is valid`)}"/>\n  </testsuite>\n`);
    }
  };
  return {
    write(findings) {
      start();
      for (const finding of findings) {
        if (finding.file !== suiteFile) {
          closeCase();
          flushSuite();
          cleanBefore(finding.file);
          suiteFile = finding.file;
          seen.add(finding.file);
          caseLine = -1;
        }
        if (finding.line !== caseLine) {
          closeCase();
          caseLine = finding.line;
        }
        caseFindings.push(finding);
      }
    },
    end() {
      start();
      closeCase();
      flushSuite();
      cleanBefore(undefined);
      out('</testsuites>\n');
    },
  };
}

/** The JUnit XML of findings at hand (sorted by file and line first, as the stream would bring them). */
export function formatFindingsJunit(findings: readonly Finding[], options: JunitOptions = {}): string {
  return writeToString((sink) => junitFindingWriter(sink, options), sortFindings([...findings]));
}

function describe(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}${repeatSuffix(finding)}`;
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
