import type { Event } from '../../../src/engine/model/event';
import type { Snapshot, SnapshotRef } from '../../../src/engine/snapshot/snapshotTypes';
import { EventFileAppender } from '../../../src/engine/store/eventFileAppender';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from '../../../src/engine/store/storage';

/**
 * Just enough of an `EventStorage` over the file appender for the bus to
 * publish durably in the kill tests; reading is the lead's file storage's
 * job, so everything but append is refused.
 */
export class AppendOnlyFileStorage implements EventStorage {
  readonly kind = 'file (append only, test fixture)';

  private constructor(readonly appender: EventFileAppender) {}

  static async open(storeRoot: string, compression = false): Promise<AppendOnlyFileStorage> {
    return new AppendOnlyFileStorage(await EventFileAppender.open(storeRoot, { compression }));
  }

  append(events: readonly Event[]): Promise<void> {
    return this.appender.append(events);
  }

  flush(): Promise<void> {
    return this.appender.flush();
  }

  async *query(_query: EventQuery): AsyncIterable<Event> {
    throw new Error('AppendOnlyFileStorage cannot query');
  }

  async getEvent(): Promise<Event | undefined> {
    return undefined;
  }

  async lastSequence(): Promise<number> {
    return -1;
  }

  saveSnapshot(_snapshot: Snapshot): Promise<SnapshotRef> {
    return Promise.reject(new Error('AppendOnlyFileStorage cannot save snapshots'));
  }

  async countEvents(): Promise<EventCounts> {
    return { total: 0, byAggregate: new Map() };
  }

  async listSnapshots(): Promise<readonly SnapshotRef[]> {
    return [];
  }

  loadSnapshot(_ref: SnapshotRef): Promise<Snapshot> {
    return Promise.reject(new Error('AppendOnlyFileStorage cannot load snapshots'));
  }

  async health(): Promise<StorageHealth> {
    return { healthy: true, detail: `appending to ${this.appender.eventsDir}` };
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
