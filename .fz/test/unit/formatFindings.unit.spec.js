"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const formatFindings_1 = require("../../src/cli/format/formatFindings");
const findingsJunit_1 = require("../../src/cli/format/findingsJunit");
const findingsText_1 = require("../../src/cli/format/findingsText");
const codes_1 = require("../../src/engine/validate/codes");
const findings = [
    {
        file: 'events/events_2024-01-15.jsonl',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 20,
        severity: 'error',
        code: 'EB009',
        message: 'data.side must be one of "buy", "sell" <&> \'x\'',
        data: { keyword: 'enum' },
    },
    {
        file: 'events/events_2024-01-15.jsonl',
        line: 3,
        column: 40,
        endLine: 3,
        endColumn: 46,
        severity: 'warning',
        code: 'EB020',
        message: 'unknown status "done"\nsecond line',
    },
    {
        file: 'events/events 2024-01-16.jsonl.gz',
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 1,
        severity: 'information',
        code: 'EB012',
        message: 'older \u0001 version',
    },
    { file: 'events/events_2024-01-17.jsonl', line: 1, column: 5, endLine: 1, endColumn: 9, severity: 'hint', code: 'EB011', message: 'typo?' },
];
(0, node_test_1.describe)('text format', () => {
    (0, node_test_1.it)('prints file:line:col severity CODE message, one finding per line', () => {
        node_assert_1.strict.equal((0, formatFindings_1.formatFindings)(findings, 'text'), [
            'events/events_2024-01-15.jsonl:3:12 error EB009 data.side must be one of "buy", "sell" <&> \'x\'',
            'events/events_2024-01-15.jsonl:3:40 warning EB020 unknown status "done" second line',
            'events/events 2024-01-16.jsonl.gz:9:1 information EB012 older \\x01 version', // a control character from the store, escaped for the terminal
            'events/events_2024-01-17.jsonl:1:5 hint EB011 typo?',
        ].join('\n'));
        node_assert_1.strict.equal((0, findingsText_1.summarizeFindings)(findings), '1 error, 1 warning, 1 information, 1 hint');
        node_assert_1.strict.ok((0, formatFindings_1.isFindingFormat)('sarif') && !(0, formatFindings_1.isFindingFormat)('xml'));
    });
});
(0, node_test_1.describe)('json format', () => {
    (0, node_test_1.it)('is an array of records with the fixed keys', () => {
        const parsed = JSON.parse((0, formatFindings_1.formatFindings)(findings, 'json'));
        node_assert_1.strict.equal(parsed.length, 4);
        node_assert_1.strict.deepEqual(parsed[0], {
            file: 'events/events_2024-01-15.jsonl',
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 20,
            severity: 'error',
            code: 'EB009',
            message: 'data.side must be one of "buy", "sell" <&> \'x\'',
        });
        node_assert_1.strict.deepEqual(JSON.parse((0, formatFindings_1.formatFindings)([], 'json')), []);
    });
});
(0, node_test_1.describe)('sarif format', () => {
    (0, node_test_1.it)('is a SARIF 2.1.0 log with rules from the codes table and located results', () => {
        const log = JSON.parse((0, formatFindings_1.formatFindings)(findings, 'sarif', { storeRoot: '/work/my store/event_store', toolVersion: '0.1.0' }));
        node_assert_1.strict.equal(log.version, '2.1.0');
        node_assert_1.strict.match(log.$schema, /sarif-2\.1\.0/);
        node_assert_1.strict.equal(log.runs.length, 1);
        const run = log.runs[0];
        node_assert_1.strict.equal(run.tool.driver.name, 'eventbus');
        node_assert_1.strict.equal(run.tool.driver.version, '0.1.0');
        node_assert_1.strict.deepEqual(run.tool.driver.rules.map((r) => r.id), codes_1.ALL_CODES);
        const eb017 = run.tool.driver.rules[16];
        node_assert_1.strict.deepEqual(eb017, {
            id: 'EB017',
            name: codes_1.CODES.EB017.name,
            shortDescription: { text: codes_1.CODES.EB017.title },
            fullDescription: { text: codes_1.CODES.EB017.description },
            defaultConfiguration: { level: 'warning' },
        });
        node_assert_1.strict.deepEqual(run.originalUriBaseIds, { STORE: { uri: 'file:///work/my%20store/event_store/' } });
        node_assert_1.strict.deepEqual(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex]), [
            ['EB009', 'error', 8],
            ['EB020', 'warning', 19],
            ['EB012', 'note', 11],
            ['EB011', 'note', 10],
        ]);
        node_assert_1.strict.deepEqual(run.results[0].locations[0].physicalLocation, {
            artifactLocation: { uri: 'events/events_2024-01-15.jsonl', uriBaseId: 'STORE' },
            region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 20 },
        });
        node_assert_1.strict.equal(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'events/events%202024-01-16.jsonl.gz');
        node_assert_1.strict.equal(run.results[0].message.text, findings[0].message);
    });
});
(0, node_test_1.describe)('junit format', () => {
    const out = (0, formatFindings_1.formatFindings)(findings, 'junit', { files: ['events/events_2024-01-14.jsonl', 'events/events_2024-01-15.jsonl'] });
    (0, node_test_1.it)('has a testsuite per file and a testcase per line with findings; errors fail', () => {
        // Written as findings come, so the totals (known only at the end) are left off the root; each suite has its own.
        node_assert_1.strict.match(out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="eventbus validate">/);
        const suites = [...out.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], m[2], m[3]]);
        node_assert_1.strict.deepEqual(suites, [
            ['events/events 2024-01-16.jsonl.gz', '1', '0'],
            ['events/events_2024-01-14.jsonl', '1', '0'],
            ['events/events_2024-01-15.jsonl', '1', '1'],
            ['events/events_2024-01-17.jsonl', '1', '0'],
        ]);
        node_assert_1.strict.match(out, /<testcase classname="events\/events_2024-01-14.jsonl" name="events\/events_2024-01-14.jsonl is valid"\/>/);
        node_assert_1.strict.equal((out.match(/<failure /g) ?? []).length, 1);
        node_assert_1.strict.match(out, /<testcase classname="events\/events_2024-01-15.jsonl" name="line 3">\n {6}<failure type="EB009"/);
    });
    (0, node_test_1.it)('escapes everything XML needs escaped, including characters XML cannot hold', () => {
        node_assert_1.strict.ok(!/<&>/.test(out), 'raw <&> must not appear');
        node_assert_1.strict.match(out, /message="EB009 data.side must be one of &quot;buy&quot;, &quot;sell&quot; &lt;&amp;&gt; &apos;x&apos;"/);
        node_assert_1.strict.match(out, /unknown status &quot;done&quot;&#10;second line/);
        node_assert_1.strict.match(out, /older \\u0001 version/);
        node_assert_1.strict.equal((0, findingsJunit_1.xml)('a\uD800b\uD83D\uDE80'), 'a\\ud800b\uD83D\uDE80', 'lone surrogates are spelled out, pairs kept');
        // Every element opened is closed: a cheap well-formedness check.
        const opened = (out.match(/<(testsuites|testsuite|testcase|failure|system-out)[ >]/g) ?? []).length;
        const closed = (out.match(/<\/(testsuites|testsuite|testcase|failure|system-out)>|\/>/g) ?? []).length;
        node_assert_1.strict.equal(opened, closed);
    });
});
//# sourceMappingURL=formatFindings.unit.spec.js.map