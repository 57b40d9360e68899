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
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const node_test_1 = require("node:test");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const fileValidationPool_1 = require("../../src/engine/validate/fileValidationPool");
const validateFile_1 = require("../../src/engine/validate/validateFile");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const tempStore_1 = require("../helpers/tempStore");
function uuid(n) {
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
/** A Python-style line (", " and ": "), sequence `seq` on a bus-wide counter. */
function line(seq, extra = {}) {
    const event = {
        event_type: 'trade_executed',
        data: extra.data ?? { symbol: 'BTCUSDT', quantity: 1.5, note: 'Zürich €' },
        metadata: {
            event_id: uuid(extra.id ?? seq),
            version: '1.0.0',
            schema_version: '1.0',
            timestamp: extra.ts ?? `2024-01-15T10:00:${String(seq).padStart(2, '0')}.123456`,
            source: 'TradingBot',
            correlation_id: null,
            causation_id: extra.cause ?? null,
            aggregate_id: extra.agg ?? (seq % 2 === 0 ? 'trader_2' : 'trader_1'),
            sequence_number: seq,
            retry_count: 0,
            status: extra.status ?? 'completed',
            tags: {},
        },
    };
    return JSON.stringify(event).replace(/":/g, '": ').replace(/,"/g, ', "');
}
function summary(findings) {
    return findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.code}`);
}
(0, node_test_1.describe)('validateStore on a hand-written store', () => {
    (0, node_test_1.it)('finds every problem with exact positions, across BOM, CRLF, gzip members, a torn tail and a corrupt gzip', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const schemaDir = path.join(dir, 'schemas', 'trade_executed');
            fs.mkdirSync(schemaDir, { recursive: true });
            fs.writeFileSync(path.join(schemaDir, '1.0.schema.json'), JSON.stringify({ type: 'object', required: ['symbol', 'quantity'], properties: { quantity: { type: 'number' } } }));
            const nan = line(3).replace('"quantity": 1.5', '"quantity": NaN');
            const day1 = [
                line(1),
                '',
                nan,
                line(2, { status: 'done', cause: uuid(999) }),
                line(4, { id: 1, data: { symbol: 'BTCUSDT', quantity: 'two' } }),
                line(6),
            ];
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', `\uFEFF${day1.join('\r\n')}\r\n`);
            const member = (lines) => zlib.gzipSync(Buffer.from(`${lines.join('\n')}\n`));
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl.gz', Buffer.concat([member([line(7, { ts: '2024-01-16T00:00:07Z' })]), member([line(8, { ts: '2024-01-16T00:00:08Z' })])]));
            const torn = line(10, { ts: '2024-01-17T00:00:10Z' }).slice(0, 80);
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-17.jsonl', `${line(9, { ts: '2024-01-17T00:00:09Z' })}\n${torn}`);
            const goodGzip = member([line(11, { ts: '2024-01-18T00:00:11Z' })]);
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-18.jsonl.gz', Buffer.concat([goodGzip, goodGzip.subarray(0, 20)]));
            const engine = await (0, openStore_1.openStore)(dir, { noCache: true, sequenceMode: 'global', threads: 1 });
            try {
                const report = await (0, validateStore_1.validateStore)(engine, { threads: 1 });
                /** `start-end` columns of `token` in `text`, where `token` is what `marker` ends with. */
                const col = (text, marker, token = marker, from = 'first') => {
                    const at = (from === 'first' ? text.indexOf(marker) : text.lastIndexOf(marker)) + marker.length - token.length;
                    return `${at + 1}-${at + 1 + token.length}`;
                };
                const f1 = 'events/events_2024-01-15.jsonl';
                const eleven = line(11, { ts: '2024-01-18T00:00:11Z' });
                node_assert_1.strict.deepEqual(summary(report.findings), [
                    `${f1}:3:${col(day1[2], 'NaN')} error EB002`,
                    `${f1}:4:${col(day1[3], `"${uuid(999)}"`)} warning EB017`,
                    `${f1}:4:${col(day1[3], '"done"')} warning EB020`,
                    `${f1}:5:${col(day1[4], '"two"')} error EB009`,
                    `${f1}:5:${col(day1[4], `"${uuid(1)}"`)} error EB013`,
                    // 3 was on the NaN line, which is no event: a gap. 5 is truly missing.
                    `${f1}:5:${col(day1[4], '"sequence_number": 4', '4')} warning EB014`,
                    `${f1}:6:${col(day1[5], '"sequence_number": 6', '6')} warning EB014`,
                    `events/events_2024-01-17.jsonl:2:1-${torn.trimEnd().length + 1} warning EB003`,
                    `events/events_2024-01-18.jsonl.gz:1:1-1 error EB021`,
                    // 10 was on the torn line.
                    `events/events_2024-01-18.jsonl.gz:1:${col(eleven, '"sequence_number": 11', '11')} warning EB014`,
                ]);
                const gapMessages = report.findings.filter((f) => f.code === 'EB014').map((f) => f.message);
                node_assert_1.strict.deepEqual(gapMessages, [
                    'sequence gap bus-wide: 3 is missing before 4',
                    'sequence gap bus-wide: 5 is missing before 6',
                    'sequence gap bus-wide: 10 is missing before 11',
                ]);
                node_assert_1.strict.match(report.findings[8].message, /damaged gzip/);
                node_assert_1.strict.equal(report.files, 4);
                // Blank lines are not events; the salvaged gzip member's line is checked.
                node_assert_1.strict.equal(report.eventLines, 5 + 2 + 2 + 1);
            }
            finally {
                await engine.close();
            }
        }
        finally {
            cleanup();
        }
    });
});
(0, node_test_1.describe)('validating in chunks and on worker threads', () => {
    (0, node_test_1.it)('gives the same findings, line numbers included, as one pass', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const lines = [];
            for (let seq = 1; seq <= 60; seq++) {
                lines.push(seq % 7 === 0 ? line(seq, { status: 'weird' }) : seq % 11 === 0 ? '{"broken": ' : line(seq));
                if (seq % 13 === 0)
                    lines.push('');
            }
            const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', `${lines.join('\n')}\n${line(61).slice(0, 40)}`);
            const gz = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl.gz', zlib.gzipSync(Buffer.from(lines.slice(0, 20).join('\n'))));
            const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(dir);
            const whole = (0, validateFile_1.validateBuffer)(fs.readFileSync(file), 'f', { registry });
            node_assert_1.strict.ok(whole.findings.length >= 14, 'the fixture has findings to compare');
            for (const count of [2, 3, 7, 200]) {
                const parts = Array.from({ length: count }, (_, index) => (0, validateFile_1.validateBuffer)(fs.readFileSync(file), 'f', { registry }, { index, count }));
                node_assert_1.strict.deepEqual(parts.flatMap((p) => p.findings), whole.findings, `${count} chunks`);
                node_assert_1.strict.equal(parts.reduce((n, p) => n + p.eventLines, 0), whole.eventLines);
            }
            node_assert_1.strict.ok(fs.existsSync((0, fileValidationPool_1.validateWorkerPath)()), 'tsc puts the worker beside the pool');
            const tasks = [
                { absPath: file, file: 'events/events_2024-01-15.jsonl', size: fs.statSync(file).size },
                { absPath: gz, file: 'events/events_2024-01-16.jsonl.gz', size: fs.statSync(gz).size },
            ];
            const settings = { registry, maxRetryCount: 3 };
            const inline = await (0, fileValidationPool_1.validateFiles)(tasks, settings, { threads: 1 });
            const threaded = await (0, fileValidationPool_1.validateFiles)(tasks, settings, { threads: 2, minBytesForWorkers: 0, chunkBytes: 2000 });
            const byFile = (results) => [...results].sort((a, b) => (a.file < b.file ? -1 : 1));
            node_assert_1.strict.deepEqual(byFile(threaded), byFile(inline));
            node_assert_1.strict.equal(threaded.length, 2);
        }
        finally {
            cleanup();
        }
    });
});
(0, node_test_1.describe)('validateStore on a generated store', () => {
    const expected = {
        'schema-missing-field': 'EB009',
        'schema-bad-enum': 'EB009',
        'schema-wrong-type': 'EB009',
        'unknown-schema-version': 'EB010',
        'duplicate-event-id': 'EB013',
        'bad-timestamp': 'EB008',
        'unknown-causation': 'EB017',
        'invalid-json': 'EB001',
        'nan-value': 'EB002',
        'torn-last-line': 'EB003',
    };
    (0, node_test_1.it)('reports every injected fault at its line, and nothing else but information on a clean store', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const broken = await (0, generateStore_1.generateStore)({ events: 1500, outDir: path.join(dir, 'broken'), seed: 3, withErrors: true, pythonStyle: true });
            const engine = await (0, openStore_1.openStore)(broken.outDir, { noCache: true });
            try {
                const report = await (0, validateStore_1.validateStore)(engine);
                let checked = 0;
                for (const fault of broken.faults) {
                    const code = expected[fault.kind];
                    if (code === undefined)
                        continue;
                    const hit = report.findings.some((f) => f.file === fault.file && f.line === fault.line && f.code === code);
                    node_assert_1.strict.ok(hit, `${fault.kind} at ${fault.file}:${fault.line} should be ${code}`);
                    checked++;
                }
                node_assert_1.strict.ok(checked >= Object.keys(expected).length, `every fault kind was checked (${checked})`);
            }
            finally {
                await engine.close();
            }
            const clean = await (0, generateStore_1.generateStore)({ events: 800, outDir: path.join(dir, 'clean'), seed: 4 });
            const cleanEngine = await (0, openStore_1.openStore)(clean.outDir, { noCache: true });
            try {
                const report = await (0, validateStore_1.validateStore)(cleanEngine);
                const serious = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
                node_assert_1.strict.deepEqual(summary(serious), []);
                node_assert_1.strict.equal(report.eventLines, clean.events);
            }
            finally {
                await cleanEngine.close();
            }
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=validateStore.int.spec.js.map