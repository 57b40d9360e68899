"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.junitFindingWriter = junitFindingWriter;
exports.formatFindingsJunit = formatFindingsJunit;
exports.xml = xml;
const finding_1 = require("../../engine/validate/finding");
const repeatedCauses_1 = require("../../engine/validate/repeatedCauses");
const findingWriter_1 = require("./findingWriter");
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
function junitFindingWriter(out, options = {}) {
    const cleanFiles = [...(options.files ?? [])].sort();
    let nextClean = 0;
    const seen = new Set();
    let started = false;
    let suiteFile;
    let cases = [];
    let failures = 0;
    let caseLine = -1;
    let caseFindings = [];
    const start = () => {
        if (started)
            return;
        started = true;
        out('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="eventbus validate">\n');
    };
    const closeCase = () => {
        if (suiteFile === undefined || caseFindings.length === 0)
            return;
        const errors = caseFindings.filter((f) => f.severity === 'error');
        const others = caseFindings.filter((f) => f.severity !== 'error');
        const body = [];
        if (errors.length > 0) {
            failures++;
            const summary = errors.map((f) => `${f.code} ${f.message}${(0, repeatedCauses_1.repeatSuffix)(f)}`).join('; ');
            body.push(`      <failure type="${xml(errors[0].code)}" message="${xml(summary)}">${xml(errors.map(describe).join('\n'))}</failure>`);
        }
        if (others.length > 0)
            body.push(`      <system-out>${xml(others.map(describe).join('\n'))}</system-out>`);
        cases.push(`    <testcase classname="${xml(suiteFile)}" name="${xml(`line ${caseLine}`)}">\n${body.join('\n')}\n    </testcase>`);
        caseFindings = [];
        if (cases.length >= CASES_PER_SUITE)
            flushSuite();
    };
    const flushSuite = () => {
        if (suiteFile === undefined || cases.length === 0)
            return;
        out(`  <testsuite name="${xml(suiteFile)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>\n`);
        cases = [];
        failures = 0;
    };
    const cleanBefore = (file) => {
        while (nextClean < cleanFiles.length && (file === undefined || cleanFiles[nextClean] < file)) {
            const clean = cleanFiles[nextClean++];
            if (seen.has(clean))
                continue;
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
function formatFindingsJunit(findings, options = {}) {
    return (0, findingWriter_1.writeToString)((sink) => junitFindingWriter(sink, options), (0, finding_1.sortFindings)([...findings]));
}
function describe(finding) {
    return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}${(0, repeatedCauses_1.repeatSuffix)(finding)}`;
}
/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot hold
 * at all (control characters, lone surrogates) become visible `\uXXXX`, since
 * event data may contain anything.
 */
function xml(text) {
    return text
        .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch])
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
//# sourceMappingURL=findingsJunit.js.map