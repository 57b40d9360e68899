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
const node_test_1 = require("node:test");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BIG = '12345678901234567890';
/** trade_executed 1.0 with numbers JSON.parse changes: 1.0 and 50000.0 (spelled as floats), a 20-digit integer. */
const DATA = `{"symbol": "BTCUSDT", "side": "buy", "quantity": 1.0, "price": 50000.0, "order_id": "ord_ab12", "fee": 0.0, "ticket": ${BIG}}`;
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
(0, node_test_1.describe)('numbers as written: validate, rebuild and verify flag what they round (EB026); migrate keeps the spelling', () => {
    let temp;
    let store;
    let day;
    (0, node_test_1.before)(() => {
        temp = (0, tempStore_1.makeTempDir)();
        store = path.join(temp.dir, 'store');
        strict_1.default.equal(cli(temp.dir, 'generate', '--events', '200', '--out', store, '--python-style', '--seed', '3').code, 0);
        const published = cli(temp.dir, 'publish', 'trade_executed', '--data', DATA, '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store);
        strict_1.default.equal(published.code, 0, published.err);
        day = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort().at(-1) ?? '';
    });
    (0, node_test_1.after)(() => temp.cleanup());
    const bigLine = () => {
        const lines = fs.readFileSync(path.join(store, 'events', day), 'utf8').split('\n');
        const at = lines.findIndex((l) => l.includes(BIG));
        strict_1.default.ok(at >= 0, 'the published line holds every digit');
        return { text: lines[at], line: at + 1 };
    };
    (0, node_test_1.it)('validate reports EB026 at the digits of the integer beyond 2^53', () => {
        const { text, line } = bigLine();
        strict_1.default.match(text, /"quantity": 1\.0, "price": 50000\.0/);
        const run = cli(temp.dir, 'validate', '--store', store, '--format', 'json');
        const findings = JSON.parse(run.out);
        const flagged = findings.filter((f) => f.code === 'EB026');
        strict_1.default.equal(flagged.length, 1, run.out);
        strict_1.default.deepEqual([flagged[0].file, flagged[0].line, flagged[0].column, flagged[0].severity], [`events/${day}`, line, text.indexOf(BIG) + 1, 'warning']);
        strict_1.default.match(flagged[0].message, /data\/ticket is 12345678901234567890, beyond 2\^53/);
    });
    (0, node_test_1.it)('events and replay print the event with 1.0, 50000.0 and every digit as written', () => {
        const events = cli(temp.dir, 'events', '--store', store, '--aggregate', 'trader_big');
        strict_1.default.equal(events.code, 0, events.err);
        strict_1.default.match(events.out, /"quantity": 1\.0, "price": 50000\.0, "order_id": "ord_ab12", "fee": 0\.0, "ticket": 12345678901234567890/);
        for (const args of [[], ['--json']]) {
            const replay = cli(temp.dir, 'replay', '--store', store, '--aggregate', 'trader_big', ...args);
            strict_1.default.equal(replay.code, 0, replay.err);
            strict_1.default.match(replay.out, /"quantity": ?1\.0/);
            // The text form cuts long data short; --json prints all of it.
            if (args.length > 0)
                strict_1.default.match(replay.out, /"ticket": ?12345678901234567890/);
        }
    });
    (0, node_test_1.it)('rebuild prints the state and says, as EB026 and a note, which paths hold rounded numbers', () => {
        const run = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'trader_big', '--json');
        strict_1.default.equal(run.code, 0, run.err);
        strict_1.default.equal(JSON.parse(run.out).ticket, Number(BIG));
        strict_1.default.match(run.err, /^trader_big: warning EB026 number-beyond-2-53: a number beyond 2\^53 at \/ticket/m);
        strict_1.default.match(run.err, /^note: a number beyond 2\^53 at \/ticket/m);
        const plain = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'trader_1', '--json');
        strict_1.default.doesNotMatch(plain.err, /EB026/, 'a state without big numbers is not flagged');
    });
    (0, node_test_1.it)('snapshot verify agrees with the snapshot and still carries EB026 for the rounded state', () => {
        strict_1.default.equal(cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', 'trader_big').code, 0);
        const run = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--aggregate', 'trader_big', '--json');
        strict_1.default.equal(run.code, 0, run.out + run.err);
        const [result] = JSON.parse(run.out);
        strict_1.default.equal(result.ok, true);
        strict_1.default.deepEqual(result.findings?.map((f) => [f.code, f.paths]), [['EB026', ['/ticket']]]);
        const text = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--aggregate', 'trader_big');
        strict_1.default.match(text.out, /ok {5}snapshots\/snapshot_trader_big_\d+\.json\n {9}snapshots\/snapshot_trader_big_\d+\.json: warning EB026/);
    });
    (0, node_test_1.it)('migrate rewrites the 1.0 event to 1.1 and keeps 1.0, 50000.0 and every digit as written', () => {
        const run = cli(temp.dir, 'migrate', '--store', store, '--yes');
        strict_1.default.equal(run.code, 0, run.err);
        const { text } = bigLine();
        strict_1.default.match(text, /"schema_version": "1\.1"/);
        strict_1.default.match(text, /"exchange_order_id": "ord_ab12"/);
        strict_1.default.match(text, /"quantity": 1\.0, "price": 50000\.0, "exchange_order_id": "ord_ab12", "fee": 0\.0, "ticket": 12345678901234567890, "venue": "unknown"/);
    });
});
(0, node_test_1.describe)('snapshot_<agg>_<N>: N is the sequence number of the last event folded, bus-wide for system in a global store', () => {
    (0, node_test_1.it)('snapshot create --aggregate system names the snapshot by the last bus-wide sequence, and rebuild starts from it', () => {
        const temp = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(temp.dir, 'store');
            strict_1.default.equal(cli(temp.dir, 'generate', '--events', '120', '--out', store, '--seed', '4').code, 0);
            // A store of 120 events numbered bus-wide, plus one published: the last sequence is 121.
            strict_1.default.equal(cli(temp.dir, 'publish', 'component_started', '--data', '{"component": "test"}', '--store', store).code, 0);
            const created = cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', 'system', '--json');
            strict_1.default.equal(created.code, 0, created.err);
            strict_1.default.equal(JSON.parse(created.out).file, 'snapshots/snapshot_system_121.json');
            const rebuilt = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', 'system');
            strict_1.default.match(rebuilt.out, /^system at sequence 121 \(snapshot snapshots\/snapshot_system_121\.json \+ 0 events\)/);
        }
        finally {
            temp.cleanup();
        }
    });
});
//# sourceMappingURL=numbersAsWritten.int.spec.js.map