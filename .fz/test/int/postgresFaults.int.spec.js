"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const copyEvents_1 = require("../../src/engine/backends/copyEvents");
const copyTarget_1 = require("../../src/engine/backends/copyTarget");
const postgresBackend_1 = require("../../src/engine/backends/postgres/postgresBackend");
const event_1 = require("../../src/engine/model/event");
const postgresServer_1 = require("../helpers/servers/postgresServer");
const asyncKit_1 = require("../helpers/asyncKit");
// Faults with a real PostgreSQL started for this file: the server killed (an
// immediate shutdown, as a crash) during a copy and during a live tail, and a
// streaming replica opened read-only. Stopped by their pids.
const skip = (0, postgresServer_1.postgresUnavailable)() ?? false;
function manyEvents(count, prefix) {
    return Array.from({ length: count }, (_, i) => (0, event_1.createEvent)('tick', { i }, { aggregate_id: `${prefix}_${i % 50}`, sequence_number: Math.floor(i / 50) + 1, correlation_id: `c${i % 7}`, timestamp: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() }));
}
(0, node_test_1.describe)('PostgreSQL faults (a real server, killed and restarted)', { skip }, () => {
    let server;
    let databases = 0;
    const freshDatabase = () => {
        const name = `faults_${++databases}`;
        return { name, url: server.createDatabase(name) };
    };
    (0, node_test_1.before)(async () => {
        server = await (0, postgresServer_1.startPostgres)();
    });
    (0, node_test_1.after)(() => server?.stop());
    (0, node_test_1.it)('a copy killed by the server dying resumes when run again: nothing lost or doubled', async () => {
        const { name, url } = freshDatabase();
        const events = manyEvents(20_000, 'copy');
        let crashed = false;
        const target = await (0, copyTarget_1.openCopyTarget)(url, { create: true });
        await strict_1.default.rejects((0, copyEvents_1.copyEvents)((0, asyncKit_1.memoryCopySource)(events), target, {
            batchSize: 500,
            onProgress: ({ read }) => {
                if (!crashed && read >= 6_000) {
                    crashed = true;
                    server.crash();
                }
            },
        }));
        await target.close().catch(() => { });
        strict_1.default.ok(crashed);
        server.restart();
        const partial = Number(server.psql('SELECT count(*) FROM eventbus_events', name));
        strict_1.default.ok(partial >= 5_500 && partial < 20_000, `part of the copy is in (${partial})`);
        const again = await (0, copyTarget_1.openCopyTarget)(url, { create: true });
        try {
            const summary = await (0, copyEvents_1.copyEvents)((0, asyncKit_1.memoryCopySource)(events), again, { batchSize: 2_000 });
            strict_1.default.equal(summary.inserted + summary.alreadyThere, 20_000);
            strict_1.default.equal(summary.alreadyThere, partial);
        }
        finally {
            await again.close();
        }
        strict_1.default.equal(server.psql('SELECT count(*), count(DISTINCT event_id) FROM eventbus_events', name).trim(), '20000|20000');
    });
    (0, node_test_1.it)('a live tail survives the server dying: it reports once, resumes, and delivers each event once, in order', async () => {
        const { url } = freshDatabase();
        const backend = await (0, postgresBackend_1.openPostgresBackend)(url, { create: true, pollIntervalMs: 200 });
        const seen = [];
        const errors = [];
        const subscription = backend.subscribe('start', (batch) => {
            seen.push(...batch);
        }, (error) => errors.push(error));
        try {
            const before = manyEvents(300, 'tail');
            await backend.append(before.slice(0, 150));
            await backend.append(before.slice(150));
            await (0, asyncKit_1.waitFor)('the first events', () => seen.length >= 300);
            server.crash();
            await (0, asyncKit_1.waitFor)('the outage reported', () => errors.length >= 1);
            server.restart();
            const afterRestart = manyEvents(300, 'later');
            for (let i = 0; i < afterRestart.length; i += 100)
                await backend.append(afterRestart.slice(i, i + 100));
            await (0, asyncKit_1.waitFor)('the events after the restart', () => seen.length >= 600);
            await new Promise((resolve) => setTimeout(resolve, 500));
            strict_1.default.deepEqual(seen.map((e) => e.event.metadata.event_id), [...before, ...afterRestart].map((e) => e.metadata.event_id), 'every event once, in order');
            strict_1.default.match(errors[0].message, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/faults_\d+: /, 'one clear line naming the store');
        }
        finally {
            await subscription.stop();
            await backend.close();
        }
    });
    (0, node_test_1.it)('reads and follows a streaming replica, read-only', async () => {
        const { name, url } = freshDatabase();
        const primary = await (0, postgresBackend_1.openPostgresBackend)(url, { create: true });
        await primary.append(manyEvents(100, 'rep'));
        const replicaServer = await server.startReplica();
        const replica = await (0, postgresBackend_1.openPostgresBackend)(`${replicaServer.url.replace(/\/postgres$/, `/${name}`)}`, { write: true });
        try {
            await (0, asyncKit_1.waitFor)('the replica to catch up', () => Number(replicaServer.psql('SELECT count(*) FROM eventbus_events', name)) === 100);
            strict_1.default.equal((await replica.countEvents()).total, 100);
            const seen = [];
            const errors = [];
            const subscription = replica.subscribe('end', (batch) => {
                seen.push(...batch);
            }, (error) => errors.push(error));
            try {
                await new Promise((resolve) => setTimeout(resolve, 300));
                const fresh = manyEvents(10, 'fresh');
                await primary.append(fresh);
                await (0, asyncKit_1.waitFor)('the new events on the replica', () => seen.length >= 10 || errors.length > 0);
                strict_1.default.deepEqual(errors, []);
                strict_1.default.deepEqual(seen.map((e) => e.event.metadata.event_id), fresh.map((e) => e.metadata.event_id));
            }
            finally {
                await subscription.stop();
            }
            const refused = await replica.appendExpecting('solo', -1, [(0, event_1.createEvent)('tick', {}, { aggregate_id: 'solo', sequence_number: 1 })]);
            strict_1.default.deepEqual(refused.ok ? null : refused.reason, 'read-only', 'a replica is read-only even when opened for writing');
            strict_1.default.match(refused.ok || refused.reason !== 'read-only' ? '' : refused.detail, /streaming replica is read-only: write to its primary/);
            strict_1.default.equal(replica.capabilities().subscribe.how, 'engine', 'a replica polls');
        }
        finally {
            await replica.close();
            await primary.close();
            replicaServer.stop();
        }
    });
});
//# sourceMappingURL=postgresFaults.int.spec.js.map