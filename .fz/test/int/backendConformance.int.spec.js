"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BACKEND_FACTORIES = void 0;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const openBackend_1 = require("../../src/engine/backends/openBackend");
const storeBackend_1 = require("../../src/engine/backends/storeBackend");
const event_1 = require("../../src/engine/model/event");
const tempStore_1 = require("../helpers/tempStore");
const natsServer_1 = require("../helpers/servers/natsServer");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const cleanups = [];
(0, node_test_1.after)(async () => {
    for (const cleanup of cleanups.reverse())
        await cleanup();
});
let postgres;
let nats;
let stores = 0;
/** The run's PostgreSQL server, started on first use and stopped by pid after the suite. */
function postgresServer() {
    postgres ??= (0, postgresServer_1.startPostgres)().then((server) => {
        cleanups.push(() => server.stop());
        return server;
    });
    return postgres;
}
function natsServer() {
    nats ??= (0, natsServer_1.startNats)().then((server) => {
        cleanups.push(() => server.stop());
        return server;
    });
    return nats;
}
exports.BACKEND_FACTORIES = [
    {
        name: 'folder',
        async open() {
            const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-backend-');
            cleanups.push(cleanup);
            return (0, openBackend_1.openBackend)(dir, { writable: {}, noCache: true });
        },
    },
    { name: 'memory', open: () => (0, openBackend_1.openBackend)('memory://conformance') },
    {
        name: 'postgres',
        unavailable: postgresServer_1.postgresUnavailable,
        async open() {
            const server = await postgresServer();
            return (0, openBackend_1.openBackend)(`${server.url}?schema=conformance_${++stores}`, { create: true });
        },
    },
    {
        name: 'nats',
        unavailable: natsServer_1.natsUnavailable,
        async open() {
            const server = await natsServer();
            return (0, openBackend_1.openBackend)(`${server.url}?stream=CONFORMANCE${++stores}`, { create: true });
        },
    },
];
const T0 = Date.parse('2024-01-15T10:00:00Z');
const MINUTE = 60_000;
/**
 * Twelve events over two days in append order (times rising, so a folder's
 * day-file order is the append order too): aggregates trader_2, trader_10
 * and order_1 (natural order puts trader_2 first), two correlations, three
 * types, and one aggregate stored out of sequence order.
 */
