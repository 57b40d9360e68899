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
const event_1 = require("../../src/engine/model/event");
const openStore_1 = require("../../src/engine/openStore");
const lineReader_1 = require("../../src/engine/store/lineReader");
const validateStore_1 = require("../../src/engine/validate/validateStore");
const hostileStore_1 = require("../helpers/hostileStore");
const tempStore_1 = require("../helpers/tempStore");
/**
 * A gzip bomb under the product's real limit (no test-only setting): a day
 * file of about 4 MB that decompresses to 4 GiB. The index and the validator
 * stop at the limit, report the file, keep the rest of the store, and the
 * process's memory stays near the limit, not the bomb's size.
 */
const MIB = 1024 * 1024;
(0, node_test_1.test)('a gzip bomb is reported at the decompression limit by the index and the validator; the other days stay usable', async () => {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-bomb-');
    try {
        const root = path.join(temp.dir, 'event_store');
        const good = Array.from({ length: 5 }, (_, i) => (0, event_1.createEvent)('component_started', { i }, { sequence_number: i + 1, aggregate_id: 'a', timestamp: `2024-01-01T0${i}:00:00Z` }));
        (0, tempStore_1.writeEventFile)(root, 'events_2024-01-01.jsonl', good.map(event_1.serializeEvent).join('\n') + '\n');
        // Many gzip members of zeros, one after another: appending to a gzip
        // file makes exactly this, and readers must take all members.
        const member = zlib.gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
        const members = Math.ceil((4 * 1024 * MIB) / (64 * MIB));
        const bomb = Buffer.concat(Array.from({ length: members }, () => member));
        strict_1.default.ok(bomb.length < 8 * MIB && members * 64 * MIB > 3 * lineReader_1.DEFAULT_MAX_DECOMPRESSED_BYTES);
        (0, tempStore_1.writeEventFile)(root, 'events_2024-01-02.jsonl.gz', bomb);
        const before = (0, hostileStore_1.hashTree)(root);
        const engine = await (0, openStore_1.openStore)(root, { cacheDir: path.join(temp.dir, 'cache') });
        try {
            const problem = engine.index.problems.find((p) => p.file === 'events/events_2024-01-02.jsonl.gz');
            strict_1.default.ok(problem, 'the index does not report the bomb');
            strict_1.default.equal(problem.line, 1);
            strict_1.default.match(problem.message, /gzip bomb/);
            strict_1.default.equal(engine.index.eventCount, good.length);
            for (let ordinal = 0; ordinal < good.length; ordinal++) {
                strict_1.default.equal((await engine.readEvent(ordinal)).metadata.event_id, good[ordinal].metadata.event_id);
            }
            const report = await (0, validateStore_1.validateStore)(engine, { threads: 1 });
            const finding = report.findings.find((f) => f.file === 'events/events_2024-01-02.jsonl.gz');
            strict_1.default.ok(finding, 'the validator does not report the bomb');
            strict_1.default.equal(finding.code, 'EB021');
            strict_1.default.equal(finding.line, 1);
            strict_1.default.match(finding.message, /gzip bomb/);
        }
        finally {
            await engine.close();
        }
        // Bounded by the limit (1 GiB) plus the runtime, far below the bomb's 4 GiB.
        const peakBytes = process.resourceUsage().maxRSS * 1024;
        strict_1.default.ok(peakBytes < lineReader_1.DEFAULT_MAX_DECOMPRESSED_BYTES + 1024 * MIB, `peak RSS ${Math.round(peakBytes / MIB)} MiB`);
        strict_1.default.deepEqual((0, hostileStore_1.hashTree)(root), before);
        strict_1.default.ok(!fs.existsSync(path.join(root, '.eventbus')));
    }
    finally {
        temp.cleanup();
    }
});
//# sourceMappingURL=hostileBomb.int.spec.js.map