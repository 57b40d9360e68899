"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const codes_1 = require("../../src/engine/validate/codes");
const sax = __importStar(require("sax"));
const formatFindings_1 = require("../../src/cli/format/formatFindings");
const repeatedCauses_1 = require("../../src/engine/validate/repeatedCauses");
/** A finding of line `line` of file `file`; every 7th is an error, messages carry what JSON and XML must escape. */
function finding(line, file = 'events/events_2024-01-15.jsonl', code = 'EB009') {
    return {
        file,
        line,
        column: 3,
        endLine: line,
        endColumn: 9,
        severity: line % 7 === 0 ? 'error' : 'warning',
        code,
        message: `data.side <&> "quoted" 'x' \u0001 line ${line}\nsecond`,
    };
}
/** Writes the findings in batches of `batch` through the streaming writer; returns the text. */
function stream(format, findings, batch = 1000) {
    const parts = [];
    const writer = (0, formatFindings_1.findingWriter)(format, (text) => parts.push(text), { storeRoot: '/tmp/store', files: ['events/events_2024-01-14.jsonl'] });
    for (let at = 0; at < findings.length; at += batch)
        writer.write(findings.slice(at, at + batch));
    writer.end();
    return parts.join('');
}
/** Parses XML strictly (throws on anything not well-formed); counts elements by name. */
function parseXml(text) {
    const counts = new Map();
    const parser = sax.parser(true);
    parser.onerror = (error) => {
        throw error;
    };
    parser.onopentag = (tag) => counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
    parser.write(text).close();
    return counts;
}
const sizes = [0, 1, 2_345];
(0, node_test_1.describe)('streaming writers give valid documents at any size', () => {
    for (const size of sizes) {
        const findings = Array.from({ length: size }, (_, i) => finding(i + 1));
        (0, node_test_1.it)(`json with ${size} findings: a valid array, byte for byte what JSON.stringify gives`, () => {
            const text = stream('json', findings);
            const parsed = JSON.parse(text);
            strict_1.default.equal(parsed.length, size);
            strict_1.default.deepEqual(parsed.map((r) => r.line), findings.map((f) => f.line));
            strict_1.default.equal(text.trimEnd(), (0, formatFindings_1.formatFindings)(findings, 'json'));
            strict_1.default.equal(text.trimEnd(), JSON.stringify(JSON.parse(text), null, 2));
        });
        (0, node_test_1.it)(`sarif with ${size} findings: a valid log with one result per finding`, () => {
            const log = JSON.parse(stream('sarif', findings));
            strict_1.default.equal(log.version, '2.1.0');
            strict_1.default.equal(log.runs[0].results.length, size);
            strict_1.default.equal(log.runs[0].tool.driver.rules.length, Object.keys(codes_1.CODES).length, 'one rule per finding code');
        });
        (0, node_test_1.it)(`junit with ${size} findings: well-formed XML, a testcase per line, clean files pass`, () => {
            const counts = parseXml(stream('junit', findings));
            strict_1.default.equal(counts.get('testsuites'), 1);
            // Every finding is on its own line; the clean file listed is one passing testcase.
            strict_1.default.equal(counts.get('testcase'), size + 1);
            strict_1.default.equal(counts.get('failure') ?? 0, findings.filter((f) => f.severity === 'error').length);
        });
        (0, node_test_1.it)(`text with ${size} findings: one line each`, () => {
            const text = stream('text', findings);
            strict_1.default.equal(text.split('\n').filter((l) => l.length > 0).length, size);
        });
    }
    (0, node_test_1.it)('a finding whose file comes back after its suite closed (a repeated cause, reported last) opens another suite', () => {
        const text = stream('junit', [finding(1, 'events/a.jsonl'), finding(2, 'events/b.jsonl'), { ...finding(1, 'events/a.jsonl', 'EB011'), count: 9, places: [] }]);
        const counts = parseXml(text);
        strict_1.default.equal(counts.get('testsuite'), 4, 'a, b, a again, and the clean file');
        strict_1.default.match(text, /9 events with this cause/);
    });
    (0, node_test_1.it)('stress: 300,000 findings stream into valid JSON, SARIF and JUnit XML', () => {
        const findings = Array.from({ length: 300_000 }, (_, i) => finding(i + 1, `events/events_2024-01-${String(15 + Math.floor(i / 100_000)).padStart(2, '0')}.jsonl`));
        for (const format of ['json', 'sarif']) {
            const parts = [];
            const writer = (0, formatFindings_1.findingWriter)(format, (text) => parts.push(text), {});
            for (let at = 0; at < findings.length; at += 5000)
                writer.write(findings.slice(at, at + 5000));
            writer.end();
            const parsed = JSON.parse(parts.join(''));
            strict_1.default.equal(Array.isArray(parsed) ? parsed.length : parsed.runs[0].results.length, findings.length, format);
        }
        // XML is checked as it streams: the parser gets every piece the writer writes.
        const parser = sax.parser(true);
        let testcases = 0;
        parser.onerror = (error) => {
            throw error;
        };
        parser.onopentag = (tag) => {
            if (tag.name === 'testcase')
                testcases++;
        };
        const writer = (0, formatFindings_1.findingWriter)('junit', (text) => parser.write(text), {});
        for (let at = 0; at < findings.length; at += 5000)
            writer.write(findings.slice(at, at + 5000));
        writer.end();
        parser.close();
        strict_1.default.equal(testcases, findings.length);
    });
});
(0, node_test_1.describe)('repeated causes are counted, not kept', () => {
    const unknownType = (file, line, type = 'acme.order') => ({
        ...finding(line, file, 'EB011'),
        severity: 'warning',
        message: `unknown event type "${type}"`,
        data: { eventType: type },
    });
    (0, node_test_1.it)('one finding per cause with its count and first places, in store order; other findings untouched', () => {
        const all = [
            ...Array.from({ length: 50 }, (_, i) => unknownType('events/b.jsonl', i + 1)),
            ...Array.from({ length: 30 }, (_, i) => unknownType('events/a.jsonl', i + 10)),
            unknownType('events/a.jsonl', 3, 'acme.other'),
            finding(4, 'events/a.jsonl'),
            finding(5, 'events/a.jsonl'),
        ];
        const collapsed = (0, repeatedCauses_1.collapseRepeats)(all, 'per-store');
        strict_1.default.deepEqual(collapsed.map((f) => [f.file, f.line, f.code, f.count]), [
            ['events/a.jsonl', 3, 'EB011', undefined],
            ['events/a.jsonl', 4, 'EB009', undefined],
            ['events/a.jsonl', 5, 'EB009', undefined],
            ['events/a.jsonl', 10, 'EB011', 80],
        ]);
        strict_1.default.deepEqual(collapsed[3].places?.map((p) => `${p.file}:${p.line}`), ['events/a.jsonl:10', 'events/a.jsonl:11', 'events/a.jsonl:12', 'events/a.jsonl:13', 'events/a.jsonl:14']);
        strict_1.default.equal(collapsed[3].places?.length, repeatedCauses_1.FIRST_PLACES);
        // Per file: the same cause in two files is two findings.
        strict_1.default.deepEqual((0, repeatedCauses_1.collapseRepeats)(all, 'per-file').filter((f) => f.count).map((f) => [f.file, f.count]), [
            ['events/a.jsonl', 30],
            ['events/b.jsonl', 50],
        ]);
        strict_1.default.equal((0, repeatedCauses_1.collapseRepeats)(all, 'each').length, all.length);
    });
    (0, node_test_1.it)('summaries merge (chunks, files, passes add up) and a tally holds one entry per cause', () => {
        const tally = new repeatedCauses_1.CauseTally('per-store');
        for (let i = 0; i < 100_000; i++)
            tally.add(unknownType('events/a.jsonl', i + 1, `acme.t${i % 3}`));
        strict_1.default.equal(tally.size, 3);
        const merged = (0, repeatedCauses_1.collapseRepeats)([...tally.findings(), ...tally.findings()], 'per-store');
        strict_1.default.deepEqual(merged.map((f) => f.count), [66_668, 66_666, 66_666]);
    });
    (0, node_test_1.it)('findingsBefore keeps what lies above an append, taking the re-checked lines out of a count', () => {
        const summary = (0, repeatedCauses_1.collapseRepeats)(Array.from({ length: 20 }, (_, i) => unknownType('events/a.jsonl', i + 1)), 'per-file')[0];
        const kept = (0, repeatedCauses_1.findingsBefore)([summary, finding(19, 'events/a.jsonl')], 19);
        strict_1.default.deepEqual(kept?.map((f) => [f.line, f.count]), [[1, 18]]);
        // Lines re-checked beyond what the last places remember: the file must be checked whole.
        strict_1.default.equal((0, repeatedCauses_1.findingsBefore)([summary], 10), undefined);
    });
});
//# sourceMappingURL=findingWriters.unit.spec.js.map