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
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const protocol_1 = require("../../src/shared/protocol");
const naturalOrder_1 = require("../../src/engine/model/naturalOrder");
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
const lspFixtures_1 = require("./lspFixtures");
const EVENTS = 1500;
(0, node_test_1.describe)('the views\' requests over stdio', () => {
    let ws;
    let store;
    let client;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-views-', { events: EVENTS, days: 2, seed: 9 });
        ({ store, client } = ws);
    });
    (0, node_test_1.after)(() => ws?.close());
    const send = (type, params) => client.connection.sendRequest(type, params);
    (0, node_test_1.it)('groups by aggregate: the aggregates request\'s rows, in natural id order (strategy_2 before strategy_10)', async () => {
        const groups = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', limit: 10_000 });
        const plain = await send(protocol_1.AggregatesRequest.type, { store, limit: 10_000 });
        assert.equal(groups.total, plain.total);
        assert.deepEqual(groups.items.map((g) => [g.key, g.count, g.lastTimestamp]), [...plain.items].sort((a, b) => (0, naturalOrder_1.naturalCompare)(a.aggregateId, b.aggregateId)).map((a) => [a.aggregateId, a.count, a.lastTimestamp]));
        assert.ok(groups.items.some((g, i) => i > 0 && g.key.localeCompare(groups.items[i - 1].key) < 0 && (0, naturalOrder_1.naturalCompare)(groups.items[i - 1].key, g.key) < 0), 'some ids differ between text and natural order');
    });
    (0, node_test_1.it)('sorts groups by count and by last activity, and pages them', async () => {
        const byCount = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', limit: 10_000 });
        for (let i = 1; i < byCount.items.length; i++)
            assert.ok(byCount.items[i - 1].count >= byCount.items[i].count);
        const byLast = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'correlation', sort: 'lastActivity', limit: 10_000 });
        for (let i = 1; i < byLast.items.length; i++)
            assert.ok((byLast.items[i - 1].lastTimestampMs ?? 0) >= (byLast.items[i].lastTimestampMs ?? 0));
        const second = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', offset: 5, limit: 5 });
        assert.deepEqual(second.items.map((g) => g.key), byCount.items.slice(5, 10).map((g) => g.key));
    });
    /** The store's events read straight from its files: the oracle for the filters below. */
    function storeEvents() {
        const dir = path.join(store, 'events');
        return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((line) => line.trim() !== '').flatMap((line) => {
            try {
                const e = JSON.parse(line);
                return [{ id: e.metadata.event_id, aggregate: e.metadata.aggregate_id, type: e.event_type, source: e.metadata.source, ms: Date.parse(e.metadata.timestamp.endsWith('Z') || /[+-]\d\d:\d\d$/.test(e.metadata.timestamp) ? e.metadata.timestamp : `${e.metadata.timestamp}Z`) }];
            }
            catch {
                return [];
            }
        }));
    }
    (0, node_test_1.it)('timeline bins narrowed by the shared filter: aggregate prefix, sources and a time window, counted as the files say', async () => {
        const events = storeEvents();
        const { items: aggregates } = await send(protocol_1.AggregatesRequest.type, { store, limit: 10_000 });
        const prefix = aggregates[0].aggregateId.slice(0, Math.max(1, aggregates[0].aggregateId.length - 1));
        const byPrefix = await send(protocol_1.TimelineBinsRequest.type, { store, lane: 'aggregate', buckets: 20, maxLanes: 1000, filters: { aggregatePrefix: prefix } });
        assert.equal(byPrefix.total, events.filter((e) => e.aggregate?.startsWith(prefix)).length);
        assert.ok(byPrefix.total > 0 && byPrefix.total < events.length, 'the prefix narrows, but not to nothing');
        assert.ok(byPrefix.lanes.every((l) => l.key.startsWith(prefix)));
        const times = events.map((e) => e.ms).sort((a, b) => a - b);
        const window = { from: times[Math.floor(times.length * 0.3)], to: times[Math.floor(times.length * 0.6)] };
        const source = events[0].source;
        const narrowed = await send(protocol_1.TimelineBinsRequest.type, { store, lane: 'type', buckets: 20, maxLanes: 1000, filters: { sources: [source], ...window } });
        const expected = events.filter((e) => e.source === source && e.ms >= window.from && e.ms <= window.to).length;
        assert.equal(narrowed.total, expected);
        assert.ok(expected > 0);
        // The buckets still span the whole store: the window narrows what is counted, not the axis.
        assert.equal(narrowed.from, times[0]);
        assert.equal(narrowed.to, times[times.length - 1]);
    });
    (0, node_test_1.it)('places an event in the Aggregates view as the view lists it, under its sort and filter', async () => {
        const events = storeEvents().filter((e) => e.aggregate !== null);
        const types = await send(protocol_1.EventTypesRequest.type, { store });
        const rare = types[types.length - 1].eventType;
        for (const params of [{}, { sort: 'count' }, { sort: 'lastActivity', filter: { types: [rare] } }]) {
            const groups = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', limit: 10_000, ...params });
            for (const e of [events[0], events[Math.floor(events.length / 2)], events[events.length - 1]]) {
                const place = await send(protocol_1.EventPlaceRequest.type, { store, eventId: e.id, ...params });
                assert.ok(place, `a place for ${e.id}`);
                assert.equal(place.aggregateId, e.aggregate);
                const groupIndex = groups.items.findIndex((g) => g.key === e.aggregate);
                assert.equal(place.groupIndex, groupIndex, `group of ${e.id} with ${JSON.stringify(params)}`);
                if (groupIndex === -1) {
                    assert.equal(place.eventIndex, -1);
                    continue;
                }
                const listed = await send(protocol_1.EventsQueryRequest.type, { store, aggregateId: e.aggregate, limit: 10_000, ...('filter' in params ? { filter: params.filter } : {}) });
                assert.equal(place.eventIndex, listed.items.findIndex((x) => x.eventId === e.id), `row of ${e.id} with ${JSON.stringify(params)}`);
            }
        }
        const hidden = events.find((e) => e.type !== rare);
        const hiddenPlace = await send(protocol_1.EventPlaceRequest.type, { store, eventId: hidden.id, filter: { types: [rare] } });
        assert.equal(hiddenPlace?.eventIndex, -1, 'an event the filter hides has no row');
        assert.equal(await send(protocol_1.EventPlaceRequest.type, { store, eventId: 'no-such-event' }), null);
    });
    (0, node_test_1.it)('filters groups by type, source and time, counting only matching events', async () => {
        const types = await send(protocol_1.EventTypesRequest.type, { store });
        const type = types[0].eventType;
        const filtered = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', filter: { types: [type] }, limit: 10_000 });
        const total = filtered.items.reduce((sum, g) => sum + g.count, 0);
        assert.equal(total, types[0].count, `the ${type} events, summed over aggregates that have them`);
        assert.ok(filtered.items.every((g) => g.count > 0));
        const bySource = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'source', limit: 10_000 });
        assert.equal(bySource.items.reduce((sum, g) => sum + g.count, 0), EVENTS);
        const [source] = bySource.items;
        const typesFromSource = await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'type', filter: { sources: [source.key] }, limit: 10_000 });
        assert.equal(typesFromSource.items.reduce((sum, g) => sum + g.count, 0), source.count);
        const [all] = (await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'type', sort: 'count', limit: 1 })).items;
        const mid = ((all.firstTimestampMs ?? 0) + (all.lastTimestampMs ?? 0)) / 2;
        const [early] = (await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'type', prefix: all.key, filter: { to: mid }, limit: 1 })).items;
        const [late] = (await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'type', prefix: all.key, filter: { from: mid + 0.001 }, limit: 1 })).items;
        assert.ok((early?.count ?? 0) > 0 && (late?.count ?? 0) > 0);
        assert.ok((early?.lastTimestampMs ?? 0) <= mid);
    });
    (0, node_test_1.it)('queries an aggregate\'s events like the aggregate request, and filtered by type', async () => {
        const [biggest] = (await send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'aggregate', sort: 'count', limit: 1 })).items;
        const plain = await send(protocol_1.AggregateEventsRequest.type, { store, aggregateId: biggest.key, limit: 10_000 });
        const queried = await send(protocol_1.EventsQueryRequest.type, { store, aggregateId: biggest.key, limit: 10_000 });
        assert.deepEqual(queried, plain);
        const type = plain.items[plain.items.length - 1].type;
        const ofType = await send(protocol_1.EventsQueryRequest.type, { store, aggregateId: biggest.key, filter: { types: [type] }, limit: 10_000 });
        assert.deepEqual(ofType.items.map((e) => e.eventId), plain.items.filter((e) => e.type === type).map((e) => e.eventId));
    });
    (0, node_test_1.it)('lists the events of one type in pages', async () => {
        const [top] = await send(protocol_1.EventTypesRequest.type, { store });
        const first = await send(protocol_1.EventsQueryRequest.type, { store, eventType: top.eventType, limit: 10 });
        const second = await send(protocol_1.EventsQueryRequest.type, { store, eventType: top.eventType, offset: 10, limit: 10 });
        assert.equal(first.total, top.count);
        assert.ok(first.items.every((e) => e.type === top.eventType));
        assert.equal(new Set([...first.items, ...second.items].map((e) => e.ordinal)).size, 20);
    });
    (0, node_test_1.it)('refuses a query naming no events or an unknown grouping, saying what it expected', async () => {
        await assert.rejects(send(protocol_1.EventsQueryRequest.type, { store }), /exactly one of aggregateId, eventType or correlationId/);
        await assert.rejects(send(protocol_1.EventGroupsRequest.type, { store, groupBy: 'day' }), /groupBy must be aggregate, correlation, type or source/);
    });
});
(0, node_test_1.describe)('creating a sample store over stdio', () => {
    let folder;
    let cleanup;
    let client;
    (0, node_test_1.before)(async () => {
        ({ dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-sample-'));
        client = await (0, lspClient_1.startServer)({ folder });
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        cleanup?.();
    });
    (0, node_test_1.it)('starts with no store, then generates one with faults into <folder>/event_store and opens it', async () => {
        assert.deepEqual((await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores, []);
        const result = await client.connection.sendRequest(protocol_1.CreateSampleStoreRequest.type, { folder, events: 2000 });
        assert.equal(result.storeRoot, path.join(folder, 'event_store'));
        assert.equal(result.files.length, 3);
        assert.ok(fs.existsSync(path.join(folder, 'event_store', 'events')));
        const [status] = (await client.connection.sendRequest(protocol_1.StatusRequest.type, {})).stores;
        assert.equal(status.storeRoot, result.storeRoot);
        assert.equal(status.state, 'ready');
        assert.ok(status.eventCount >= 2000);
        assert.ok(status.problems.error > 0, 'the sample has faults to explore');
        await client.waitForStoreChanged((p) => p.reason === 'opened' && p.storeRoot === result.storeRoot);
        await assert.rejects(client.connection.sendRequest(protocol_1.CreateSampleStoreRequest.type, { folder }), /already holds a store/);
        await assert.rejects(client.connection.sendRequest(protocol_1.CreateSampleStoreRequest.type, { folder: 'relative/path' }), /absolute path of a workspace folder/);
    });
});
//# sourceMappingURL=views.lsp.spec.js.map