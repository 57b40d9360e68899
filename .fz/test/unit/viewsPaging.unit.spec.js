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
const node_test_1 = require("node:test");
const nodeInterner_1 = require("../../src/extension/views/model/nodeInterner");
const pagedCache_1 = require("../../src/extension/views/model/pagedCache");
const refreshPlan_1 = require("../../src/extension/views/model/refreshPlan");
/** A server list of `total` numbers that records every request. */
function fakeList(total) {
    const calls = [];
    const fetch = async (offset, limit) => {
        calls.push([offset, limit]);
        const n = total();
        const items = [];
        for (let i = offset; i < Math.min(n, offset + limit); i++)
            items.push(i);
        return { items, total: n, offset };
    };
    return { calls, fetch };
}
(0, node_test_1.describe)('paged lists', () => {
    (0, node_test_1.it)('fetches a first page, then one more page per "Load more"', async () => {
        const cache = new pagedCache_1.PagedCache(() => 200);
        const server = fakeList(() => 450);
        const first = await cache.get('a', 's1', server.fetch);
        assert.equal(first.items.length, 200);
        assert.equal(first.total, 450);
        assert.equal(cache.loadMore('a'), true);
        const second = await cache.get('a', 's1', server.fetch);
        assert.equal(second.items.length, 400);
        assert.deepEqual(second.items.slice(198, 202), [198, 199, 200, 201]);
        assert.equal(cache.loadMore('a'), true);
        assert.equal((await cache.get('a', 's1', server.fetch)).items.length, 450);
        assert.equal(cache.loadMore('a'), false, 'nothing left to load');
        assert.deepEqual(server.calls, [[0, 200], [200, 200], [400, 200]]);
    });
    (0, node_test_1.it)('does not re-fetch while the stamp holds; re-fetches as many as were shown when it changes', async () => {
        const cache = new pagedCache_1.PagedCache(() => 100);
        let total = 250;
        const server = fakeList(() => total);
        await cache.get('a', 'count=250', server.fetch);
        cache.loadMore('a');
        await cache.get('a', 'count=250', server.fetch);
        server.calls.length = 0;
        await cache.get('a', 'count=250', server.fetch);
        assert.deepEqual(server.calls, [], 'an unchanged list is served from memory');
        total = 260;
        const refreshed = await cache.get('a', 'count=260', server.fetch);
        assert.deepEqual(server.calls, [[0, 200]]);
        assert.equal(refreshed.items.length, 200);
        assert.equal(refreshed.total, 260);
    });
    (0, node_test_1.it)('shares one fetch between concurrent asks for the same list', async () => {
        const cache = new pagedCache_1.PagedCache(() => 10);
        const server = fakeList(() => 5);
        const [a, b] = await Promise.all([cache.get('a', 's', server.fetch), cache.get('a', 's', server.fetch)]);
        assert.equal(server.calls.length, 1);
        assert.equal(a.items.length, 5);
        assert.equal(b.items.length, 5);
    });
    (0, node_test_1.it)('splits spans larger than the server limit into several requests', async () => {
        const cache = new pagedCache_1.PagedCache(() => pagedCache_1.MAX_REQUEST);
        const server = fakeList(() => 25_000);
        await cache.get('a', 's', server.fetch);
        cache.loadMore('a');
        await cache.get('a', 's', server.fetch);
        server.calls.length = 0;
        const again = await cache.get('a', 't', server.fetch);
        assert.equal(again.items.length, 20_000);
        assert.deepEqual(server.calls, [[0, 10_000], [10_000, 10_000]]);
    });
    (0, node_test_1.it)('forgets lists', async () => {
        const cache = new pagedCache_1.PagedCache(() => 10);
        const server = fakeList(() => 5);
        await cache.get('a', 's', server.fetch);
        cache.forget('a');
        assert.equal(cache.has('a'), false);
        await cache.get('a', 's', server.fetch);
        assert.equal(server.calls.length, 2);
    });
});
(0, node_test_1.describe)('node interning', () => {
    (0, node_test_1.it)('keeps one object per key and copies new data into it', () => {
        const interner = new nodeInterner_1.NodeInterner();
        const first = interner.intern({ kind: 'message', key: 'k', store: undefined, parent: undefined, text: 'one', severity: 'info' });
        const second = interner.intern({ kind: 'message', key: 'k', store: undefined, parent: undefined, text: 'two', severity: 'info' });
        assert.equal(second, first);
        assert.equal(first.text, 'two');
        interner.clear();
        const third = interner.intern({ kind: 'message', key: 'k', store: undefined, parent: undefined, text: 'three', severity: 'info' });
        assert.notEqual(third, first);
    });
});
function change(overrides = {}) {
    return {
        storeRoot: '/s',
        eventCount: 10,
        files: 1,
        appendedEvents: 0,
        rebuiltFiles: [],
        removedFiles: [],
        problems: { error: 0, warning: 0, information: 0, hint: 0 },
        reason: 'changed',
        ...overrides,
    };
}
(0, node_test_1.describe)('refresh planning', () => {
    (0, node_test_1.it)('appends refresh every view without dropping pages', () => {
        const plan = (0, refreshPlan_1.planRefresh)([change({ appendedEvents: 3 })]);
        assert.equal(plan.full, false);
        assert.deepEqual([...plan.views].sort(), ['aggregates', 'correlations', 'eventTypes', 'snapshots', 'status']);
    });
    (0, node_test_1.it)('a new, rewritten, compressed or deleted day file, or a reopened store, drops every page', () => {
        assert.equal((0, refreshPlan_1.planRefresh)([change({ appendedEvents: 3 }), change({ rebuiltFiles: ['events/events_2024-01-15.jsonl'] })]).full, true);
        assert.equal((0, refreshPlan_1.planRefresh)([change({ removedFiles: ['events/events_2024-01-15.jsonl'] })]).full, true);
        assert.equal((0, refreshPlan_1.planRefresh)([change({ reason: 'opened' })]).full, true);
    });
    (0, node_test_1.it)('an announced change (its events came with the earlier "indexed" notification) only refreshes the status', () => {
        const indexed = (0, refreshPlan_1.planRefresh)([change({ reason: 'indexed', appendedEvents: 3 })]);
        assert.deepEqual([...indexed.views].sort(), ['aggregates', 'correlations', 'eventTypes', 'snapshots', 'status']);
        assert.deepEqual([...(0, refreshPlan_1.planRefresh)([change({ appendedEvents: 3, announced: true })]).views], ['status']);
        assert.equal((0, refreshPlan_1.planRefresh)([change({ rebuiltFiles: ['events/events_2024-01-15.jsonl'], announced: true })]).full, false);
    });
    (0, node_test_1.it)('a change with nothing appended or moved only refreshes the status', () => {
        assert.deepEqual([...(0, refreshPlan_1.planRefresh)([change()]).views], ['status']);
        assert.deepEqual([...(0, refreshPlan_1.planRefresh)([]).views], []);
    });
    (0, node_test_1.it)('owes a refresh to hidden views and pays it once when shown', () => {
        const owed = new refreshPlan_1.OwedRefreshes();
        const now = owed.add((0, refreshPlan_1.planRefresh)([change({ appendedEvents: 1 })]), (view) => view === 'aggregates');
        assert.deepEqual(now, ['aggregates']);
        assert.equal(owed.take('correlations'), true);
        assert.equal(owed.take('correlations'), false);
        assert.equal(owed.take('aggregates'), false);
    });
});
/** Timers driven by hand. */
function fakeTimers() {
    let now = 0;
    let next = 1;
    const pending = new Map();
    const timers = {
        setTimeout: (callback, ms) => {
            const id = next++;
            pending.set(id, { at: now + ms, callback });
            return id;
        },
        clearTimeout: (handle) => void pending.delete(handle),
        now: () => now,
    };
    const advance = (ms) => {
        const until = now + ms;
        for (;;) {
            const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
            if (!due)
                break;
            pending.delete(due[0]);
            now = due[1].at;
            due[1].callback();
        }
        now = until;
    };
    return { timers, advance };
}
(0, node_test_1.describe)('batching store changes', () => {
    (0, node_test_1.it)('flushes a lone change at once, and the rest of a burst once after 100 ms of quiet', () => {
        const { timers, advance } = fakeTimers();
        const flushed = [];
        const batcher = new refreshPlan_1.Batcher((items) => flushed.push(items), 100, 300, timers);
        batcher.push(1);
        assert.deepEqual(flushed, [[1]], 'nothing came before: no reason to wait');
        advance(50);
        batcher.push(2);
        advance(30);
        batcher.push(3);
        advance(99);
        assert.deepEqual(flushed, [[1]]);
        advance(1);
        assert.deepEqual(flushed, [[1], [2, 3]]);
        advance(500);
        batcher.push(4);
        assert.deepEqual(flushed, [[1], [2, 3], [4]]);
    });
    (0, node_test_1.it)('never holds a change more than 300 ms while changes keep coming (views update within 500 ms of a write)', () => {
        const { timers, advance } = fakeTimers();
        const delays = [];
        let flushes = 0;
        const batcher = new refreshPlan_1.Batcher((pushedAt) => {
            flushes++;
            for (const at of pushedAt)
                delays.push(timers.now() - at);
        }, 100, 300, timers);
        for (let t = 0; t < 1000; t += 50) {
            batcher.push(timers.now());
            advance(50);
        }
        advance(300);
        assert.equal(delays.length, 20, 'every change flushed');
        assert.ok(Math.max(...delays) <= 300, `delays ${delays.join(', ')}`);
        assert.ok(flushes <= 6, `a steady stream is batched (${flushes} flushes for 20 changes)`);
        batcher.dispose();
    });
});
//# sourceMappingURL=viewsPaging.unit.spec.js.map