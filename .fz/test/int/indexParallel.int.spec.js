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
const indexBuilder_1 = require("../../src/engine/index/indexBuilder");
const tempStore_1 = require("../helpers/tempStore");
/**
 * A cold build on worker threads (files shared out, the workers' string ids
 * mapped to the store's, the id table filled by a worker) must give exactly
 * the index one thread builds.
 */
function uuid(n) {
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
function eventLine(day, k, eventId) {
    return JSON.stringify({
        event_type: k % 3 === 0 ? 'order_placed' : 'trade_executed',
        data: { symbol: 'BTCUSDT', n: k, note: k % 7 === 0 ? 'caf\u00e9 "quoted"' : 'plain' },
        metadata: {
            event_id: eventId,
            version: '1.0.0',
            schema_version: '1.0',
            timestamp: new Date(Date.UTC(2024, 0, 10 + day, 0, 0, k)).toISOString(),
            source: k % 2 ? 'TradingBot' : 'Risk\u00e9',
            correlation_id: `corr_${Math.floor(k / 3) % 40}`,
            causation_id: k > 0 ? uuid(day * 1000 + k - 1) : null,
            aggregate_id: `trader_${k % 9}`,
            sequence_number: day * 1000 + k,
            retry_count: 0,
            status: 'completed',
            tags: {},
        },
    });
}
/** Six day files; ids repeat across files (UUIDs and odd ids), and some lines are not events. */
function writeStore(root) {
    for (let day = 0; day < 6; day++) {
        const lines = [];
        for (let k = 0; k < 150 + day * 40; k++) {
            let id = uuid(day * 1000 + k);
            if (k === 5)
                id = uuid(5); // the 6th event of every day repeats day 0's
            if (k === 9)
                id = `odd-id-${k}`; // and a non-UUID id repeats every day
            lines.push(eventLine(day, k, id));
        }
        lines.splice(20, 0, '{"event_type": "x", "data": {"p": NaN}, "metadata": {}}', '{not json');
        (0, tempStore_1.writeEventFile)(root, `events_2024-01-${String(10 + day).padStart(2, '0')}.jsonl`, lines.join('\n') + '\n');
    }
}
function summary(index) {
    const events = Array.from({ length: index.eventCount }, (_, o) => index.event(o));
    return {
        events,
        problems: index.problems,
        duplicates: index.duplicateEventIds(),
        unknownCauses: index.unknownCauses(),
        aggregates: [...index.aggregateIds()].sort().map((a) => [a, index.ordinalsOfAggregate(a)]),
        correlations: [...index.correlationIds()].sort().map((c) => [c, index.ordinalsOfCorrelation(c)]),
        types: [...index.eventTypeCounts()].sort(),
        sources: [...index.sources()].sort().map((s) => [s, index.ordinalsOfSource(s)]),
        ids: [uuid(5), 'odd-id-9', uuid(3007), 'missing'].map((id) => [id, index.ordinalsOfEventId(id)]),
        causedBy: index.ordinalsCausedBy(uuid(2010)),
        mode: index.sequenceMode,
    };
}
(0, node_test_1.test)('a build on worker threads gives exactly the index one thread builds', async () => {
    // tsc and the bench bundle put the worker beside the builder; without it the build would quietly stay on one thread.
    strict_1.default.ok(fs.existsSync(path.join(__dirname, '../../src/engine/index/indexWorker.js')), 'compiled index worker beside the builder');
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        writeStore(dir);
        const single = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(single.eventCount, 6 * 150 + 40 * 15);
        // Day 0's event 5 is repeated by days 1–5, and the odd id likewise.
        strict_1.default.equal(single.duplicateEventIds().length, 10);
        const expected = summary(single);
        // Every core scanning (which thread gets which file depends on timing),
        // one worker scanning every file (its string ids arrive file by file),
        // and two workers sharing the files.
        const variants = [
            { threads: 2 },
            { threads: 2, scanOnCallingThread: false },
            { threads: 3, scanOnCallingThread: false },
        ];
        for (const variant of variants) {
            const failures = [];
            const parallel = await (0, indexBuilder_1.buildIndex)(dir, { ...variant, parallelThresholdBytes: 0, onWorkerFailure: (error) => failures.push(error) });
            // A failing worker would be covered up by a build on this thread: that is not the path under test.
            strict_1.default.deepEqual(failures, [], JSON.stringify(variant));
            strict_1.default.deepEqual(summary(parallel), expected, JSON.stringify(variant));
        }
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('progress covers every byte on worker threads too', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        writeStore(dir);
        let last = [0, 0];
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 2, parallelThresholdBytes: 0, scanOnCallingThread: false, onProgress: (done, total) => (last = [done, total]) });
        const bytes = fs.readdirSync(path.join(dir, 'events')).reduce((sum, f) => sum + fs.statSync(path.join(dir, 'events', f)).size, 0);
        strict_1.default.deepEqual(last, [bytes, bytes]);
        strict_1.default.equal(index.eventCount, 6 * 150 + 40 * 15);
    }
    finally {
        cleanup();
    }
});
(0, node_test_1.test)('a worker that dies while scanning, or while filling the id table, costs time but never events', async (t) => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    t.after(() => {
        delete process.env.EVENTBUS_FAIL_INDEX_WORKER;
        cleanup();
    });
    writeStore(dir);
    const expected = summary(await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 }));
    const workerScript = path.join(__dirname, '..', 'helpers', 'failingIndexWorker.js');
    for (const phase of ['scan', 'ids']) {
        process.env.EVENTBUS_FAIL_INDEX_WORKER = phase;
        const failures = [];
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 2, parallelThresholdBytes: 0, workerScript, onWorkerFailure: (error) => failures.push(error) });
        strict_1.default.equal(failures.length, 1, `${phase}: the failure is told once`);
        strict_1.default.match(failures[0].message, phase === 'scan' ? /before scanning/ : /filling the id table/);
        strict_1.default.deepEqual(summary(index), expected, `${phase}: the same index as one thread builds`);
    }
});
//# sourceMappingURL=indexParallel.int.spec.js.map