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
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const schemaRegistry_1 = require("../../src/engine/schema/schemaRegistry");
const timeline_1 = require("../../src/server/handlers/timeline");
const tempStore_1 = require("../helpers/tempStore");
function handlerStore(engine) {
    return { root: engine.root, engine, registry: new schemaRegistry_1.SchemaRegistry(), uriOf: (file) => `file:///${file}` };
}
/** A copy of the last event line with a new id, `shiftMs` from the file's last timestamp, in another aggregate and source. */
function shifted(template, n, shiftMs, aggregate, source) {
    const event = JSON.parse(template);
    const t = Date.parse(`${String(event.metadata.timestamp).replace(/Z?$/, '')}Z`) + shiftMs;
    event.metadata.event_id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    event.metadata.timestamp = new Date(t).toISOString();
    event.metadata.aggregate_id = aggregate;
    event.metadata.source = source;
    return JSON.stringify(event);
}
(0, node_test_1.describe)('the time order and the timeline after appends', () => {
    (0, node_test_1.it)('merge appended events (earlier, equal and later than the last) exactly as a fresh index orders and bins them', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-timeline-appends-');
        try {
            const store = path.join(dir, 'event_store');
            (0, generateStore_1.generateStoreSync)({ events: 2000, days: 2, outDir: store, seed: 21 });
            const engine = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
            const before = engine.index.timeOrdered();
            const params = { lane: 'aggregate', buckets: 40, maxLanes: 1000, marksBelow: 0 };
            for (const lane of ['aggregate', 'source', 'type'])
                (0, timeline_1.timelineBins)(handlerStore(engine), { ...params, lane });
            const days = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort();
            const last = path.join(store, 'events', days[days.length - 1]);
            const lines = fs.readFileSync(last, 'utf8').trimEnd().split('\n');
            const template = lines[lines.length - 1];
            // Late ones (an hour back), one at the same instant as the last, later ones; a new aggregate and a new source among them.
            const appended = [
                shifted(template, 1, -3_600_000, 'late-aggregate', 'LateSource'),
                shifted(template, 2, 0, null, 'LateSource'),
                shifted(template, 3, 5_000, 'late-aggregate', 'Orders'),
                shifted(template, 4, -60_000, 'another-new-one', 'Orders'),
            ];
            fs.appendFileSync(last, `${appended.join('\n')}\n`);
            const delta = await engine.refresh();
            strict_1.default.equal(delta.appendedEvents, 4);
            const merged = engine.index.timeOrdered();
            strict_1.default.notEqual(merged, before, 'a new order after the appends');
            const fresh = await (0, openStore_1.openStore)(store, { threads: 1, noCache: true });
            strict_1.default.deepEqual(Array.from(merged), Array.from(fresh.index.timeOrdered()));
            for (const lane of ['aggregate', 'source', 'type']) {
                const grown = (0, timeline_1.timelineBins)(handlerStore(engine), { ...params, lane });
                const cold = (0, timeline_1.timelineBins)(handlerStore(fresh), { ...params, lane });
                const byKey = (bins) => Object.fromEntries(bins.lanes.map((l) => [l.key, l.counts]));
                strict_1.default.deepEqual(byKey(grown), byKey(cold), `lane ${lane}`);
                strict_1.default.equal(grown.total, 2004);
                strict_1.default.ok(grown.lanes.length > 3, `${lane}: events spread over lanes (${grown.lanes.length})`);
            }
            await fresh.close();
            await engine.close();
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=timelineAppends.int.spec.js.map