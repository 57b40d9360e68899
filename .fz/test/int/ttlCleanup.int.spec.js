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
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const zlib = __importStar(require("node:zlib"));
const node_test_1 = require("node:test");
const busConfig_1 = require("../../src/engine/config/busConfig");
const describeCleanupPlan_1 = require("../../src/engine/ttl/describeCleanupPlan");
const executeCleanup_1 = require("../../src/engine/ttl/executeCleanup");
const planCleanup_1 = require("../../src/engine/ttl/planCleanup");
const tempStore_1 = require("../helpers/tempStore");
const NOW = Date.parse('2024-02-10T12:00:00Z');
function snapshot(root, aggregate, sequence, timestamp, mtime) {
    const file = path.join(root, 'snapshots', `snapshot_${aggregate}_${sequence}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ aggregate_id: aggregate, sequence_number: sequence, ...(timestamp ? { timestamp } : {}), state: {} }));
    if (mtime)
        fs.utimesSync(file, new Date(mtime), new Date(mtime));
}
function buildStore(root) {
    (0, tempStore_1.writeEventFile)(root, 'events_2024-01-01.jsonl', '{}\n');
    (0, tempStore_1.writeEventFile)(root, 'events_2024-01-02.jsonl.gz', zlib.gzipSync('{}\n'));
    (0, tempStore_1.writeEventFile)(root, 'events_2024-01-10.jsonl', '{}\n');
    (0, tempStore_1.writeEventFile)(root, 'events_2024-01-11.jsonl', '{}\n');
    (0, tempStore_1.writeEventFile)(root, 'events_2024-02-10.jsonl', '{}\n');
    (0, tempStore_1.writeEventFile)(root, 'notes_2024-01-01.txt', 'not an event file');
    snapshot(root, 'trader_1', 50, '2024-01-01T10:00:00Z');
    snapshot(root, 'trader_1', 100, '2024-01-05T10:00:00.123456');
    snapshot(root, 'trader_1', 150, '2024-01-25T10:00:00Z');
    snapshot(root, 'trader_1', 200, '2024-02-09T10:00:00Z');
    snapshot(root, 'old_agg', 10, '2024-01-01T00:00:00Z');
    snapshot(root, 'old_agg', 20, '2024-01-02T00:00:00Z');
    snapshot(root, 'system', 100, '2024-01-03T00:00:00Z');
    snapshot(root, 'market_data_BTC_USDT', 5, undefined, '2024-01-01T00:00:00Z');
    snapshot(root, 'market_data_BTC_USDT', 9, '2024-01-04T00:00:00+00:00');
    fs.writeFileSync(path.join(root, 'snapshots', 'snapshot_broken_3.json'), '{"aggregate_id": ');
    fs.utimesSync(path.join(root, 'snapshots', 'snapshot_broken_3.json'), new Date('2024-01-01'), new Date('2024-01-01'));
}
(0, node_test_1.describe)('TTL cleanup', () => {
    (0, node_test_1.it)('plans old day files and superseded snapshots, never the latest or the rebuild base', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            buildStore(dir);
            const plan = await (0, planCleanup_1.planCleanup)(dir, { event_ttl_days: 30 }, NOW, { removeSnapshots: true });
            // As the Python bus: 2024-01-11T00:00 is before now - 30 days (2024-01-11T12:00), so that day goes too.
            node_assert_1.strict.equal(plan.cutoffDay, '2024-01-12');
            node_assert_1.strict.deepEqual(plan.eventFiles.map((f) => [f.file, f.day]), [
                ['events/events_2024-01-01.jsonl', '2024-01-01'],
                ['events/events_2024-01-02.jsonl.gz', '2024-01-02'],
                ['events/events_2024-01-10.jsonl', '2024-01-10'],
                ['events/events_2024-01-11.jsonl', '2024-01-11'],
            ]);
            node_assert_1.strict.deepEqual(plan.snapshots.map((s) => [s.file, s.aggregateId, s.sequenceNumber, s.timestamp]), [
                ['snapshots/snapshot_market_data_BTC_USDT_5.json', 'market_data_BTC_USDT', 5, '2024-01-01T00:00:00.000Z'],
                ['snapshots/snapshot_old_agg_10.json', 'old_agg', 10, '2024-01-01T00:00:00.000Z'],
                ['snapshots/snapshot_trader_1_50.json', 'trader_1', 50, '2024-01-01T10:00:00.000Z'],
            ]);
            node_assert_1.strict.deepEqual(plan.keptSnapshots.map((k) => [k.file, k.reason.split(':')[0]]), [
                ['snapshots/snapshot_broken_3.json', 'not valid JSON; kept'],
                ['snapshots/snapshot_market_data_BTC_USDT_9.json', 'latest snapshot of market_data_BTC_USDT'],
                ['snapshots/snapshot_old_agg_20.json', 'latest snapshot of old_agg'],
                ['snapshots/snapshot_system_100.json', 'latest snapshot of system'],
                ['snapshots/snapshot_trader_1_100.json', 'newest snapshot of trader_1 before the cutoff'],
            ]);
            const sizes = plan.eventFiles.reduce((n, f) => n + f.bytes, 0) + plan.snapshots.reduce((n, s) => n + s.bytes, 0);
            node_assert_1.strict.equal(plan.bytes, sizes);
            node_assert_1.strict.ok(plan.bytes > 0);
            const text = (0, describeCleanupPlan_1.describeCleanupPlan)(plan);
            node_assert_1.strict.match(text, /^TTL 30 days: removes event days before 2024-01-12/);
            node_assert_1.strict.match(text, /\n {2}remove events\/events_2024-01-02\.jsonl\.gz \(\d+ B\)/);
            node_assert_1.strict.match(text, /\n {2}keep {3}snapshots\/snapshot_trader_1_100\.json: newest snapshot/);
            node_assert_1.strict.match(text, /\n7 files, \d+ B\./);
            // Planning removes nothing.
            node_assert_1.strict.ok(fs.existsSync(path.join(dir, 'events', 'events_2024-01-01.jsonl')));
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('executes exactly the plan, and a second plan finds nothing more', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            buildStore(dir);
            const plan = await (0, planCleanup_1.planCleanup)(dir, busConfig_1.DEFAULT_CONFIG, new Date(NOW), { removeSnapshots: true });
            const before = new Set([...fs.readdirSync(path.join(dir, 'events')).map((n) => `events/${n}`), ...fs.readdirSync(path.join(dir, 'snapshots')).map((n) => `snapshots/${n}`)]);
            // One file vanished meanwhile (another cleanup): still counts as removed.
            fs.rmSync(path.join(dir, 'snapshots', 'snapshot_old_agg_10.json'));
            const result = await (0, executeCleanup_1.executeCleanup)(plan);
            node_assert_1.strict.deepEqual(result.failed, []);
            node_assert_1.strict.deepEqual([...result.removed].sort(), [...plan.eventFiles.map((f) => f.file), ...plan.snapshots.map((s) => s.file)].sort());
            const after = new Set([...fs.readdirSync(path.join(dir, 'events')).map((n) => `events/${n}`), ...fs.readdirSync(path.join(dir, 'snapshots')).map((n) => `snapshots/${n}`)]);
            for (const file of before)
                node_assert_1.strict.equal(after.has(file), !result.removed.includes(file), file);
            for (const latest of ['snapshot_trader_1_200.json', 'snapshot_old_agg_20.json', 'snapshot_system_100.json', 'snapshot_trader_1_100.json']) {
                node_assert_1.strict.ok(fs.existsSync(path.join(dir, 'snapshots', latest)), latest);
            }
            node_assert_1.strict.ok(fs.existsSync(path.join(dir, 'events', 'notes_2024-01-01.txt')), 'files that are not day files stay');
            const again = await (0, planCleanup_1.planCleanup)(dir, busConfig_1.DEFAULT_CONFIG, NOW, { removeSnapshots: true });
            node_assert_1.strict.deepEqual(again.eventFiles, []);
            node_assert_1.strict.deepEqual(again.snapshots, []);
            node_assert_1.strict.match((0, describeCleanupPlan_1.describeCleanupPlan)(again), /Nothing to remove\./);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('refuses to remove anything outside events/ and snapshots/', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            fs.writeFileSync(path.join(dir, 'precious.json'), '{}');
            const result = await (0, executeCleanup_1.executeCleanup)({
                storeRoot: dir,
                now: new Date(NOW).toISOString(),
                ttlDays: 30,
                cutoffDay: '2024-01-11',
                eventFiles: [{ file: 'events/../precious.json', day: '2024-01-01', bytes: 2 }],
                snapshots: [{ file: 'precious.json', aggregateId: 'x', sequenceNumber: 1, timestamp: '', bytes: 2 }],
                keptSnapshots: [],
                bytes: 4,
            });
            node_assert_1.strict.equal(result.removed.length, 0);
            node_assert_1.strict.equal(result.failed.length, 2);
            node_assert_1.strict.ok(fs.existsSync(path.join(dir, 'precious.json')));
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('plans nothing for an empty store', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const plan = await (0, planCleanup_1.planCleanup)(dir, { event_ttl_days: 1 }, NOW);
            node_assert_1.strict.deepEqual([plan.eventFiles, plan.snapshots, plan.keptSnapshots, plan.bytes], [[], [], [], 0]);
            // now - 1 day is 2024-02-09T12:00: the day 2024-02-09 started before it, so the first day kept is 2024-02-10.
            node_assert_1.strict.equal(plan.cutoffDay, '2024-02-10');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=ttlCleanup.int.spec.js.map