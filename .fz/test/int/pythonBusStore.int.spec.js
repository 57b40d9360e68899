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
const path = __importStar(require("node:path"));
const openStore_1 = require("../../src/engine/openStore");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const tempStore_1 = require("../helpers/tempStore");
// python3 is part of this project's machines (see the env notes); the store
// is written by real Python code, not by our generator imitating it.
const WRITER = path.join(__dirname, '..', '..', '..', 'test', 'int', 'fixtures-python', 'enhanced_event_bus_writer.py');
(0, node_test_1.test)('a store written by Python code as the guide describes is read, indexed and validated exactly', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const store = path.join(dir, 'event_store');
        (0, node_child_process_1.execFileSync)('python3', [WRITER, store]);
        const engine = await (0, openStore_1.openStore)(store, { noCache: true });
        const index = engine.index;
        strict_1.default.equal(index.eventCount, 199, '200 written, one of them holding NaN');
        strict_1.default.deepEqual(index.files.map((f) => f.file), ['events/events_2024-01-15.jsonl.gz', 'events/events_2024-01-16.jsonl']);
        strict_1.default.deepEqual(index.problems.map((p) => `${p.kind} ${p.file}:${p.line}`), ['non-json-number events/events_2024-01-15.jsonl.gz:51', 'torn-line events/events_2024-01-16.jsonl:120']);
        // `metadata` keys inside data are not the envelope's.
        strict_1.default.deepEqual([...index.aggregateIds()].sort(), ['market_data_BTC_USDT', 'trader_1']);
        strict_1.default.equal(index.sequenceMode, 'global');
        // Naive microsecond timestamps are UTC and keep their microseconds.
        strict_1.default.equal(index.firstTimestamp(), Date.UTC(2024, 0, 15, 10, 30, 0) + 123.456);
        const first = await engine.readEvent(0);
        strict_1.default.equal(first.data.note, 'déjà vu ünïcode');
        strict_1.default.equal(first.metadata.status, 'completed');
        // The causation chain written by the bus resolves across the gzip day and the plain one.
        const last = index.event(index.eventCount - 1);
        strict_1.default.ok(last.causationId && index.ordinalsOfEventId(last.causationId).length === 1);
        const report = await (0, validateStore_1.validateStore)(engine, { threads: 1 });
        strict_1.default.deepEqual(report.findings.map((f) => `${f.code} ${f.file}:${f.line}`), ['EB002 events/events_2024-01-15.jsonl.gz:51', 'EB014 events/events_2024-01-15.jsonl.gz:52', 'EB003 events/events_2024-01-16.jsonl:120']);
        await engine.close();
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=pythonBusStore.int.spec.js.map