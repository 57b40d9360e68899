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
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const v8 = __importStar(require("node:v8"));
const vm = __importStar(require("node:vm"));
const generateStore_1 = require("../../src/engine/generate/generateStore");
const indexBuilder_1 = require("../../src/engine/index/indexBuilder");
const diskIndex_1 = require("../../src/engine/index/diskIndex");
const diskIndexFormat_1 = require("../../src/engine/index/diskIndexFormat");
const openStore_1 = require("../../src/engine/openStore");
const indexEquivalence_1 = require("../helpers/indexEquivalence");
const tempStore_1 = require("../helpers/tempStore");
const PYTHON_WRITER = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
/** Opens the store twice: the first open builds and persists, the second reads the persisted index in place. */
async function reopened(store) {
    const first = await (0, openStore_1.openStore)(store, { threads: 1 });
    await first.close();
    const second = await (0, openStore_1.openStore)(store, { threads: 1 });
    const layered = second.index;
    strict_1.default.ok(layered.base, 'the second open reads the persisted index');
    strict_1.default.equal(layered.tail, null, 'nothing appended: no tail');
    return second;
}
(0, node_test_1.test)('every question asked of the persisted index is answered as the fresh in-memory build answers it (generator store with faults)', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 4000, days: 3, outDir: store, seed: 7, withErrors: true });
        const fresh = await (0, indexBuilder_1.buildIndex)(store, { threads: 1 });
        strict_1.default.ok(fresh.problems.length > 0 && fresh.duplicateEventIds().length > 0 && fresh.unknownCauses().length > 0, 'the store has faults of every kind');
        const engine = await reopened(store);
        (0, indexEquivalence_1.assertSameAnswers)(engine.index, fresh, 3);
        await engine.close();
        // Per-aggregate numbering and Python-style lines too.
        (0, generateStore_1.generateStoreSync)({ events: 3000, days: 2, outDir: store, seed: 9, withErrors: true, pythonStyle: true, sequenceMode: 'aggregate', force: true });
        const freshAggregate = await (0, indexBuilder_1.buildIndex)(store, { threads: 1 });
        const again = await reopened(store);
        strict_1.default.equal(again.index.sequenceMode, 'aggregate');
        (0, indexEquivalence_1.assertSameAnswers)(again.index, freshAggregate, 5);
        await again.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('the persisted index of the store the Python bus wrote (gzip day, NaN, torn tail, microseconds) answers as the fresh build', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        (0, node_child_process_1.execFileSync)('python3', [PYTHON_WRITER, store]);
        const fresh = await (0, indexBuilder_1.buildIndex)(store, { threads: 1 });
        const engine = await reopened(store);
        (0, indexEquivalence_1.assertSameAnswers)(engine.index, fresh);
        strict_1.default.equal(engine.index.firstTimestamp(), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
        await engine.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('appends are taken in by a tail over the persisted base, and equal a fresh build: in process, after reopening, and across a new day', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    const more = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        // The same generator run twice as long gives the lines to append (same seed: the first days are byte-identical).
        (0, generateStore_1.generateStoreSync)({ events: 2000, days: 2, outDir: store, seed: 3, withErrors: false });
        const longer = path.join(more.dir, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 4000, days: 4, outDir: longer, seed: 3, withErrors: false });
        const engine = await reopened(store);
        const lastDay = fs.readdirSync(path.join(store, 'events')).sort().at(-1);
        const extra = fs.readFileSync(path.join(longer, 'events', lastDay), 'utf8').split('\n').slice(0, 40).join('\n') + '\n';
        // Lines of other stores' days, with their ids: some repeat ids of the base (duplicates across the layers).
        const repeated = fs.readFileSync(path.join(store, 'events', lastDay), 'utf8').split('\n').slice(0, 3).join('\n') + '\n';
        fs.appendFileSync(path.join(store, 'events', lastDay), extra + repeated);
        fs.writeFileSync(path.join(store, 'events', 'events_2099-01-01.jsonl'), extra);
        const delta = await engine.refresh();
        strict_1.default.equal(delta.appendedEvents, 83);
        const layered = engine.index;
        strict_1.default.ok(layered.base && layered.tail, 'appends go to the tail, the base stays');
        (0, indexEquivalence_1.assertSameAnswers)(layered, await (0, indexBuilder_1.buildIndex)(store, { threads: 1 }));
        strict_1.default.ok(layered.duplicateEventIds().length >= 3);
        await engine.close();
        const again = await (0, openStore_1.openStore)(store, { threads: 1 });
        strict_1.default.ok(again.index.tail, 'the tail was saved beside the base');
        (0, indexEquivalence_1.assertSameAnswers)(again.index, await (0, indexBuilder_1.buildIndex)(store, { threads: 1 }));
        await again.close();
    }
    finally {
        cleanup();
        more.cleanup();
    }
});
(0, node_test_1.test)('a truncated, a flipped or a foreign-version index file is rebuilt, never trusted', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 3000, days: 2, outDir: store, seed: 5, withErrors: true });
        const fresh = await (0, indexBuilder_1.buildIndex)(store, { threads: 1 });
        (await reopened(store)).close();
        const file = (0, diskIndex_1.diskIndexPath)(path.join(store, '.eventbus'));
        const good = fs.readFileSync(file);
        // Truncated: refused at open (its length is in the header), rebuilt.
        fs.writeFileSync(file, good.subarray(0, good.length - 100));
        let engine = await (0, openStore_1.openStore)(store, { threads: 1 });
        (0, indexEquivalence_1.assertSameAnswers)(engine.index, fresh, 7);
        await engine.close();
        strict_1.default.deepEqual(fs.readFileSync(file).subarray(0, 4), good.subarray(0, 4), 'written again');
        // Another version of the format: refused at open.
        const foreign = Buffer.from(good);
        foreign.writeUInt32LE(999, 4);
        fs.writeFileSync(file, foreign);
        engine = await (0, openStore_1.openStore)(store, { threads: 1 });
        strict_1.default.ok(engine.index.base === null || engine.index.base?.header.format !== 999);
        (0, indexEquivalence_1.assertSameAnswers)(engine.index, fresh, 7);
        await engine.close();
        // Bytes flipped in the header: refused at open by its checksum.
        const header = Buffer.from(good);
        header[diskIndexFormat_1.PREFIX_BYTES + 10] ^= 0x55;
        fs.writeFileSync(file, header);
        engine = await (0, openStore_1.openStore)(store, { threads: 1 });
        (0, indexEquivalence_1.assertSameAnswers)(engine.index, fresh, 7);
        await engine.close();
        // Bytes flipped deep in the body: found by the page checksum when read, the index is built again and the answer is right.
        for (const at of [good.length - 5000, Math.floor(good.length / 2), good.length - 10]) {
            const flipped = Buffer.from(good);
            flipped[at] ^= 0xff;
            fs.writeFileSync(file, flipped);
            engine = await (0, openStore_1.openStore)(store, { threads: 1 });
            const layered = engine.index;
            strict_1.default.ok(layered.base, 'the header is intact: the base is opened');
            (0, indexEquivalence_1.assertSameAnswers)(layered, fresh, 7);
            strict_1.default.equal(layered.rebuiltAfterDamage, true, `the flip at ${at} of ${good.length} was found`);
            await engine.close();
            strict_1.default.equal(fs.readFileSync(file).readUInt32LE(0), diskIndexFormat_1.DISK_INDEX_MAGIC, 'a sound index was written again');
            strict_1.default.doesNotThrow(() => fs.readFileSync(file));
        }
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('a question reads a small share of the index file: the header at open, then only the pages it needs', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 40_000, days: 4, outDir: store, seed: 11 });
        const engine = await reopened(store);
        const base = engine.index.base;
        strict_1.default.ok(base);
        const size = fs.statSync((0, diskIndex_1.diskIndexPath)(path.join(store, '.eventbus'))).size;
        const atOpen = base.paged.bytesRead;
        strict_1.default.ok(atOpen < 16 * 1024, `opening read ${atOpen} bytes of ${size}`);
        const stats = { events: engine.index.eventCount, types: engine.index.eventTypeCounts().size, aggregates: engine.index.aggregateCount(), correlations: engine.index.correlationCount() };
        strict_1.default.ok(stats.events === 40_000 && stats.types > 5 && stats.aggregates > 10 && stats.correlations > 1000);
        strict_1.default.ok(base.paged.bytesRead - atOpen < 8 * 1024, 'the counts come from the header');
        // One aggregate's events, with their ids (read from the event lines): its postings and the record blocks of its events.
        const aggregate = engine.index.aggregateIds().find((id) => engine.index.aggregateSize(id) < 100);
        const before = base.paged.bytesRead;
        const events = engine.select({ aggregateId: aggregate });
        const ids = events.map((e) => e.eventId);
        strict_1.default.equal(ids.length, engine.index.aggregateSize(aggregate));
        const forAggregate = base.paged.bytesRead - before;
        // Its directory entry and postings, then at most the two 1 KiB pages holding each event's record block, and checksum chunks.
        strict_1.default.ok(forAggregate <= 16 * 1024 + ids.length * 2 * 1024, `an aggregate of ${ids.length} events read ${forAggregate} bytes`);
        strict_1.default.ok(forAggregate < size / 5, `an aggregate of ${ids.length} events read ${forAggregate} bytes of ${size}`);
        const beforeId = base.paged.bytesRead;
        strict_1.default.deepEqual([...engine.index.ordinalsOfEventId(ids[0])], [events[0].ordinal]);
        strict_1.default.ok(base.paged.bytesRead - beforeId < 6 * 1024, 'an id probe reads one bucket (and its directory page)');
        await engine.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('the heap after opening a persisted index does not grow with the number of events (50k against 200k)', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const heapAfterOpen = async (events) => {
            const store = path.join(dir, `store-${events}`);
            (0, generateStore_1.generateStoreSync)({ events, days: 4, outDir: store, seed: 13 });
            (await (0, openStore_1.openStore)(store, { threads: 1 })).close();
            // A collection before and after each measure, so that only what the open keeps is counted.
            v8.setFlagsFromString('--expose-gc');
            const gc = vm.runInNewContext('gc');
            gc();
            const before = process.memoryUsage().heapUsed;
            const engine = await (0, openStore_1.openStore)(store, { threads: 1 });
            // Questions a view asks first: counts, a page of aggregates, one aggregate's events.
            engine.index.eventTypeCounts();
            const first = engine.index.aggregateIds()[0];
            engine.select({ aggregateId: first, limit: 50 });
            gc();
            const grown = process.memoryUsage().heapUsed - before;
            globalThis.keep = engine;
            await engine.close();
            return grown;
        };
        const small = await heapAfterOpen(50_000);
        const large = await heapAfterOpen(200_000);
        // A whole-array index would hold ~4x more for 4x the events (tens of MB); the in-place one holds pages and small tables.
        strict_1.default.ok(large < small + 2 * 1024 * 1024, `heap after open: ${small} bytes at 50k, ${large} bytes at 200k`);
        strict_1.default.ok(large < 8 * 1024 * 1024, `heap after open at 200k: ${large} bytes`);
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=diskIndex.int.spec.js.map