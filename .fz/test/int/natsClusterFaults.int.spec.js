"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const copyEvents_1 = require("../../src/engine/backends/copyEvents");
const copyTarget_1 = require("../../src/engine/backends/copyTarget");
const natsBackend_1 = require("../../src/engine/backends/nats/natsBackend");
const subjectLayout_1 = require("../../src/engine/backends/nats/subjectLayout");
const event_1 = require("../../src/engine/model/event");
const natsServer_1 = require("../helpers/servers/natsServer");
const asyncKit_1 = require("../helpers/asyncKit");
// A 3-node JetStream cluster on 127.0.0.1 with an R3 stream; the stream's
// leader is killed (SIGKILL by pid) during a copy and during a live tail:
// no acknowledged event may be lost, none delivered twice. Three processes
// on one host and one disk: this shows failover, not capacity.
const skip = (0, natsServer_1.natsUnavailable)() ?? false;
const STREAM = 'EVENTS';
const PREFIX = 'events';
function manyEvents(count, prefix) {
    return Array.from({ length: count }, (_, i) => (0, event_1.createEvent)('tick', { i }, { aggregate_id: `${prefix}_${i % 20}`, sequence_number: Math.floor(i / 20) + 1 }));
}
/** Creates the R3 stream once the cluster has a meta leader; returns the node that leads it. */
async function replicatedStream(cluster) {
    const nc = await (0, transport_node_1.connect)({ servers: cluster.nodes.map((n) => n.url.replace('nats://', '')), timeout: 5_000 });
    try {
        let jsm = null;
        await (0, asyncKit_1.waitFor)('the cluster to accept an R3 stream', async () => {
            try {
                // Until the cluster has elected its meta leader, JetStream requests time out.
                jsm ??= await (0, jetstream_1.jetstreamManager)(nc);
                await jsm.streams.add({ name: STREAM, subjects: [`${PREFIX}.>`], num_replicas: 3 });
                return true;
            }
            catch {
                return false;
            }
        }, 60_000);
        let leader = '';
        await (0, asyncKit_1.waitFor)('a stream leader', async () => {
            leader = (await jsm?.streams.info(STREAM).catch(() => null))?.cluster?.leader ?? '';
            return leader !== '';
        }, 60_000);
        const node = cluster.nodes.find((n) => n.name === leader);
        strict_1.default.ok(node, `leader ${leader} is one of ours`);
        return node;
    }
    finally {
        await nc.close();
    }
}
async function streamEventIds(url) {
    const backend = await (0, natsBackend_1.openNatsBackend)(`${url}?stream=${STREAM}&prefix=${PREFIX}`);
    try {
        const out = [];
        for await (const stored of backend.readRange({}))
            out.push(stored.event.metadata.event_id);
        return out;
    }
    finally {
        await backend.close();
    }
}
(0, node_test_1.describe)('JetStream 3-node cluster, R3 stream, leader killed (real servers)', { skip }, () => {
    (0, node_test_1.it)('a copy interrupted by the leader dying completes when run again: every event once', async () => {
        const cluster = await (0, natsServer_1.startNatsCluster)();
        try {
            const leader = await replicatedStream(cluster);
            const survivor = cluster.nodes.find((n) => n !== leader);
            const url = `${survivor.url}?stream=${STREAM}&prefix=${PREFIX}`;
            const events = manyEvents(3_000, 'copy');
            let killed = false;
            const runs = [];
            for (let attempt = 0; attempt < 10; attempt++) {
                const target = await (0, copyTarget_1.openCopyTarget)(url, { create: false }).catch((error) => error);
                if (target instanceof Error) {
                    runs.push(`open: ${target.message}`);
                    await new Promise((resolve) => setTimeout(resolve, 1_000));
                    continue;
                }
                try {
                    await (0, copyEvents_1.copyEvents)((0, asyncKit_1.memoryCopySource)(events), target, {
                        batchSize: 250,
                        onProgress: ({ read }) => {
                            if (!killed && read >= 1_000) {
                                killed = true;
                                void leader.kill();
                            }
                        },
                    });
                    runs.push('done');
                    break;
                }
                catch (error) {
                    runs.push(`copy: ${error.message}`);
                    await new Promise((resolve) => setTimeout(resolve, 1_000));
                }
                finally {
                    await target.close().catch(() => { });
                }
            }
            strict_1.default.ok(killed);
            strict_1.default.equal(runs[runs.length - 1], 'done', runs.join('\n'));
            // Right after a failover a JetStream request can still time out on a busy machine: read again until it answers.
            let stored = [];
            await (0, asyncKit_1.waitFor)('the stream to answer a read', () => streamEventIds(survivor.url).then((ids) => ((stored = ids), true), () => false), 60_000);
            strict_1.default.deepEqual(stored, events.map((e) => e.metadata.event_id), 'every event once, in the order of the source');
        }
        finally {
            await cluster.stop();
        }
    });
    (0, node_test_1.it)('a live tail across the leader dying loses no acknowledged event and repeats none', async () => {
        const cluster = await (0, natsServer_1.startNatsCluster)();
        let nc = null;
        try {
            const leader = await replicatedStream(cluster);
            const survivors = cluster.nodes.filter((n) => n !== leader);
            const backend = await (0, natsBackend_1.openNatsBackend)(`${survivors[0].url}?stream=${STREAM}&prefix=${PREFIX}`);
            nc = await (0, transport_node_1.connect)({ servers: survivors.map((n) => n.url.replace('nats://', '')), timeout: 5_000 });
            const js = (0, jetstream_1.jetstream)(nc, { timeout: 2_000 });
            const seen = [];
            const subscription = backend.subscribe('start', (batch) => {
                seen.push(...batch);
            });
            const acknowledged = [];
            /** Publishes until the stream acknowledges; the event id as Nats-Msg-Id makes a retry of a stored message a no-op. */
            const publish = async (event) => {
                for (;;) {
                    try {
                        const ack = await js.publish((0, subjectLayout_1.subjectOf)(PREFIX, event.metadata.aggregate_id), (0, event_1.serializeEvent)(event), { msgID: event.metadata.event_id });
                        if (!ack.duplicate)
                            acknowledged.push(event.metadata.event_id);
                        return;
                    }
                    catch {
                        await new Promise((resolve) => setTimeout(resolve, 200));
                    }
                }
            };
            try {
                const events = manyEvents(400, 'tail');
                for (const event of events.slice(0, 200))
                    await publish(event);
                await (0, asyncKit_1.waitFor)('the first events', () => seen.length >= 200);
                await leader.kill();
                for (const event of events.slice(200))
                    await publish(event);
                await (0, asyncKit_1.waitFor)('every acknowledged event', () => seen.length >= acknowledged.length, 90_000);
                await new Promise((resolve) => setTimeout(resolve, 500));
                strict_1.default.equal(acknowledged.length, 400);
                strict_1.default.deepEqual(seen.map((e) => e.event.metadata.event_id), acknowledged, 'each acknowledged event once, in stream order');
            }
            finally {
                await subscription.stop();
                await backend.close();
            }
        }
        finally {
            await nc?.close();
            await cluster.stop();
        }
    });
});
//# sourceMappingURL=natsClusterFaults.int.spec.js.map