function sample() {
    const spec = [
        ['trade_executed', 'trader_2', 1, 'c1'],
        ['trade_executed', 'trader_10', 1, 'c1'],
        ['order_placed', 'order_1', 2, 'c2'],
        ['order_placed', 'order_1', 1, 'c2'],
        ['risk_alert', 'trader_2', 2, 'c1'],
        ['trade_executed', 'trader_2', 3, 'c2'],
        ['trade_executed', 'trader_10', 2, 'c1'],
        ['risk_alert', 'trader_10', 3, 'c2'],
        ['order_placed', 'order_1', 3, 'c2'],
        ['trade_executed', 'trader_2', 4, 'c1'],
        ['risk_alert', 'trader_2', 5, 'c1'],
        ['trade_executed', 'trader_10', 4, 'c2'],
    ];
    return spec.map(([type, aggregate, sequence, correlation], n) => (0, event_1.createEvent)(type, { n }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: correlation, source: 'conformance', timestamp: new Date(T0 + n * 4 * 60 * MINUTE).toISOString() }));
}
async function all(events) {
    const out = [];
    for await (const event of events)
        out.push(event);
    return out;
}
const ns = (events) => events.map((e) => e.event.data.n);
for (const factory of exports.BACKEND_FACTORIES) {
    (0, node_test_1.describe)(`StoreBackend conformance: ${factory.name}`, { skip: factory.unavailable?.() ?? false }, () => {
        async function filled() {
            const backend = await factory.open();
            await backend.append(sample());
            return backend;
        }
        (0, node_test_1.it)('reads an aggregate in sequence order, from a position, to a position, up to a limit', async () => {
            const backend = await filled();
            try {
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('order_1'))), [3, 2, 8]);
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('trader_2', { fromSequenceNumber: 2 }))), [4, 5, 9, 10]);
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('trader_2', { fromSequenceNumber: 2, toSequenceNumber: 4 }))), [4, 5, 9]);
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('trader_2', { limit: 2 }))), [0, 4]);
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('nobody'))), []);
                const [first] = await all(backend.readAggregate('trader_10'));
                strict_1.default.deepEqual(JSON.parse(first.raw), JSON.parse(JSON.stringify(first.event)), 'the raw line is the event as stored');
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('reads a correlation in store order', async () => {
            const backend = await filled();
            try {
                strict_1.default.deepEqual(ns(await all(backend.readCorrelation('c2'))), [2, 3, 5, 7, 8, 11]);
                strict_1.default.deepEqual(ns(await all(backend.readCorrelation('c9'))), []);
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('reads a time range in store order, narrowed by type, paged by cursor', async () => {
            const backend = await filled();
            try {
                const since = T0 + 8 * 60 * MINUTE; // event 2
                const until = T0 + 36 * 60 * MINUTE; // event 9
                strict_1.default.deepEqual(ns(await all(backend.readRange({ since, until }))), [2, 3, 4, 5, 6, 7, 8, 9]);
                strict_1.default.deepEqual(ns(await all(backend.readRange({ since, until, eventTypes: ['risk_alert', 'order_placed'] }))), [2, 3, 4, 7, 8]);
                // Paging: each page continues after the last cursor of the one before, with nothing lost or repeated.
                const pages = [];
                let after;
                for (;;) {
                    const page = await all(backend.readRange({ limit: 5, ...(after !== undefined ? { after } : {}) }));
                    if (page.length === 0)
                        break;
                    pages.push(ns(page));
                    after = page[page.length - 1].cursor;
                }
                strict_1.default.deepEqual(pages, [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('lists aggregates in natural order, by prefix, paged', async () => {
            const backend = await filled();
            try {
                const firstPage = await backend.listAggregates({ limit: 2 });
                strict_1.default.deepEqual(firstPage.items.map((a) => a.aggregateId), ['order_1', 'trader_2']);
                strict_1.default.ok(firstPage.next !== undefined, 'a further page is announced');
                const secondPage = await backend.listAggregates({ limit: 2, after: firstPage.next });
                strict_1.default.deepEqual(secondPage.items.map((a) => a.aggregateId), ['trader_10']);
                strict_1.default.equal(secondPage.next, undefined, 'the last page has no next');
                const traders = await backend.listAggregates({ prefix: 'trader_', limit: 10 });
                // firstTime/lastTime are optional (given when the backend knows cheaply), exact when given.
                const expected = [
                    { aggregateId: 'trader_2', events: 5, lastSequenceNumber: 5, firstTime: T0, lastTime: T0 + 40 * 60 * MINUTE },
                    { aggregateId: 'trader_10', events: 4, lastSequenceNumber: 4, firstTime: T0 + 4 * 60 * MINUTE, lastTime: T0 + 44 * 60 * MINUTE },
                ];
                strict_1.default.deepEqual(traders.items, expected.map((want, i) => {
                    const got = traders.items[i] ?? {};
                    const { firstTime, lastTime, ...always } = want;
                    return { ...always, ...('firstTime' in got ? { firstTime } : {}), ...('lastTime' in got ? { lastTime } : {}) };
                }));
                strict_1.default.deepEqual((await backend.listAggregates({ prefix: 'zzz', limit: 10 })).items, []);
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('counts events by type and by aggregate', async () => {
            const backend = await filled();
            try {
                strict_1.default.deepEqual(Object.fromEntries(await backend.countByType()), { trade_executed: 6, order_placed: 3, risk_alert: 3 });
                const counts = await backend.countEvents();
                strict_1.default.equal(counts.total, 12);
                strict_1.default.deepEqual(Object.fromEntries(counts.byAggregate), { trader_2: 5, trader_10: 4, order_1: 3 });
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('appends with an expected version, and refuses a stale one', async () => {
            const backend = await filled();
            try {
                strict_1.default.ok((0, storeBackend_1.supports)(backend.capabilities().append));
                const next = (sequence, n) => (0, event_1.createEvent)('order_placed', { n }, { aggregate_id: 'order_1', sequence_number: sequence, source: 'conformance', timestamp: new Date(T0 + 50 * 60 * MINUTE + n).toISOString() });
                strict_1.default.deepEqual(await backend.appendExpecting('order_1', 3, [next(4, 100), next(5, 101)]), { ok: true, lastSequenceNumber: 5 });
                strict_1.default.deepEqual(await backend.appendExpecting('order_1', 3, [next(6, 102)]), { ok: false, reason: 'version-mismatch', actualVersion: 5 });
                strict_1.default.deepEqual(await backend.appendExpecting('order_2', -1, [(0, event_1.createEvent)('order_placed', { n: 103 }, { aggregate_id: 'order_2', sequence_number: 1, source: 'conformance', timestamp: new Date(T0 + 51 * 60 * MINUTE).toISOString() })]), { ok: true, lastSequenceNumber: 1 });
                strict_1.default.deepEqual(await backend.appendExpecting('order_2', -1, [(0, event_1.createEvent)('order_placed', { n: 104 }, { aggregate_id: 'order_2', sequence_number: 1, source: 'conformance', timestamp: new Date(T0 + 52 * 60 * MINUTE).toISOString() })]), { ok: false, reason: 'version-mismatch', actualVersion: 1 });
                await strict_1.default.rejects(backend.appendExpecting('order_1', 5, [next(6, 105), (0, event_1.createEvent)('x', {}, { aggregate_id: 'other', sequence_number: 1 })]), /belongs to aggregate "other"/);
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('order_1'))), [3, 2, 8, 100, 101], 'the refused appends wrote nothing');
                strict_1.default.deepEqual(ns(await all(backend.readAggregate('order_2'))), [103]);
            }
            finally {
                await backend.close();
            }
        });
        (0, node_test_1.it)('follows the store from a cursor: what is after it, then each append', async () => {
            const backend = await filled();
            const seen = [];
            let arrived = () => undefined;
            const waitFor = (count) => new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`${factory.name}: saw ${JSON.stringify(seen)}, waited for ${count} events`)), 10_000);
                arrived = () => {
                    if (seen.length >= count) {
                        clearTimeout(timer);
                        resolve();
                    }
                };
                arrived();
            });
            const page = await all(backend.readRange({ limit: 9 }));
            const subscription = backend.subscribe(page[page.length - 1].cursor, (batch) => {
                seen.push(...ns(batch));
                arrived();
            });
            try {
                await waitFor(3);
                strict_1.default.deepEqual(seen, [9, 10, 11], 'only what lies after the cursor');
                await backend.append([(0, event_1.createEvent)('trade_executed', { n: 200 }, { aggregate_id: 'trader_2', sequence_number: 6, source: 'conformance', timestamp: new Date(T0 + 60 * 60 * MINUTE).toISOString() })]);
                await waitFor(4);
                strict_1.default.deepEqual(seen, [9, 10, 11, 200]);
            }
            finally {
                await subscription.stop();
                await backend.close();
            }
            const fromEnd = await filled();
            const late = [];
            const endSubscription = fromEnd.subscribe('end', (batch) => {
                late.push(...ns(batch));
            });
            try {
                await new Promise((resolve) => setTimeout(resolve, 300));
                strict_1.default.deepEqual(late, [], "'end' delivers nothing already stored");
            }
            finally {
                await endSubscription.stop();
                await fromEnd.close();
            }
        });
        (0, node_test_1.it)('refuses a cursor it did not hand out, plainly', async () => {
            const backend = await filled();
            try {
                await strict_1.default.rejects(all(backend.readRange({ after: (0, storeBackend_1.cursorOf)('not-a-position') })), /cursor/);
            }
            finally {
                await backend.close();
            }
        });
    });
}
//# sourceMappingURL=backendConformance.int.spec.js.map