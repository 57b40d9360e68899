"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const indexBuilder_1 = require("../../src/engine/index/indexBuilder");
const tempStore_1 = require("../helpers/tempStore");
/** A deterministic mix of valid, invalid, blank and CRLF lines of very different lengths. */
function mixedLines(seed) {
    let state = seed;
    const next = () => {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        return state / 0x7fffffff;
    };
    const lines = [];
    for (let i = 0; i < 6000; i++) {
        const r = next();
        const padding = 'x'.repeat(Math.floor(next() * (r < 0.01 ? 3_000_000 : 900)));
        const event = JSON.stringify({
            event_type: 'trade_executed',
            data: { note: padding, n: i },
            metadata: { event_id: `e-${i}`, aggregate_id: `agg_${i % 17}`, sequence_number: i, timestamp: '2024-01-15T10:00:00Z' },
        });
        if (r < 0.05)
            lines.push('');
        else if (r < 0.08)
            lines.push(event.slice(0, Math.floor(event.length / 2)));
        else if (r < 0.1)
            lines.push(`${event}\r`);
        else if (r < 0.11)
            lines.push('{"event_type": "x", "data": NaN, "metadata": {}}');
        else
            lines.push(event);
    }
    return lines;
}
(0, node_test_1.test)('lines spanning read chunks, lines longer than a chunk and CRLF index exactly as a line-by-line JSON.parse reads them', async () => {
    const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
    try {
        const lines = mixedLines(7);
        const text = lines.join('\n') + '\n';
        (0, tempStore_1.writeEventFile)(dir, 'events_2024-01-15.jsonl', text);
        const expected = [];
        const invalid = [];
        let offset = 0;
        lines.forEach((raw, k) => {
            const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
            if (content.trim() !== '') {
                try {
                    const parsed = JSON.parse(content);
                    expected.push({ line: k + 1, offset, id: parsed.metadata.event_id });
                }
                catch {
                    invalid.push(k + 1);
                }
            }
            offset += Buffer.byteLength(raw) + 1;
        });
        const index = await (0, indexBuilder_1.buildIndex)(dir, { threads: 1 });
        strict_1.default.equal(index.eventCount, expected.length);
        for (let o = 0; o < index.eventCount; o++) {
            const e = index.event(o);
            strict_1.default.deepEqual({ line: e.line, offset: e.offset, id: e.eventId }, expected[o], `event ${o}`);
        }
        strict_1.default.deepEqual(index.problems.map((p) => p.line), invalid);
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=indexChunks.int.spec.js.map