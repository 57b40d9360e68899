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
const postgresStorage_1 = require("../../src/engine/backends/postgres/postgresStorage");
const event_1 = require("../../src/engine/model/event");
const freePort_1 = require("../helpers/servers/freePort");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const storageSample_1 = require("../helpers/storageSample");
const tempStore_1 = require("../helpers/tempStore");
// A real PostgreSQL (Debian's, installed by .ci/run), started for this file
// on a free 127.0.0.1 port and stopped by its pid.
const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PYTHON_WRITER = path.join(ROOT, 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
const skip = (0, postgresServer_1.postgresUnavailable)() ?? false;
function eventbus(args, env = {}) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}
const collect = storageSample_1.collectEvents;
const sample = storageSample_1.storageSample;
/** Lines of a store's day files that parse as events, in store order, without line ends (the Python fixture writes one day with CRLF). */
function eventLines(store) {
    const lines = [];
    for (const file of fs.readdirSync(path.join(store, 'events')).sort()) {
        const bytes = fs.readFileSync(path.join(store, 'events', file));
        const text = (file.endsWith('.gz') ? require('node:zlib').gunzipSync(bytes) : bytes).toString('utf8');
        for (const line of text.split(/\r?\n/)) {
            try {
                const value = JSON.parse(line);
                if (value && typeof value === 'object' && 'event_type' in value)
                    lines.push(line);
            }
            catch {
                // not an event: torn, NaN, blank
            }
        }
    }
    return lines;
}
(0, node_test_1.describe)('PostgreSQL stores (a real server)', { skip }, () => {
    let server;
    let databases = 0;
    const freshDatabase = () => server.createDatabase(`store_${++databases}`);
    (0, node_test_1.before)(async () => {
        server = await (0, postgresServer_1.startPostgres)();
    });
    (0, node_test_1.after)(() => server?.stop());
    (0, node_test_1.it)('answers every EventQuery field exactly as the in-memory store does', async () => {
        const postgres = await postgresStorage_1.PostgresEventStorage.open(`${freshDatabase()}?schema=bus`, { create: true });
        try {
            const events = sample();
            await postgres.append(events);
            await (0, storageSample_1.assertAnswersLikeMemory)(postgres, events);
            strict_1.default.deepEqual((await collect(postgres, { aggregateId: 'a' })).map((e) => e.metadata.sequence_number), [1, 2], 'sequence order');
            strict_1.default.equal(await postgres.lastSequence(), 4);
            strict_1.default.equal(await postgres.lastSequence('a'), 2);
            strict_1.default.equal(await postgres.lastSequence('nobody'), -1);
            strict_1.default.equal((await postgres.getEvent(events[1].metadata.event_id))?.event_type, 'risk_alert');
            strict_1.default.equal(await postgres.getEvent('missing'), undefined);
            const counts = await postgres.countEvents();
            strict_1.default.equal(counts.total, 4);
            strict_1.default.deepEqual([...counts.byAggregate.entries()].sort(), [['a', 2], ['b', 1]]);
            await postgres.saveSnapshot({ aggregate_id: 'a', sequence_number: 2, timestamp: '2024-01-16T00:00:00Z', state: { total: 1.5 } });
            strict_1.default.deepEqual((await postgres.listSnapshots('a')).map((r) => r.sequence_number), [2]);
            strict_1.default.deepEqual((await postgres.loadSnapshot({ aggregate_id: 'a', sequence_number: 2, file: '' })).state, { total: 1.5 });
            // An append names its expected version: a taken (aggregate, sequence) is refused, nothing is written.
            await strict_1.default.rejects(postgres.append([(0, event_1.createEvent)('trade_executed', {}, { aggregate_id: 'a', sequence_number: 2 })]), /sequence 2 of aggregate a is already taken/);
            strict_1.default.equal((await postgres.countEvents()).total, 4);
        }
        finally {
            await postgres.close();
        }
    });
    (0, node_test_1.it)('streams a query of more than one page in order', async () => {
        const postgres = await postgresStorage_1.PostgresEventStorage.open(freshDatabase(), { create: true });
        try {
            const events = Array.from({ length: 2_503 }, (_, i) => (0, event_1.createEvent)('tick', { i }, { aggregate_id: `agg_${i % 3}`, sequence_number: i, timestamp: '2024-01-15T10:00:00Z' }));
            await postgres.append(events);
            const all = await collect(postgres, {});
            strict_1.default.deepEqual(all.map((e) => e.data.i), events.map((_, i) => i));
            const one = await collect(postgres, { aggregateId: 'agg_1' });
            strict_1.default.equal(one.length, 834);
            strict_1.default.ok(one.every((e, k) => k === 0 || e.metadata.sequence_number > one[k - 1].metadata.sequence_number));
        }
        finally {
            await postgres.close();
        }
    });
    (0, node_test_1.it)('eventbus copy moves a Python-written store with every line byte for byte, and --verify agrees', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            (0, node_child_process_1.execFileSync)('python3', [PYTHON_WRITER, store]);
            const url = `${freshDatabase()}?schema=python_bus`;
            const copied = eventbus(['copy', '--from', store, '--to', url, '--verify']);
            strict_1.default.equal(copied.status, 0, copied.stderr + copied.stdout);
            strict_1.default.match(copied.stdout, /copied 199 events of 199 read; 0 were already there/);
            strict_1.default.match(copied.stdout, /left out 2 lines that are not events/);
            strict_1.default.match(copied.stdout, /verified: all 199 events are in the target with identical lines/);
            const stored = server.psql('SELECT raw FROM python_bus.eventbus_events ORDER BY global_position', url.split('/').pop().split('?')[0]).split('\n').filter(Boolean);
            strict_1.default.deepEqual(stored, eventLines(store), 'the lines as Python wrote them (spacing, key order, number text), without their CRLF line ends');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('a copy killed part way is finished by running it again: nothing lost or doubled', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            const generated = eventbus(['generate', '--events', '20000', '--out', store, '--seed', '3', '--days', '2']);
            strict_1.default.equal(generated.status, 0, generated.stderr);
            const url = freshDatabase();
            const database = url.split('/').pop();
            const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'copy', '--from', store, '--to', url, '--batch', '200'], { stdio: 'ignore' });
            const exited = new Promise((resolve) => child.once('exit', () => resolve()));
            // Kill it once some batches are in, well before the end.
            const rowsSoFar = () => {
                try {
                    return Number(server.psql('SELECT count(*) FROM eventbus_events', database).trim());
                }
                catch {
                    return 0; // the copy has not created the table yet
                }
            };
            for (let waited = 0; waited < 60_000; waited += 20) {
                if (rowsSoFar() > 0)
                    break;
                await new Promise((r) => setTimeout(r, 20));
            }
            child.kill('SIGKILL');
            await exited;
            const partial = Number(server.psql('SELECT count(*) FROM eventbus_events', database).trim());
            strict_1.default.ok(partial > 0 && partial < 20_000, `killed after ${partial} events`);
            const resumed = eventbus(['copy', '--from', store, '--to', url, '--verify', '--json']);
            strict_1.default.equal(resumed.status, 0, resumed.stderr + resumed.stdout);
            const summary = JSON.parse(resumed.stdout);
            strict_1.default.equal(summary.copy.read, 20_000);
            strict_1.default.equal(summary.copy.inserted + summary.copy.already_there, 20_000);
            strict_1.default.equal(summary.copy.already_there, partial);
            strict_1.default.equal(summary.verify.differenceCount, 0);
            strict_1.default.equal(summary.verify.extraInTarget, 0);
            strict_1.default.equal(server.psql('SELECT count(*), count(DISTINCT event_id) FROM eventbus_events', database).trim(), '20000|20000');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('an event whose aggregate and sequence another event holds is refused and named, exit 1', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            strict_1.default.equal(eventbus(['generate', '--events', '500', '--out', store, '--seed', '5', '--days', '1']).status, 0);
            const day = path.join(store, 'events', fs.readdirSync(path.join(store, 'events')).find((f) => f.endsWith('.jsonl')));
            const taken = eventLines(store).map((line) => JSON.parse(line)).find((e) => e.metadata.aggregate_id !== null);
            const intruder = { ...taken, metadata: { ...taken.metadata, event_id: '00000000-0000-4000-8000-000000000001' } };
            fs.appendFileSync(day, `${JSON.stringify(intruder)}\n`);
            const copied = eventbus(['copy', '--from', store, '--to', freshDatabase()]);
            strict_1.default.equal(copied.status, 1, copied.stderr + copied.stdout);
            strict_1.default.match(copied.stdout, /copied 500 events of 501 read/);
            strict_1.default.match(copied.stdout, /refused 1 events: another event holds the same aggregate and sequence/);
            strict_1.default.ok(copied.stdout.includes(`"00000000-0000-4000-8000-000000000001" "${taken.metadata.aggregate_id}" #${taken.metadata.sequence_number}`), copied.stdout);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('connection failures are one clear line and exit 2, never a hang or the password', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            strict_1.default.equal(eventbus(['generate', '--events', '100', '--out', store, '--seed', '1']).status, 0);
            const nobody = await (0, freePort_1.freePort)();
            const refused = eventbus(['copy', '--from', store, '--to', `postgres://postgres@127.0.0.1:${nobody}/x`]);
            strict_1.default.equal(refused.status, 2);
            strict_1.default.match(refused.stderr, /127\.0\.0\.1:\d+\/x: nothing is listening there/);
            strict_1.default.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
            server.psql(`CREATE ROLE ${postgresServer_1.PASSWORD_ROLE} LOGIN PASSWORD 'right-password'`);
            const wrong = eventbus(['copy', '--from', store, '--to', `postgres://${postgresServer_1.PASSWORD_ROLE}:wrong-secret@127.0.0.1:${server.port}/postgres`]);
            strict_1.default.equal(wrong.status, 2);
            strict_1.default.match(wrong.stderr, /the password was refused \(28P01\)/);
            strict_1.default.doesNotMatch(wrong.stderr + wrong.stdout, /wrong-secret/);
            const empty = eventbus(['copy', '--from', store, '--to', freshDatabase(), '--no-copy']);
            strict_1.default.equal(empty.status, 2);
            strict_1.default.match(empty.stderr, /the event table is missing/);
            const folder = eventbus(['copy', '--from', store, '--to', path.join(dir, 'elsewhere')]);
            strict_1.default.equal(folder.status, 2);
            strict_1.default.match(folder.stderr, /--to must be a postgres:\/\/ or nats:\/\/ URL/);
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=postgresStore.int.spec.js.map