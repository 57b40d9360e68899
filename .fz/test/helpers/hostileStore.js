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
exports.permissionsAreIgnored = permissionsAreIgnored;
exports.writeHostileStore = writeHostileStore;
exports.hashTree = hashTree;
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const event_1 = require("../../src/engine/model/event");
const layout_1 = require("../../src/engine/store/layout");
let sequence = 0;
function goodLine(day, hour, aggregate = 'acc-1', data = { n: sequence }) {
    sequence++;
    const event = (0, event_1.createEvent)('component_started', data, {
        source: 'svc',
        aggregate_id: aggregate,
        sequence_number: sequence,
        timestamp: `${day}T${String(hour).padStart(2, '0')}:00:00.000000Z`,
    });
    return { text: (0, event_1.serializeEvent)(event), id: event.metadata.event_id };
}
/** Collects one day file's lines and what is expected of each. */
class DayFile {
    name;
    store;
    lines = [];
    constructor(name, store) {
        this.name = name;
        this.store = store;
    }
    get file() {
        return `${layout_1.EVENTS_DIR}/${this.name}`;
    }
    good(day, hour, aggregate, data) {
        const { text, id } = goodLine(day, hour, aggregate, data);
        this.lines.push(text);
        this.store.good.push({ file: this.file, line: this.lines.length, eventId: id });
        return this;
    }
    bad(text, code, indexReports, what) {
        this.lines.push(text);
        this.store.expected.push({ file: this.file, line: this.lines.length, code, indexReports, what });
        return this;
    }
    /** A hostile line that is still a valid event: indexed and readable like a good one. */
    goodRaw(text, eventId) {
        this.lines.push(text);
        this.store.good.push({ file: this.file, line: this.lines.length, eventId });
        return this;
    }
    bytes() {
        return Buffer.from(this.lines.join('\n') + '\n', 'utf8');
    }
}
const DEPTH = 100_000;
/** A valid event line with hostile content; its event id. */
function hostileEvent(day, data, metadataExtra = '', aggregate = 'acc-2') {
    sequence++;
    const id = crypto.randomUUID();
    const text = `{"event_type": "component_started", "data": ${data}, "metadata": {${metadataExtra}"event_id": "${id}", "version": "1.0.0", "schema_version": "1.0", "timestamp": "${day}T12:00:00Z", "source": "svc", "correlation_id": null, "causation_id": null, "aggregate_id": "${aggregate}", "sequence_number": ${sequence}, "retry_count": 0, "status": "pending", "tags": {"__proto__": {"polluted": "tags"}}}}`;
    return { text, id };
}
/** True when this process can read a file it has no read permission on (root, or CAP_DAC_OVERRIDE). */
function permissionsAreIgnored(dir) {
    const probe = path.join(dir, 'permission-probe');
    fs.writeFileSync(probe, 'x');
    fs.chmodSync(probe, 0o000);
    try {
        fs.readFileSync(probe);
        return true;
    }
    catch {
        return false;
    }
    finally {
        fs.chmodSync(probe, 0o600);
        fs.rmSync(probe);
    }
}
/**
 * Writes the store. `outside` is a folder next to it (not inside) holding a
 * file of valid events that a symlink in the store points at.
 */
