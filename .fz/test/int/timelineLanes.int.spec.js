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
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const schemaRegistry_1 = require("../../src/engine/schema/schemaRegistry");
const timeline_1 = require("../../src/server/handlers/timeline");
const tempStore_1 = require("../helpers/tempStore");
/** The server's timeline on a generated store: lanes in a stable order, pinned and chosen lanes, (other), next/previous event. */
(0, node_test_1.describe)('timeline lanes and stepping (the server handler on a generated store)', () => {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-timeline-lanes-');
    const root = path.join(temp.dir, 'event_store');
    let engine;
    let store;
    (0, node_test_1.before)(async () => {
        (0, generateStore_1.generateStoreSync)({ events: 3000, days: 2, outDir: root, seed: 44 });
        engine = await (0, openStore_1.openStore)(root, { threads: 1, noCache: true });
        store = { root, engine, registry: new schemaRegistry_1.SchemaRegistry(), uriOf: (file) => `file:///${file}` };
    });
    (0, node_test_1.after)(async () => {
        await engine.close();
        temp.cleanup();
    });
    const whole = () => ({ from: engine.index.firstTimestamp(), to: engine.index.lastTimestamp() });
    const base = () => ({ lane: 'aggregate', buckets: 20, maxLanes: 10_000, marksBelow: 0, laneOrder: 'count', ...whole() });
    (0, node_test_1.it)('orders lanes by the whole store, so a zoomed view keeps the order of the whole (by count, name or first event)', () => {
        for (const laneOrder of ['count', 'name', 'first']) {
            const all = (0, timeline_1.timelineBins)(store, { ...base(), laneOrder }).lanes.map((l) => l.key);
            strict_1.default.ok(all.length > 20, `${all.length} aggregates`);
            const { from, to } = whole();
            for (const share of [0.1, 0.37, 0.8]) {
                const start = from + (to - from) * share;
                const zoomed = (0, timeline_1.timelineBins)(store, { ...base(), laneOrder, from: start, to: start + (to - from) * 0.05 }).lanes.map((l) => l.key);
                strict_1.default.ok(zoomed.length > 1);
                const positions = zoomed.map((key) => all.indexOf(key));
                strict_1.default.deepEqual(positions, [...positions].sort((a, b) => a - b), `${laneOrder}: the zoomed lanes keep the whole store's order`);
            }
            if (laneOrder === 'count') {
                const sizes = all.map((key) => engine.index.aggregateSize(key));
                strict_1.default.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
            }
            if (laneOrder === 'name')
                strict_1.default.deepEqual(all, [...all].sort(new Intl.Collator('en', { numeric: true }).compare));
        }
    });
    (0, node_test_1.it)('keeps pinned lanes first, even with no event in the range, and folds the rest past maxLanes into a listed (other)', () => {
        const { from, to } = whole();
        const narrow = { from: to - (to - from) * 0.01, to };
        const inNarrow = new Set((0, timeline_1.timelineBins)(store, { ...base(), ...narrow }).lanes.map((l) => l.key));
        const absent = engine.index.aggregateIds().find((id) => !inNarrow.has(id));
        strict_1.default.ok(absent, 'an aggregate with no event at the end of the store');
        const pinned = [absent, [...inNarrow][3]];
        const bins = (0, timeline_1.timelineBins)(store, { ...base(), ...narrow, pinnedLanes: pinned, maxLanes: 6, listOther: 2 });
        strict_1.default.deepEqual(bins.lanes.slice(0, 2).map((l) => l.key), pinned);
        strict_1.default.equal(bins.lanes[0].total, 0, 'the pinned lane is shown empty');
        strict_1.default.equal(bins.lanes.length, 6);
        strict_1.default.equal(bins.lanes[5].key, '(other)');
        strict_1.default.equal(bins.otherLaneCount, inNarrow.size - 1 - 3, 'every lane with events but no row is folded');
        strict_1.default.equal(bins.otherLanes?.length, 2);
        strict_1.default.ok(bins.otherLanes[0].total >= bins.otherLanes[1].total);
        const all = (0, timeline_1.timelineBins)(store, { ...base(), ...narrow });
        strict_1.default.equal(bins.total, all.total, 'folding loses no event');
        strict_1.default.equal(bins.lanes[5].total, bins.lanes[5].counts.reduce((a, b) => a + b, 0));
    });
    (0, node_test_1.it)('gives rows only to the lanes a content query chooses; the others go to (other)', async () => {
        const where = 'type == "trade_executed" and data.side == "sell"';
        const bins = await (0, timeline_1.timelineBinsChoosingLanes)(store, { ...base(), laneWhere: where, listOther: 10_000 });
        const chosen = bins.lanes.filter((l) => l.key !== '(other)').map((l) => l.key);
        strict_1.default.ok(chosen.length > 0 && bins.otherLaneCount > 0, `${chosen.length} chosen, ${bins.otherLaneCount} folded`);
        for (const key of chosen) {
            const hasMatch = engine.index.ordinalsOfAggregate(key).some((o) => {
                const e = engine.index.event(o);
                return e.eventType === 'trade_executed';
            });
            strict_1.default.ok(hasMatch, `${key} holds a trade`);
        }
        const folded = new Set(bins.otherLanes.map((l) => l.key));
        for (const key of chosen)
            strict_1.default.ok(!folded.has(key));
    });
    (0, node_test_1.it)('steps to the next and previous event in the time order, from an event or a time, through the filter', () => {
        const order = engine.index.timeOrdered();
        const first = engine.index.event(order[0]);
        const second = engine.index.event(order[1]);
        const next = (0, timeline_1.timelineNeighbour)(store, { eventId: first.eventId, timestampMs: 0, direction: 'next', lane: 'aggregate' });
        strict_1.default.equal(next?.eventId, second.eventId);
        strict_1.default.equal(next?.lane, second.aggregateId ?? '(none)');
        strict_1.default.equal((0, timeline_1.timelineNeighbour)(store, { eventId: second.eventId, timestampMs: 0, direction: 'previous', lane: 'type' })?.eventId, first.eventId);
        strict_1.default.equal((0, timeline_1.timelineNeighbour)(store, { eventId: first.eventId, timestampMs: 0, direction: 'previous', lane: 'type' }), null, 'nothing before the first');
        const last = engine.index.event(order[order.length - 1]);
        strict_1.default.equal((0, timeline_1.timelineNeighbour)(store, { eventId: last.eventId, timestampMs: 0, direction: 'next', lane: 'type' }), null, 'nothing after the last');
        // From a time (no selection): strictly after / before it.
        const mid = engine.index.event(order[1500]);
        const after = (0, timeline_1.timelineNeighbour)(store, { timestampMs: mid.timestampMs, direction: 'next', lane: 'type' });
        strict_1.default.ok(after && after.timestampMs > mid.timestampMs);
        // Through a filter: the next event of one type skips the others.
        const type = engine.index.event(order[10]).eventType;
        let at = first.eventId;
        const seen = [];
        for (let i = 0; i < 5; i++) {
            const mark = (0, timeline_1.timelineNeighbour)(store, { eventId: at, timestampMs: 0, direction: 'next', lane: 'type', filters: { types: [type] } });
            strict_1.default.ok(mark);
            strict_1.default.equal(mark.type, type);
            seen.push(mark.timestampMs);
            at = mark.eventId;
        }
        strict_1.default.deepEqual(seen, [...seen].sort((a, b) => a - b));
    });
});
//# sourceMappingURL=timelineLanes.int.spec.js.map