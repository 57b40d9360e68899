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
const naturalOrder_1 = require("../../src/engine/model/naturalOrder");
const openStore_1 = require("../../src/engine/openStore");
const schemaRegistry_1 = require("../../src/engine/schema/schemaRegistry");
const eventGroups_1 = require("../../src/server/handlers/eventGroups");
const tempStore_1 = require("../helpers/tempStore");
/** Each group's last event time, sorted the way the views sort by last activity: newest first, ties in natural key order. */
function expectedRecentOrder(root, kind) {
    const last = new Map();
    const dir = path.join(root, 'events');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
        for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)) {
            const { metadata } = JSON.parse(line);
            const key = kind === 'aggregate' ? metadata.aggregate_id : metadata.correlation_id;
            if (key === null)
                continue;
            // The generator writes microseconds; the index keeps what Date.parse keeps plus the fraction below a millisecond.
            const t = Date.parse(metadata.timestamp);
            last.set(key, Math.max(last.get(key) ?? Number.NEGATIVE_INFINITY, t));
        }
    }
    return [...last.entries()].sort((a, b) => b[1] - a[1] || (0, naturalOrder_1.naturalCompare)(a[0], b[0])).map(([key]) => key);
}
(0, node_test_1.describe)('groups by last activity and group counts are paged from the index without listing every group', () => {
    const temp = (0, tempStore_1.makeTempDir)('eventbus-recent-groups-');
    const root = path.join(temp.dir, 'event_store');
    // Two openings: the in-memory index of a cold build, and the persisted on-disk one read in place.
    const engines = [];
    const storeOf = (engine) => ({ root, engine, registry: new schemaRegistry_1.SchemaRegistry(), uriOf: (file) => `file:///${file}` });
    (0, node_test_1.before)(async () => {
        (0, generateStore_1.generateStoreSync)({ events: 6000, days: 3, outDir: root, seed: 11 });
        const cold = await (0, openStore_1.openStore)(root, { threads: 1 });
        engines.push({ name: 'cold build', engine: cold });
        engines.push({ name: 'persisted index', engine: await (0, openStore_1.openStore)(root, { threads: 1 }) });
    });
    (0, node_test_1.after)(async () => {
        for (const { engine } of engines)
            await engine.close();
        temp.cleanup();
    });
    for (const kind of ['correlation', 'aggregate']) {
        (0, node_test_1.it)(`${kind}s: every page by last activity is the slice of the full order, with its rows measured`, () => {
            const expected = expectedRecentOrder(root, kind);
            strict_1.default.ok(expected.length > 20, 'the store has groups to page through');
            for (const { name, engine } of engines) {
                strict_1.default.ok(name !== 'persisted index' || engine.index.files.length > 0);
                for (const [offset, limit] of [[0, 7], [7, 50], [Math.max(0, expected.length - 5), 100]]) {
                    const page = (0, eventGroups_1.eventGroups)(storeOf(engine), { groupBy: kind, sort: 'lastActivity', offset, limit });
                    strict_1.default.deepEqual(page.items.map((row) => row.key), expected.slice(offset, offset + limit), `${name}, ${kind}s ${offset}+${limit}`);
                    strict_1.default.equal(page.total, expected.length);
                    for (const row of page.items)
                        strict_1.default.equal(row.count, kind === 'aggregate' ? engine.index.aggregateSize(row.key) : engine.index.correlationSize(row.key));
                }
            }
        });
    }
    (0, node_test_1.it)('a count alone (limit 0) is the number of groups, with and without a prefix', () => {
        for (const { name, engine } of engines) {
            const store = storeOf(engine);
            const all = (0, eventGroups_1.eventGroups)(store, { groupBy: 'correlation', limit: 0 });
            strict_1.default.deepEqual(all.items, []);
            strict_1.default.equal(all.total, engine.index.correlationIds().length, name);
            const aggregates = engine.index.aggregateIds();
            const prefix = aggregates[0].slice(0, Math.max(1, aggregates[0].length - 1));
            const counted = (0, eventGroups_1.eventGroups)(store, { groupBy: 'aggregate', prefix, limit: 0 });
            strict_1.default.equal(counted.total, aggregates.filter((id) => id.startsWith(prefix)).length, name);
            // The same question with a page asks the general path: both agree.
            strict_1.default.equal((0, eventGroups_1.eventGroups)(store, { groupBy: 'aggregate', prefix, limit: 10 }).total, counted.total, name);
        }
    });
});
//# sourceMappingURL=recentGroups.int.spec.js.map