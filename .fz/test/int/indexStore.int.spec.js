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
const zlib = __importStar(require("node:zlib"));
const openStore_1 = require("../../src/engine/openStore");
const indexBuilder_1 = require("../../src/engine/index/indexBuilder");
const indexPersistence_1 = require("../../src/engine/index/indexPersistence");
const tempStore_1 = require("../helpers/tempStore");
let counter = 0;
function uuid(n) {
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
function line(opts) {
    const event = {
        event_type: opts.type ?? 'trade_executed',
        data: opts.data ?? { symbol: 'BTCUSDT', n: counter++ },
        metadata: {
            event_id: uuid(opts.seq),
            version: '1.0.0',
            schema_version: '1.0',
            timestamp: opts.ts ?? new Date(Date.UTC(2024, 0, 15, 10, 0, opts.seq)).toISOString(),
            source: 'TradingBot',
            correlation_id: opts.corr ?? null,
            causation_id: opts.cause === undefined || opts.cause === null ? null : uuid(opts.cause),
            aggregate_id: opts.agg ?? 'trader_1',
            sequence_number: opts.seq,
            retry_count: 0,
            status: 'completed',
            tags: {},
        },
    };
    const text = JSON.stringify(event);
    return opts.python ? text.replace(/":/g, '": ').replace(/,"/g, ', "') : text;
}
(0, node_test_1.test)('indexes a store written Python-style, with CRLF, a BOM, blank lines, gzip members and a torn tail', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', '\ufeff' + [line({ seq: 1, python: true, ts: '2024-01-15T10:00:01.123456' }), '', line({ seq: 2, agg: 'market_data_BTC_USDT', corr: 'c1' })].join('\r\n') + '\r\n');
        const member1 = zlib.gzipSync(line({ seq: 3, corr: 'c1', cause: 2 }) + '\n');
        const member2 = zlib.gzipSync(line({ seq: 4, corr: 'c1', cause: 3, ts: '2024-01-16T00:00:04+00:00' }) + '\n');
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl.gz', Buffer.concat([member1, member2]));
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-17.jsonl', [line({ seq: 5 }), '{"event_type": "x", "data": {"p": NaN}, "metadata": {}}', '{not json', line({ seq: 6 }).slice(0, 40)].join('\n'));
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.eventCount, 5);
        strict_1.default.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl.gz', 'events/events_2024-01-17.jsonl']);
        const kinds = index.problems.map((p) => `${p.kind}@${p.file.slice(-16)}:${p.line}`);
        strict_1.default.deepEqual(kinds, ['non-json-number@2024-01-17.jsonl:2', 'invalid-json@2024-01-17.jsonl:3', 'torn-line@2024-01-17.jsonl:4']);
        const first = index.event(0);
        strict_1.default.equal(first.line, 1);
        strict_1.default.equal(first.timestampMs, Date.UTC(2024, 0, 15, 10, 0, 1) + 123.456);
        strict_1.default.equal(index.event(1).line, 3, 'blank line counted');
        strict_1.default.deepEqual(index.ordinalsOfCorrelation('c1'), [1, 2, 3]);
        strict_1.default.deepEqual(index.ordinalsCausedBy(uuid(2)), [2]);
        strict_1.default.deepEqual(index.ordinalsOfEventId(uuid(4)), [3]);
        strict_1.default.equal(index.event(3).file, 'events/events_2024-01-16.jsonl.gz');
        strict_1.default.deepEqual([...index.aggregateIds()].sort(), ['market_data_BTC_USDT', 'trader_1']);
        strict_1.default.equal(index.sequenceMode, 'global');
        const engine = await (0, openStore_1.openStore)(dir, { noCache: true });
        const viaGzip = await engine.readEvent(3);
        strict_1.default.equal(viaGzip.metadata.sequence_number, 4);
        const firstEvent = await engine.readEvent(0);
        strict_1.default.equal(firstEvent.metadata.timestamp, '2024-01-15T10:00:01.123456');
        strict_1.default.ok(Object.isFrozen(firstEvent) && Object.isFrozen(firstEvent.metadata));
        await engine.close();
        // Reading never wrote into the store (no cache with noCache).
        strict_1.default.deepEqual(fs.readdirSync(dir), ['events']);
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('per-aggregate numbering is detected, and aggregate queries come in sequence order', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const lines = [];
        for (let i = 0; i < 30; i++)
            lines.push(line({ seq: i >> 1, agg: i % 2 ? 'b' : 'a' }).replace(uuid(i >> 1), uuid(1000 + i)));
        // One event of `a` out of order in the file.
        lines.push(line({ seq: 100, agg: 'a' }).replace(/"sequence_number":100/, '"sequence_number":15'));
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.sequenceMode, 'aggregate');
        const seqs = index.ordinalsOfAggregate('a').map((o) => index.event(o).sequenceNumber);
        strict_1.default.deepEqual(seqs, [...seqs].sort((x, y) => x - y));
        strict_1.default.equal(seqs.length, 16);
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('refresh reads appends incrementally, completes a torn line, and re-reads a rewritten file', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', line({ seq: 1 }) + '\n' + line({ seq: 2 }).slice(0, 30));
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.eventCount, 1);
        strict_1.default.equal(index.problems[0]?.kind, 'torn-line');
        fs.appendFileSync(file, line({ seq: 2 }).slice(30) + '\n' + line({ seq: 3, agg: 'other' }) + '\n');
        const delta = await (0, indexBuilder_1.refreshIndex)(index, dir);
        strict_1.default.equal(delta.appendedEvents, 2);
        strict_1.default.deepEqual(delta.rebuiltFiles, []);
        strict_1.default.equal(index.problems.length, 0, 'the completed line is no longer torn');
        strict_1.default.deepEqual(index.ordinalsOfAggregate('other'), [2]);
        strict_1.default.deepEqual(index.ordinalsOfEventId(uuid(3)), [2]);
        // A new day's file.
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl', line({ seq: 4 }) + '\n');
        strict_1.default.equal((await (0, indexBuilder_1.refreshIndex)(index, dir)).appendedEvents, 1);
        strict_1.default.equal(index.event(3).file, 'events/events_2024-01-16.jsonl');
        // Rewritten (shrunk) first file.
        fs.writeFileSync(file, line({ seq: 9, agg: 'z' }) + '\n');
        const rewritten = await (0, indexBuilder_1.refreshIndex)(index, dir);
        strict_1.default.deepEqual(rewritten.rebuiltFiles, ['events/events_2024-01-15.jsonl']);
        strict_1.default.equal(index.eventCount, 2);
        strict_1.default.deepEqual(index.ordinalsOfAggregate('z'), [0]);
        strict_1.default.deepEqual(index.ordinalsOfAggregate('other'), []);
        // Removed file.
        fs.rmSync(file);
        const removed = await (0, indexBuilder_1.refreshIndex)(index, dir);
        strict_1.default.deepEqual(removed.removedFiles, ['events/events_2024-01-15.jsonl']);
        strict_1.default.equal(index.eventCount, 1);
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('the persisted index reloads to the same answers and is ignored for another store', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const lines = [];
        for (let i = 0; i < 200; i++)
            lines.push(line({ seq: i, agg: `agg_${i % 7}`, corr: `corr_${i % 13}`, cause: i > 0 ? i - 1 : null }));
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
        const built = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        const cacheDir = path.join(dir, '.eventbus');
        (0, indexPersistence_1.saveIndex)(built, dir, cacheDir);
        const loaded = (0, indexPersistence_1.loadIndex)(dir, cacheDir);
        strict_1.default.ok(loaded);
        strict_1.default.equal(loaded.eventCount, 200);
        strict_1.default.deepEqual(loaded.ordinalsOfAggregate('agg_3'), built.ordinalsOfAggregate('agg_3'));
        strict_1.default.deepEqual(loaded.ordinalsOfCorrelation('corr_5'), built.ordinalsOfCorrelation('corr_5'));
        strict_1.default.deepEqual(loaded.ordinalsOfEventId(uuid(150)), [150]);
        strict_1.default.deepEqual(loaded.ordinalsCausedBy(uuid(150)), [151]);
        strict_1.default.deepEqual(loaded.event(77), built.event(77));
        strict_1.default.equal((0, indexPersistence_1.loadIndex)(path.join(dir, 'elsewhere'), cacheDir), null);
        fs.writeFileSync(path.join(cacheDir, 'index.bin'), 'garbage');
        strict_1.default.equal((0, indexPersistence_1.loadIndex)(dir, cacheDir), null, 'a corrupt cache is ignored, not fatal');
        // openStore: first open builds and saves, appends after it are picked up on reopen.
        const first = await (0, openStore_1.openStore)(dir);
        await first.close();
        fs.appendFileSync(path.join(dir, 'events', 'events_2024-01-15.jsonl'), line({ seq: 500, agg: 'late' }) + '\n');
        const second = await (0, openStore_1.openStore)(dir);
        strict_1.default.equal(second.index.eventCount, 201);
        strict_1.default.equal(second.select({ aggregateId: 'late' }).length, 1);
        await second.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('symlinks out of the store are not followed; a plain+gz pair of one day is read once', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    const outside = (0, tempStore_1.makeTempDir)('eventbus-outside-');
    try {
        // A compression that died after writing the gzip, before removing the plain file: the same bytes twice.
        const day = line({ seq: 1 }) + '\n';
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', day);
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl.gz', zlib.gzipSync(day));
        fs.writeFileSync(path.join(outside.dir, 'secret.jsonl'), line({ seq: 2 }) + '\n');
        fs.symlinkSync(path.join(outside.dir, 'secret.jsonl'), path.join(dir, 'events', 'events_2024-01-16.jsonl'));
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.eventCount, 1);
        strict_1.default.equal(index.problems.length, 2);
        strict_1.default.ok(index.problems.some((p) => /outside the store/.test(p.message)));
        strict_1.default.ok(index.problems.some((p) => p.file === 'events/events_2024-01-15.jsonl' && /already end events\/events_2024-01-15\.jsonl\.gz/.test(p.message)));
    }
    finally {
        cleanup();
        outside.cleanup();
    }
});
(0, node_test_1.test)('late events in a plain file beside its day\'s gzip are read after the gzip\'s, none twice', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const compressed = [1, 2, 3].map((seq) => line({ seq, agg: 'early' })).join('\n') + '\n';
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl.gz', zlib.gzipSync(compressed));
        // A late event of the compressed day, plus the same line the gzip ends with (not a suffix of the whole gzip: both files count).
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', `${line({ seq: 4, agg: 'late' })}\n`);
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-16.jsonl', `${line({ seq: 5, agg: 'next' })}\n`);
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.eventCount, 5);
        strict_1.default.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl.gz', 'events/events_2024-01-15.jsonl', 'events/events_2024-01-16.jsonl']);
        strict_1.default.deepEqual(Array.from({ length: 5 }, (_, o) => index.event(o).aggregateId), ['early', 'early', 'early', 'late', 'next']);
        strict_1.default.deepEqual(index.problems, []);
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('selecting by time range and filters returns store order', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const lines = [];
        for (let i = 0; i < 50; i++)
            lines.push(line({ seq: i, type: i % 2 ? 'risk_alert' : 'trade_executed', agg: `a${i % 3}` }));
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', lines.join('\n') + '\n');
        const engine = await (0, openStore_1.openStore)(dir, { noCache: true });
        const since = Date.UTC(2024, 0, 15, 10, 0, 10);
        const until = Date.UTC(2024, 0, 15, 10, 0, 20);
        const picked = engine.select({ since, until, eventType: 'risk_alert' }).map((e) => e.sequenceNumber);
        strict_1.default.deepEqual(picked, [11, 13, 15, 17, 19]);
        strict_1.default.deepEqual(engine.select({ aggregateId: 'a1', fromSequenceNumber: 10, toSequenceNumber: 20 }).map((e) => e.sequenceNumber), [10, 13, 16, 19]);
        strict_1.default.equal(engine.select({ limit: 3 }).length, 3);
        const events = [];
        for await (const e of engine.query({ aggregateId: 'a2', limit: 2 }))
            events.push(e.metadata.sequence_number);
        strict_1.default.deepEqual(events, [2, 5]);
        await engine.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('events appended in process without aggregate or correlation survive the saved index', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', line({ seq: 1 }) + '\n');
        const first = await (0, openStore_1.openStore)(dir);
        const noGroups = line({ seq: 2, type: 'system_error' }).replace('"aggregate_id":"trader_1"', '"aggregate_id":null');
        fs.appendFileSync(file, noGroups + '\n');
        await first.refresh();
        strict_1.default.deepEqual(first.index.ordinalsOfType('system_error'), [1]);
        await first.close();
        const reopened = await (0, openStore_1.openStore)(dir);
        strict_1.default.deepEqual(reopened.index.ordinalsOfType('system_error'), [1]);
        strict_1.default.equal(reopened.index.eventTypeCounts().get('system_error'), 1);
        await reopened.close();
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('repeated event ids and unknown causes are found at build, after appends and after a reload', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const file = (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', [line({ seq: 1 }), line({ seq: 2, cause: 1 }), line({ seq: 1 }).replace('"sequence_number":1', '"sequence_number":3')].join('\n') + '\n');
        const first = await (0, openStore_1.openStore)(dir);
        strict_1.default.deepEqual(first.index.duplicateEventIds(), [[2, 0]]);
        strict_1.default.deepEqual(first.index.unknownCauses(), []);
        fs.appendFileSync(file, [line({ seq: 1 }).replace('"sequence_number":1', '"sequence_number":4'), line({ seq: 5, cause: 99 })].join('\n') + '\n');
        await first.refresh();
        strict_1.default.deepEqual(first.index.duplicateEventIds(), [[2, 0], [3, 0]]);
        strict_1.default.deepEqual(first.index.unknownCauses(), [4]);
        await first.close();
        const reopened = await (0, openStore_1.openStore)(dir);
        strict_1.default.deepEqual(reopened.index.duplicateEventIds(), [[2, 0], [3, 0]]);
        strict_1.default.deepEqual(reopened.index.unknownCauses(), [4]);
        await reopened.close();
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=indexStore.int.spec.js.map