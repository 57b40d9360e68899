import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { freezeEvent, serializeEvent, type Event } from '../../model/event';
import type { Snapshot, SnapshotRef } from '../../model/snapshotTypes';
import { SNAPSHOTS_DIR } from '../../store/layout';
import { eventMatchesQuery } from '../../store/queryMatch';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from '../../store/storage';
import type { AppendOutcome, RawEvent } from '../rawEvent';
import { redactUrl } from '../storeLocation';
import { aggregateOfToken, parseSnapshotKey, snapshotKey, subjectOf } from './subjectLayout';

export interface NatsOpenOptions {
  /** Create the stream and the snapshot bucket when missing (an explicit writing command only). */
  readonly create?: boolean;
  readonly connectTimeoutMs?: number;
}

/**
 * An `EventStorage` over a NATS JetStream stream (`nats://host:port?stream=S&prefix=P`).
 * Global order is the stream sequence; an aggregate is one literal subject
 * (subjectLayout.ts); each message is the event's line as written, with the
 * event id as its `Nats-Msg-Id` (the server drops a repeat within its
 * duplicate window); snapshots live in the KV bucket `<stream>_snapshots`.
 * Appends name the expected last sequence of the aggregate's subject.
 */
export class NatsEventStorage implements EventStorage {
  readonly kind = 'nats-jetstream';

  private constructor(
    readonly url: string,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    readonly prefix: string,
    private readonly snapshots: KV | null,
  ) {}

