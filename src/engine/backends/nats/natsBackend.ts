import { DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { serializeEvent, type Event } from '../../model/event';
import { naturalCompare } from '../../model/naturalOrder';
import type { Snapshot, SnapshotRef } from '../../model/snapshotTypes';
import { parseTimestamp } from '../../model/timestamp';
import { parseEventLine } from '../../store/parseEventLine';
import {
  cursorOf,
  type AggregatePageRequest,
  type AggregateSummary,
  type BackendCapabilities,
  type Cursor,
  type ExpectedAppendOutcome,
  type Page,
  type RangeRequest,
  type SequenceWindow,
  type StoreBackend,
  type StoredEvent,
  type Subscription,
} from '../storeBackend';
import { assertOneAggregate } from '../aggregatePage';
import { StorageDelegate } from '../storageDelegate';
import { NatsEventStorage } from './natsStorage';
import { subjectOf } from './subjectLayout';

export interface NatsBackendOptions {
  /** Allow appends and snapshots. Default: read-only. */
  readonly write?: boolean;
  /** Create the stream and snapshot bucket when missing (implies `write`). */
  readonly create?: boolean;
  readonly connectTimeoutMs?: number;
}

/** How long a live reader waits for a message the stream holds before making its consumer again. */
const STALL_MS = 3_000;

/** A server version as [major, minor, patch] (`2.9.10` → [2, 9, 10]). */
function versionOf(text: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = text.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

function atLeast(version: readonly number[], wanted: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== wanted[i]) return version[i] > wanted[i];
  return true;
}

/**
 * Opens a JetStream store through the backend seam
 * (`nats://host:port?stream=S&prefix=P`). The subject layout
 * (subjectLayout.ts): every event of an aggregate on the literal subject
 * `<prefix>.<aggregate>`, so an aggregate is read by an ordered consumer
 * filtered on one subject; global order is the stream sequence (the cursor);
 * snapshots are in the KV bucket `<stream>_snapshots`; appends name the
 * expected last sequence of the aggregate's subject. The server's version is
 * read from its INFO and what it lacks is said in the capabilities.
 */
export async function openNatsBackend(url: string, options: NatsBackendOptions = {}): Promise<StoreBackend> {
  const storage = await NatsEventStorage.open(url, { create: options.create, connectTimeoutMs: options.connectTimeoutMs });
  return new NatsBackend(storage, Boolean(options.write || options.create));
}

/** The bus's questions go to the JetStream storage (StorageDelegate); writes only when opened writable. */
class NatsBackend extends StorageDelegate implements StoreBackend {
  readonly kind = 'nats';
  readonly description: string;
  private readonly version: [number, number, number];

  constructor(
    protected readonly storage: NatsEventStorage,
    private readonly writable: boolean,
  ) {
    super();
    this.version = versionOf(storage.serverVersion());
    this.description = `${storage.describe()} (JetStream, server ${storage.serverVersion()})`;
  }

  capabilities(): BackendCapabilities {
    const notes: string[] = [];
    if (!atLeast(this.version, [2, 11, 0])) notes.push(`server ${this.storage.serverVersion()} lacks the cross-subject expected sequence (2.11): an append checks its aggregate's subject only, one event at a time`);
    if (!atLeast(this.version, [2, 10, 0])) notes.push(`server ${this.storage.serverVersion()} lacks consumers with several subject filters (2.10): reads of several aggregates go one subject at a time`);
    const scan = (what: string) => ({ how: 'engine' as const, why: `JetStream has no index by ${what}: the engine reads the stream` });
    return {
      aggregateReads: { how: 'native' },
      correlationReads: scan('correlation'),
      timeRanges: { how: 'native' },
      countsByType: scan('event type'),
      subscribe: { how: 'native' },
      snapshots: this.storage.hasSnapshots() || this.writable ? { how: 'native' } : { how: 'unsupported', why: `no snapshot bucket ${this.storage.stream}_snapshots` },
      append: this.writable ? { how: 'native' } : { how: 'unsupported', why: 'opened read-only: a command that names an expected version opens it for writing' },
      lineLocations: { how: 'unsupported', why: 'events in a stream have no day file and line: they open as documents' },
      notes,
    };
  }

  async listAggregates(request: AggregatePageRequest): Promise<Page<AggregateSummary>> {
    const counts = (await this.storage.countEvents()).byAggregate;
    const sorted = [...counts.keys()].filter((id) => request.prefix === undefined || id.startsWith(request.prefix)).sort(naturalCompare);
    const start = request.after === undefined ? 0 : sorted.findIndex((id) => naturalCompare(id, request.after as string) > 0);
    if (start < 0) return { items: [] };
    const page = sorted.slice(start, start + request.limit);
    // The last sequence costs one direct get per aggregate: only for the page shown.
    const items = await Promise.all(page.map(async (aggregateId) => ({ aggregateId, events: counts.get(aggregateId) ?? 0, lastSequenceNumber: await this.storage.lastSequence(aggregateId) })));
    return start + request.limit < sorted.length ? { items, next: page[page.length - 1] } : { items };
  }

  async *readAggregate(aggregateId: string, window: SequenceWindow = {}): AsyncIterable<StoredEvent> {
    const matching: StoredEvent[] = [];
    for await (const stored of this.read(subjectOf(this.storage.prefix, aggregateId), {})) {
      const sequence = stored.event.metadata.sequence_number;
      if (window.fromSequenceNumber !== undefined && !(sequence >= window.fromSequenceNumber)) continue;
      if (window.toSequenceNumber !== undefined && !(sequence <= window.toSequenceNumber)) continue;
      matching.push(stored);
    }
    // Appends keep a subject in sequence order; a copied store may not be, so sort (stable) as EventQuery says.
    matching.sort((a, b) => a.event.metadata.sequence_number - b.event.metadata.sequence_number);
    yield* matching.slice(0, window.limit ?? matching.length);
  }

  async *readCorrelation(correlationId: string): AsyncIterable<StoredEvent> {
    for await (const stored of this.read(`${this.storage.prefix}.>`, {})) if (stored.event.metadata.correlation_id === correlationId) yield stored;
  }

  async *readRange(request: RangeRequest): AsyncIterable<StoredEvent> {
    const limit = request.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const types = request.eventTypes === undefined ? null : new Set(request.eventTypes);
    const from = request.after !== undefined ? { afterSeq: sequenceOf(request.after) } : request.since !== undefined ? { sinceMs: request.since } : {};
    let yielded = 0;
    for await (const stored of this.read(`${this.storage.prefix}.>`, from)) {
      const at = parseTimestamp(stored.event.metadata.timestamp);
      if (request.since !== undefined && !(at >= request.since)) continue;
      if (request.until !== undefined && !(at <= request.until)) continue;
      if (types !== null && !types.has(stored.event.event_type)) continue;
      yield stored;
      if (++yielded >= limit) return;
    }
  }

  async countByType(): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>();
    for await (const stored of this.read(`${this.storage.prefix}.>`, {})) counts.set(stored.event.event_type, (counts.get(stored.event.event_type) ?? 0) + 1);
    return counts;
  }


  /**
   * An ordered consumer from the cursor on, for as long as the subscription
   * lives. The client recreates an ordered consumer itself after a gap; when
   * the consume loop ends with an error (a cluster leader change, a lost
   * connection), it is made again from the last delivered sequence + 1, so
   * nothing is lost or delivered twice.
   */
  subscribe(from: Cursor | 'start' | 'end', onEvents: (events: readonly StoredEvent[]) => void | Promise<void>, onError?: (error: Error) => void): Subscription {
    const { js, jsm } = this.storage.clients();
    let stopped = false;
    let current: { close(): Promise<void | Error> } | null = null;
    let next = 1;
    let lastProgress = Date.now();
    // After a leader change an ordered consumer can stall without an error:
    // when the stream holds messages past the cursor and none came for a
    // while, the consumer is closed and made again from the cursor.
    const watchdog = setInterval(() => {
      if (stopped || current === null || Date.now() - lastProgress < STALL_MS) return;
      const stalled = current;
      void jsm.streams
        .info(this.storage.stream)
        .then((info) => {
          if (info.state.last_seq >= next && Date.now() - lastProgress >= STALL_MS) return stalled.close();
        })
        .catch(() => {});
    }, STALL_MS);
    const done = (async () => {
      next = from === 'start' ? 1 : from === 'end' ? await jsm.streams.info(this.storage.stream).then((info) => info.state.last_seq + 1).catch(() => 1) : sequenceOf(from) + 1;
      let failing = false;
      while (!stopped) {
        try {
          const consumer = await js.consumers.get(this.storage.stream, { filter_subjects: `${this.storage.prefix}.>`, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: next });
          const messages = await consumer.consume({ max_messages: 1_000 });
          current = messages;
          lastProgress = Date.now();
          failing = false;
          for await (const message of messages) {
            if (stopped) break;
            lastProgress = Date.now();
            if (message.seq < next) continue;
            let stored: StoredEvent | null = null;
            try {
              stored = storedOf(message);
            } catch (error) {
              // A message that is no event is named and passed, never retried forever.
              onError?.(error as Error);
            }
            next = message.seq + 1;
            // The subscriber's own failure is reported, not retried: each message is delivered once.
            if (stored) await Promise.resolve(onEvents([stored])).catch((error: Error) => onError?.(error));
          }
        } catch (error) {
          if (!failing) onError?.(new Error(`${this.description}: ${(error as Error).message}`));
          failing = true;
        }
        current = null;
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    return {
      async stop() {
        stopped = true;
        clearInterval(watchdog);
        await current?.close();
        await done;
      },
    };
  }

  async appendExpecting(aggregateId: string, expectedVersion: number, events: readonly Event[]): Promise<ExpectedAppendOutcome> {
    if (!this.writable) return { ok: false, reason: 'read-only', detail: `${this.description}: opened read-only` };
    assertOneAggregate(aggregateId, events);
    const { js, jsm } = this.storage.clients();
    const subject = subjectOf(this.storage.prefix, aggregateId);
    const last = await jsm.streams.getMessage(this.storage.stream, { last_by_subj: subject }).catch(() => null);
    const actualVersion = last ? (JSON.parse(last.string()) as Event).metadata.sequence_number : -1;
    if (actualVersion !== expectedVersion) return { ok: false, reason: 'version-mismatch', actualVersion };
    let lastSubjectSequence = last?.seq ?? 0;
    let lastSequenceNumber = expectedVersion;
    for (const event of events) {
      try {
        // The server refuses the message if another writer appended to the subject since: no lost update.
        const ack = await js.publish(subject, serializeEvent(event), { msgID: event.metadata.event_id, expect: { lastSubjectSequence } });
        lastSubjectSequence = ack.seq;
        lastSequenceNumber = event.metadata.sequence_number;
      } catch (error) {
        if (!/wrong last sequence/i.test((error as Error).message)) throw new Error(`${this.description}: ${(error as Error).message}`);
        return { ok: false, reason: 'version-mismatch', actualVersion: await this.storage.lastSequence(aggregateId) };
      }
    }
    return { ok: true, lastSequenceNumber };
  }

  override async append(events: readonly Event[]): Promise<void> {
    if (!this.writable) throw new Error(`${this.description}: opened read-only`);
    await this.storage.append(events);
  }

  override async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    if (!this.writable) throw new Error(`${this.description}: opened read-only`);
    return this.storage.saveSnapshot(snapshot);
  }

  close(): Promise<void> {
    return this.storage.close();
  }

  /** The messages on a subject that are in the stream now, by an ordered consumer from a sequence or a time. */
  private async *read(subject: string, from: { afterSeq?: number; sinceMs?: number }): AsyncIterable<StoredEvent> {
    const { js, jsm } = this.storage.clients();
    const info = await jsm.streams.info(this.storage.stream);
    const literal = !subject.endsWith('>');
    const endSeq = literal ? ((await jsm.streams.getMessage(this.storage.stream, { last_by_subj: subject }).catch(() => null))?.seq ?? 0) : info.state.last_seq;
    const startSeq = (from.afterSeq ?? 0) + 1;
    if (endSeq === 0 || endSeq < startSeq) return;
    const start =
      from.sinceMs !== undefined
        ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(from.sinceMs).toISOString() }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startSeq };
    const consumer = await js.consumers.get(this.storage.stream, { filter_subjects: subject, ...start });
    const messages = await consumer.consume({ max_messages: 1_000 });
    try {
      for await (const message of messages) {
        yield storedOf(message);
        if (message.seq >= endSeq) break;
      }
    } finally {
      await messages.close();
    }
  }
}

/** A message as a folder's line is read: the nesting limit checked, the envelope's shape made sure, frozen. */
function storedOf(message: JsMsg): StoredEvent {
  const raw = message.string();
  return { event: parseEventLine(raw, `${message.subject} stream sequence ${message.seq}`), raw, cursor: cursorOf(message.seq) };
}

function sequenceOf(cursor: string): number {
  if (!/^\d+$/.test(cursor)) throw new Error(`cursor ${JSON.stringify(cursor)} is not one this JetStream store hands out (a stream sequence)`);
  return Number(cursor);
}

