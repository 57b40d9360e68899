import { matchesQuery } from '../../src/engine/store/queryMatch';
import { createEvent, type Event } from '../../src/engine/model/event';
import { parseTimestamp } from '../../src/engine/model/timestamp';
import { snapshotRelativePath } from '../../src/engine/snapshot/snapshotFileName';
import { listSnapshotFiles, loadSnapshotFile, saveSnapshotFile } from '../../src/engine/snapshot/snapshotStore';
import type { Snapshot, SnapshotRef } from '../../src/engine/model/snapshotTypes';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from '../../src/engine/store/storage';
import { countEventsOf } from '../../src/engine/store/countEvents';

/**
 * A small EventStorage for the state, snapshot and replay tests, until the
 * shared in-memory storage exists. Snapshots live in a Map, or in real files
 * under `snapshotRoot` (through the snapshot store) when given. Every query
 * is recorded so tests can check what a rebuild asked for.
 */
export class StateTestStorage implements EventStorage {
  readonly kind = 'state-test';
  readonly events: Event[] = [];
  readonly queries: EventQuery[] = [];
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly snapshotRoot?: string) {}

  async append(events: readonly Event[]): Promise<void> {
    this.events.push(...events);
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    this.queries.push(query);
    let selected = this.events.filter((e) => matches(e, query));
    if (query.aggregateId !== undefined) {
      selected = selected
        .map((event, i) => ({ event, i }))
        .sort((a, b) => a.event.metadata.sequence_number - b.event.metadata.sequence_number || a.i - b.i)
        .map((x) => x.event);
    }
    if (query.limit !== undefined) selected = selected.slice(0, query.limit);
    for (const event of selected) yield event;
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    return this.events.find((e) => e.metadata.event_id === eventId);
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    let last = -1;
    for (const e of this.events) {
      if (aggregateId === undefined || e.metadata.aggregate_id === aggregateId) last = Math.max(last, e.metadata.sequence_number);
    }
    return last;
  }

  async countEvents(): Promise<EventCounts> {
    return countEventsOf(this.events);
  }

  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    if (this.snapshotRoot) return saveSnapshotFile(this.snapshotRoot, snapshot);
    const file = snapshotRelativePath(snapshot.aggregate_id, snapshot.sequence_number);
    this.snapshots.set(file, JSON.parse(JSON.stringify(snapshot)) as Snapshot);
    return { aggregate_id: snapshot.aggregate_id, sequence_number: snapshot.sequence_number, file };
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    if (this.snapshotRoot) return (await listSnapshotFiles(this.snapshotRoot, aggregateId)).snapshots;
    return [...this.snapshots.entries()]
      .filter(([, s]) => aggregateId === undefined || s.aggregate_id === aggregateId)
      .map(([file, s]) => ({ aggregate_id: s.aggregate_id, sequence_number: s.sequence_number, file }))
      .sort((a, b) => a.sequence_number - b.sequence_number);
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    if (this.snapshotRoot) return loadSnapshotFile(this.snapshotRoot, ref);
    const found = this.snapshots.get(ref.file);
    if (!found) throw new Error(`${ref.file}: does not exist`);
    return found;
  }

  /** Test hook: replace a stored snapshot's state (drift tests). */
  tamper(file: string, state: unknown): void {
    const found = this.snapshots.get(file);
    if (!found) throw new Error(`no snapshot ${file}`);
    this.snapshots.set(file, { ...found, state });
  }

  async health(): Promise<StorageHealth> {
    return { healthy: true, detail: 'memory', events: this.events.length };
  }

  async close(): Promise<void> {}
}

function matches(e: Event, q: EventQuery): boolean {
  const m = e.metadata;
  return matchesQuery(
    { aggregateId: m.aggregate_id, correlationId: m.correlation_id, eventType: e.event_type, source: m.source, sequenceNumber: m.sequence_number, timestampMs: parseTimestamp(m.timestamp) },
    q,
  );
}

const BASE_TIME = Date.UTC(2024, 0, 15, 10, 30, 0);

/** An event of `aggregateId` at `sequence`, one second apart per sequence. */
export function ev(aggregateId: string | null, sequence: number, data: unknown, type = 'trade_executed', extra: { correlation_id?: string; causation_id?: string; event_id?: string; timeMs?: number } = {}): Event {
  return createEvent(type, data, {
    aggregate_id: aggregateId,
    sequence_number: sequence,
    timestamp: new Date(extra.timeMs ?? BASE_TIME + sequence * 1000),
    source: 'test',
    correlation_id: extra.correlation_id,
    causation_id: extra.causation_id,
    event_id: extra.event_id,
  });
}
