import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { copyEvents } from '../../src/engine/backends/copyEvents';
import { openCopyTarget } from '../../src/engine/backends/copyTarget';
import { openNatsBackend } from '../../src/engine/backends/nats/natsBackend';
import { subjectOf } from '../../src/engine/backends/nats/subjectLayout';
import type { StoredEvent } from '../../src/engine/backends/storeBackend';
import { createEvent, serializeEvent, type Event } from '../../src/engine/model/event';
import { natsUnavailable, startNatsCluster, type NatsCluster, type NatsClusterNode } from '../helpers/servers/natsServer';
import { waitFor, memoryCopySource } from '../helpers/asyncKit';

// A 3-node JetStream cluster on 127.0.0.1 with an R3 stream; the stream's
// leader is killed (SIGKILL by pid) during a copy and during a live tail:
// no acknowledged event may be lost, none delivered twice. Three processes
// on one host and one disk: this shows failover, not capacity.
const skip = natsUnavailable() ?? false;
const STREAM = 'EVENTS';
const PREFIX = 'events';

function manyEvents(count: number, prefix: string): Event[] {
  return Array.from({ length: count }, (_, i) => createEvent('tick', { i }, { aggregate_id: `${prefix}_${i % 20}`, sequence_number: Math.floor(i / 20) + 1 }));
}

/** Creates the R3 stream once the cluster has a meta leader; returns the node that leads it. */
async function replicatedStream(cluster: NatsCluster): Promise<NatsClusterNode> {
  const nc = await connect({ servers: cluster.nodes.map((n) => n.url.replace('nats://', '')), timeout: 5_000 });
  try {
    let jsm: Awaited<ReturnType<typeof jetstreamManager>> | null = null;
    await waitFor('the cluster to accept an R3 stream', async () => {
      try {
        // Until the cluster has elected its meta leader, JetStream requests time out.
        jsm ??= await jetstreamManager(nc);
        await jsm.streams.add({ name: STREAM, subjects: [`${PREFIX}.>`], num_replicas: 3 });
        return true;
      } catch {
        return false;
      }
    }, 60_000);
    let leader = '';
    await waitFor('a stream leader', async () => {
      leader = (await jsm?.streams.info(STREAM).catch(() => null))?.cluster?.leader ?? '';
      return leader !== '';
    }, 60_000);
    const node = cluster.nodes.find((n) => n.name === leader);
    assert.ok(node, `leader ${leader} is one of ours`);
    return node;
  } finally {
    await nc.close();
  }
}

async function streamEventIds(url: string): Promise<string[]> {
  const backend = await openNatsBackend(`${url}?stream=${STREAM}&prefix=${PREFIX}`);
  try {
    const out: string[] = [];
    for await (const stored of backend.readRange({})) out.push(stored.event.metadata.event_id);
    return out;
  } finally {
    await backend.close();
  }
}

describe('JetStream 3-node cluster, R3 stream, leader killed (real servers)', { skip }, () => {
  it('a copy interrupted by the leader dying completes when run again: every event once', async () => {
    const cluster = await startNatsCluster();
    try {
      const leader = await replicatedStream(cluster);
      const survivor = cluster.nodes.find((n) => n !== leader) as NatsClusterNode;
      const url = `${survivor.url}?stream=${STREAM}&prefix=${PREFIX}`;
      const events = manyEvents(3_000, 'copy');
      let killed = false;
      const runs: string[] = [];
      for (let attempt = 0; attempt < 10; attempt++) {
        const target = await openCopyTarget(url, { create: false }).catch((error: Error) => error);
        if (target instanceof Error) {
          runs.push(`open: ${target.message}`);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
        try {
          await copyEvents(memoryCopySource(events), target, {
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
        } catch (error) {
          runs.push(`copy: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        } finally {
          await target.close().catch(() => {});
        }
      }
      assert.ok(killed);
      assert.equal(runs[runs.length - 1], 'done', runs.join('\n'));
      // Right after a failover a JetStream request can still time out on a busy machine: read again until it answers.
      let stored: string[] = [];
      await waitFor(
        'the stream to answer a read',
        () =>
          streamEventIds(survivor.url).then(
            (ids) => ((stored = ids), true),
            () => false,
          ),
        60_000,
      );
      assert.deepEqual(stored, events.map((e) => e.metadata.event_id), 'every event once, in the order of the source');
    } finally {
      await cluster.stop();
    }
  });

  it('a live tail across the leader dying loses no acknowledged event and repeats none', async () => {
    const cluster = await startNatsCluster();
    let nc: NatsConnection | null = null;
    try {
      const leader = await replicatedStream(cluster);
      const survivors = cluster.nodes.filter((n) => n !== leader);
      const backend = await openNatsBackend(`${survivors[0].url}?stream=${STREAM}&prefix=${PREFIX}`);
      nc = await connect({ servers: survivors.map((n) => n.url.replace('nats://', '')), timeout: 5_000 });
      const js = jetstream(nc, { timeout: 2_000 });
      const seen: StoredEvent[] = [];
      const subscription = backend.subscribe('start', (batch) => {
        seen.push(...batch);
      });
      const acknowledged: string[] = [];
      /** Publishes until the stream acknowledges; the event id as Nats-Msg-Id makes a retry of a stored message a no-op. */
      const publish = async (event: Event) => {
        for (;;) {
          try {
            const ack = await js.publish(subjectOf(PREFIX, event.metadata.aggregate_id), serializeEvent(event), { msgID: event.metadata.event_id });
            if (!ack.duplicate) acknowledged.push(event.metadata.event_id);
            return;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      };
      try {
        const events = manyEvents(400, 'tail');
        for (const event of events.slice(0, 200)) await publish(event);
        await waitFor('the first events', () => seen.length >= 200);
        await leader.kill();
        for (const event of events.slice(200)) await publish(event);
        await waitFor('every acknowledged event', () => seen.length >= acknowledged.length, 90_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(acknowledged.length, 400);
        assert.deepEqual(
          seen.map((e) => e.event.metadata.event_id),
          acknowledged,
          'each acknowledged event once, in stream order',
        );
      } finally {
        await subscription.stop();
        await backend.close();
      }
    } finally {
      await nc?.close();
      await cluster.stop();
    }
  });
});
