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
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const snapshotFileName_1 = require("../../src/engine/snapshot/snapshotFileName");
const STORE = path.resolve('/tmp/some-store');
const SNAPSHOTS = path.join(STORE, 'snapshots');
function assertStaysInside(name) {
    strict_1.default.match(name, /^[A-Za-z0-9_.~-]+$/, `unsafe character in ${JSON.stringify(name)}`);
    const absolute = path.resolve(SNAPSHOTS, name);
    strict_1.default.equal(path.dirname(absolute), SNAPSHOTS, `${name} escapes snapshots/`);
    strict_1.default.equal(path.basename(absolute), name);
}
function roundTrip(id, sequence = 150) {
    const name = (0, snapshotFileName_1.snapshotFileName)(id, sequence);
    assertStaysInside(name);
    const parsed = (0, snapshotFileName_1.parseSnapshotFileName)(name);
    strict_1.default.ok(parsed, `${name} did not parse`);
    if (parsed.kind === 'hashed') {
        strict_1.default.equal(parsed.digest, (0, snapshotFileName_1.hashedIdDigest)(id));
    }
    else {
        strict_1.default.equal(parsed.aggregateId, id, `round trip of ${JSON.stringify(id)} via ${name}`);
    }
    strict_1.default.equal(parsed.sequenceNumber, sequence);
}
/** mulberry32, so the property test is the same on every run. */
function prng(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
(0, node_test_1.describe)('snapshot file names', () => {
    (0, node_test_1.it)('reads Python-written names, splitting the sequence at the last underscore', () => {
        strict_1.default.deepEqual((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_market_data_BTC_USDT_150.json'), {
            kind: 'plain',
            aggregateId: 'market_data_BTC_USDT',
            sequenceNumber: 150,
        });
        strict_1.default.deepEqual((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_system_100.json'), { kind: 'plain', aggregateId: 'system', sequenceNumber: 100 });
        strict_1.default.deepEqual((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_trader_1_150.json'), { kind: 'plain', aggregateId: 'trader_1', sequenceNumber: 150 });
        strict_1.default.deepEqual((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_2024_7.json'), { kind: 'plain', aggregateId: '2024', sequenceNumber: 7 });
    });
    (0, node_test_1.it)('rejects names that are not snapshots', () => {
        for (const name of ['notes.txt', 'snapshot_.json', 'snapshot_a.json', 'snapshot_a_x.json', 'snapshot_a_1.json.bak', 'snapshot__1.json', 'snapshot_a_99999999999999999999.json']) {
            strict_1.default.equal((0, snapshotFileName_1.parseSnapshotFileName)(name), null, name);
        }
    });
    (0, node_test_1.it)('keeps ordinary ids readable and byte-identical to what Python writes', () => {
        for (const id of ['trader_1', 'market_data_BTC_USDT', 'system', 'order-42', 'v1.2.3', 'ABC_def-9.x']) {
            strict_1.default.equal((0, snapshotFileName_1.snapshotFileName)(id, 3), `snapshot_${id}_3.json`);
        }
        strict_1.default.equal((0, snapshotFileName_1.snapshotRelativePath)('trader_1', 150), 'snapshots/snapshot_trader_1_150.json');
    });
    (0, node_test_1.it)('encodes unsafe ids so the file stays inside snapshots/ and decodes to the exact id', () => {
        const unsafe = [
            '../../etc/x', '..', '.', '.hidden', 'a/b', 'a\\b', 'CON', 'con', 'nul.txt', 'COM1', 'lpt9.log', 'AUX',
            'a:b', 'a*b', 'a?b', 'a"b', 'a<b>', 'a|b', 'tab\there', 'nl\nx', '\u0000nul', '\u007f', 'a b',
            'snapshot_x_1.json', 'ü-ñ', '日本', '😀', '~', '~41', 'a~2Fb', 'x_1_2',
        ];
        for (const id of unsafe)
            roundTrip(id);
        strict_1.default.notEqual((0, snapshotFileName_1.encodeAggregateId)('CON'), 'CON');
        strict_1.default.notEqual((0, snapshotFileName_1.encodeAggregateId)('nul.txt'), 'nul.txt');
        strict_1.default.ok(!(0, snapshotFileName_1.encodeAggregateId)('.hidden').startsWith('.'));
        strict_1.default.ok(!(0, snapshotFileName_1.encodeAggregateId)('../../etc/x').includes('/'));
        strict_1.default.ok(!(0, snapshotFileName_1.encodeAggregateId)('a\\b').includes('\\'));
    });
    (0, node_test_1.it)('reads a Python name holding a literal "~" as that literal id', () => {
        // `a~41` is not how we would encode `aA` (that stays `aA`), so it is literal.
        strict_1.default.equal((0, snapshotFileName_1.decodeAggregateId)('a~41'), 'a~41');
        strict_1.default.equal((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_a~zz_3.json')?.kind, 'plain');
        strict_1.default.deepEqual((0, snapshotFileName_1.parseSnapshotFileName)('snapshot_a~zz_3.json'), { kind: 'plain', aggregateId: 'a~zz', sequenceNumber: 3 });
    });
    (0, node_test_1.it)('replaces overly long ids by a digest that the file content resolves', () => {
        const long = 'x/'.repeat(200);
        const name = (0, snapshotFileName_1.snapshotFileName)(long, 9);
        assertStaysInside(name);
        strict_1.default.ok(name.length < 255 - 40, `${name.length} leaves no room for temp names`);
        const parsed = (0, snapshotFileName_1.parseSnapshotFileName)(name);
        strict_1.default.equal(parsed?.kind, 'hashed');
        const plainLong = 'a'.repeat(snapshotFileName_1.MAX_ENCODED_ID_LENGTH);
        strict_1.default.equal((0, snapshotFileName_1.snapshotFileName)(plainLong, 1), `snapshot_${plainLong}_1.json`);
        strict_1.default.equal((0, snapshotFileName_1.parseSnapshotFileName)((0, snapshotFileName_1.snapshotFileName)(`${plainLong}b`, 1))?.kind, 'hashed');
    });
    (0, node_test_1.it)('refuses an empty id and a bad sequence', () => {
        strict_1.default.throws(() => (0, snapshotFileName_1.snapshotFileName)('', 1), /non-empty aggregate id/);
        strict_1.default.throws(() => (0, snapshotFileName_1.snapshotFileName)('a', -1), /non-negative integer/);
        strict_1.default.throws(() => (0, snapshotFileName_1.snapshotFileName)('a', 1.5), /non-negative integer/);
    });
    (0, node_test_1.it)('round-trips random ids, including control characters, unicode and lone surrogates (property)', () => {
        const random = prng(20240115);
        const alphabet = ['a', 'Z', '0', '9', '_', '-', '.', '~', '/', '\\', ':', '*', '?', '"', '<', '>', '|', ' ', '\t', '\u0001', '\u001f', 'é', '€', '中', '😀', '\ud800', '\udfff', '%', '2', 'F', 'C', 'O', 'N'];
        let hashed = 0;
        for (let n = 0; n < 3000; n++) {
            const length = 1 + Math.floor(random() * (n % 50 === 0 ? 120 : 12));
            let id = '';
            for (let i = 0; i < length; i++)
                id += alphabet[Math.floor(random() * alphabet.length)];
            const sequence = Math.floor(random() * 1e6);
            const name = (0, snapshotFileName_1.snapshotFileName)(id, sequence);
            assertStaysInside(name);
            const parsed = (0, snapshotFileName_1.parseSnapshotFileName)(name);
            strict_1.default.ok(parsed);
            strict_1.default.equal(parsed.sequenceNumber, sequence);
            if (parsed.kind === 'hashed') {
                hashed++;
                strict_1.default.equal(parsed.digest, (0, snapshotFileName_1.hashedIdDigest)(id));
            }
            else {
                strict_1.default.equal(parsed.aggregateId, id, `id ${JSON.stringify(id)} came back as ${JSON.stringify(parsed.aggregateId)}`);
            }
        }
        strict_1.default.ok(hashed > 0 && hashed < 3000, 'the property run should cover both plain and hashed names');
    });
});
//# sourceMappingURL=snapshotFileName.unit.spec.js.map