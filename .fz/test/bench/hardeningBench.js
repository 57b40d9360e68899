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
exports.hardeningMeasures = void 0;
/**
 * Hardening figures (issue 13), whole processes, each beside a baseline of
 * the same run (the machine is shared: read the ratios):
 *   - 8 concurrent writers (4 `eventbus publish` loops, 4 API publishers)
 *     with random SIGKILLs for 2 minutes → lost, duplicated, gaps;
 *   - 1,000 rapid incremental edits to a 100,000-line event file in the
 *     language server → p95 hover and documentSymbol latency while typing,
 *     peak server RSS (beside its RSS once the file is open);
 *   - `eventbus validate` of a store whose schema has "^(a+)+$" and an event
 *     of 34 a's and "!" → wall time, beside the same store with "^a+$";
 *   - 20 gzip bombs (9 MB each, gigabytes inflated) → peak RSS of `stats`
 *     and `validate`, beside `node -e 0`.
 * Registered in engineBench.ts, so `npm run bench` runs them
 * (`--only=hardening-…` for one). EVENTBUS_HARDENING_WRITERS_SECONDS
 * shortens the writers' run for a try-out.
 */
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const crashHarness_1 = require("../helpers/crashHarness");
const concurrentWriters_1 = require("../helpers/concurrentWriters");
const hostileSchemas_1 = require("../helpers/hostileSchemas");
const lspClient_1 = require("../lsp/lspClient");
const uris_1 = require("../../src/shared/uris");
const lspMeasures_1 = require("./lspMeasures");
const WRITERS_SECONDS = Number(process.env.EVENTBUS_HARDENING_WRITERS_SECONDS ?? 120);
const EDITS = 1000;
const BOMBS = 20;
const MIB = 1024 * 1024;
/** Wall seconds and peak RSS (KB) of one whole process, by /usr/bin/time. */
function timed(args) {
    const run = (0, node_child_process_1.spawnSync)('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 64 * MIB });
    const [seconds, peakKb] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { seconds, peakKb, status: run.status };
}
function nodeBaseline() {
    return timed([process.execPath, '-e', '0']);
}
function tempDir(prefix) {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
/** Peak and current resident set of a process, from /proc (Linux). */
function rssOf(pid) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { peakKb: field('VmHWM'), nowKb: field('VmRSS') };
}
function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}
async function concurrentWriters() {
    const store = tempDir('eventbus-bench-writers-');
    try {
        (0, node_child_process_1.spawnSync)(process.execPath, [lspClient_1.CLI_JS, 'publish', 'component_started', '--data', '{}', '--store', store]);
        const outcome = await (0, concurrentWriters_1.runConcurrentWriters)({
            store,
            cliWriters: 4,
            apiWriters: 4,
            durationMs: WRITERS_SECONDS * 1000,
            killEveryMs: 1000,
            random: (0, crashHarness_1.seededRandom)(Date.now() % 1_000_000),
            cliScript: lspClient_1.CLI_JS,
            apiScript: path.join(__dirname, 'apiPublisher.js'),
        });
        if (outcome.failures.length > 0)
            process.stderr.write(`writer failures (first few): ${outcome.failures.slice(0, 5).join(' | ')}\n`);
        const prefix = `8 writers (4 CLI, 4 API), ${WRITERS_SECONDS} s, random SIGKILLs`;
        return [
            { name: `${prefix}: SIGKILLs`, value: outcome.kills, unit: 'kills', target: { min: 1 } },
            { name: `${prefix}: acknowledged events`, value: outcome.acknowledged, unit: 'events', target: { min: 1 } },
            { name: `${prefix}: acknowledged events lost`, value: outcome.lost.length, unit: 'events', target: { max: 0 } },
            { name: `${prefix}: sequence numbers stored twice`, value: outcome.duplicatedSequences.length, unit: 'numbers', target: { max: 0 } },
            { name: `${prefix}: sequence gaps (${outcome.sequenceMode} mode)`, value: outcome.gaps.length, unit: 'numbers', target: { max: 0 } },
        ];
    }
    finally {
        fs.rmSync(store, { recursive: true, force: true });
    }
}
async function rapidEdits() {
    const { folder, file } = (0, lspMeasures_1.bigFileWorkspace)();
    const uri = (0, uris_1.fileUriOf)(file);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const client = await (0, lspClient_1.startServer)({ folder });
    try {
        await client.waitForStoreChanged((p) => p.reason === 'opened', 120_000);
        client.open(uri, text);
        await client.waitForVersion(uri, 1, () => true, 120_000);
        const pid = client.process.pid;
        const openedRss = rssOf(pid).nowKb;
        // Typing in the middle of the file: one character per edit, as fast as the client sends them.
        const line0 = Math.floor(lines.length / 2);
        let column = lines[line0].length - 1;
        const hoverMs = [];
        const symbolMs = [];
        let peakKb = 0;
        for (let k = 1; k <= EDITS; k++) {
            const at = { line: line0, character: column };
            client.change(uri, k + 1, [{ range: { start: at, end: at }, text: k % 2 === 0 ? ' ' : '\t' }]);
            column++;
            if (k % 20 === 0) {
                const started = performance.now();
                hoverMs.push(client.connection.sendRequest(vscode_languageserver_protocol_1.HoverRequest.type, { textDocument: { uri }, position: { line: line0 + 1, character: 20 } }).then(() => performance.now() - started));
            }
            if (k % 100 === 0) {
                const started = performance.now();
                symbolMs.push(client.connection.sendRequest(vscode_languageserver_protocol_1.DocumentSymbolRequest.type, { textDocument: { uri } }).then(() => performance.now() - started));
                peakKb = Math.max(peakKb, rssOf(pid).peakKb);
            }
            // A key press every few milliseconds at most: give the socket a turn now and then.
            if (k % 10 === 0)
                await new Promise((resolve) => setImmediate(resolve));
        }
        const hovers = await Promise.all(hoverMs);
        const symbols = await Promise.all(symbolMs);
        await client.waitForVersion(uri, EDITS + 1, () => true, 120_000);
        peakKb = Math.max(peakKb, rssOf(pid).peakKb);
        const baseline = nodeBaseline();
        const base = { name: 'node -e 0 peak RSS', value: baseline.peakKb / 1024, unit: 'MB' };
        return [
            { name: `lsp: ${EDITS} rapid edits in a 100k-line file, p95 hover latency (${hovers.length} hovers)`, value: percentile(hovers, 95), unit: 'ms', target: { max: 200 } },
            { name: `lsp: ${EDITS} rapid edits in a 100k-line file, p95 documentSymbol latency (${symbols.length} requests)`, value: percentile(symbols, 95), unit: 'ms', target: { max: 200 } },
            { name: `lsp: ${EDITS} rapid edits in a 100k-line file, server RSS once the file was open`, value: openedRss / 1024, unit: 'MB', baseline: base },
            { name: `lsp: ${EDITS} rapid edits in a 100k-line file, peak server RSS`, value: peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
        ];
    }
    finally {
        await client.stop();
    }
}
async function redosValidate() {
    const dir = tempDir('eventbus-bench-redos-');
    try {
        const hostile = path.join(dir, 'redos');
        (0, hostileSchemas_1.writeRedosSchema)(hostile);
        (0, hostileSchemas_1.writeEvents)(hostile, [{ type: hostileSchemas_1.REDOS_TYPE, data: { name: hostileSchemas_1.REDOS_VALUE } }]);
        // The same store with a pattern no engine backtracks on.
        const benign = path.join(dir, 'benign');
        (0, hostileSchemas_1.writeSchema)(benign, hostileSchemas_1.REDOS_TYPE, { type: 'object', properties: { name: { type: 'string', pattern: '^a+$' } } });
        (0, hostileSchemas_1.writeEvents)(benign, [{ type: hostileSchemas_1.REDOS_TYPE, data: { name: hostileSchemas_1.REDOS_VALUE } }]);
        const baseline = timed([process.execPath, lspClient_1.CLI_JS, 'validate', '--store', benign]);
        const run = timed([process.execPath, lspClient_1.CLI_JS, 'validate', '--store', hostile]);
        if (run.status !== 1)
            throw new Error(`validate of the ReDoS store exited ${run.status}, expected 1 (a pattern finding)`);
        return [
            {
                name: 'validate, schema pattern "^(a+)+$" and 34 a\'s + "!"',
                value: run.seconds * 1000,
                unit: 'ms',
                target: { max: 5000 },
                baseline: { name: 'validate, the same store with "^a+$"', value: baseline.seconds * 1000, unit: 'ms' },
            },
        ];
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
/** A day file of about 9 MB that inflates to gigabytes: gzip members of zeros, one after another (what appending to a .gz makes). */
function writeBombs(store, count) {
    const member = zlib.gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: Math.ceil((9 * MIB) / member.length) }, () => member));
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    for (let day = 1; day <= count; day++)
        fs.writeFileSync(path.join(store, 'events', `events_2024-02-${String(day).padStart(2, '0')}.jsonl.gz`), bomb);
    (0, hostileSchemas_1.writeEvents)(store, [{ type: 'component_started', data: { component: 'beside the bombs' } }]);
    return (bomb.length / member.length) * 64;
}
async function gzipBombs() {
    const store = tempDir('eventbus-bench-bombs-');
    try {
        const inflatedMiB = writeBombs(store, BOMBS);
        const baseline = nodeBaseline();
        const base = { name: 'node -e 0 peak RSS', value: baseline.peakKb / 1024, unit: 'MB' };
        const stats = timed([process.execPath, lspClient_1.CLI_JS, 'stats', '--store', store]);
        const validate = timed([process.execPath, lspClient_1.CLI_JS, 'validate', '--store', store]);
        const what = `${BOMBS} gzip bombs (9 MB each, ${(inflatedMiB / 1024).toFixed(0)} GiB inflated)`;
        return [
            { name: `${what}: stats peak RSS`, value: stats.peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
            { name: `${what}: validate peak RSS`, value: validate.peakKb / 1024, unit: 'MB', target: { max: 400 }, baseline: base },
            { name: `${what}: validate wall time`, value: validate.seconds * 1000, unit: 'ms' },
        ];
    }
    finally {
        fs.rmSync(store, { recursive: true, force: true });
    }
}
exports.hardeningMeasures = [
    { name: 'hardening-concurrent-writers', runs: 1, run: concurrentWriters },
    { name: 'hardening-lsp-rapid-edits', runs: 1, run: rapidEdits },
    { name: 'hardening-redos-validate', runs: 3, run: redosValidate },
    { name: 'hardening-gzip-bombs', runs: 1, run: gzipBombs },
];
//# sourceMappingURL=hardeningBench.js.map