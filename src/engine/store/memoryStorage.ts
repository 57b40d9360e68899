import { freezeEvent, type Event } from '../model/event';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';
import { SNAPSHOTS_DIR } from './layout';
import { eventMatchesQuery } from './queryMatch';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from './storage';
import { countEventsOf } from './countEvents';

/**
 * An `EventStorage` that keeps everything in memory. It exists to prove the
 * storage seam (the bus, replay and rebuild must work against any backend)
 * and to give unit tests a store without files. Nothing survives the process.
 */
export class MemoryEventStorage implements EventStorage {
  readonly kind = 'memory';

  private readonly events: Event[] = [];
  private readonly byId = new Map<string, Event>();
  private readonly byAggregate = new Map<string, Event[]>();
  private readonly lastByAggregate = new Map<string, number>();
  private lastOverall = -1;
  private readonly snapshots = new Map<string, Snapshot>();
  private closed = false;

  async append(events: readonly Event[]): Promise<void> {
    this.assertOpen('append');
    for (const event of events) {
      const stored = freezeEvent(event);
      this.events.push(stored);
      this.byId.set(stored.metadata.event_id, stored);
      const sequence = stored.metadata.sequence_number;
      if (sequence > this.lastOverall) this.lastOverall = sequence;
      const aggregateId = stored.metadata.aggregate_id;
      if (aggregateId !== null) {
        let list = this.byAggregate.get(aggregateId);
        if (!list) this.byAggregate.set(aggregateId, (list = []));
        list.push(stored);
        if (sequence > (this.lastByAggregate.get(aggregateId) ?? -1)) this.lastByAggregate.set(aggregateId, sequence);
      }
    }
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    this.assertOpen('query');
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    let candidates: readonly Event[];
    if (query.aggregateId !== undefined) {
      // Aggregate queries come in sequence order (replay and rebuild rely on it);
      // the sort is stable, so equal sequence numbers keep store order.
      candidates = [...(this.byAggregate.get(query.aggregateId) ?? [])].sort(
        (a, b) => a.metadata.sequence_number - b.metadata.sequence_number,
      );
    } else {
      candidates = this.events.slice();
    }
    let yielded = 0;
    for (const event of candidates) {
      if (!eventMatchesQuery(event, query)) continue;
      yield event;
      if (++yielded >= limit) return;
    }
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    this.assertOpen('getEvent');
    return this.byId.get(eventId);
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    this.assertOpen('lastSequence');
    if (aggregateId === undefined) return this.lastOverall;
    return this.lastByAggregate.get(aggregateId) ?? -1;
  }

  async countEvents(): Promise<EventCounts> {
    return countEventsOf(this.events);
  }

  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    this.assertOpen('saveSnapshot');
    const ref = snapshotRef(snapshot.aggregate_id, snapshot.sequence_number);
    // A structured copy, so later changes to the caller's state object cannot alter the saved snapshot.
    this.snapshots.set(ref.file, structuredClone(snapshot));
    return ref;
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    this.assertOpen('listSnapshots');
    const refs: SnapshotRef[] = [];
    for (const snapshot of this.snapshots.values()) {
      if (aggregateId === undefined || snapshot.aggregate_id === aggregateId) {
        refs.push(snapshotRef(snapshot.aggregate_id, snapshot.sequence_number));
      }
    }
    return refs.sort((a, b) =>
      a.aggregate_id === b.aggregate_id
        ? a.sequence_number - b.sequence_number
        : a.aggregate_id < b.aggregate_id
          ? -1
          : 1,
    );
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    this.assertOpen('loadSnapshot');
    const snapshot = this.snapshots.get(snapshotRef(ref.aggregate_id, ref.sequence_number).file);
    if (!snapshot) {
      throw new Error(
        `No snapshot of aggregate "${ref.aggregate_id}" at sequence ${ref.sequence_number} in the in-memory store (${ref.file}).`,
      );
    }
    return structuredClone(snapshot);
  }

  async health(): Promise<StorageHealth> {
    return this.closed
      ? { healthy: false, detail: 'in-memory storage is closed', events: this.events.length }
      : { healthy: true, detail: 'in memory (nothing is persisted)', events: this.events.length };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new Error(`MemoryEventStorage.${operation}: the storage is closed.`);
  }
}

function snapshotRef(aggregateId: string, sequence: number): SnapshotRef {
  return {
    aggregate_id: aggregateId,
    sequence_number: sequence,
    file: `${SNAPSHOTS_DIR}/snapshot_${aggregateId}_${sequence}.json`,
  };
}

