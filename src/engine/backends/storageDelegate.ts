import type { Event } from '../model/event';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from '../store/storage';

/**
 * The bus's questions (EventStorage), answered by the storage a backend
 * wraps: the folder's file storage, the in-memory storage. A backend adds
 * the seam's own questions and overrides what it does differently.
 */
export abstract class StorageDelegate {
  protected abstract readonly storage: EventStorage;

  append(events: readonly Event[]): Promise<void> {
    return this.storage.append(events);
  }
  query(query: EventQuery): AsyncIterable<Event> {
    return this.storage.query(query);
  }
  getEvent(eventId: string): Promise<Event | undefined> {
    return this.storage.getEvent(eventId);
  }
  lastSequence(aggregateId?: string): Promise<number> {
    return this.storage.lastSequence(aggregateId);
  }
  countEvents(): Promise<EventCounts> {
    return this.storage.countEvents();
  }
  saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    return this.storage.saveSnapshot(snapshot);
  }
  listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    return this.storage.listSnapshots(aggregateId);
  }
  loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    return this.storage.loadSnapshot(ref);
  }
  health(): Promise<StorageHealth> {
    return this.storage.health();
  }
}
