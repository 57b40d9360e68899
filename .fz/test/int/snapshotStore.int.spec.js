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
const createSnapshot_1 = require("../../src/engine/snapshot/createSnapshot");
const drift_1 = require("../../src/engine/snapshot/drift");
const snapshotStore_1 = require("../../src/engine/snapshot/snapshotStore");
const rebuild_1 = require("../../src/engine/state/rebuild");
const tempStore_1 = require("../helpers/tempStore");
const stateTestStorage_1 = require("../unit/stateTestStorage");
const temps = [];
(0, node_test_1.after)(() => temps.forEach((cleanup) => cleanup()));
function tempStore() {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-snapshots-');
    temps.push(cleanup);
    return path.join(dir, 'event_store');
}
/** Every file under `dir`, relative, `/`-separated. */
function allFiles(dir) {
    const out = [];
    const walk = (d) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory())
                walk(full);
            else
                out.push(path.relative(dir, full).split(path.sep).join('/'));
        }
    };
    if (fs.existsSync(dir))
        walk(dir);
    return out.sort();
}
const snap = (aggregate_id, sequence_number, state) => ({
    aggregate_id,
    sequence_number,
    timestamp: '2024-01-15T10:30:00.000Z',
    state,
    event_count: sequence_number,
    last_event_id: null,
});
(0, node_test_1.describe)('snapshot store on disk', () => {
    (0, node_test_1.it)('saves, lists and loads snapshots, leaving no temp files', async () => {
        const root = tempStore();
        const ref = await (0, snapshotStore_1.saveSnapshotFile)(root, snap('market_data_BTC_USDT', 150, { price: 50_000, book: { bid: [1, 2] } }));
        await (0, snapshotStore_1.saveSnapshotFile)(root, snap('market_data_BTC_USDT', 50, { price: 1 }));
        await (0, snapshotStore_1.saveSnapshotFile)(root, snap('system', 100, { event_types: {} }));
        strict_1.default.equal(ref.file, 'snapshots/snapshot_market_data_BTC_USDT_150.json');
        strict_1.default.deepEqual(allFiles(root), [
            'snapshots/snapshot_market_data_BTC_USDT_150.json',
            'snapshots/snapshot_market_data_BTC_USDT_50.json',
            'snapshots/snapshot_system_100.json',
        ]);
        const listing = await (0, snapshotStore_1.listSnapshotFiles)(root);
        strict_1.default.deepEqual(listing.snapshots.map((r) => `${r.aggregate_id}@${r.sequence_number}`), ['market_data_BTC_USDT@50', 'market_data_BTC_USDT@150', 'system@100']);
        strict_1.default.deepEqual((await (0, snapshotStore_1.listSnapshotFiles)(root, 'system')).snapshots.map((r) => r.file), ['snapshots/snapshot_system_100.json']);
        const loaded = await (0, snapshotStore_1.loadSnapshotFile)(root, ref);
        strict_1.default.deepEqual(loaded.state, { price: 50_000, book: { bid: [1, 2] } });
        strict_1.default.equal(loaded.event_count, 150);
        strict_1.default.deepEqual(JSON.parse(fs.readFileSync(path.join(root, ref.file), 'utf8')).sequence_number, 150);
    });
    (0, node_test_1.it)('reads Python-written snapshots (data instead of state, extra keys) and reports stray files', async () => {
        const root = tempStore();
        const dir = path.join(root, 'snapshots');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'snapshot_trader_1_150.json'), '{"aggregate_id": "trader_1", "sequence_number": 150, "timestamp": "2024-01-15T10:30:00.123456", "data": {"pnl": 12.5}, "snapshot_id": "x", "version": "1.0"}');
        fs.writeFileSync(path.join(dir, 'README.txt'), 'hello');
        fs.writeFileSync(path.join(dir, '.pending-123-abc.json'), '{}');
        fs.mkdirSync(path.join(dir, 'archive'));
        const listing = await (0, snapshotStore_1.listSnapshotFiles)(root);
        strict_1.default.deepEqual(listing.snapshots, [{ aggregate_id: 'trader_1', sequence_number: 150, file: 'snapshots/snapshot_trader_1_150.json' }]);
        strict_1.default.deepEqual(listing.ignored.map((i) => i.file).sort(), ['snapshots/README.txt', 'snapshots/archive']);
        strict_1.default.match(listing.ignored.find((i) => i.file.endsWith('README.txt')).reason, /expected snapshot_<aggregate_id>_<sequence>\.json/);
        const loaded = await (0, snapshotStore_1.loadSnapshotFile)(root, listing.snapshots[0]);
        strict_1.default.deepEqual(loaded.state, { pnl: 12.5 });
        strict_1.default.equal(loaded.timestamp, '2024-01-15T10:30:00.123456');
        strict_1.default.equal(loaded.event_count, undefined);
    });
    (0, node_test_1.it)('reports a corrupt snapshot with its path and position, and a missing state', async () => {
        const root = tempStore();
        const dir = path.join(root, 'snapshots');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'snapshot_a_1.json'), '{\n  "state": {"x": 1,,}\n}');
        fs.writeFileSync(path.join(dir, 'snapshot_a_2.json'), '{"state": {"x": NaN}}');
        fs.writeFileSync(path.join(dir, 'snapshot_a_3.json'), '{"aggregate_id": "a"}');
        const [one, two, three] = (await (0, snapshotStore_1.listSnapshotFiles)(root, 'a')).snapshots;
        await strict_1.default.rejects((0, snapshotStore_1.loadSnapshotFile)(root, one), (error) => {
            strict_1.default.ok(error instanceof snapshotStore_1.SnapshotFileError);
            strict_1.default.equal(error.file, 'snapshots/snapshot_a_1.json');
            strict_1.default.match(error.message, /^snapshots\/snapshot_a_1\.json: is not valid JSON at line 2, column \d+/);
            return true;
        });
        await strict_1.default.rejects((0, snapshotStore_1.loadSnapshotFile)(root, two), /snapshot_a_2\.json: is not valid JSON.*NaN or Infinity/);
        await strict_1.default.rejects((0, snapshotStore_1.loadSnapshotFile)(root, three), /snapshot_a_3\.json: has neither "state" nor "data"/);
        await strict_1.default.rejects((0, snapshotStore_1.loadSnapshotFile)(root, { aggregate_id: 'a', sequence_number: 1, file: 'snapshots/../events/x.json' }), /not a file directly inside snapshots\//);
    });
    (0, node_test_1.it)('never overwrites a different snapshot, and saving the same one again is a no-op', async () => {
        const root = tempStore();
        const first = await (0, snapshotStore_1.saveSnapshotFile)(root, snap('acct', 7, { balance: 10 }));
        const before = fs.readFileSync(path.join(root, first.file), 'utf8');
        const again = await (0, snapshotStore_1.saveSnapshotFile)(root, { ...snap('acct', 7, { balance: 10 }), timestamp: '2030-01-01T00:00:00Z' });
        strict_1.default.deepEqual(again, first);
        await strict_1.default.rejects((0, snapshotStore_1.saveSnapshotFile)(root, snap('acct', 7, { balance: 11 })), snapshotStore_1.SnapshotConflictError);
        strict_1.default.equal(fs.readFileSync(path.join(root, first.file), 'utf8'), before);
        fs.writeFileSync(path.join(root, 'snapshots', 'snapshot_broken_1.json'), 'not json');
        await strict_1.default.rejects((0, snapshotStore_1.saveSnapshotFile)(root, snap('broken', 1, {})), /snapshot_broken_1\.json already exists/);
        strict_1.default.deepEqual(allFiles(path.join(root, 'snapshots')), ['snapshot_acct_7.json', 'snapshot_broken_1.json']);
    });
    (0, node_test_1.it)('keeps unsafe and overly long aggregate ids inside snapshots/ and gets them back exactly', async () => {
        const root = tempStore();
        const ids = ['../../etc/x', 'a/b', 'a\\b', 'CON', 'nul.txt', 'x:y*?"<>|', '.hidden', 'tab\tand\u0001ctl', 'ü'.repeat(100), 'long/'.repeat(80)];
        for (const [i, id] of ids.entries())
            await (0, snapshotStore_1.saveSnapshotFile)(root, snap(id, i + 1, { id }));
        const parent = path.dirname(root);
        strict_1.default.deepEqual(fs.readdirSync(parent), ['event_store'], 'nothing may be written beside the store');
        strict_1.default.deepEqual(fs.readdirSync(root), ['snapshots']);
        const listing = await (0, snapshotStore_1.listSnapshotFiles)(root);
        strict_1.default.deepEqual(listing.ignored, []);
        strict_1.default.deepEqual(listing.snapshots.map((r) => r.aggregate_id).sort(), [...ids].sort());
        for (const ref of listing.snapshots) {
            strict_1.default.deepEqual((await (0, snapshotStore_1.loadSnapshotFile)(root, ref)).state, { id: ref.aggregate_id });
        }
        const longId = ids[ids.length - 1];
        strict_1.default.deepEqual((await (0, snapshotStore_1.listSnapshotFiles)(root, longId)).snapshots.map((r) => r.aggregate_id), [longId]);
    });
    (0, node_test_1.it)('rebuilds from a file snapshot plus the tail and verifies it, end to end', async () => {
        const root = tempStore();
        const storage = new stateTestStorage_1.StateTestStorage(root);
        for (let i = 1; i <= 30; i++)
            await storage.append([(0, stateTestStorage_1.ev)('trader_1', i, { qty: i, legs: { [`l${i % 3}`]: i } })]);
        const ref = await (0, createSnapshot_1.createSnapshot)(storage, 'trader_1', { atSequence: 20 });
        strict_1.default.ok(fs.existsSync(path.join(root, 'snapshots', 'snapshot_trader_1_20.json')));
        const fromSnapshot = await (0, rebuild_1.rebuildFromEvents)(storage, 'trader_1');
        const scratch = await (0, rebuild_1.rebuildFromEvents)(storage, 'trader_1', { useSnapshots: false });
        strict_1.default.deepEqual(fromSnapshot.fromSnapshot, ref);
        strict_1.default.equal(fromSnapshot.eventsApplied, 10);
        strict_1.default.deepEqual(fromSnapshot.state, scratch.state);
        strict_1.default.equal((await (0, drift_1.verifySnapshot)(storage, ref)).ok, true);
        // Tamper with the file on disk: the check must see it.
        const file = path.join(root, ref.file);
        const body = JSON.parse(fs.readFileSync(file, 'utf8'));
        body.state.qty = -1;
        fs.writeFileSync(file, JSON.stringify(body));
        const check = await (0, drift_1.verifySnapshot)(storage, ref);
        strict_1.default.equal(check.ok, false);
        strict_1.default.deepEqual(check.differences, [{ path: '/qty', kind: 'changed', before: -1, after: 20 }]);
    });
});
//# sourceMappingURL=snapshotStore.int.spec.js.map