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
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const nestingDepth_1 = require("../../src/engine/model/nestingDepth");
const openStore_1 = require("../../src/engine/openStore");
const rebuild_1 = require("../../src/engine/state/rebuild");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const fuzzPrototype_1 = require("../helpers/fuzzPrototype");
const hostileStore_1 = require("../helpers/hostileStore");
const tempStore_1 = require("../helpers/tempStore");
/**
 * One store holding every kind of hostile or broken input the hardening
 * issue lists, each on its own day among good events (see hostileStore.ts):
 * the index and the validator finish, report each at its file and line,
 * every good event stays indexed and readable, nothing outside the store is
 * read, no prototype is polluted, and nothing in the store is written.
 */
let temp;
let store;
let engine;
let report;
let hashesBefore;
const prototypes = (0, fuzzPrototype_1.snapshotPrototypes)();
(0, node_test_1.before)(async () => {
    temp = (0, tempStore_1.makeTempDir)('eventbus-hostile-');
    store = (0, hostileStore_1.writeHostileStore)(path.join(temp.dir, 'event_store'), path.join(temp.dir, 'outside'));
    hashesBefore = (0, hostileStore_1.hashTree)(store.root);
    // The index cache goes outside the store here, so "nothing is written" can be checked byte for byte.
    engine = await (0, openStore_1.openStore)(store.root, { cacheDir: path.join(temp.dir, 'cache') });
    report = await (0, validateStore_1.validateStore)(engine, { threads: 2 });
});
(0, node_test_1.after)(async () => {
    await engine?.close();
    temp?.cleanup();
});
(0, node_test_1.test)('every good event is indexed at its file and line and reads back whole', async () => {
    strict_1.default.ok(store.good.length >= 20, `only ${store.good.length} good events`);
    for (const good of store.good) {
        const ordinals = engine.index.ordinalsOfEventId(good.eventId);
        strict_1.default.equal(ordinals.length, 1, `${good.file}:${good.line} (${good.eventId}) is not indexed once`);
        const indexed = engine.index.event(ordinals[0]);
        strict_1.default.deepEqual([indexed.file, indexed.line], [good.file, good.line]);
        const event = await engine.readEvent(ordinals[0]);
        strict_1.default.equal(event.metadata.event_id, good.eventId);
    }
    // And every indexed event reads, except the one nested too deep, which is refused by name (never a stack overflow).
    const [tooDeep] = engine.index.ordinalsOfEventId(store.tooDeep.eventId);
    strict_1.default.notEqual(tooDeep, undefined, 'the event nested too deep is indexed');
    let read = 0;
    for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
        if (ordinal === tooDeep) {
            await strict_1.default.rejects(engine.readEvent(ordinal), (error) => error instanceof nestingDepth_1.NestingTooDeepError && error.message.startsWith(`${store.tooDeep.file}:${store.tooDeep.line}: nesting deeper than`));
            continue;
        }
        const event = await engine.readEvent(ordinal);
        strict_1.default.equal(typeof event.metadata.event_id, 'string');
        read++;
    }
    strict_1.default.equal(read, engine.index.eventCount - 1);
});
(0, node_test_1.test)('the index reports each broken line and file at its file and line', () => {
    for (const expected of store.expected.filter((e) => e.indexReports)) {
        strict_1.default.ok(engine.index.problems.some((p) => p.file === expected.file && p.line === expected.line), `the index does not report ${expected.what} at ${expected.file}:${expected.line}; it reports ${JSON.stringify(engine.index.problems.map((p) => `${p.file}:${p.line}`))}`);
    }
});
(0, node_test_1.test)('validateStore reports each one with its code, file and line, and nothing wrong on the good lines', () => {
    for (const expected of store.expected) {
        strict_1.default.ok(report.findings.some((f) => f.file === expected.file && f.line === expected.line && f.code === expected.code), `no ${expected.code} for ${expected.what} at ${expected.file}:${expected.line}`);
    }
    // (A damaged gzip's EB021 is about the whole file and sits at line 1, which may be a good line.)
    const broken = new Set(['EB001', 'EB002', 'EB003', 'EB004']);
    for (const good of store.good) {
        const wrong = report.findings.filter((f) => f.file === good.file && f.line === good.line && broken.has(f.code));
        strict_1.default.deepEqual(wrong, [], `a good line reported as broken at ${good.file}:${good.line}`);
    }
});
(0, node_test_1.test)('nothing outside the store is read: a symlink out of it is neither indexed nor validated', () => {
    for (const id of store.outsideIds)
        strict_1.default.deepEqual(engine.index.ordinalsOfEventId(id), []);
    const outsideFile = 'events/events_2024-01-08.jsonl';
    const findings = report.findings.filter((f) => f.file === outsideFile);
    strict_1.default.deepEqual(findings.map((f) => f.code), ['EB021'], 'the validator read the target of a symlink out of the store');
    strict_1.default.match(findings[0].message, /outside the store/);
});
(0, node_test_1.test)('__proto__ and constructor keys in data and metadata pollute no prototype, and rebuilt state stays ordinary', async () => {
    const rebuilt = await (0, rebuild_1.rebuildFromEvents)(engine.storage, 'acc-2');
    strict_1.default.ok(rebuilt.eventsApplied >= 3);
    (0, fuzzPrototype_1.assertNoForbiddenKeys)(rebuilt.state);
    strict_1.default.equal(rebuilt.state.ok, 1);
    // The bus-wide state folds every event, the one nested too deep included: refused by name, not folded half-way.
    await strict_1.default.rejects((0, rebuild_1.rebuildFromEvents)(engine.storage, 'system'), (error) => error instanceof nestingDepth_1.NestingTooDeepError && error.message.startsWith(`${store.tooDeep.file}:${store.tooDeep.line}:`));
    (0, fuzzPrototype_1.assertPrototypesUntouched)(prototypes);
});
(0, node_test_1.test)('nothing in the store is written (its files hashed before and after, links and modes included)', async () => {
    strict_1.default.deepEqual((0, hostileStore_1.hashTree)(store.root), hashesBefore);
});
(0, node_test_1.test)('with the default cache folder, the only thing written is the index cache in <store>/.eventbus/', async () => {
    const reopened = await (0, openStore_1.openStore)(store.root);
    await reopened.close();
    const after = (0, hostileStore_1.hashTree)(store.root);
    const added = [...after.keys()].filter((key) => !hashesBefore.has(key));
    strict_1.default.ok(added.includes('.eventbus/index.ebx'), `the index is persisted inside the store: ${added.join(', ')}`);
    strict_1.default.deepEqual(added.filter((key) => !key.startsWith('.eventbus')), []);
    strict_1.default.deepEqual((0, hostileStore_1.hashTree)(store.root, ['.eventbus']), hashesBefore);
    fs.rmSync(path.join(store.root, '.eventbus'), { recursive: true });
});
//# sourceMappingURL=hostileStore.int.spec.js.map