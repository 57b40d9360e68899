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
const fast_check_1 = __importDefault(require("fast-check"));
const snapshotFileName_1 = require("../../src/engine/snapshot/snapshotFileName");
const snapshotStore_1 = require("../../src/engine/snapshot/snapshotStore");
const tempStore_1 = require("../helpers/tempStore");
/**
 * Aggregate ids come from event data, and a snapshot's file name is made
 * from one: whatever the id, the file stays directly inside snapshots/ and
 * its name reads back as exactly that id (property-based, fast-check).
 */
/** Pieces that break paths on some system, plus any UTF-16 unit (lone surrogates included) and any code point. */
const PATH_PIECES = ['..', '.', '/', '\\', '../', '..\\', 'CON', 'nul', 'nul.txt', 'COM1', 'lpt9', 'AUX', ':', '*', '?', '"', '<', '>', '|', '~', '~2F', '%2F', '\u0000', '\n', ' ', 'snapshot_', '_1.json', '_'];
const idUnit = fast_check_1.default.oneof({ weight: 3, arbitrary: fast_check_1.default.constantFrom(...PATH_PIECES) }, { weight: 3, arbitrary: fast_check_1.default.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fast_check_1.default.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }, { weight: 1, arbitrary: fast_check_1.default.string({ unit: 'binary', minLength: 1, maxLength: 2 }) });
const aggregateIds = fast_check_1.default.string({ unit: idUnit, minLength: 1, maxLength: 40 });
const longIds = fast_check_1.default.string({ unit: idUnit, minLength: 60, maxLength: 400 });
const sequences = fast_check_1.default.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const STORE = path.resolve('/tmp/eventbus-snapshot-names/event_store');
const SNAPSHOTS = path.join(STORE, 'snapshots');
function assertInsideAndDecodes(id, sequence) {
    const name = (0, snapshotFileName_1.snapshotFileName)(id, sequence);
    strict_1.default.match(name, /^snapshot_[A-Za-z0-9_.~-]+_\d+\.json$/);
    strict_1.default.ok(Buffer.byteLength(name) <= 255 - 40, 'room left for the temp name of an atomic write');
    const absolute = path.resolve(SNAPSHOTS, name);
    strict_1.default.equal(path.dirname(absolute), SNAPSHOTS);
    strict_1.default.equal(path.win32.dirname(path.win32.resolve('C:\\store\\snapshots', name)), 'C:\\store\\snapshots', 'inside on Windows too');
    strict_1.default.doesNotMatch(name.replace(/\.json$/, ''), /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    const parsed = (0, snapshotFileName_1.parseSnapshotFileName)(name);
    strict_1.default.ok(parsed, name);
    strict_1.default.equal(parsed.sequenceNumber, sequence);
    if (parsed.kind === 'plain')
        strict_1.default.equal(parsed.aggregateId, id);
    else
        strict_1.default.equal(parsed.digest, (0, snapshotFileName_1.hashedIdDigest)(id));
}
const temps = [];
(0, node_test_1.after)(() => temps.forEach((cleanup) => cleanup()));
(0, node_test_1.describe)('snapshot file names from any aggregate id (property)', () => {
    (0, node_test_1.it)('stay inside snapshots/ and decode to exactly the id', () => {
        fast_check_1.default.assert(fast_check_1.default.property(aggregateIds, sequences, (id, sequence) => assertInsideAndDecodes(id, sequence)), { numRuns: 20_000, seed: 20240115 });
    });
    (0, node_test_1.it)('long ids become a digest name that the file’s aggregate_id resolves', () => {
        fast_check_1.default.assert(fast_check_1.default.property(longIds, sequences, (id, sequence) => assertInsideAndDecodes(id, sequence)), { numRuns: 2_000, seed: 7 });
    });
    (0, node_test_1.it)('distinct ids never share a file name', () => {
        fast_check_1.default.assert(fast_check_1.default.property(aggregateIds, aggregateIds, (a, b) => {
            fast_check_1.default.pre(a !== b);
            strict_1.default.notEqual((0, snapshotFileName_1.snapshotFileName)(a, 1), (0, snapshotFileName_1.snapshotFileName)(b, 1));
        }), { numRuns: 20_000, seed: 3 });
    });
    (0, node_test_1.it)('written to a real store: every file lands in snapshots/, nothing outside, and listing gives the ids back', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-snapshot-names-');
        temps.push(cleanup);
        const store = path.join(dir, 'event_store');
        fs.mkdirSync(store);
        const fixed = ['../../etc/x', '..', '.', 'a/b', 'a\\b', 'CON', 'nul.txt', '  ', '\u0000', '😀/..', '\ud800', 'x'.repeat(300), `${'../'.repeat(80)}passwd`];
        const random = fast_check_1.default.sample(aggregateIds, { numRuns: 150, seed: 11 });
        const ids = [...new Set([...fixed, ...random])];
        for (const [i, id] of ids.entries())
            await (0, snapshotStore_1.saveSnapshotFile)(store, { aggregate_id: id, sequence_number: i, timestamp: '2024-01-15T10:00:00Z', state: { id } });
        strict_1.default.deepEqual(fs.readdirSync(dir), ['event_store'], 'nothing beside the store');
        strict_1.default.deepEqual(fs.readdirSync(store), ['snapshots'], 'nothing else in the store');
        const files = fs.readdirSync(path.join(store, 'snapshots'));
        strict_1.default.equal(files.length, ids.length);
        const listing = await (0, snapshotStore_1.listSnapshotFiles)(store);
        strict_1.default.deepEqual(listing.ignored, []);
        const listed = new Map(listing.snapshots.map((ref) => [ref.sequence_number, ref]));
        for (const [i, id] of ids.entries()) {
            const ref = listed.get(i);
            strict_1.default.equal(ref?.aggregate_id, id, `id #${i} ${JSON.stringify(id)}`);
            strict_1.default.deepEqual((await (0, snapshotStore_1.loadSnapshotFile)(store, ref)).state, { id });
        }
    });
});
//# sourceMappingURL=snapshotFileNameProperty.unit.spec.js.map