function writeHostileStore(root, outside) {
    const store = { good: [], expected: [] };
    const events = path.join(root, layout_1.EVENTS_DIR);
    fs.mkdirSync(events, { recursive: true });
    fs.mkdirSync(outside, { recursive: true });
    const write = (day, bytes = day.bytes()) => fs.writeFileSync(path.join(events, day.name), bytes);
    // Day 1: good events only; the baseline that must survive everything else.
    const day1 = new DayFile('events_2024-01-01.jsonl', store);
    for (let h = 0; h < 5; h++)
        day1.good('2024-01-01', h);
    write(day1);
    // Day 2: hostile lines between good ones.
    const day2 = new DayFile('events_2024-01-02.jsonl', store).good('2024-01-02', 1);
    day2.lines.push('');
    const randomAt = day2.lines.length;
    day2.good('2024-01-02', 2);
    const proto = hostileEvent('2024-01-02', '{"__proto__": {"polluted": "data"}, "constructor": {"prototype": {"polluted": "ctor"}}, "prototype": 1, "ok": 1}', '"__proto__": {"polluted": "meta"}, "constructor": {"prototype": {"isAdmin": true}}, ');
    day2.goodRaw(proto.text, proto.id);
    // Its own aggregate, so rebuilding acc-2 below is not refused because of it.
    const deep = hostileEvent('2024-01-02', '['.repeat(DEPTH) + ']'.repeat(DEPTH), '', 'acc-deep');
    day2.bad(deep.text, 'EB025', false, 'a valid event nested 100,000 deep');
    const tooDeep = { eventId: deep.id, file: day2.file, line: day2.lines.length };
    const duplicate = hostileEvent('2024-01-02', '{"k": 1, "k": 2}', '"aggregate_id": "ignored", ');
    day2.goodRaw(duplicate.text, duplicate.id);
    day2.bad('{"event_type": "component_started", "data": ' + '['.repeat(DEPTH) + ', "metadata": {}}', 'EB025', true, 'invalid JSON nested 100,000 deep (the nesting limit comes first)');
    day2.bad('{"event_type": "component_started", "data": {"x": NaN}, "metadata": {}}', 'EB002', true, 'NaN');
    day2.bad(hostileEvent('2024-01-02', '{}').text.replace(/"sequence_number": \d+/, '"sequence_number": 1e400'), 'EB006', false, 'a sequence number too large for a double');
    day2.bad('[1, 2, 3]', 'EB004', true, 'JSON that is not an event');
    day2.good('2024-01-02', 3);
    const bytes2 = day2.bytes();
    // Random bytes (no line feed) and invalid UTF-8 in place of the empty line.
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0x80, 0xbf, 0xf5, 0x0d, 0x01, 0x5b]);
    const cut = lineStart(bytes2, randomAt);
    write(day2, Buffer.concat([bytes2.subarray(0, cut), garbage, bytes2.subarray(cut)]));
    store.expected.push({ file: day2.file, line: randomAt, code: 'EB001', indexReports: true, what: 'random bytes and invalid UTF-8' });
    // Day 3: a 50 MB single line (a valid event), then a good event.
    const day3 = new DayFile('events_2024-01-03.jsonl', store);
    const big = hostileEvent('2024-01-03', JSON.stringify({ blob: 'x'.repeat(50 * 1024 * 1024) }));
    day3.goodRaw(big.text, big.id).good('2024-01-03', 5);
    write(day3);
    // Day 4: a gzip cut short; the events before the cut are still read.
    const day4 = new DayFile('events_2024-01-04.jsonl.gz', store);
    for (let h = 0; h < 40; h++)
        day4.good('2024-01-04', h % 24, 'acc-1', { pad: 'p'.repeat(200), h });
    const whole4 = zlib.gzipSync(day4.bytes());
    const kept4 = zlib.gunzipSync(whole4.subarray(0, Math.floor(whole4.length / 2)), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    keepOnlyGoodBefore(store, day4.file, kept4);
    fs.writeFileSync(path.join(events, day4.name), whole4.subarray(0, Math.floor(whole4.length / 2)));
    store.expected.push({ file: day4.file, line: 1, code: 'EB021', indexReports: true, what: 'a truncated gzip' });
    // Day 5: a gzip whose compressed data is corrupted in the middle.
    const day5 = new DayFile('events_2024-01-05.jsonl.gz', store);
    for (let h = 0; h < 40; h++)
        day5.good('2024-01-05', h % 24, 'acc-1', { pad: 'q'.repeat(200), h });
    const corrupt = Buffer.from(zlib.gzipSync(day5.bytes()));
    for (let i = Math.floor(corrupt.length / 2); i < Math.floor(corrupt.length / 2) + 16; i++)
        corrupt[i] ^= 0x5a;
    let salvaged5 = Buffer.alloc(0);
    try {
        salvaged5 = zlib.gunzipSync(corrupt, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    }
    catch {
        // Nothing before the damage.
    }
    keepOnlyGoodBefore(store, day5.file, salvaged5);
    fs.writeFileSync(path.join(events, day5.name), corrupt);
    store.expected.push({ file: day5.file, line: 1, code: 'EB021', indexReports: true, what: 'a corrupt gzip' });
    // Day 7: a symlink loop.
    fs.symlinkSync('events_2024-01-07.jsonl', path.join(events, 'loop-b.jsonl.link'));
    fs.symlinkSync('loop-b.jsonl.link', path.join(events, 'events_2024-01-07.jsonl'));
    store.expected.push({ file: `${layout_1.EVENTS_DIR}/events_2024-01-07.jsonl`, line: 1, code: 'EB021', indexReports: true, what: 'a symlink loop' });
    // Day 8: a symlink to valid events outside the store.
    const outsideIds = [];
    const outsideLines = Array.from({ length: 3 }, (_, h) => {
        const line = goodLine('2024-01-08', h, 'outside');
        outsideIds.push(line.id);
        return line.text;
    });
    const outsideFile = path.join(outside, 'secret.jsonl');
    fs.writeFileSync(outsideFile, outsideLines.join('\n') + '\n');
    fs.symlinkSync(outsideFile, path.join(events, 'events_2024-01-08.jsonl'));
    store.expected.push({ file: `${layout_1.EVENTS_DIR}/events_2024-01-08.jsonl`, line: 1, code: 'EB021', indexReports: true, what: 'a symlink out of the store' });
    // Day 9: a file that cannot be read.
    const unreadableBy = makeUnreadable(path.join(events, 'events_2024-01-09.jsonl'), goodLine('2024-01-09', 1).text + '\n');
    store.expected.push({ file: `${layout_1.EVENTS_DIR}/events_2024-01-09.jsonl`, line: 1, code: 'EB021', indexReports: true, what: `an unreadable file (${unreadableBy})` });
    // Day 10: a day file that goes back in time: its events are dated days
    // before the previous day's, for the same aggregate.
    const day10 = new DayFile('events_2024-01-10.jsonl', store).good('2024-01-10', 1);
    day10.good('2024-01-02', 0, 'acc-1');
    store.expected.push({ file: day10.file, line: 2, code: 'EB018', indexReports: false, what: 'a timestamp earlier than the previous event of its aggregate' });
    write(day10);
    return { root, good: store.good, expected: store.expected, outsideIds, unreadableBy, tooDeep };
}
/**
 * Makes `file` unreadable with `content` in it. Without privileges that is
 * chmod 000 (EACCES). As root (the usual container) permissions do not stop
 * reads, so a folder takes the file's place instead: the reader's
 * "cannot read" path (EISDIR instead of EACCES) is the one exercised.
 */
function makeUnreadable(file, content) {
    if (permissionsAreIgnored(path.dirname(file))) {
        fs.mkdirSync(file);
        fs.writeFileSync(path.join(file, 'inside.jsonl'), content);
        return 'a folder where the file should be: running as root, chmod 000 would not stop reads';
    }
    fs.writeFileSync(file, content);
    fs.chmodSync(file, 0o000);
    return 'chmod 000 (EACCES)';
}
/** Removes from `good` the events of `file` that were not (completely) decompressed before the damage. */
function keepOnlyGoodBefore(store, file, salvaged) {
    let completeLines = 0;
    for (let at = salvaged.indexOf(10); at !== -1; at = salvaged.indexOf(10, at + 1))
        completeLines++;
    for (let i = store.good.length - 1; i >= 0; i--)
        if (store.good[i].file === file && store.good[i].line > completeLines)
            store.good.splice(i, 1);
}
function lineStart(buf, line) {
    let at = 0;
    for (let n = 1; n < line; n++)
        at = buf.indexOf(10, at) + 1;
    return at;
}
/**
 * Every entry under `root` with what it is: a file's sha-256, a symlink's
 * target (never followed), a folder. Entries under `skip` (store-relative)
 * are left out; `withTimes: false` leaves modification times out (for a test
 * that touches files itself).
 */
function hashTree(root, skip = [], options = {}) {
    const withTimes = options.withTimes ?? true;
    const out = new Map();
    const walk = (dir) => {
        for (const name of fs.readdirSync(dir).sort()) {
            const abs = path.join(dir, name);
            const rel = path.relative(root, abs).split(path.sep).join('/');
            if (skip.some((s) => rel === s || rel.startsWith(`${s}/`)))
                continue;
            const stat = fs.lstatSync(abs);
            if (stat.isSymbolicLink())
                out.set(rel, `link ${fs.readlinkSync(abs)}`);
            else if (stat.isDirectory()) {
                out.set(rel, `dir ${(stat.mode & 0o777).toString(8)}`);
                walk(abs);
            }
            else {
                const readable = (stat.mode & 0o444) !== 0;
                if (!readable)
                    fs.chmodSync(abs, stat.mode | 0o400);
                try {
                    out.set(rel, `file ${(stat.mode & 0o777).toString(8)} ${stat.size} ${withTimes ? stat.mtimeMs : ''} ${crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex')}`);
                }
                finally {
                    if (!readable)
                        fs.chmodSync(abs, stat.mode);
                }
            }
        }
    };
    walk(root);
    return out;
}
//# sourceMappingURL=hostileStore.js.map