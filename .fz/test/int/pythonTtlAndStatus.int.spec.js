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
const busConfig_1 = require("../../src/engine/config/busConfig");
const storeStatus_1 = require("../../src/engine/bus/storeStatus");
const openStore_1 = require("../../src/engine/openStore");
const writeLock_1 = require("../../src/engine/store/writeLock");
const pythons_1 = require("../helpers/pythons");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const BUS = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'python_bus.py');
const PYTHON = (0, pythons_1.findPythons)().at(-1);
const SKIP = PYTHON === undefined ? 'no python3 on PATH: the store cannot be written by Python here' : false;
function cli(cwd, ...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
function writeStore(store, ...args) {
    const run = (0, node_child_process_1.spawnSync)(PYTHON.command, [BUS, 'write', store, ...args], { encoding: 'utf8' });
    strict_1.default.equal(run.status, 0, run.stderr);
}
(0, node_test_1.describe)('TTL, the writer lock and status on a Python bus store', { skip: SKIP }, () => {
    (0, node_test_1.it)('removes the days the Python bus removes (date compare from --now), keeps snapshots, and refuses while a writer holds the store', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'store');
            writeStore(store, '--days', '7', '--per-day', '10');
            fs.writeFileSync(path.join(dir, 'eventbus.config.json'), JSON.stringify({ event_bus: { event_ttl_days: 6 } }));
            const snapshots = fs.readdirSync(path.join(store, 'snapshots')).sort();
            // now - 6 days = 2024-01-16T12:00: 2024-01-16 started before it, so it goes with 2024-01-15.
            const plan = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--json');
            strict_1.default.deepEqual(JSON.parse(plan.out).plan.eventFiles.map((f) => f.day), ['2024-01-15', '2024-01-16']);
            const lock = await (0, writeLock_1.acquireWriterLock)(store);
            try {
                const refused = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--yes');
                strict_1.default.equal(refused.code, 1);
                strict_1.default.match(refused.err, /nothing removed: The event store is already open for writing by process \d+/);
                strict_1.default.equal(fs.readdirSync(path.join(store, 'events')).length, 7);
            }
            finally {
                await lock.release();
            }
            const done = cli(dir, 'cleanup', '--store', store, '--now', '2024-01-22T12:00:00', '--yes');
            strict_1.default.equal(done.code, 0, done.err);
            strict_1.default.deepEqual(fs.readdirSync(path.join(store, 'events')).sort().slice(0, 1), ['events_2024-01-17.jsonl.gz']);
            strict_1.default.deepEqual(fs.readdirSync(path.join(store, 'snapshots')).sort(), snapshots, 'snapshots stay without --snapshots');
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('status: the guide\'s get_status() keys exactly, the running writer from its lock and last health report', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const store = path.join(dir, 'store');
            writeStore(store, '--days', '1', '--per-day', '5');
            const stopped = cli(dir, 'status', '--store', store, '--json');
            strict_1.default.equal(stopped.code, 0, stopped.err);
            const status = JSON.parse(stopped.out);
            strict_1.default.deepEqual(Object.keys(status), ['timestamp', 'status', 'metrics', 'queue_size', 'subscribers_count', 'persistence_enabled', 'snapshots_enabled', 'health']);
            strict_1.default.equal(status.status, 'stopped');
            strict_1.default.deepEqual(Object.keys(status.health), ['queue', 'latency', 'storage', 'subscribers', 'writer']);
            // A writer holds the lock and reported a full queue and slow deliveries a moment ago.
            const now = Date.parse('2024-01-15T10:00:00Z');
            const report = {
                event_type: 'system_health_check',
                data: { status: 'running', queue_size: 5000, metrics: { events_processed: 42 }, latency_ms: { p50: 3, p99: 9000, samples: 10 }, subscribers_count: { trade_executed: 2 } },
                metadata: { event_id: '00000000-0000-4000-8000-000000000999', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-15T09:59:30', source: 'EventBus', correlation_id: null, causation_id: null, aggregate_id: null, sequence_number: 6, retry_count: 0, status: 'completed', tags: {} },
            };
            fs.appendFileSync(path.join(store, 'events', 'events_2024-01-15.jsonl'), `${JSON.stringify(report)}\n`);
            const lock = await (0, writeLock_1.acquireWriterLock)(store);
            const engine = await (0, openStore_1.openStore)(store, { noCache: true });
            try {
                const running = await (0, storeStatus_1.storeStatus)(engine, busConfig_1.DEFAULT_CONFIG, now);
                strict_1.default.equal(running.status, 'running');
                strict_1.default.equal(running.queue_size, 5000);
                strict_1.default.deepEqual(running.subscribers_count, { trade_executed: 2 });
                strict_1.default.deepEqual(running.metrics, { events_processed: 42 });
                strict_1.default.equal(running.health.queue.healthy, false);
                strict_1.default.equal(running.health.latency.healthy, false);
                strict_1.default.equal(running.health.writer.pid, process.pid);
                strict_1.default.equal(running.health.subscribers.healthy, true);
                // Ten minutes later the report is stale: the writer is named, its old numbers are not shown as current.
                const stale = await (0, storeStatus_1.storeStatus)(engine, busConfig_1.DEFAULT_CONFIG, now + 600_000);
                strict_1.default.equal(stale.queue_size, 0);
                strict_1.default.equal(stale.health.writer.healthy, false);
            }
            finally {
                await engine.close();
                await lock.release();
            }
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=pythonTtlAndStatus.int.spec.js.map