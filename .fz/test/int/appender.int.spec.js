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
const zlib = __importStar(require("node:zlib"));
const event_1 = require("../../src/engine/model/event");
const compressDay_1 = require("../../src/engine/store/compressDay");
const eventFileAppender_1 = require("../../src/engine/store/eventFileAppender");
const tempStore_1 = require("../helpers/tempStore");
function eventAt(timestamp, n) {
    return (0, event_1.createEvent)('trade_executed', { n }, { timestamp, sequence_number: n, source: 'test' });
}
/** Event lines of a file, as the brief's crash check reads them: split on '\n', skip blank lines. */
function linesOf(file) {
    return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
}
function numbersIn(file) {
    return linesOf(file).map((line) => JSON.parse(line).data.n);
}
(0, node_test_1.describe)('EventFileAppender', () => {
    (0, node_test_1.it)('group-commits concurrent appends across a day boundary into the right day files, in order', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            const appends = [];
            const expected = new Map([['2024-01-15', []], ['2024-01-16', []]]);
            for (let n = 0; n < 400; n++) {
                // Alternate sides of midnight; some calls carry events of both days at once.
                const day = n % 2 === 0 ? '2024-01-15T23:59:59.999Z' : '2024-01-16T00:00:00.000Z';
                expected.get(day.slice(0, 10))?.push(n);
                if (n % 10 === 9) {
                    const other = n + 1000;
                    expected.get('2024-01-15')?.push(other);
                    appends.push(appender.append([eventAt(day, n), eventAt('2024-01-15T12:00:00Z', other)]));
                }
                else {
                    appends.push(appender.append([eventAt(day, n)]));
                }
                if (n % 50 === 0)
                    await new Promise((resolve) => setImmediate(resolve)); // let some commits start midway
            }
            await Promise.all(appends);
            const { commits, events } = appender.stats;
            await appender.close();
            const events15 = path.join(dir, 'events', 'events_2024-01-15.jsonl');
            const events16 = path.join(dir, 'events', 'events_2024-01-16.jsonl');
            strict_1.default.deepEqual(numbersIn(events15), expected.get('2024-01-15'));
            strict_1.default.deepEqual(numbersIn(events16), expected.get('2024-01-16'));
            strict_1.default.equal(events, 440);
            strict_1.default.ok(commits < 100, `appends were grouped: ${commits} commits for 400 appends`);
            strict_1.default.ok(fs.readFileSync(events15, 'utf8').endsWith('\n'));
            strict_1.default.equal(fs.existsSync(path.join(dir, 'writer.lock')), false, 'close releases the lock');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('resolves an append only after its lines are in the file', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            const file = path.join(dir, 'events', 'events_2024-02-01.jsonl');
            for (let n = 0; n < 5; n++) {
                await appender.append([eventAt('2024-02-01T08:00:00Z', n)]);
                strict_1.default.deepEqual(numbersIn(file).slice(-1), [n], 'visible as soon as append resolved');
            }
            await appender.close();
            await strict_1.default.rejects(appender.append([eventAt('2024-02-01T08:00:00Z', 9)]), /closed/);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('starts new lines after a torn tail without touching its bytes', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const whole = JSON.stringify(JSON.parse(JSON.stringify(eventAt('2024-01-15T10:00:00Z', 1))));
            const torn = '{"event_type":"trade_executed","data":{"n":2},"metad';
            const original = `${whole}\n${torn}`;
            const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', original);
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            await appender.append([eventAt('2024-01-15T11:00:00Z', 3)]);
            await appender.append([eventAt('2024-01-15T12:00:00Z', 4)]);
            await appender.close();
            const after = fs.readFileSync(file, 'utf8');
            strict_1.default.ok(after.startsWith(original), 'the torn bytes are kept exactly');
            const lines = after.split('\n');
            strict_1.default.equal(lines[1], torn, 'the torn line stays on its own line');
            strict_1.default.deepEqual(lines.slice(2, 4).map((l) => JSON.parse(l).data.n), [3, 4]);
            strict_1.default.equal(lines[4], '');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('adds no newline to a file that already ends with one', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const first = `${JSON.stringify(eventAt('2024-01-15T10:00:00Z', 1))}\n`;
            const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', first);
            const appender = await eventFileAppender_1.EventFileAppender.open(dir);
            await appender.append([eventAt('2024-01-15T11:00:00Z', 2)]);
            await appender.close();
            strict_1.default.equal(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l === '').length, 1, 'no blank line');
            strict_1.default.deepEqual(numbersIn(file), [1, 2]);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('gzips closed days when the writer moves to a new day, adding a member to an existing .gz', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            // The 14th was compressed before and then got more lines (plain again); it ends mid-line in the .gz.
            const oldGz = `${JSON.stringify(eventAt('2024-01-14T09:00:00Z', 140))}\n{"torn":`;
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-14.jsonl.gz', zlib.gzipSync(oldGz));
            (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-14.jsonl', `${JSON.stringify(eventAt('2024-01-14T10:00:00Z', 141))}\n`);
            let now = Date.parse('2024-01-15T23:59:59Z');
            const errors = [];
            const appender = await eventFileAppender_1.EventFileAppender.open(dir, {
                compression: true,
                clock: () => now,
                onBackgroundError: (error) => errors.push(error),
            });
            await appender.append([eventAt('2024-01-15T23:59:58Z', 150)]);
            strict_1.default.ok(fs.existsSync(path.join(dir, 'events', 'events_2024-01-15.jsonl')), 'same day: nothing compressed yet');
            now = Date.parse('2024-01-16T00:00:01Z');
            await appender.append([eventAt('2024-01-16T00:00:01Z', 160)]);
            await appender.close(); // waits for the background compression
            strict_1.default.deepEqual(errors, []);
            const eventsDir = path.join(dir, 'events');
            strict_1.default.deepEqual(fs.readdirSync(eventsDir).sort(), [
                'events_2024-01-14.jsonl.gz',
                'events_2024-01-15.jsonl.gz',
                'events_2024-01-16.jsonl',
            ]);
            const day15 = zlib.gunzipSync(fs.readFileSync(path.join(eventsDir, 'events_2024-01-15.jsonl.gz'))).toString('utf8');
            strict_1.default.deepEqual(day15.split('\n').filter(Boolean).map((l) => JSON.parse(l).data.n), [150]);
            const day14 = zlib.gunzipSync(fs.readFileSync(path.join(eventsDir, 'events_2024-01-14.jsonl.gz'))).toString('utf8');
            strict_1.default.ok(day14.startsWith(oldGz), 'old members untouched');
            strict_1.default.equal(day14.split('\n')[1], '{"torn":', 'the new member starts on its own line');
            strict_1.default.equal(JSON.parse(day14.split('\n')[2]).data.n, 141);
            strict_1.default.deepEqual(numbersIn(path.join(eventsDir, 'events_2024-01-16.jsonl')), [160]);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('waits for a day being compressed before appending more of it, then starts a fresh plain file', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            let now = Date.parse('2024-03-01T12:00:00Z');
            const appender = await eventFileAppender_1.EventFileAppender.open(dir, { compression: true, clock: () => now });
            await appender.append([eventAt('2024-03-01T12:00:00Z', 1)]);
            now = Date.parse('2024-03-02T00:00:05Z');
            // A late event of the closed day arrives in the same commit that notices the new day.
            await Promise.all([appender.append([eventAt('2024-03-02T00:00:05Z', 2)]), appender.append([eventAt('2024-03-01T23:59:59Z', 3)])]);
            const results = await appender.compressClosedDays();
            await appender.close();
            strict_1.default.deepEqual(results.map((r) => r.outcome), ['appended-member']);
            const day1 = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'events', 'events_2024-03-01.jsonl.gz'))).toString('utf8');
            strict_1.default.deepEqual(day1.split('\n').filter(Boolean).map((l) => JSON.parse(l).data.n), [1, 3]);
            strict_1.default.equal(fs.existsSync(path.join(dir, 'events', 'events_2024-03-01.jsonl')), false);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('compressDayFile finishes a compression that died before removing the plain file', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const content = `${JSON.stringify(eventAt('2024-01-10T10:00:00Z', 1))}\n`;
            const gz = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-10.jsonl.gz', zlib.gzipSync(content));
            const plain = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-10.jsonl', content);
            const before = fs.readFileSync(gz);
            const result = await (0, compressDay_1.compressDayFile)(path.join(dir, 'events'), '2024-01-10');
            strict_1.default.equal(result.outcome, 'already-compressed');
            strict_1.default.equal(fs.existsSync(plain), false);
            strict_1.default.ok(fs.readFileSync(gz).equals(before), 'no duplicate member');
            strict_1.default.equal((await (0, compressDay_1.compressDayFile)(path.join(dir, 'events'), '2024-01-10')).outcome, 'nothing');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('compressDayFile leaves both files alone when the existing .gz is unreadable', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const gz = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-11.jsonl.gz', 'not gzip at all');
            const plain = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-11.jsonl', '{"a":1}\n');
            await strict_1.default.rejects((0, compressDay_1.compressDayFile)(path.join(dir, 'events'), '2024-01-11'), /events_2024-01-11\.jsonl\.gz: the existing gzip file is unreadable/);
            strict_1.default.equal(fs.readFileSync(gz, 'utf8'), 'not gzip at all');
            strict_1.default.equal(fs.readFileSync(plain, 'utf8'), '{"a":1}\n');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=appender.int.spec.js.map