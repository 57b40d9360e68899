"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const binPlanner_1 = require("../../src/webview/timeline/binPlanner");
/** Timers driven by the test: `advance(ms)` runs what is due. */
function fakeTimers() {
    let now = 0;
    let nextId = 1;
    const due = new Map();
    return {
        set(run, ms) {
            const id = nextId++;
            due.set(id, { at: now + ms, run });
            return id;
        },
        clear(handle) {
            due.delete(handle);
        },
        now: () => now,
        advance(ms) {
            const until = now + ms;
            for (;;) {
                const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
                if (!next)
                    break;
                now = next[1].at;
                due.delete(next[0]);
                next[1].run();
            }
            now = until;
        },
    };
}
const flush = () => new Promise((resolve) => setImmediate(resolve));
(0, node_test_1.describe)('timeline bin request planning', () => {
    (0, node_test_1.it)('asks about one bucket per two pixels, within the server limit', () => {
        strict_1.default.equal((0, binPlanner_1.bucketsForWidth)(1000), 500);
        strict_1.default.equal((0, binPlanner_1.bucketsForWidth)(0), 1);
        strict_1.default.equal((0, binPlanner_1.bucketsForWidth)(Number.NaN), 1);
        strict_1.default.equal((0, binPlanner_1.bucketsForWidth)(100_000), 2000);
    });
    (0, node_test_1.it)('asks for the visible range, the lanes that fit and the shown types only', () => {
        const params = (0, binPlanner_1.binsParamsFor)({
            range: { from: 10, to: 20 },
            plotWidth: 600,
            laneRows: 12.7,
            lane: 'source',
            allTypes: ['a', 'b', 'c'],
            hiddenTypes: ['b'],
        });
        strict_1.default.deepEqual(params, { range: { from: 10, to: 20 }, buckets: 300, lane: 'source', types: ['a', 'c'], maxLanes: 12, marksBelow: binPlanner_1.MARKS_BELOW });
        const all = (0, binPlanner_1.binsParamsFor)({ range: { from: 10, to: 20 }, plotWidth: 600, laneRows: 0, lane: 'type', allTypes: ['a'], hiddenTypes: [] });
        strict_1.default.equal(all.types, undefined);
        strict_1.default.equal(all.maxLanes, 1);
    });
    (0, node_test_1.it)('debounces a burst into one request for the last parameters', async () => {
        const timers = fakeTimers();
        const asked = [];
        const delivered = [];
        const caller = (0, binPlanner_1.createLatestOnly)({
            debounceMs: 40,
            maxWaitMs: 1000,
            timers,
            run: async (p) => (asked.push(p), p * 10),
            deliver: (r) => delivered.push(r),
            onError: () => strict_1.default.fail('no error expected'),
        });
        for (let k = 1; k <= 5; k++) {
            caller.schedule(k);
            timers.advance(10);
        }
        strict_1.default.deepEqual(asked, []);
        timers.advance(40);
        await flush();
        strict_1.default.deepEqual(asked, [5]);
        strict_1.default.deepEqual(delivered, [50]);
    });
    (0, node_test_1.it)('still asks every maxWait during a continuous burst', async () => {
        const timers = fakeTimers();
        const asked = [];
        const caller = (0, binPlanner_1.createLatestOnly)({
            debounceMs: 40,
            maxWaitMs: 100,
            timers,
            run: async (p) => (asked.push(p), p),
            deliver: () => undefined,
            onError: () => undefined,
        });
        for (let k = 1; k <= 30; k++) {
            caller.schedule(k);
            timers.advance(16);
            await flush();
        }
        strict_1.default.ok(asked.length >= 4, `asked ${asked.length} times in 480 ms`);
    });
    (0, node_test_1.it)('drops an answer that arrives after a newer request started (latest wins)', async () => {
        const timers = fakeTimers();
        const resolvers = new Map();
        const delivered = [];
        const caller = (0, binPlanner_1.createLatestOnly)({
            debounceMs: 0,
            maxWaitMs: 0,
            timers,
            run: (p) => new Promise((resolve) => resolvers.set(p, resolve)),
            deliver: (r) => delivered.push(r),
            onError: () => undefined,
        });
        caller.now('old');
        caller.now('new');
        strict_1.default.equal(caller.inFlight, 2);
        resolvers.get('new')('new result');
        await flush();
        resolvers.get('old')('old result');
        await flush();
        strict_1.default.deepEqual(delivered, ['new result']);
        strict_1.default.equal(caller.inFlight, 0);
    });
    (0, node_test_1.it)('keeps one scheduled request in flight; the newest waiting one starts when it ends', async () => {
        const timers = fakeTimers();
        const resolvers = [];
        const asked = [];
        const delivered = [];
        const caller = (0, binPlanner_1.createLatestOnly)({
            debounceMs: 10,
            maxWaitMs: 10,
            timers,
            run: (p) => (asked.push(p), new Promise((resolve) => resolvers.push(resolve))),
            deliver: (r) => delivered.push(r),
            onError: () => undefined,
        });
        caller.schedule(1);
        timers.advance(10);
        for (const p of [2, 3, 4]) {
            caller.schedule(p);
            timers.advance(10);
        }
        strict_1.default.deepEqual(asked, [1], 'a slow server is not handed a queue');
        resolvers[0](10);
        await flush();
        strict_1.default.deepEqual(delivered, [10], 'the answer in hand is drawn while the newest waits');
        strict_1.default.deepEqual(asked, [1, 4], 'only the newest waiting parameters are asked for');
        resolvers[1](40);
        await flush();
        strict_1.default.deepEqual(delivered, [10, 40]);
    });
    (0, node_test_1.it)('reports errors of the latest request only', async () => {
        const timers = fakeTimers();
        const errors = [];
        const caller = (0, binPlanner_1.createLatestOnly)({
            debounceMs: 0,
            maxWaitMs: 0,
            timers,
            run: (p) => (p === 1 ? Promise.reject(new Error('stale')) : Promise.reject(new Error('current'))),
            deliver: () => undefined,
            onError: (e) => errors.push(e),
        });
        caller.now(1);
        caller.now(2);
        await flush();
        strict_1.default.equal(errors.length, 1);
        strict_1.default.equal(errors[0].message, 'current');
    });
});
//# sourceMappingURL=timelineBinPlanner.unit.spec.js.map