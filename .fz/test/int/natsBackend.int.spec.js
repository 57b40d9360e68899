"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const natsBackend_1 = require("../../src/engine/backends/nats/natsBackend");
const event_1 = require("../../src/engine/model/event");
const natsServer_1 = require("../helpers/servers/natsServer");
const storageSample_1 = require("../helpers/storageSample");
const asyncKit_1 = require("../helpers/asyncKit");
// The seam over JetStream, against a real nats-server (Debian's 2.9) started
// for this file on a free 127.0.0.1 port and stopped by its pid.
const skip = (0, natsServer_1.natsUnavailable)() ?? false;
const ids = (events) => events.map((e) => e.event.metadata.event_id);
function trade(aggregate, sequence, type = 'trade_executed') {
    return (0, event_1.createEvent)(type, { aggregate, sequence }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: `c-${aggregate}`, timestamp: `2024-01-15T10:00:0${sequence}Z` });
}
(0, node_test_1.describe)('NATS JetStream backend (a real server)', { skip }, () => {
    let server;
    let streams = 0;
    const freshStream = () => `${server.url}?stream=B${++streams}`;
    (0, node_test_1.before)(async () => {
        server = await (0, natsServer_1.startNats)();
    });
    (0, node_test_1.after)(async () => server?.stop());
    (0, node_test_1.it)('reads by literal subject and stream sequence, says what the server version lacks', async () => {
        const backend = await (0, natsBackend_1.openNatsBackend)(freshStream(), { create: true });
        try {
            const events = (0, storageSample_1.storageSample)();
            await backend.append(events);
            await (0, storageSample_1.assertAnswersLikeMemory)(backend, events);
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(backend.readAggregate('a'))).map((e) => e.event.metadata.sequence_number), [1, 2]);
            const all = await (0, asyncKit_1.collect)(backend.readRange({}));
            strict_1.default.deepEqual(all.map((e) => e.cursor), ['1', '2', '3', '4'], 'the cursor is the stream sequence');
            strict_1.default.deepEqual(ids(await (0, asyncKit_1.collect)(backend.readRange({ after: all[1].cursor }))), ids(all.slice(2)));
            strict_1.default.deepEqual(Object.fromEntries(await backend.countByType()), { trade_executed: 2, risk_alert: 1, system_health_check: 1 });
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(backend.readCorrelation('c1'))).map((e) => e.event.data), [{ n: 1 }, { n: 2 }]);
            const caps = backend.capabilities();
            strict_1.default.equal(caps.aggregateReads.how, 'native');
            strict_1.default.equal(caps.correlationReads.how, 'engine');
            strict_1.default.ok(caps.notes.some((note) => /lacks the cross-subject expected sequence \(2\.11\)/.test(note)), caps.notes.join('\n'));
            strict_1.default.match(backend.description, /server 2\.\d+/);
            const page = await backend.listAggregates({ limit: 1 });
            strict_1.default.deepEqual(page.items, [{ aggregateId: 'a', events: 2, lastSequenceNumber: 1 }], 'the last appended is sequence 1 (stored out of order)');
            strict_1.default.equal(page.next, 'a');
        }
        finally {
            await backend.close();
        }
    });
    (0, node_test_1.it)('appends with the expected last subject sequence; read-only unless opened for writing', async () => {
        const url = freshStream();
        await (await (0, natsBackend_1.openNatsBackend)(url, { create: true })).close();
        const reader = await (0, natsBackend_1.openNatsBackend)(url);
        const writer = await (0, natsBackend_1.openNatsBackend)(url, { write: true });
        const rival = await (0, natsBackend_1.openNatsBackend)(url, { write: true });
        try {
            strict_1.default.equal((await reader.appendExpecting('acct', -1, [trade('acct', 1)])).ok, false);
            strict_1.default.equal(reader.capabilities().append.how, 'unsupported');
            strict_1.default.deepEqual(await writer.appendExpecting('acct', -1, [trade('acct', 1), trade('acct', 2)]), { ok: true, lastSequenceNumber: 2 });
            strict_1.default.deepEqual(await writer.appendExpecting('acct', 1, [trade('acct', 2)]), { ok: false, reason: 'version-mismatch', actualVersion: 2 });
            const race = await Promise.all([writer.appendExpecting('acct', 2, [trade('acct', 3)]), rival.appendExpecting('acct', 2, [trade('acct', 3)])]);
            strict_1.default.equal(race.filter((r) => r.ok).length, 1, JSON.stringify(race));
            strict_1.default.deepEqual((await (0, asyncKit_1.collect)(reader.readAggregate('acct'))).map((e) => e.event.metadata.sequence_number), [1, 2, 3]);
            await writer.saveSnapshot({ aggregate_id: 'acct', sequence_number: 3, timestamp: '2024-01-15T10:00:03Z', state: { n: 3 } });
            strict_1.default.deepEqual((await reader.listSnapshots('acct')).map((ref) => ref.sequence_number), [3], 'snapshots in the KV bucket');
        }
        finally {
            await reader.close();
            await writer.close();
            await rival.close();
        }
    });
    (0, node_test_1.it)('follows live from a cursor by an ordered consumer, nothing twice', async () => {
        const backend = await (0, natsBackend_1.openNatsBackend)(freshStream(), { create: true });
        try {
            await backend.append([trade('x', 1), trade('y', 1)]);
            const first = await (0, asyncKit_1.collect)(backend.readRange({ limit: 1 }));
            const seen = [];
            const subscription = backend.subscribe(first[0].cursor, (batch) => {
                seen.push(...batch);
            });
            await (0, asyncKit_1.waitFor)('the stored event after the cursor', () => seen.length >= 1);
            const started = Date.now();
            await backend.append([trade('x', 2)]);
            await (0, asyncKit_1.waitFor)('the new event', () => seen.length >= 2);
            strict_1.default.ok(Date.now() - started < 2_000, 'a new event arrives promptly');
            await new Promise((resolve) => setTimeout(resolve, 200));
            strict_1.default.deepEqual(seen.map((e) => e.cursor), ['2', '3']);
            await subscription.stop();
        }
        finally {
            await backend.close();
        }
    });
});
//# sourceMappingURL=natsBackend.int.spec.js.map