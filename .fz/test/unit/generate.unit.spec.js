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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const ajv_1 = __importDefault(require("ajv"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const jsonStyle_1 = require("../../src/engine/generate/jsonStyle");
const prng_1 = require("../../src/engine/generate/prng");
const eventTypes_1 = require("../../src/engine/model/eventTypes");
const ids_1 = require("../../src/engine/model/ids");
const defaultReducer_1 = require("../../src/engine/state/defaultReducer");
const tempStore_1 = require("../helpers/tempStore");
/** Every line of every event file, in day order. */
function readStore(root) {
    const dir = path.join(root, 'events');
    const out = [];
    for (const name of fs.readdirSync(dir).sort()) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '')
            lines.pop();
        lines.forEach((line, index) => {
            let event;
            try {
                event = JSON.parse(line);
            }
            catch {
                event = undefined;
            }
            out.push({ file: `events/${name}`, line: index + 1, text: line, event });
        });
    }
    return out;
}
function listFiles(root) {
    const out = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory())
                walk(full);
            else
                out.push(path.relative(root, full));
        }
    };
    walk(root);
    return out.sort();
}
const temp = (0, tempStore_1.makeTempDir)('eventbus-generate-');
(0, node_test_1.after)(() => temp.cleanup());
(0, node_test_1.describe)('generateStore: a clean global store', () => {
    const root = path.join(temp.dir, 'clean');
    let summary;
    let lines;
    (0, node_test_1.before)(() => {
        summary = (0, generateStore_1.generateStoreSync)({ events: 30_000, outDir: root, seed: 42 });
        lines = readStore(root);
    });
    (0, node_test_1.it)('writes one file per consecutive UTC day, ceil(events / 20000) of them', () => {
        strict_1.default.deepEqual(summary.files, ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
        strict_1.default.equal(summary.days, 2);
        for (const { file, event } of lines) {
            strict_1.default.equal(event.metadata.timestamp.slice(0, 10), file.slice('events/events_'.length, 'events/events_'.length + 10));
        }
    });
    (0, node_test_1.it)('writes only valid JSON events with the full envelope', () => {
        strict_1.default.equal(lines.length, 30_000);
        strict_1.default.equal(summary.invalidLines, 0);
        const ids = new Set();
        for (const { event, text } of lines) {
            strict_1.default.ok(event, `not JSON: ${text.slice(0, 80)}`);
            strict_1.default.ok(eventTypes_1.BUILT_IN_EVENT_TYPES.includes(event.event_type));
            strict_1.default.ok((0, ids_1.isUuid)(event.metadata.event_id) && event.metadata.event_id[14] === '4', event.metadata.event_id);
            strict_1.default.match(event.metadata.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
            strict_1.default.equal(typeof event.metadata.sequence_number, 'number');
            strict_1.default.equal(typeof event.data, 'object');
            ids.add(event.metadata.event_id);
        }
        strict_1.default.equal(ids.size, lines.length, 'event ids are unique');
    });
    (0, node_test_1.it)('reports exactly what it wrote', () => {
        const events = lines.map((l) => l.event);
        const types = {};
        for (const e of events)
            types[e.event_type] = (types[e.event_type] ?? 0) + 1;
        strict_1.default.deepEqual(summary.eventTypes, types);
        strict_1.default.equal(Object.keys(types).length, 14, 'all 14 types appear');
        strict_1.default.equal(summary.events, events.length);
        strict_1.default.equal(summary.aggregates, new Set(events.map((e) => e.metadata.aggregate_id)).size);
        strict_1.default.equal(summary.correlations, new Set(events.map((e) => e.metadata.correlation_id).filter((c) => c !== null)).size);
        strict_1.default.equal(summary.firstTimestamp, events[0].metadata.timestamp);
        strict_1.default.equal(summary.lastTimestamp, events[events.length - 1].metadata.timestamp);
        strict_1.default.equal(summary.bytes, summary.files.reduce((n, f) => n + fs.statSync(path.join(root, f)).size, 0));
    });
    (0, node_test_1.it)('numbers events with one bus-wide counter, strictly increasing across files, with increasing timestamps', () => {
        let previousSeq = 0;
        let previousTime = '';
        for (const { event } of lines) {
            strict_1.default.ok(event.metadata.sequence_number > previousSeq);
            strict_1.default.ok(event.metadata.timestamp >= previousTime);
            previousSeq = event.metadata.sequence_number;
            previousTime = event.metadata.timestamp;
        }
        strict_1.default.equal(summary.sequenceMode, 'global');
    });
    (0, node_test_1.it)('chains 2–6 events per correlation, each caused by the previous one, crossing aggregates', () => {
        const chains = new Map();
        const byId = new Map();
        for (const { event } of lines) {
            byId.set(event.metadata.event_id, event);
            const c = event.metadata.correlation_id;
            if (c !== null)
                chains.set(c, [...(chains.get(c) ?? []), event]);
        }
        const lengths = new Set();
        let crossing = 0;
        for (const chain of chains.values()) {
            strict_1.default.ok(chain.length >= 2 && chain.length <= 6, `chain of ${chain.length}`);
            lengths.add(chain.length);
            strict_1.default.equal(chain[0].metadata.causation_id, null);
            for (let i = 1; i < chain.length; i++)
                strict_1.default.equal(chain[i].metadata.causation_id, chain[i - 1].metadata.event_id);
            if (new Set(chain.map((e) => e.metadata.aggregate_id)).size > 1)
                crossing++;
        }
        strict_1.default.deepEqual([...lengths].sort(), [2, 3, 4, 5, 6]);
        strict_1.default.ok(crossing > chains.size / 2, 'most chains cross aggregates');
        for (const { event } of lines) {
            const cause = event.metadata.causation_id;
            if (cause !== null)
                strict_1.default.ok(byId.has(cause), `causation ${cause} resolves`);
        }
        // Events outside chains have neither id.
        const standalone = lines.filter((l) => l.event.metadata.correlation_id === null);
        strict_1.default.ok(standalone.length > 0 && standalone.every((l) => l.event.metadata.causation_id === null));
    });
    (0, node_test_1.it)('skews aggregates: the largest holds more than 10x the median', () => {
        const counts = new Map();
        for (const { event } of lines)
            counts.set(event.metadata.aggregate_id, (counts.get(event.metadata.aggregate_id) ?? 0) + 1);
        const sorted = [...counts.values()].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        strict_1.default.ok(sorted[sorted.length - 1] > 10 * median, `largest ${sorted[sorted.length - 1]}, median ${median}`);
        strict_1.default.ok([...counts.keys()].some((id) => /^market_data_[A-Z]+_[A-Z]+$/.test(id)));
        strict_1.default.ok([...counts.keys()].some((id) => /^trader_\d+$/.test(id)));
    });
    (0, node_test_1.it)('has plausible data per type, sources per type, retries and failures', () => {
        const trade = lines.find((l) => l.event.event_type === 'trade_executed').event;
        const data = trade.data;
        strict_1.default.ok(['buy', 'sell'].includes(data.side));
        strict_1.default.ok(data.quantity > 0 && data.price > 0);
        strict_1.default.equal(trade.metadata.source, 'Exchange');
        const tick = lines.find((l) => l.event.event_type === 'market_data_received').event.data;
        strict_1.default.ok(tick.bid < tick.ask);
        strict_1.default.ok(lines.some((l) => l.event.metadata.retry_count > 0));
        strict_1.default.ok(lines.some((l) => l.event.metadata.status === 'failed'));
        // The bus was upgraded mid-store: later trade_executed events are 1.1.
        const versions = new Set(lines.filter((l) => l.event.event_type === 'trade_executed').map((l) => l.event.metadata.schema_version));
        strict_1.default.deepEqual([...versions].sort(), ['1.0', '1.1']);
    });
    (0, node_test_1.it)('writes schemas that every generated event satisfies, and a migration from 1.0 to 1.1 that parses', () => {
        strict_1.default.equal(summary.schemaFiles.length, 16);
        const validators = new Map();
        for (const file of summary.schemaFiles.filter((f) => f.endsWith('.schema.json'))) {
            const schema = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
            strict_1.default.equal(typeof schema.title, 'string');
            strict_1.default.ok(Array.isArray(schema.required));
            const [, type, version] = /^schemas\/([^/]+)\/(.+)\.schema\.json$/.exec(file);
            validators.set(`${type}@${version}`, new ajv_1.default({ strict: false }).compile(schema));
        }
        for (const { event } of lines) {
            const validate = validators.get(`${event.event_type}@${event.metadata.schema_version}`);
            strict_1.default.ok(validate, `schema for ${event.event_type} ${event.metadata.schema_version}`);
            strict_1.default.ok(validate(event.data), `${event.event_type}: ${JSON.stringify(validate.errors)}`);
        }
        const badSide = { symbol: 'BTCUSDT', side: 'hold', quantity: 1, price: 1, order_id: 'ord_1', fee: 0 };
        strict_1.default.equal(validators.get('trade_executed@1.0')(badSide), false);
        const migration = JSON.parse(fs.readFileSync(path.join(root, 'schemas/trade_executed/1.0-to-1.1.migration.json'), 'utf8'));
        strict_1.default.deepEqual(Object.keys(migration).sort(), ['description', 'operations']);
    });
    (0, node_test_1.it)('writes snapshots whose state the default reducer rebuilds exactly', () => {
        strict_1.default.ok(summary.snapshots.length >= 4);
        strict_1.default.ok(summary.snapshots.some((s) => s.aggregate_id === 'system' && s.file === 'snapshots/snapshot_system_100.json'));
        const ref = summary.snapshots.find((s) => s.aggregate_id !== 'system');
        const snapshot = JSON.parse(fs.readFileSync(path.join(root, ref.file), 'utf8'));
        strict_1.default.equal(snapshot.aggregate_id, ref.aggregate_id);
        strict_1.default.equal(snapshot.sequence_number, ref.sequence_number);
        let state = {};
        for (const { event } of lines) {
            if (event.metadata.aggregate_id !== ref.aggregate_id || event.metadata.sequence_number > ref.sequence_number)
                continue;
            state = (0, defaultReducer_1.defaultReducer)(state, event);
        }
        strict_1.default.deepEqual(snapshot.state, JSON.parse(JSON.stringify(state)));
    });
});
(0, node_test_1.describe)('generateStore: determinism', () => {
    (0, node_test_1.it)('writes byte-identical stores for the same seed and options, different ones for another seed', () => {
        const a = path.join(temp.dir, 'det-a');
        const b = path.join(temp.dir, 'det-b');
        const c = path.join(temp.dir, 'det-c');
        (0, generateStore_1.generateStoreSync)({ events: 3_000, outDir: a, seed: 'demo', withErrors: true });
        (0, generateStore_1.generateStoreSync)({ events: 3_000, outDir: b, seed: 'demo', withErrors: true });
        (0, generateStore_1.generateStoreSync)({ events: 3_000, outDir: c, seed: 'other', withErrors: true });
        const files = listFiles(a);
        strict_1.default.deepEqual(listFiles(b), files);
        strict_1.default.ok(files.length > 20);
        for (const file of files)
            strict_1.default.ok(fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))), file);
        const first = files.find((f) => f.startsWith('events'));
        strict_1.default.ok(!fs.readFileSync(path.join(a, first)).equals(fs.readFileSync(path.join(c, first))));
    });
    (0, node_test_1.it)('refuses to write over an existing store unless forced, and replaces it when forced', () => {
        const dir = path.join(temp.dir, 'twice');
        (0, generateStore_1.generateStoreSync)({ events: 100, outDir: dir });
        strict_1.default.throws(() => (0, generateStore_1.generateStoreSync)({ events: 100, outDir: dir }), /already holds a store/);
        fs.writeFileSync(path.join(dir, 'events', 'events_2030-01-01.jsonl'), 'stale\n');
        (0, generateStore_1.generateStoreSync)({ events: 100, outDir: dir, force: true });
        strict_1.default.ok(!fs.existsSync(path.join(dir, 'events', 'events_2030-01-01.jsonl')));
    });
    (0, node_test_1.it)('rejects options it cannot honour', () => {
        strict_1.default.throws(() => (0, generateStore_1.generateStoreSync)({ events: 0, outDir: path.join(temp.dir, 'zero') }), /positive whole number/);
        strict_1.default.throws(() => (0, generateStore_1.generateStoreSync)({ events: 10, outDir: path.join(temp.dir, 'days'), days: 0 }), /days must be/);
    });
});
(0, node_test_1.describe)('generateStore: options', () => {
    (0, node_test_1.it)('pythonStyle writes json.dumps spacing, ASCII escapes and naive microsecond timestamps', () => {
        const root = path.join(temp.dir, 'python');
        (0, generateStore_1.generateStoreSync)({ events: 2_000, outDir: root, seed: 3, pythonStyle: true });
        const raw = fs.readFileSync(path.join(root, 'events', 'events_2024-01-15.jsonl'));
        strict_1.default.ok(raw.every((byte) => byte < 0x80), 'non-ASCII is escaped');
        strict_1.default.ok(raw.includes('\\u2014'), 'the dash in risk alerts is written as \\u2014');
        const lines = readStore(root);
        for (const { text, event } of lines) {
            strict_1.default.ok(text.startsWith('{"event_type": "'), text.slice(0, 40));
            strict_1.default.ok(text.includes('", "metadata": {"event_id": "') || text.includes('}, "metadata": {"event_id": "'));
            strict_1.default.ok(!/","|":"/.test(text), 'no compact separators');
            strict_1.default.match(event.metadata.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
        }
        strict_1.default.ok(lines.some((l) => /"price": \d+\.0[,}]/.test(l.text) || /: \d+\.0[,}]/.test(l.text)), 'whole floats keep .0');
    });
    (0, node_test_1.it)("sequenceMode 'aggregate' numbers each aggregate 1, 2, 3…", () => {
        const root = path.join(temp.dir, 'per-aggregate');
        const summary = (0, generateStore_1.generateStoreSync)({ events: 2_000, outDir: root, seed: 5, sequenceMode: 'aggregate' });
        strict_1.default.equal(summary.sequenceMode, 'aggregate');
        const next = new Map();
        for (const { event } of readStore(root)) {
            const id = event.metadata.aggregate_id;
            const expected = (next.get(id) ?? 0) + 1;
            strict_1.default.equal(event.metadata.sequence_number, expected, id);
            next.set(id, expected);
        }
    });
    (0, node_test_1.it)('withErrors injects every kind of fault, where the summary says', () => {
        const root = path.join(temp.dir, 'faulty');
        const summary = (0, generateStore_1.generateStoreSync)({ events: 5_000, outDir: root, seed: 9, withErrors: true });
        const kinds = new Set(summary.faults.map((f) => f.kind));
        for (const kind of [
            'schema-missing-field', 'schema-bad-enum', 'schema-wrong-type', 'unknown-schema-version', 'duplicate-event-id',
            'bad-timestamp', 'unknown-causation', 'invalid-json', 'nan-value', 'torn-last-line', 'snapshot-drift',
        ]) {
            strict_1.default.ok(kinds.has(kind), kind);
        }
        const lines = readStore(root);
        strict_1.default.equal(lines.length, summary.lines);
        strict_1.default.equal(lines.filter((l) => l.event).length, summary.events);
        strict_1.default.equal(lines.filter((l) => !l.event).length, summary.invalidLines);
        strict_1.default.equal(summary.invalidLines, 3);
        const at = (kind) => {
            const fault = summary.faults.find((f) => f.kind === kind);
            return lines.find((l) => l.file === fault.file && l.line === fault.line);
        };
        strict_1.default.ok(!('price' in at('schema-missing-field').event.data));
        strict_1.default.equal(at('schema-bad-enum').event.data.side, 'hold');
        strict_1.default.equal(typeof at('schema-wrong-type').event.data.price, 'string');
        strict_1.default.equal(at('unknown-schema-version').event.metadata.schema_version, '2.0');
        strict_1.default.match(at('bad-timestamp').event.metadata.timestamp, /T25:/);
        strict_1.default.match(at('nan-value').text, /"price":NaN/);
        strict_1.default.equal(at('invalid-json').event, undefined);
        const duplicate = at('duplicate-event-id').event.metadata.event_id;
        strict_1.default.equal(lines.filter((l) => l.event?.metadata.event_id === duplicate).length, 2);
        const stray = at('unknown-causation').event.metadata.causation_id;
        strict_1.default.ok(stray && !lines.some((l) => l.event?.metadata.event_id === stray));
        const last = summary.files[summary.files.length - 1];
        const tail = fs.readFileSync(path.join(root, last), 'utf8');
        strict_1.default.ok(!tail.endsWith('\n'), 'the last line is torn');
        strict_1.default.equal(summary.faults.find((f) => f.kind === 'torn-last-line').file, last);
        const drift = summary.faults.find((f) => f.kind === 'snapshot-drift');
        strict_1.default.ok(fs.existsSync(path.join(root, drift.file)));
    });
});
(0, node_test_1.describe)('generator helpers', () => {
    (0, node_test_1.it)('draws RFC 4122 version-4 UUIDs from the seed', () => {
        const a = (0, prng_1.createPrng)(1);
        const b = (0, prng_1.createPrng)(1);
        const ids = Array.from({ length: 1000 }, () => (0, prng_1.prngUuid)(a));
        strict_1.default.deepEqual(Array.from({ length: 1000 }, () => (0, prng_1.prngUuid)(b)), ids);
        strict_1.default.equal(new Set(ids).size, 1000);
        for (const id of ids)
            strict_1.default.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
    (0, node_test_1.it)('prints decimals as the same JSON numbers as rounding would', () => {
        const compact = (0, jsonStyle_1.createJsonStyle)(false);
        const python = (0, jsonStyle_1.createJsonStyle)(true);
        const prng = (0, prng_1.createPrng)(11);
        for (let i = 0; i < 5_000; i++) {
            const decimals = i % 9;
            const value = (prng.next() - 0.3) * 10 ** ((i % 10) - 4);
            strict_1.default.equal(Number((0, jsonStyle_1.decimal)(compact, value, decimals)), (0, jsonStyle_1.round)(value, decimals) || 0, `${value} to ${decimals}`);
        }
        strict_1.default.equal((0, jsonStyle_1.decimal)(compact, 2, 2), '2');
        strict_1.default.equal((0, jsonStyle_1.decimal)(python, 2, 2), '2.0');
        strict_1.default.equal((0, jsonStyle_1.decimal)(compact, 0.000012, 8), '0.000012');
        strict_1.default.equal((0, jsonStyle_1.decimal)(compact, -1.5, 1), '-1.5');
    });
});
//# sourceMappingURL=generate.unit.spec.js.map