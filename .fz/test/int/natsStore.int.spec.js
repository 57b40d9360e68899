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
const natsStorage_1 = require("../../src/engine/backends/nats/natsStorage");
const freePort_1 = require("../helpers/servers/freePort");
const natsServer_1 = require("../helpers/servers/natsServer");
const storageSample_1 = require("../helpers/storageSample");
const tempStore_1 = require("../helpers/tempStore");
// A real nats-server with JetStream (Debian's 2.9, installed by .ci/run),
// started for this file on a free 127.0.0.1 port and stopped by its pid.
const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PYTHON_WRITER = path.join(ROOT, 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
const skip = (0, natsServer_1.natsUnavailable)() ?? false;
function eventbus(args) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
}
(0, node_test_1.describe)('NATS JetStream stores (a real server)', { skip }, () => {
    let server;
    let streams = 0;
    const freshStream = () => `${server.url}?stream=S${++streams}`;
    (0, node_test_1.before)(async () => {
        server = await (0, natsServer_1.startNats)();
    });
    (0, node_test_1.after)(async () => server?.stop());
    (0, node_test_1.it)('answers every EventQuery field exactly as the in-memory store does', async () => {
        const nats = await natsStorage_1.NatsEventStorage.open(freshStream(), { create: true });
        try {
            strict_1.default.match(nats.serverVersion(), /^2\./);
            const events = (0, storageSample_1.storageSample)();
            await nats.append(events);
            await (0, storageSample_1.assertAnswersLikeMemory)(nats, events);
            strict_1.default.equal(await nats.lastSequence('a'), 1, 'the last appended event of aggregate a');
            strict_1.default.equal(await nats.lastSequence(), 4);
            strict_1.default.equal((await nats.getEvent(events[1].metadata.event_id))?.event_type, 'risk_alert');
            const counts = await nats.countEvents();
            strict_1.default.equal(counts.total, 4);
            strict_1.default.deepEqual([...counts.byAggregate.entries()].sort(), [['a', 2], ['b', 1]]);
            await nats.saveSnapshot({ aggregate_id: 'market data/BTC.USDT', sequence_number: 7, timestamp: '2024-01-16T00:00:00Z', state: { price: 1.5 } });
            strict_1.default.deepEqual((await nats.listSnapshots()).map((r) => `${r.aggregate_id}@${r.sequence_number}`), ['market data/BTC.USDT@7']);
            strict_1.default.deepEqual((await nats.loadSnapshot({ aggregate_id: 'market data/BTC.USDT', sequence_number: 7, file: '' })).state, { price: 1.5 });
        }
        finally {
            await nats.close();
        }
    });
    (0, node_test_1.it)('an aggregate whose id is no subject token still reads from one literal subject', async () => {
        const nats = await natsStorage_1.NatsEventStorage.open(freshStream(), { create: true });
        try {
            const [first] = (0, storageSample_1.storageSample)();
            const odd = { ...first, metadata: { ...first.metadata, aggregate_id: 'orders.*.>' } };
            await nats.append([odd, ...(0, storageSample_1.storageSample)()]);
            strict_1.default.deepEqual((await (0, storageSample_1.collectEvents)(nats, { aggregateId: 'orders.*.>' })).map((e) => e.metadata.event_id), [odd.metadata.event_id]);
            strict_1.default.deepEqual((await (0, storageSample_1.collectEvents)(nats, { aggregateId: 'orders' })).length, 0);
        }
        finally {
            await nats.close();
        }
    });
    (0, node_test_1.it)('eventbus copy moves a Python-written store line for line, and --verify agrees', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            (0, node_child_process_1.execFileSync)('python3', [PYTHON_WRITER, store]);
            const copied = eventbus(['copy', '--from', store, '--to', freshStream(), '--verify']);
            strict_1.default.equal(copied.status, 0, copied.stderr + copied.stdout);
            strict_1.default.match(copied.stdout, /\(server 2\.\d+\.\d+\)/);
            strict_1.default.match(copied.stdout, /copied 199 events of 199 read; 0 were already there/);
            strict_1.default.match(copied.stdout, /verified: all 199 events are in the target with identical lines/);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('a copy killed part way is finished by running it again: nothing lost or doubled', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            strict_1.default.equal(eventbus(['generate', '--events', '5000', '--out', store, '--seed', '3', '--days', '2']).status, 0);
            const url = freshStream();
            const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'copy', '--from', store, '--to', url, '--batch', '100'], { stdio: 'ignore' });
            const exited = new Promise((resolve) => child.once('exit', () => resolve()));
            let partial = 0;
            for (let waited = 0; waited < 60_000 && partial === 0; waited += 20) {
                await new Promise((r) => setTimeout(r, 20));
                partial = await countIn(url).catch(() => 0);
            }
            child.kill('SIGKILL');
            await exited;
            partial = await countIn(url);
            strict_1.default.ok(partial > 0 && partial < 5_000, `killed after ${partial} events`);
            const resumed = eventbus(['copy', '--from', store, '--to', url, '--verify', '--json']);
            strict_1.default.equal(resumed.status, 0, resumed.stderr + resumed.stdout);
            const summary = JSON.parse(resumed.stdout);
            strict_1.default.equal(summary.copy.read, 5_000);
            strict_1.default.equal(summary.copy.inserted + summary.copy.already_there, 5_000);
            strict_1.default.equal(summary.verify.differenceCount, 0);
            strict_1.default.equal(summary.verify.extraInTarget, 0);
            strict_1.default.equal(await countIn(url), 5_000);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('nothing listening is one clear line and exit 2', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'event_store');
            fs.mkdirSync(store);
            strict_1.default.equal(eventbus(['generate', '--events', '50', '--out', store]).status, 0);
            const nobody = await (0, freePort_1.freePort)();
            const refused = eventbus(['copy', '--from', store, '--to', `nats://127.0.0.1:${nobody}?stream=X`]);
            strict_1.default.equal(refused.status, 2);
            strict_1.default.match(refused.stderr, /nats:\/\/127\.0\.0\.1:\d+\?stream=X: cannot connect/);
            strict_1.default.equal(refused.stderr.trim().split('\n').length, 1);
        }
        finally {
            cleanup();
        }
    });
});
async function countIn(url) {
    const storage = await natsStorage_1.NatsEventStorage.open(url);
    try {
        return await storage.total();
    }
    finally {
        await storage.close();
    }
}
//# sourceMappingURL=natsStore.int.spec.js.map