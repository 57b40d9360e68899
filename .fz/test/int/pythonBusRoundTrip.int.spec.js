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
const pythons_1 = require("../helpers/pythons");
const tempStore_1 = require("../helpers/tempStore");
/**
 * A store written by a small Python bus (test/int/fixtures-python/python_bus.py,
 * built from the guide the way most Python code would be) is read, verified,
 * rebuilt and appended to by the CLI; then every Python 3 on the machine
 * reads it back: every line parsed, fromisoformat on every timestamp, every
 * line byte-identical to what json.dumps writes for it, and its own
 * rebuild_state equal to the CLI's.
 */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BUS = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'python_bus.py');
const PYTHONS = (0, pythons_1.findPythons)();
const SKIP = PYTHONS.length === 0 ? 'no python3 on PATH: the Python round trip cannot run here' : false;
/** Python 3.7–3.10's fromisoformat: what isoformat() writes, nothing else (no `Z`, 3 or 6 fraction digits). */
const PY310_ISOFORMAT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6})?([+-]\d{2}:\d{2})?$/;
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
function python(interpreter, ...args) {
    const result = (0, node_child_process_1.spawnSync)(interpreter.command, [BUS, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    strict_1.default.equal(result.status, 0, `${interpreter.command} ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}
/** Big integers as both sides compute with them (a double): Python keeps every digit, JSON.parse cannot. */
function asComputed(value) {
    return JSON.parse(JSON.stringify(value));
}
const VARIANTS = [
    { name: 'naive timestamps, shallow fold, global sequence', write: ['--ts', 'naive', '--fold', 'shallow', '--seq', 'global'], read: [], fold: 'shallow', timestamps: 'naive' },
    { name: 'Z timestamps, deep fold, per-aggregate sequence', write: ['--ts', 'z', '--fold', 'deep', '--seq', 'aggregate'], read: ['--z-aware', '--seq', 'aggregate'], fold: 'deep', timestamps: 'z' },
    { name: '+00:00 timestamps, shallow fold, per-aggregate sequence', write: ['--ts', 'offset', '--fold', 'shallow', '--seq', 'aggregate'], read: ['--seq', 'aggregate'], fold: 'shallow', timestamps: 'offset' },
    {
        name: 'naive timestamps, shallow fold, TTL-cleaned (3 of 6 days removed)',
        write: ['--ts', 'naive', '--days', '6', '--per-day', '30', '--ttl-days', '3', '--now', '2024-01-20T12:00:00'],
        read: [],
        fold: 'shallow',
        timestamps: 'naive',
        ttl: true,
    },
];
(0, node_test_1.describe)('a Python bus store: Python writes, the project reads, verifies, rebuilds and appends, Python reads it all back', { skip: SKIP }, () => {
    let temp;
    (0, node_test_1.before)(() => {
        temp = (0, tempStore_1.makeTempDir)();
    });
    (0, node_test_1.after)(() => temp.cleanup());
    for (const variant of VARIANTS) {
        (0, node_test_1.it)(variant.name, () => {
            const oldest = PYTHONS[0];
            const store = path.join(temp.dir, variant.name.replace(/[^a-z0-9]+/gi, '_'));
            python(oldest, 'write', store, ...variant.write);
            const aggregates = ['trader_1', 'market_data_BTC_USDT', 'risk_manager', 'system'];
            // Every snapshot verifies with the detected fold; where TTL took the events, "cannot verify".
            const verify = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--json');
            strict_1.default.equal(verify.code, 0, verify.out + verify.err);
            const results = JSON.parse(verify.out);
            strict_1.default.ok(results.length >= 12);
            strict_1.default.deepEqual(results.filter((r) => !r.ok && !r.unverifiable), []);
            const unverifiable = results.filter((r) => r.unverifiable);
            if (variant.ttl) {
                strict_1.default.ok(unverifiable.length > 0 && results.some((r) => r.ok), 'early snapshots cannot be checked, later ones are');
                strict_1.default.match(unverifiable[0].unverifiable, /^cannot verify: events before \d+ were removed$/);
            }
            else
                strict_1.default.deepEqual(unverifiable, []);
            // The CLI's rebuild equals Python's rebuild_state, for every aggregate and `system`.
            const before = JSON.parse(python(oldest, 'read', store, ...variant.read));
            strict_1.default.equal(before.fold, variant.fold);
            for (const aggregate of aggregates) {
                const rebuilt = cli(temp.dir, 'rebuild', '--store', store, '--aggregate', aggregate, '--json');
                strict_1.default.equal(rebuilt.code, 0, rebuilt.err);
                strict_1.default.deepEqual(JSON.parse(rebuilt.out), asComputed(before.states[aggregate]), `${aggregate} rebuilt as Python does`);
            }
            // Append through the CLI: numbers as written, the store's own line style.
            const data = '{"symbol": "ETHUSDT", "quantity": 1.0, "order_id": 12345678901234567890, "note": "\u00e9t\u00e9"}';
            const published = cli(temp.dir, 'publish', 'trade_executed', '--store', store, '--aggregate', 'trader_1', '--source', 'TradingBot', '--data', data);
            strict_1.default.equal(published.code, 0, published.err);
            const line = published.out.trim();
            strict_1.default.match(line, /"quantity": 1\.0, "order_id": 12345678901234567890/);
            const timestamp = JSON.parse(line).metadata.timestamp;
            if (variant.timestamps === 'z')
                strict_1.default.match(timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
            else
                strict_1.default.match(timestamp, PY310_ISOFORMAT, 'Python 3.10 reads what is appended to a store it can read');
            if (variant.timestamps === 'naive')
                strict_1.default.doesNotMatch(timestamp, /Z|[+-]\d{2}:\d{2}$/);
            if (variant.timestamps === 'offset')
                strict_1.default.match(timestamp, /\+00:00$/);
            // Snapshots written by the CLI are the writer's kind: Python's rebuild_state starts from them and agrees.
            for (const aggregate of ['trader_1', 'system']) {
                const created = cli(temp.dir, 'snapshot', 'create', '--store', store, '--aggregate', aggregate, '--json');
                strict_1.default.equal(created.code, 0, created.err);
                const file = JSON.parse(created.out).file;
                const body = JSON.parse(fs.readFileSync(path.join(store, file), 'utf8'));
                strict_1.default.equal('_meta' in body.state, variant.fold === 'deep', '_meta only in the deep fold');
                if (variant.fold === 'shallow') {
                    strict_1.default.equal(body.event_count, undefined);
                    strict_1.default.equal(body.state.last_event_type, 'trade_executed');
                }
            }
            const again = cli(temp.dir, 'snapshot', 'verify', '--store', store, '--json');
            strict_1.default.equal(again.code, 0, again.out);
            // Compact: the closed days are gzipped (today's file never), and TTL as the bus does it, snapshots kept.
            const compact = cli(temp.dir, 'compact', '--store', store, '--json');
            strict_1.default.equal(compact.code, 0, compact.err);
            const eventFiles = fs.readdirSync(path.join(store, 'events'));
            const today = new Date().toISOString().slice(0, 10);
            strict_1.default.deepEqual(eventFiles.filter((n) => n.endsWith('.jsonl')), [`events_${today}.jsonl`], 'only today stays plain');
            const snapshotsBefore = fs.readdirSync(path.join(store, 'snapshots')).length;
            const cleanup = cli(temp.dir, 'cleanup', '--store', store, '--now', '2024-01-17T12:00:00', '--yes', '--json');
            strict_1.default.equal(cleanup.code, 0, cleanup.err);
            const removed = JSON.parse(cleanup.out).result.removed;
            // event_ttl_days 30 from 2024-01-17T12:00: nothing is that old.
            strict_1.default.deepEqual(removed, []);
            strict_1.default.equal(fs.readdirSync(path.join(store, 'snapshots')).length, snapshotsBefore);
            const expected = {};
            for (const aggregate of aggregates) {
                expected[aggregate] = JSON.parse(cli(temp.dir, 'rebuild', '--store', store, '--aggregate', aggregate, '--json').out);
            }
            for (const interpreter of PYTHONS) {
                const read = JSON.parse(python(interpreter, 'read', store, ...variant.read));
                strict_1.default.equal(read.python, interpreter.version);
                strict_1.default.equal(read.events, before.events + 1, `${interpreter.version} reads every line`);
                strict_1.default.deepEqual(read.restyled_lines, [], `${interpreter.version}: every line is what json.dumps writes`);
                for (const aggregate of aggregates) {
                    strict_1.default.deepEqual(asComputed(read.states[aggregate]), expected[aggregate], `${interpreter.version}: ${aggregate}`);
                }
            }
        });
    }
});
//# sourceMappingURL=pythonBusRoundTrip.int.spec.js.map