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
const node_test_1 = require("node:test");
const validateFile_1 = require("../../src/engine/validate/validateFile");
const tempStore_1 = require("../helpers/tempStore");
const good = (n) => JSON.stringify({ event_type: 'trade_executed', data: { n }, metadata: { event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, timestamp: '2024-01-15T00:00:00Z', source: 't', aggregate_id: 'a', correlation_id: null, causation_id: null, sequence_number: n, retry_count: 0, status: 'completed', schema_version: '1.0', tags: {} } });
(0, node_test_1.describe)('validateFile reads plain files into one buffer per thread', () => {
    (0, node_test_1.it)('files of different sizes checked one after another and at once each get their own findings', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            const big = path.join(dir, 'events_2024-01-15.jsonl');
            const small = path.join(dir, 'events_2024-01-16.jsonl');
            fs.writeFileSync(big, `${Array.from({ length: 200 }, (_, k) => (k === 150 ? '{"broken": ' : good(k + 1))).join('\n')}\n`);
            fs.writeFileSync(small, `not json\n${good(1)}\n`);
            const expected = (file) => (0, validateFile_1.validateBuffer)(fs.readFileSync(file), path.basename(file), {});
            const strip = (r) => ({ lines: r.lines, at: r.findings.map((f) => `${f.line}:${f.code}`) });
            const results = await Promise.all([big, small, big, small].map((file) => (0, validateFile_1.validateFile)(file, path.basename(file), {})));
            node_assert_1.strict.deepEqual(results.map(strip), [big, small, big, small].map((file) => strip(expected(file))));
            node_assert_1.strict.equal(results[0].lines, 200);
            node_assert_1.strict.ok(strip(results[0]).at.some((at) => at.startsWith('151:')), 'the big file: its broken line');
            node_assert_1.strict.equal(results[1].lines, 2, 'the small file read after it: its own two lines, not the big file left in the buffer');
            node_assert_1.strict.ok(strip(results[1]).at.some((at) => at.startsWith('1:')) && strip(results[1]).at.every((at) => Number(at.split(':')[0]) <= 2));
            fs.rmSync(small);
            const missing = await (0, validateFile_1.validateFile)(small, 'events_2024-01-16.jsonl', {});
            node_assert_1.strict.deepEqual(missing.findings.map((f) => f.code), ['EB021']);
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=validateThreadBuffer.int.spec.js.map