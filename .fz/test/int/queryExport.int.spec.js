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
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const node_test_1 = require("node:test");
const tempStore_1 = require("../helpers/tempStore");
/** The compiled CLI entry (out/src/cli/main.js beside out/test/int/). */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr.toString('utf8') };
}
/** Every line of the store that parses as an event, as raw bytes, in day order then line order (the test's own reading, not the engine's). */
function rawEvents(root) {
    const dir = path.join(root, 'events');
    const lines = [];
    for (const name of fs.readdirSync(dir).sort()) {
        let bytes = fs.readFileSync(path.join(dir, name));
        if (name.endsWith('.gz'))
            bytes = zlib.gunzipSync(bytes);
        let start = 0;
        while (start < bytes.length) {
            let end = bytes.indexOf(10, start);
            if (end < 0)
                end = bytes.length;
            const line = bytes.subarray(start, end);
            start = end + 1;
            try {
                const event = JSON.parse(line.toString('utf8'));
                if (event && typeof event === 'object' && typeof event.event_type === 'string' && event.metadata && typeof event.metadata === 'object')
                    lines.push({ bytes: line, event });
            }
            catch {
                // not an event line: the index skips it too
            }
        }
    }
    return lines;
}
const jsonl = (lines) => Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')]));
const temp = (0, tempStore_1.makeTempDir)('eventbus-query-int-');
(0, node_test_1.after)(() => temp.cleanup());
(0, node_test_1.describe)('events --where and export (child process)', () => {
    const store = path.join(temp.dir, 'store');
    const python = path.join(temp.dir, 'python');
    let events;
    let pythonEvents;
    (0, node_test_1.before)(() => {
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '3000', '--out', store, '--seed', '11', '--days', '3').code, 0);
        const p = cli(temp.dir, 'generate', '--events', '1500', '--out', python, '--seed', '12', '--with-errors', '--python-style');
        strict_1.default.equal(p.code, 0, p.err);
        events = rawEvents(store);
        pythonEvents = rawEvents(python);
    });
    (0, node_test_1.it)('events --where prints exactly the events a content query selects, in store order', () => {
        const run = cli(temp.dir, 'events', '--store', store, '--where', 'type == "trade_executed" and data.price > 1000 and data.side == "buy"');
        strict_1.default.equal(run.code, 0, run.err);
        const got = run.out.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).metadata.event_id);
        const expected = events
            .filter(({ event }) => event.event_type === 'trade_executed' && typeof event.data.price === 'number' && event.data.price > 1000 && event.data.side === 'buy')
            .map(({ event }) => event.metadata.event_id);
        strict_1.default.ok(expected.length > 5, `the store should hold such trades, found ${expected.length}`);
        strict_1.default.deepEqual(got, expected);
    });
    (0, node_test_1.it)('combines --where with envelope filters and counts --limit in matches', () => {
        const aggregate = events.find(({ event }) => event.metadata.aggregate_id?.toString().startsWith('trader_'))?.event.metadata.aggregate_id;
        const run = cli(temp.dir, 'events', '--store', store, '--aggregate', aggregate, '--where', 'seq >= 3 and exists(data.symbol)', '--limit', '4');
        strict_1.default.equal(run.code, 0, run.err);
        const got = run.out.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).metadata.sequence_number);
        const expected = events
            .filter(({ event }) => event.metadata.aggregate_id === aggregate && event.metadata.sequence_number >= 3 && 'symbol' in event.data)
            .map(({ event }) => event.metadata.sequence_number)
            .sort((a, b) => a - b)
            .slice(0, 4);
        strict_1.default.deepEqual(got, expected);
    });
    (0, node_test_1.it)('a time range by dates selects whole UTC days', () => {
        const days = [...new Set(events.map(({ event }) => String(event.metadata.timestamp).slice(0, 10)))].sort();
        strict_1.default.ok(days.length >= 2);
        const run = cli(temp.dir, 'events', '--store', store, '--where', `time == "${days[1]}"`);
        strict_1.default.equal(run.code, 0, run.err);
        const got = run.out.toString('utf8').split('\n').filter(Boolean).length;
        strict_1.default.equal(got, events.filter(({ event }) => String(event.metadata.timestamp).startsWith(days[1])).length);
    });
    (0, node_test_1.it)('a bad query exits 2 with the column and a caret, before opening the store', () => {
        const run = cli(temp.dir, 'events', '--store', path.join(temp.dir, 'no-such-store'), '--where', 'data.price > and type == "x"');
        strict_1.default.equal(run.code, 2);
        strict_1.default.match(run.err, /--where: query, column 14: expected a value/);
        strict_1.default.match(run.err, /data\.price > and type == "x"\n {13}\^/);
        strict_1.default.equal(run.out.length, 0);
    });
    (0, node_test_1.it)('export --format jsonl writes the selected lines byte for byte (Python-written lines, \\u escapes and all)', () => {
        const out = path.join(temp.dir, 'python-risk.jsonl');
        const run = cli(temp.dir, 'export', '--store', python, '--where', 'type contains "risk" or data.symbol == "ETHUSDT"', '--out', out);
        strict_1.default.equal(run.code, 0, run.err);
        const expected = jsonl(pythonEvents.filter(({ event }) => event.event_type.includes('risk') || event.data?.symbol === 'ETHUSDT'));
        strict_1.default.ok(expected.length > 1000);
        strict_1.default.ok(fs.readFileSync(out).equals(expected), 'exported bytes differ from the store lines');
    });
    (0, node_test_1.it)('export of the whole store equals the concatenation of its event lines, gzip days included', () => {
        const out = path.join(temp.dir, 'all.jsonl');
        strict_1.default.equal(cli(temp.dir, 'export', '--store', python, '--out', out).code, 0);
        strict_1.default.ok(fs.readFileSync(out).equals(jsonl(pythonEvents)));
        const again = cli(temp.dir, 'export', '--store', python, '--out', out);
        strict_1.default.equal(again.code, 2, 'an existing file is not replaced without --force');
        strict_1.default.match(again.err, /exists.*--force/);
        strict_1.default.equal(cli(temp.dir, 'export', '--store', python, '--out', out, '--force', '--limit', '1').code, 0);
        strict_1.default.ok(fs.readFileSync(out).equals(jsonl(pythonEvents.slice(0, 1))));
        strict_1.default.deepEqual(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp')), [], 'no temp file left behind');
    });
    (0, node_test_1.it)('export --format json is an array of the same lines; csv has the chosen columns, quoted and formula-safe', () => {
        const json = cli(temp.dir, 'export', '--store', store, '--format', 'json', '--where', 'type == "order_placed"');
        strict_1.default.equal(json.code, 0, json.err);
        const parsed = JSON.parse(json.out.toString('utf8'));
        const expected = events.filter(({ event }) => event.event_type === 'order_placed');
        strict_1.default.deepEqual(parsed.map((e) => e.metadata.event_id), expected.map(({ event }) => event.metadata.event_id));
        const csv = cli(temp.dir, 'export', '--store', store, '--format', 'csv', '--columns', 'seq,type,data.symbol,data.missing', '--limit', '2');
        strict_1.default.equal(csv.code, 0, csv.err);
        const rows = csv.out.toString('utf8').split('\r\n');
        strict_1.default.equal(rows[0], 'seq,type,data.symbol,data.missing');
        const first = events[0].event;
        strict_1.default.equal(rows[1], `${first.metadata.sequence_number},${first.event_type},${first.data.symbol ?? ''},`);
        const bad = cli(temp.dir, 'export', '--store', store, '--format', 'csv', '--columns', 'seq,price');
        strict_1.default.equal(bad.code, 2);
        strict_1.default.match(bad.err, /--columns: .*unknown name "price"/);
    });
});
//# sourceMappingURL=queryExport.int.spec.js.map