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
const pg_1 = __importDefault(require("pg"));
const natsBackend_1 = require("../../src/engine/backends/nats/natsBackend");
const postgresBackend_1 = require("../../src/engine/backends/postgres/postgresBackend");
const event_1 = require("../../src/engine/model/event");
const natsServer_1 = require("../helpers/servers/natsServer");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const repoRoot_1 = require("../helpers/repoRoot");
const asyncKit_1 = require("../helpers/asyncKit");
// One conformance suite over the PostgreSQL layouts (the project's own,
// Emmett, Marten, message-db: created from their published DDL) and
// JetStream: the same events, the same questions, the same answers in the
// same order. Real servers, started for this file and stopped by their pids.
const skip = (0, postgresServer_1.postgresUnavailable)() ?? (0, natsServer_1.natsUnavailable)() ?? false;
const FIXTURES = path.join((0, repoRoot_1.repoRoot)(), 'test', 'int', 'fixtures-postgres');
/** Twelve events over three aggregates (natural order acct_1, acct_2, acct_10), three correlations, three types, one a second apart. */
function conformanceEvents() {
    const plan = [
        ['acct_2', 'opened', 'c-a'],
        ['acct_10', 'opened', 'c-b'],
        ['acct_1', 'opened', 'c-a'],
        ['acct_2', 'deposited', 'c-a'],
        ['acct_10', 'deposited', 'c-b'],
        ['acct_2', 'withdrawn', 'c-c'],
        ['acct_1', 'deposited', 'c-a'],
        ['acct_10', 'withdrawn', 'c-c'],
        ['acct_1', 'withdrawn', 'c-b'],
        ['acct_2', 'deposited', 'c-a'],
        ['acct_10', 'deposited', 'c-c'],
        ['acct_1', 'deposited', 'c-a'],
    ];
    const next = new Map();
    return plan.map(([aggregate, type, correlation], i) => {
        const sequence = (next.get(aggregate) ?? 0) + 1;
        next.set(aggregate, sequence);
        return (0, event_1.createEvent)(type, { i, amount: i * 10 }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: correlation, source: 'conformance', timestamp: `2024-05-01T10:00:${String(i).padStart(2, '0')}.000Z` });
    });
}
const ids = (items) => items.map((item) => ('raw' in item ? item.event : item).metadata.event_id);
/** The envelope fields every layout keeps (the others take the guide's defaults where a layout lacks them). */
function essentials(event) {
    const m = event.metadata;
    return [m.event_id, event.event_type, m.aggregate_id, m.sequence_number, m.correlation_id, Date.parse(m.timestamp), JSON.stringify(event.data)];
}
(0, node_test_1.describe)('Backend conformance: PostgreSQL layouts and JetStream (real servers)', { skip }, () => {
    let postgres;
    let nats;
    let databases = 0;
    const database = (fixture) => {
        const name = `conformance_${++databases}`;
        const url = postgres.createDatabase(name);
        if (fixture)
            postgres.psql(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), name);
        return { name, url };
    };
    /** A writer of rows in another library's layout, by a plain client (as that library would). */
    const sqlWriter = async (url, insert, events) => {
        const client = new pg_1.default.Client({ connectionString: url });
        await client.connect();
        for (const event of events)
            await insert(client, event);
        return client;
    };
    const subjects = [
        {
            name: 'PostgreSQL, eventbus layout',
            async open(events) {
                const backend = await (0, postgresBackend_1.openPostgresBackend)(`${database().url}?schema=bus`, { create: true });
                await backend.append(events);
                return { backend, write: (event) => backend.append([event]) };
            },
        },
        {
            name: 'PostgreSQL, Emmett layout',
            async open(events) {
                const { url } = database('emmett.sql');
                const insert = async (client, e) => {
                    const m = e.metadata;
                    await client.query(`INSERT INTO emt_messages (stream_position, transaction_id, stream_id, partition, message_schema_version, message_id, message_type, message_data, message_metadata, created)
             VALUES ($1, pg_current_xact_id(), $2, 'emt:default', '1', $3, $4, $5, $6, $7)`, [m.sequence_number, m.aggregate_id, m.event_id, e.event_type, JSON.stringify(e.data), JSON.stringify({ correlationId: m.correlation_id, causationId: m.causation_id }), m.timestamp]);
                };
                const client = await sqlWriter(url, insert, events);
                const backend = await (0, postgresBackend_1.openPostgresBackend)(url);
                return { backend: closing(backend, client), write: (event) => insert(client, event) };
            },
        },
        {
            name: 'PostgreSQL, Marten layout (string stream identity)',
            async open(events) {
                const { name, url } = database('marten.sql');
                // Marten's StreamIdentity.AsString: the stream id columns are varchar.
                postgres.psql(`ALTER TABLE mt_events DROP CONSTRAINT fkey_mt_events_stream_id; ALTER TABLE mt_streams ALTER COLUMN id TYPE varchar; ALTER TABLE mt_events ALTER COLUMN stream_id TYPE varchar;
           ALTER TABLE mt_events ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES mt_streams(id) ON DELETE CASCADE`, name);
                const insert = async (client, e) => {
                    const m = e.metadata;
                    await client.query(`INSERT INTO mt_streams (id, type, version) VALUES ($1, 'account', $2) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`, [m.aggregate_id, m.sequence_number]);
                    await client.query(`INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, "timestamp", headers) VALUES (nextval('mt_events_sequence'), $1, $2, $3, $4, $5, $6, $7)`, [
                        m.event_id,
                        m.aggregate_id,
                        m.sequence_number,
                        JSON.stringify(e.data),
                        e.event_type,
                        m.timestamp,
                        JSON.stringify({ 'correlation-id': m.correlation_id }),
                    ]);
                };
                const client = await sqlWriter(url, insert, events);
                return { backend: closing(await (0, postgresBackend_1.openPostgresBackend)(url), client), write: (event) => insert(client, event) };
            },
        },
        {
            name: 'PostgreSQL, message-db layout',
            async open(events) {
                const { url } = database('message-db.sql');
                const insert = async (client, e) => {
                    const m = e.metadata;
                    await client.query(`INSERT INTO message_store.messages (stream_name, position, type, data, metadata, time, id) VALUES ($1, $2, $3, $4, $5, ($6::timestamptz AT TIME ZONE 'utc'), $7)`, [
                        m.aggregate_id,
                        m.sequence_number,
                        e.event_type,
                        JSON.stringify(e.data),
                        JSON.stringify({ correlationStreamName: m.correlation_id }),
                        m.timestamp,
                        m.event_id,
                    ]);
                };
                const client = await sqlWriter(url, insert, events);
                return { backend: closing(await (0, postgresBackend_1.openPostgresBackend)(`${url}?schema=message_store`), client), write: (event) => insert(client, event) };
            },
        },
        {
            name: 'NATS JetStream',
            async open(events) {
                const backend = await (0, natsBackend_1.openNatsBackend)(`${nats.url}?stream=CONF${++databases}`, { create: true });
                await backend.append(events);
                return { backend, write: (event) => backend.append([event]) };
            },
        },
    ];
    (0, node_test_1.before)(async () => {
        postgres = await (0, postgresServer_1.startPostgres)();
        nats = await (0, natsServer_1.startNats)();
    });
    (0, node_test_1.after)(async () => {
        postgres?.stop();
        await nats?.stop();
    });
    for (const subject of subjects) {
        (0, node_test_1.it)(`${subject.name}: the same questions give the same events in the same order`, async () => {
            const events = conformanceEvents();
            const { backend, write } = await subject.open(events);
            try {
                const byId = new Map(events.map((e) => [e.metadata.event_id, e]));
                const check = (stored, expected, what) => {
                    strict_1.default.deepEqual(ids(stored), ids(expected), what);
                    for (const s of stored)
                        strict_1.default.deepEqual(essentials(s.event), essentials(byId.get(s.event.metadata.event_id)), `${what}: ${s.event.metadata.event_id}`);
                };
                const ofAggregate = (id) => events.filter((e) => e.metadata.aggregate_id === id).sort((a, b) => a.metadata.sequence_number - b.metadata.sequence_number);
                check(await (0, asyncKit_1.collect)(backend.readAggregate('acct_10')), ofAggregate('acct_10'), 'readAggregate');
                check(await (0, asyncKit_1.collect)(backend.readAggregate('acct_1', { fromSequenceNumber: 2, toSequenceNumber: 3 })), ofAggregate('acct_1').slice(1, 3), 'readAggregate with a window');
                check(await (0, asyncKit_1.collect)(backend.readAggregate('acct_2', { limit: 2 })), ofAggregate('acct_2').slice(0, 2), 'readAggregate with a limit');
                check(await (0, asyncKit_1.collect)(backend.readAggregate('nobody')), [], 'an aggregate with no events');
                check(await (0, asyncKit_1.collect)(backend.readCorrelation('c-b')), events.filter((e) => e.metadata.correlation_id === 'c-b'), 'readCorrelation');
                const all = await (0, asyncKit_1.collect)(backend.readRange({}));
                check(all, events, 'readRange, the global order');
                check(await (0, asyncKit_1.collect)(backend.readRange({ after: all[4].cursor })), events.slice(5), 'readRange after a cursor');
                check(await (0, asyncKit_1.collect)(backend.readRange({ after: all[4].cursor, limit: 3 })), events.slice(5, 8), 'readRange after a cursor, limited');
                check(await (0, asyncKit_1.collect)(backend.readRange({ eventTypes: ['withdrawn'] })), events.filter((e) => e.event_type === 'withdrawn'), 'readRange by type');
                check(await (0, asyncKit_1.collect)(backend.readRange({ since: Date.parse('2024-05-01T10:00:03Z'), until: Date.parse('2024-05-01T10:00:06Z') })), events.slice(3, 7), 'readRange in a time window');
                strict_1.default.deepEqual(Object.fromEntries(await backend.countByType()), { opened: 3, deposited: 6, withdrawn: 3 });
                const counts = await backend.countEvents();
                strict_1.default.equal(counts.total, 12);
                strict_1.default.deepEqual(Object.fromEntries(counts.byAggregate), { acct_1: 4, acct_2: 4, acct_10: 4 });
                const first = await backend.listAggregates({ limit: 2 });
                strict_1.default.deepEqual(first.items.map((a) => [a.aggregateId, a.events, a.lastSequenceNumber]), [['acct_1', 4, 4], ['acct_2', 4, 4]]);
                const second = await backend.listAggregates({ limit: 2, after: first.next });
                strict_1.default.deepEqual(second.items.map((a) => a.aggregateId), ['acct_10']);
                strict_1.default.equal(second.next, undefined);
                strict_1.default.deepEqual((await backend.listAggregates({ limit: 5, prefix: 'acct_1' })).items.map((a) => a.aggregateId), ['acct_1', 'acct_10']);
                strict_1.default.deepEqual(essentials((await backend.getEvent(events[7].metadata.event_id))), essentials(events[7]));
                strict_1.default.equal(await backend.lastSequence('acct_2'), 4);
                const caps = backend.capabilities();
                for (const [question, support] of Object.entries(caps).filter(([key]) => key !== 'notes')) {
                    strict_1.default.ok(['native', 'engine', 'unindexed', 'unsupported'].includes(support.how), `${question}: ${JSON.stringify(support)}`);
                    if (support.how === 'unindexed')
                        strict_1.default.match(support.advice, /^CREATE INDEX /, question);
                }
                // Live: everything from the start, then a new event, each once and in order.
                const seen = [];
                const subscription = backend.subscribe('start', (batch) => {
                    seen.push(...batch);
                });
                try {
                    await (0, asyncKit_1.waitFor)('the stored events', () => seen.length >= 12);
                    const late = (0, event_1.createEvent)('closed', { i: 12 }, { aggregate_id: 'acct_1', sequence_number: 5, correlation_id: 'c-a', source: 'conformance', timestamp: '2024-05-01T10:00:12.000Z' });
                    byId.set(late.metadata.event_id, late);
                    await write(late);
                    await (0, asyncKit_1.waitFor)('the new event', () => seen.length >= 13);
                    await new Promise((resolve) => setTimeout(resolve, 300));
                    check(seen, [...events, late], 'subscribe from the start, then live');
                }
                finally {
                    await subscription.stop();
                }
            }
            finally {
                await backend.close();
            }
        });
    }
});
/** The backend, closing the layout's own writer client with it. */
function closing(backend, client) {
    const close = backend.close.bind(backend);
    return Object.assign(backend, {
        async close() {
            await client.end();
            await close();
        },
    });
}
//# sourceMappingURL=backendConformancePg.int.spec.js.map