  static async open(url: string, options: NatsOpenOptions = {}): Promise<NatsEventStorage> {
    const parsed = new URL(url);
    const stream = parsed.searchParams.get('stream') ?? 'EVENTS';
    const prefix = parsed.searchParams.get('prefix') ?? stream.toLowerCase();
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: `${parsed.hostname}:${parsed.port || '4222'}`, user: parsed.username || undefined, pass: parsed.password ? decodeURIComponent(parsed.password) : undefined, timeout: options.connectTimeoutMs ?? 5_000, reconnect: false });
    } catch (error) {
      throw new Error(`${redactUrl(url)}: cannot connect (${(error as Error).message})`);
    }
    try {
      const jsm = await jetstreamManager(nc);
      if (options.create) await ensureStream(jsm, stream, prefix);
      else await jsm.streams.info(stream).catch(() => {
        throw new Error(`the stream "${stream}" does not exist (eventbus copy --to creates it)`);
      });
      const kvm = new Kvm(nc);
      const bucket = `${stream}_snapshots`;
      const snapshots = options.create ? await kvm.create(bucket) : await kvm.open(bucket).catch(() => null);
      return new NatsEventStorage(url, nc, jetstream(nc), jsm, stream, prefix, snapshots);
    } catch (error) {
      await nc.close().catch(() => {});
      throw new Error(`${redactUrl(url)}: ${(error as Error).message}`);
    }
  }

  /** The connection and JetStream clients, for the backend seam (natsBackend.ts) that reads beside this storage. */
  clients(): { readonly nc: NatsConnection; readonly js: JetStreamClient; readonly jsm: JetStreamManager } {
    return { nc: this.nc, js: this.js, jsm: this.jsm };
  }

  /** Whether the snapshot bucket exists (a store opened read-only may have none). */
  hasSnapshots(): boolean {
    return this.snapshots !== null;
  }

  /** The server's version: Debian's 2.9 lacks what 2.11 adds (the cross-subject expected sequence). */
  serverVersion(): string {
    return this.nc.info?.version ?? 'unknown';
  }

  describe(): string {
    return redactUrl(this.url);
  }

  async append(events: readonly Event[]): Promise<void> {
    for (const event of events) {
      const subject = subjectOf(this.prefix, event.metadata.aggregate_id);
      const last = await this.lastMessageOn(subject);
      try {
        await this.js.publish(subject, serializeEvent(event), { msgID: event.metadata.event_id, expect: { lastSubjectSequence: last?.seq ?? 0 } });
      } catch (error) {
        throw new Error(`${this.describe()}: appending to aggregate ${event.metadata.aggregate_id}: ${(error as Error).message} (expected version conflict)`);
      }
    }
  }

  /** Publishes lines as written, a batch at a time (pipelined: the stream keeps their order); repeats of an event id are dropped by the server. */
  async appendRaw(records: readonly RawEvent[]): Promise<AppendOutcome> {
    const acks = await Promise.all(records.map(({ event, raw }) => this.js.publish(subjectOf(this.prefix, event.metadata.aggregate_id), raw, { msgID: event.metadata.event_id })));
    const alreadyThere = acks.filter((ack) => ack.duplicate).length;
    return { inserted: acks.length - alreadyThere, alreadyThere, conflicts: [] };
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    for await (const { event } of this.queryRaw(query)) yield event;
  }

  /**
   * Reads by an ordered consumer on one literal subject for an aggregate (then
   * sorted by sequence, as EventQuery says), else the whole stream in stream
   * order; the other fields are checked here (JetStream cannot filter on them).
   */
  async *queryRaw(query: EventQuery): AsyncIterable<RawEvent> {
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const subject = query.aggregateId !== undefined ? subjectOf(this.prefix, query.aggregateId) : `${this.prefix}.>`;
    const matching = async function* (messages: AsyncIterable<JsMsg>): AsyncIterable<RawEvent> {
      for await (const message of messages) {
        const raw = message.string();
        const event = freezeEvent(JSON.parse(raw) as Event);
        if (eventMatchesQuery(event, query)) yield { event, raw };
      }
    };
    let yielded = 0;
    if (query.aggregateId !== undefined) {
      const all: RawEvent[] = [];
      for await (const record of matching(this.read(subject))) all.push(record);
      all.sort((a, b) => a.event.metadata.sequence_number - b.event.metadata.sequence_number);
      for (const record of all) {
        yield record;
        if (++yielded >= limit) return;
      }
      return;
    }
    for await (const record of matching(this.read(subject))) {
      yield record;
      if (++yielded >= limit) return;
    }
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    // JetStream has no index by event id: a scan (capabilities say so).
    for await (const message of this.read(`${this.prefix}.>`)) {
      const event = JSON.parse(message.string()) as Event;
      if (event.metadata?.event_id === eventId) return freezeEvent(event);
    }
    return undefined;
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    if (aggregateId !== undefined) {
      const last = await this.lastMessageOn(subjectOf(this.prefix, aggregateId));
      return last ? (JSON.parse(last.raw) as Event).metadata.sequence_number : -1;
    }
    let highest = -1;
    for await (const message of this.read(`${this.prefix}.>`)) {
      const sequence = (JSON.parse(message.string()) as Event).metadata.sequence_number;
      if (sequence > highest) highest = sequence;
    }
    return highest;
  }

  async countEvents(): Promise<EventCounts> {
    const info = await this.jsm.streams.info(this.stream, { subjects_filter: `${this.prefix}.>` });
    const byAggregate = new Map<string, number>();
    for (const [subject, count] of Object.entries(info.state.subjects ?? {})) {
      const id = aggregateOfToken(subject.slice(this.prefix.length + 1));
      if (id !== null) byAggregate.set(id, count);
    }
    return { total: info.state.messages, byAggregate };
  }

  /** Messages in the stream (what `total` means for progress and verify). */
  async total(): Promise<number> {
    return (await this.jsm.streams.info(this.stream)).state.messages;
  }

  /** The event id of the newest message: a copy resumes after it. */
  async lastEventId(): Promise<string | undefined> {
    const lastSeq = (await this.jsm.streams.info(this.stream)).state.last_seq;
    if (lastSeq === 0) return undefined;
    const message = await this.jsm.streams.getMessage(this.stream, { seq: lastSeq }).catch(() => null);
    return message ? (JSON.parse(message.string()) as Event).metadata.event_id : undefined;
  }

  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    await this.bucket().put(snapshotKey(snapshot.aggregate_id, snapshot.sequence_number), JSON.stringify(snapshot));
    return snapshotRef(snapshot.aggregate_id, snapshot.sequence_number);
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    if (!this.snapshots) return [];
    const refs: SnapshotRef[] = [];
    for await (const key of await this.snapshots.keys()) {
      const parsed = parseSnapshotKey(key);
      if (parsed && (aggregateId === undefined || parsed.aggregateId === aggregateId)) refs.push(snapshotRef(parsed.aggregateId, parsed.sequence));
    }
    return refs.sort((a, b) => (a.aggregate_id === b.aggregate_id ? a.sequence_number - b.sequence_number : a.aggregate_id < b.aggregate_id ? -1 : 1));
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    const entry = await this.bucket().get(snapshotKey(ref.aggregate_id, ref.sequence_number));
    if (!entry || entry.operation !== 'PUT') throw new Error(`${this.describe()}: no snapshot of aggregate "${ref.aggregate_id}" at sequence ${ref.sequence_number}`);
    return JSON.parse(entry.string()) as Snapshot;
  }

  async health(): Promise<StorageHealth> {
    try {
      const info = await this.jsm.streams.info(this.stream);
      return { healthy: true, detail: `NATS JetStream ${this.serverVersion()}, stream ${this.stream}`, events: info.state.messages };
    } catch (error) {
      return { healthy: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.nc.close();
  }

  private bucket(): KV {
    if (!this.snapshots) throw new Error(`${this.describe()}: the snapshot bucket ${this.stream}_snapshots does not exist`);
    return this.snapshots;
  }

  private async lastMessageOn(subject: string): Promise<{ seq: number; raw: string } | null> {
    const message = await this.jsm.streams.getMessage(this.stream, { last_by_subj: subject }).catch(() => null);
    return message ? { seq: message.seq, raw: message.string() } : null;
  }

  /** Every message on the subject that is in the stream now, by an ordered consumer (no acks, nothing left on the server). */
  private async *read(subject: string): AsyncIterable<JsMsg> {
    const info = await this.jsm.streams.info(this.stream);
    const endSeq = subject.endsWith('>') ? info.state.last_seq : ((await this.lastMessageOn(subject))?.seq ?? 0);
    if (endSeq === 0 || info.state.messages === 0) return;
    const consumer = await this.js.consumers.get(this.stream, { filter_subjects: subject });
    const messages = await consumer.consume({ max_messages: 1_000 });
    try {
      for await (const message of messages) {
        yield message;
        if (message.seq >= endSeq) break;
      }
    } finally {
      await messages.close();
    }
  }
}

async function ensureStream(jsm: JetStreamManager, stream: string, prefix: string): Promise<void> {
  try {
    await jsm.streams.info(stream);
  } catch {
    await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`] });
  }
}


function snapshotRef(aggregateId: string, sequence: number): SnapshotRef {
  return { aggregate_id: aggregateId, sequence_number: sequence, file: `${SNAPSHOTS_DIR}/snapshot_${aggregateId}_${sequence}.json` };
}
