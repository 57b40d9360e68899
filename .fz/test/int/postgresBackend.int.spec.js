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
const net = __importStar(require("node:net"));
const node_test_1 = require("node:test");
const pg_1 = __importDefault(require("pg"));
const postgresBackend_1 = require("../../src/engine/backends/postgres/postgresBackend");
const event_1 = require("../../src/engine/model/event");
const freePort_1 = require("../helpers/servers/freePort");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const storageSample_1 = require("../helpers/storageSample");
const asyncKit_1 = require("../helpers/asyncKit");
// The seam over the project's own PostgreSQL layout, against a real server
// started for this file on a free 127.0.0.1 port and stopped by its pid.
const skip = (0, postgresServer_1.postgresUnavailable)() ?? false;
const ids = (events) => events.map((e) => e.event.metadata.event_id);
function trade(aggregate, sequence, extra = {}) {
    return (0, event_1.createEvent)(extra.type ?? 'trade_executed', { aggregate, sequence }, {
        aggregate_id: aggregate,
        sequence_number: sequence,
        correlation_id: extra.correlation ?? null,
        source: 'test',
        timestamp: extra.at ?? `2024-01-15T10:00:${String(sequence % 60).padStart(2, '0')}Z`,
    });
}
(0, node_test_1.describe)('PostgreSQL backend, the project layout (a real server)', { skip }, () => {
    let server;
    let databases = 0;
    const freshDatabase = () => server.createDatabase(`backend_${++databases}`);
    (0, node_test_1.before)(async () => {
        server = await (0, postgresServer_1.startPostgres)();
    });
    (0, node_test_1.after)(() => server?.stop());
    (0, node_test_1.it)('answers EventQuery as the in-memory store does, and the seam questions by SQL', async () => {
        const url = `${freshDatabase()}?schema=bus`;
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url, { create: true });
        try {
            const events = (0, storageSample_1.storageSample)();
            await backend.append(events);
            await (0, storageSample_1.assertAnswersLikeMemory)(backend, events);
            strict_1.default.deepEqual([...(await backend.countByType())].sort(), [['risk_alert', 1], ['system_health_check', 1], ['trade_executed', 2]]);
            const aggregate = await (0, asyncKit_1.collect)(backend.readAggregate('a'));
            strict_1.default.deepEqual(aggregate.map((e) => e.event.metadata.sequence_number), [1, 2], 'sequence order, not store order');
            strict_1.default.deepEqual(await (0, asyncKit_1.collect)(backend.readAggregate('a', { fromSequenceNumber: 2 })).then((r) => r.map((e) => e.event.data)), [{ n: 1 }]);
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(backend.readCorrelation('c1'))).map((e) => e.event.data), [{ n: 1 }, { n: 2 }]);
            const all = await (0, asyncKit_1.collect)(backend.readRange({}));
            strict_1.default.equal(all.length, 4);
            const rest = await (0, asyncKit_1.collect)(backend.readRange({ after: all[1].cursor }));
            strict_1.default.deepEqual(ids(rest), ids(all.slice(2)), 'a cursor pages the global order');
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(backend.readRange({ eventTypes: ['risk_alert'] }))).map((e) => e.event.event_type), ['risk_alert']);
            strict_1.default.equal(all[0].raw, JSON.stringify(JSON.parse(all[0].raw)), 'the line as written');
            const caps = backend.capabilities();
            strict_1.default.deepEqual([caps.aggregateReads.how, caps.correlationReads.how, caps.countsByType.how, caps.subscribe.how, caps.append.how], ['native', 'native', 'native', 'native', 'native']);
        }
        finally {
            await backend.close();
        }
    });
    (0, node_test_1.it)('lists aggregates in natural order, paged, narrowed by prefix', async () => {
        const url = freshDatabase();
        const writer = await (0, postgresBackend_1.openPostgresBackend)(url, { create: true });
        try {
            for (const id of ['trader_10', 'trader_2', 'trader_1', 'desk_3'])
                await writer.append([trade(id, 1), trade(id, 2)]);
            const first = await writer.listAggregates({ prefix: 'trader_', limit: 2 });
            strict_1.default.deepEqual(first.items.map((a) => a.aggregateId), ['trader_1', 'trader_2']);
            strict_1.default.equal(first.items[0].events, 2);
            strict_1.default.equal(first.items[0].lastSequenceNumber, 2);
            const second = await writer.listAggregates({ prefix: 'trader_', limit: 2, after: first.next });
            strict_1.default.deepEqual(second.items.map((a) => a.aggregateId), ['trader_10']);
            strict_1.default.equal(second.next, undefined);
            strict_1.default.equal((await writer.listAggregates({ limit: 10 })).items.length, 4);
        }
        finally {
            await writer.close();
        }
    });
    (0, node_test_1.it)('is read-only unless opened for writing; appendExpecting names the expected version', async () => {
        const url = freshDatabase();
        await (await (0, postgresBackend_1.openPostgresBackend)(url, { create: true })).close();
        const reader = await (0, postgresBackend_1.openPostgresBackend)(url);
        const writer = await (0, postgresBackend_1.openPostgresBackend)(url, { write: true });
        try {
            const refused = await reader.appendExpecting('acct', -1, [trade('acct', 1)]);
            strict_1.default.equal(refused.ok, false);
            strict_1.default.equal(!refused.ok && refused.reason, 'read-only');
            await strict_1.default.rejects(reader.append([trade('acct', 1)]), /read-only/);
            strict_1.default.equal(reader.capabilities().append.how, 'unsupported');
            strict_1.default.deepEqual(await writer.appendExpecting('acct', -1, [trade('acct', 1), trade('acct', 2)]), { ok: true, lastSequenceNumber: 2 });
            strict_1.default.deepEqual(await writer.appendExpecting('acct', 1, [trade('acct', 2)]), { ok: false, reason: 'version-mismatch', actualVersion: 2 });
            // Two writers racing for the same version: exactly one wins.
            const rival = await (0, postgresBackend_1.openPostgresBackend)(url, { write: true });
            const race = await Promise.all([writer.appendExpecting('acct', 2, [trade('acct', 3)]), rival.appendExpecting('acct', 2, [trade('acct', 3)])]);
            await rival.close();
            strict_1.default.equal(race.filter((r) => r.ok).length, 1, JSON.stringify(race));
            strict_1.default.equal(await reader.lastSequence('acct'), 3);
        }
        finally {
            await reader.close();
            await writer.close();
        }
    });
    (0, node_test_1.it)('follows live by NOTIFY, and never passes a transaction still in flight', async () => {
        const url = freshDatabase();
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url, { create: true, pollIntervalMs: 60_000 });
        const seen = [];
        await backend.append([trade('x', 1)]);
        const subscription = backend.subscribe('end', (batch) => {
            seen.push(...batch);
        });
        const slow = new pg_1.default.Client({ connectionString: url });
        await slow.connect();
        try {
            await new Promise((resolve) => setTimeout(resolve, 300));
            // A transaction takes the next position but does not commit yet.
            const held = trade('held', 1);
            await slow.query('BEGIN');
            await slow.query(`INSERT INTO eventbus_events (event_id, event_type, aggregate_id, sequence_number, raw) VALUES ($1, $2, 'held', 1, $3)`, [held.metadata.event_id, held.event_type, JSON.stringify(held)]);
            // A later one commits (its position is higher); NOTIFY wakes the reader (the poll is a minute away).
            const later = trade('later', 1);
            await backend.append([later]);
            await new Promise((resolve) => setTimeout(resolve, 700));
            strict_1.default.deepEqual(ids(seen), [], 'nothing past the transaction in flight');
            await slow.query('COMMIT');
            await (0, asyncKit_1.waitFor)('both events', () => seen.length >= 2);
            strict_1.default.deepEqual(ids(seen), [held.metadata.event_id, later.metadata.event_id], 'in commit order, the held one first (its transaction is older)');
            await new Promise((resolve) => setTimeout(resolve, 300));
            strict_1.default.equal(seen.length, 2, 'nothing twice');
            // Resuming from the last cursor delivers nothing again, then what comes next.
            const resumed = [];
            const again = backend.subscribe(seen[1].cursor, (batch) => {
                resumed.push(...batch);
            });
            const next = trade('next', 1);
            await backend.append([next]);
            await (0, asyncKit_1.waitFor)('the next event', () => resumed.length >= 1);
            strict_1.default.deepEqual(ids(resumed), [next.metadata.event_id]);
            await again.stop();
        }
        finally {
            await subscription.stop();
            await slow.end();
            await backend.close();
        }
    });
    (0, node_test_1.it)('says when an index is missing and gives the CREATE INDEX, instead of scanning silently', async () => {
        const url = freshDatabase();
        await (await (0, postgresBackend_1.openPostgresBackend)(url, { create: true })).close();
        server.psql('DROP INDEX eventbus_events_correlation', url.split('/').pop());
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url);
        try {
            const support = backend.capabilities().correlationReads;
            strict_1.default.equal(support.how, 'unindexed');
            strict_1.default.match(support.how === 'unindexed' ? support.advice : '', /^CREATE INDEX ON "public"\.eventbus_events \(correlation_id, global_position\)$/);
        }
        finally {
            await backend.close();
        }
    });
    (0, node_test_1.it)('fails with one clear line: missing tables, wrong password, unreachable host (no hang)', async () => {
        const empty = freshDatabase();
        await strict_1.default.rejects((0, postgresBackend_1.openPostgresBackend)(empty), (error) => {
            strict_1.default.match(error.message, /holds no event table: looked for eventbus_events \(eventbus\), emt_messages \(emmett\), mt_events \(marten\), messages \(message-db\)/);
            return true;
        });
        server.psql(`CREATE ROLE ${postgresServer_1.PASSWORD_ROLE} LOGIN PASSWORD 'right'`);
        const wrong = `postgres://${postgresServer_1.PASSWORD_ROLE}:wrong@127.0.0.1:${server.port}/postgres`;
        await strict_1.default.rejects((0, postgresBackend_1.openPostgresBackend)(wrong), (error) => {
            strict_1.default.match(error.message, /password was refused \(28P01\)/);
            strict_1.default.doesNotMatch(error.message, /wrong/, 'the password is never shown');
            return true;
        });
        const closedPort = await (0, freePort_1.freePort)();
        await strict_1.default.rejects((0, postgresBackend_1.openPostgresBackend)(`postgres://postgres@127.0.0.1:${closedPort}/postgres`), /nothing is listening there/);
        // A host that accepts the connection and never answers: the connect timeout ends the wait.
        const silent = net.createServer(() => { });
        await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
        const silentPort = silent.address().port;
        const started = Date.now();
        try {
            await strict_1.default.rejects((0, postgresBackend_1.openPostgresBackend)(`postgres://postgres@127.0.0.1:${silentPort}/postgres`, { connectTimeoutMs: 1_000 }), /the connection timed out/);
        }
        finally {
            silent.close();
        }
        strict_1.default.ok(Date.now() - started < 10_000, 'no hang');
    });
});
//# sourceMappingURL=postgresBackend.int.spec.js.map