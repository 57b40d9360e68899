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
const contentQuery_1 = require("../../src/server/handlers/contentQuery");
const eventGroups_1 = require("../../src/server/handlers/eventGroups");
const eventsQuery_1 = require("../../src/server/handlers/eventsQuery");
const timeline_1 = require("../../src/server/handlers/timeline");
const tempStore_1 = require("../helpers/tempStore");
function storedEvents(root) {
    const dir = path.join(root, 'events');
    return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean))
        .map((line) => JSON.parse(line));
}
const WHERE = 'type == "trade_executed" and data.side == "sell"';
const isMatch = (e) => e.event_type === 'trade_executed' && e.data.side === 'sell';
(0, node_test_1.describe)('a content query in the views\' filter and the timeline (the server\'s handlers)', () => {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-query-views-');
    const root = path.join(temp.dir, 'event_store');
    let engine;
    let store;
    let events;
    (0, node_test_1.before)(async () => {
        (0, generateStore_1.generateStoreSync)({ events: 2500, days: 2, outDir: root, seed: 31 });
        engine = await (0, openStore_1.openStore)(root, { threads: 1, noCache: true });
        store = { root, engine, registry: new schemaRegistry_1.SchemaRegistry(), uriOf: (file) => `file:///${file}` };
        events = storedEvents(root);
    });
    (0, node_test_1.after)(async () => {
        await engine.close();
        temp.cleanup();
    });
    (0, node_test_1.it)('counts the matches, and reports an unreadable query with its column instead of failing', async () => {
        const answer = await (0, contentQuery_1.queryMatches)(store, { where: WHERE });
        strict_1.default.deepEqual(answer, { ok: true, matched: events.filter(isMatch).length, total: events.length });
        strict_1.default.deepEqual(await (0, contentQuery_1.queryMatches)(store, { where: 'data.side ==' }), { ok: false, problem: { column: 13, reason: 'expected a value after ==' } });
    });
    (0, node_test_1.it)('the Aggregates groups count only matching events; an aggregate\'s events are the matching ones', async () => {
        const params = { groupBy: 'aggregate', filter: { where: WHERE }, limit: 10_000 };
        await (0, contentQuery_1.prepareContentFilters)(engine, params);
        const page = (0, eventGroups_1.eventGroups)(store, params);
        const expected = new Map();
        for (const e of events.filter(isMatch))
            if (e.metadata.aggregate_id)
                expected.set(e.metadata.aggregate_id, (expected.get(e.metadata.aggregate_id) ?? 0) + 1);
        strict_1.default.deepEqual(new Map(page.items.map((g) => [g.key, g.count])), expected);
        const [aggregate] = expected.keys();
        const listed = (0, eventsQuery_1.eventsQuery)(store, { aggregateId: aggregate, filter: { where: WHERE }, limit: 10_000 });
        strict_1.default.equal(listed.total, expected.get(aggregate));
        strict_1.default.ok(listed.items.every((item) => item.type === 'trade_executed'));
    });
    (0, node_test_1.it)('the timeline bins count only matching events, combined with its other filters', async () => {
        const params = { lane: 'type', buckets: 10, filters: { where: WHERE }, marksBelow: 0, maxLanes: 50 };
        await (0, contentQuery_1.prepareContentFilters)(engine, params);
        const bins = (0, timeline_1.timelineBins)(store, params);
        strict_1.default.equal(bins.total, events.filter(isMatch).length);
        strict_1.default.deepEqual(bins.lanes.map((l) => l.key), ['trade_executed']);
        const sources = [...new Set(events.filter(isMatch).map((e) => e.metadata.source))];
        const narrowed = { ...params, filters: { where: WHERE, sources: [sources[0]] } };
        await (0, contentQuery_1.prepareContentFilters)(engine, narrowed);
        strict_1.default.equal((0, timeline_1.timelineBins)(store, narrowed).total, events.filter((e) => isMatch(e) && e.metadata.source === sources[0]).length);
    });
    (0, node_test_1.it)('after an append the mask grows to the new events instead of being recomputed wrong', async () => {
        const day = fs.readdirSync(path.join(root, 'events')).filter((n) => n.endsWith('.jsonl')).sort().pop();
        const template = events.find(isMatch);
        const added = { ...template, metadata: { ...template.metadata, event_id: '00000000-0000-4000-8000-000000000099' } };
        fs.appendFileSync(path.join(root, 'events', day), `${JSON.stringify(added)}\n`);
        await engine.refresh();
        const answer = await (0, contentQuery_1.queryMatches)(store, { where: WHERE });
        strict_1.default.equal(answer.ok && answer.matched, events.filter(isMatch).length + 1);
    });
});
//# sourceMappingURL=queryViews.int.spec.js.map