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
const postgresBackend_1 = require("../../src/engine/backends/postgres/postgresBackend");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const repoRoot_1 = require("../helpers/repoRoot");
const asyncKit_1 = require("../helpers/asyncKit");
// The layouts people already have (Emmett, Marten, message-db), created with
// their published DDL (test/int/fixtures-postgres) in a real PostgreSQL
// started for this file, and read through the seam without creating anything.
const skip = (0, postgresServer_1.postgresUnavailable)() ?? false;
const FIXTURES = path.join((0, repoRoot_1.repoRoot)(), 'test', 'int', 'fixtures-postgres');
const ids = (events) => events.map((e) => e.event.metadata.event_id);
(0, node_test_1.describe)('PostgreSQL layouts other libraries write (a real server)', { skip }, () => {
    let server;
    let databases = 0;
    /** A database holding one layout's tables from its fixture DDL; returns its name and URL. */
    const layoutDatabase = (fixture) => {
        const name = `layout_${++databases}`;
        const url = server.createDatabase(name);
        server.psql(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), name);
        return { name, url };
    };
    /** Objects in the database: opening and reading must not add one. */
    const catalogSize = (name) => server.psql('SELECT (SELECT count(*) FROM pg_class) + (SELECT count(*) FROM pg_proc) + (SELECT count(*) FROM pg_namespace)', name).trim();
    (0, node_test_1.before)(async () => {
        server = await (0, postgresServer_1.startPostgres)();
    });
    (0, node_test_1.after)(() => server?.stop());
    (0, node_test_1.it)('reads Emmett: partitions from the catalog, correlation from the metadata (unindexed: says so), live by the in-flight rule', async () => {
        const { name, url } = layoutDatabase('emmett.sql');
        const insert = (position, stream, id, type, data, metadata, created) => `INSERT INTO emt_messages (stream_position, transaction_id, stream_id, partition, message_schema_version, message_id, message_type, message_data, message_metadata, created)
       VALUES (${position}, pg_current_xact_id(), '${stream}', 'emt:default', '1', '${id}', '${type}', '${data}', '${metadata}', '${created}')`;
        server.psql(insert(1, 'order-1', 'm1', 'OrderPlaced', '{"total": 1.5}', '{"correlationId": "corr-1"}', '2024-01-15T10:00:00Z'), name);
        server.psql(insert(2, 'order-1', 'm2', 'OrderShipped', '{}', '{"correlationId": "corr-1", "causationId": "m1"}', '2024-01-15T11:00:00Z'), name);
        server.psql(insert(1, 'order-2', 'm3', 'OrderPlaced', '{"total": 3}', '{"correlationId": "corr-2"}', '2024-01-16T09:00:00Z'), name);
        const before = catalogSize(name);
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url);
        const client = new pg_1.default.Client({ connectionString: url });
        await client.connect();
        try {
            strict_1.default.match(backend.description, /emmett layout/);
            const caps = backend.capabilities();
            strict_1.default.equal(caps.correlationReads.how, 'unindexed');
            strict_1.default.match(caps.correlationReads.how === 'unindexed' ? caps.correlationReads.advice : '', /CREATE INDEX .* \(\(message_metadata ->> 'correlationId'\), global_position\)/);
            strict_1.default.equal(caps.append.how, 'unsupported');
            strict_1.default.ok(caps.notes.some((note) => /partitions read: emt:default/.test(note)), caps.notes.join('\n'));
            strict_1.default.ok(caps.notes.some((note) => /does not store version, source, retry_count, status, tags/.test(note)));
            const order = await (0, asyncKit_1.collect)(backend.readAggregate('order-1'));
            strict_1.default.deepEqual(ids(order), ['m1', 'm2']);
            const shipped = order[1].event;
            strict_1.default.deepEqual([shipped.event_type, shipped.metadata.aggregate_id, shipped.metadata.sequence_number, shipped.metadata.correlation_id, shipped.metadata.causation_id, shipped.metadata.timestamp], ['OrderShipped', 'order-1', 2, 'corr-1', 'm1', '2024-01-15T11:00:00.000Z']);
            strict_1.default.deepEqual(ids(await (0, asyncKit_1.collect)(backend.readCorrelation('corr-1'))), ['m1', 'm2']);
            strict_1.default.deepEqual(ids(await (0, asyncKit_1.collect)(backend.readRange({ since: Date.parse('2024-01-15T10:30:00Z') }))), ['m2', 'm3']);
            strict_1.default.deepEqual(Object.fromEntries(await backend.countByType()), { OrderPlaced: 2, OrderShipped: 1 });
            strict_1.default.equal((await backend.countEvents()).total, 3);
            strict_1.default.deepEqual((await backend.listAggregates({ limit: 10 })).items.map((a) => [a.aggregateId, a.events, a.lastSequenceNumber]), [['order-1', 2, 2], ['order-2', 1, 1]]);
            strict_1.default.equal((await backend.appendExpecting('order-2', 1, [])).ok, false);
            const seen = [];
            const subscription = backend.subscribe('start', (batch) => {
                seen.push(...batch);
            });
            await (0, asyncKit_1.waitFor)('the stored events', () => seen.length >= 3);
            await client.query('BEGIN');
            await client.query(insert(2, 'order-2', 'held', 'OrderShipped', '{}', '{}', '2024-01-17T00:00:00Z'));
            server.psql(insert(3, 'order-1', 'later', 'OrderClosed', '{}', '{}', '2024-01-17T00:00:01Z'), name);
            await new Promise((resolve) => setTimeout(resolve, 1_200));
            strict_1.default.deepEqual(ids(seen), ['m1', 'm2', 'm3'], 'nothing past the transaction in flight');
            await client.query('COMMIT');
            await (0, asyncKit_1.waitFor)('the held and the later event', () => seen.length >= 5);
            strict_1.default.deepEqual(ids(seen), ['m1', 'm2', 'm3', 'held', 'later']);
            await subscription.stop();
            strict_1.default.equal(catalogSize(name), before, 'nothing created');
        }
        finally {
            await client.end();
            await backend.close();
        }
    });
    (0, node_test_1.it)('reads Marten: seq_id order, stream versions, correlation from headers when its columns are off', async () => {
        const { name, url } = layoutDatabase('marten.sql');
        const stream = '6f1c2f9e-0d3b-4f7e-9a63-2a4cf1a0b001';
        server.psql(`INSERT INTO mt_streams (id, type, version) VALUES ('${stream}', 'Invoice', 2);
       INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, "timestamp", headers) VALUES
        (nextval('mt_events_sequence'), 'a0000000-0000-4000-8000-000000000001', '${stream}', 1, '{"amount": 10}', 'invoice_opened', '2024-02-01T08:00:00Z', '{"correlation-id": "c-9"}'),
        (nextval('mt_events_sequence'), 'a0000000-0000-4000-8000-000000000002', '${stream}', 2, '{"amount": 5}', 'invoice_paid', '2024-02-01T09:00:00Z', '{"correlation-id": "c-9", "causation-id": "a0000000-0000-4000-8000-000000000001"}')`, name);
        const before = catalogSize(name);
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url);
        try {
            strict_1.default.match(backend.description, /marten layout/);
            strict_1.default.ok(backend.capabilities().notes.some((note) => /columns are off: read from headers/.test(note)));
            strict_1.default.equal(backend.capabilities().correlationReads.how, 'unindexed');
            const events = await (0, asyncKit_1.collect)(backend.readAggregate(stream));
            strict_1.default.deepEqual(events.map((e) => [e.event.event_type, e.event.metadata.sequence_number, e.event.metadata.correlation_id]), [['invoice_opened', 1, 'c-9'], ['invoice_paid', 2, 'c-9']]);
            strict_1.default.equal(events[1].event.metadata.causation_id, 'a0000000-0000-4000-8000-000000000001');
            strict_1.default.deepEqual(events[0].event.metadata.tags, { tenant_id: '*DEFAULT*' });
            strict_1.default.equal((await (0, asyncKit_1.collect)(backend.readCorrelation('c-9'))).length, 2);
            strict_1.default.equal(catalogSize(name), before, 'nothing created');
        }
        finally {
            await backend.close();
        }
    });
    (0, node_test_1.it)('reads message-db in its schema, and a live reader waits at a position gap until the writer commits', async () => {
        const { name, url } = layoutDatabase('message-db.sql');
        const write = `INSERT INTO message_store.messages (stream_name, position, type, data, metadata, time) VALUES`;
        server.psql(`${write} ('account-1', 0, 'Deposited', '{"amount": 5}', '{"correlationStreamName": "txn-1"}', '2024-03-01 10:00:00'),
                ('account-1', 1, 'Withdrawn', '{"amount": 2}', '{"correlationStreamName": "txn-1", "causationMessageStreamName": "account-1", "causationMessagePosition": 0}', '2024-03-01 10:05:00')`, name);
        const backend = await (0, postgresBackend_1.openPostgresBackend)(`${url}?schema=message_store`);
        const client = new pg_1.default.Client({ connectionString: url });
        await client.connect();
        try {
            strict_1.default.match(backend.description, /message-db layout/);
            const events = await (0, asyncKit_1.collect)(backend.readAggregate('account-1'));
            strict_1.default.deepEqual(events.map((e) => [e.event.event_type, e.event.metadata.sequence_number, e.event.metadata.timestamp]), [['Deposited', 0, '2024-03-01T10:00:00.000000Z'], ['Withdrawn', 1, '2024-03-01T10:05:00.000000Z']]);
            strict_1.default.equal(events[1].event.metadata.causation_id, 'account-1/0');
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(backend.readRange({ until: Date.parse('2024-03-01T10:01:00Z') }))).map((e) => e.event.event_type), ['Deposited']);
            const seen = [];
            const subscription = backend.subscribe('end', (batch) => {
                seen.push(...batch);
            });
            await new Promise((resolve) => setTimeout(resolve, 300));
            await client.query('BEGIN');
            await client.query(`${write} ('account-2', 0, 'Opened', '{}', '{}', now() AT TIME ZONE 'utc')`);
            server.psql(`${write} ('account-3', 0, 'Opened', '{}', '{}', now() AT TIME ZONE 'utc')`, name);
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            strict_1.default.deepEqual(seen.length, 0, 'waits at the gap the open transaction holds');
            await client.query('COMMIT');
            await (0, asyncKit_1.waitFor)('both new events', () => seen.length >= 2);
            strict_1.default.deepEqual(seen.map((e) => e.event.metadata.aggregate_id), ['account-2', 'account-3'], 'in position order, nothing skipped');
            await subscription.stop();
        }
        finally {
            await client.end();
            await backend.close();
        }
    });
});
//# sourceMappingURL=postgresLayouts.int.spec.js.map