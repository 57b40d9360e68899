import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Event } from '../model/event';
import type { StoreIndex } from '../model/indexTypes';
import type { IndexDelta } from '../model/indexTypes';
import type { SequenceMode } from '../model/indexTypes';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';
import type { FoldSetting } from '../model/foldSetting';
import { EVENTS_DIR } from './layout';
import { withWriterLock } from './writeLock';
import type { EventCounts, EventQuery, EventStorage, StorageHealth } from './storage';

/** What the file storage needs from the opened store (implemented by openStore's engine). */
export interface IndexedStoreAccess {
  readonly index: StoreIndex;
  selectOrdinals(query: EventQuery): number[];
  readEventSync(ordinal: number): Event;
  refresh(): Promise<IndexDelta>;
}

/** Writes events durably and keeps the index in step with what it wrote. */
export interface EventAppender {
  append(events: readonly Event[]): Promise<void>;
  close(): Promise<void>;
  /** False once the appender found its writer lock taken over: it will never write again. */
  readonly holdsLock?: boolean;
}

/** Snapshot files of a store. */
export interface SnapshotFiles {
  save(snapshot: Snapshot): Promise<SnapshotRef>;
  list(aggregateId?: string): Promise<readonly SnapshotRef[]>;
  load(ref: SnapshotRef): Promise<Snapshot>;
}

/**
 * The JSONL file store as an `EventStorage`: reads through the index (bodies
 * read lazily), writes through the durable appender, snapshots as files.
 * The appender is created on the first append, so read-only use never takes
 * the writer lock.
 */
export class FileEventStorage implements EventStorage {
  readonly kind = 'jsonl-files';
  /** The config's `fold` (set by whoever opens the store with its config). */
  foldSetting: FoldSetting | undefined;
  /** Created once, on the first append; concurrent first appends share it. */
  private appender: Promise<EventAppender> | null = null;
  private appenderFactory: (() => Promise<EventAppender>) | null = null;
  /** The appender that holds the lock now (set once its open finished and the tail was re-read). */
  private heldAppender: EventAppender | null = null;
  /** Counts lock acquisitions: a writer's sequence counters are valid only for the generation they were read in. */
  private generation = 0;
  private preparing: Promise<number> | null = null;
  private snapshotFiles: SnapshotFiles | null = null;
  /** Appends since the index last looked at the files; reads catch up first. */
  private stale = false;
  private catchingUp: Promise<void> | null = null;

  constructor(
    readonly root: string,
    private readonly store: IndexedStoreAccess,
  ) {}

  /** Plugs in the writer (kept separate so that the index layer does not depend on the bus). */
  useAppender(factory: () => Promise<EventAppender>): void {
    this.appenderFactory = factory;
  }

  sequenceMode(): SequenceMode {
    return this.store.index.sequenceMode;
  }

  useSnapshots(files: SnapshotFiles): void {
    this.snapshotFiles = files;
  }

  /**
   * The lock generation writes may be numbered under: 0 while this storage
   * does not hold the writer lock (nothing may be numbered yet). Changes
   * whenever the lock is (re)acquired, so a bus knows its counters are stale.
   */
  writerGeneration(): number {
    if (this.heldAppender && this.heldAppender.holdsLock === false) this.dropAppender();
    return this.heldAppender ? this.generation : 0;
  }

  /**
   * Takes the writer lock (waiting for a live writer to finish) and then
   * re-reads the store's tail, so that the last sequence numbers read next
   * include everything any other writer wrote before we held the lock.
   * Resolves with the new lock generation.
   */
  prepareWrite(): Promise<number> {
    const current = this.writerGeneration();
    if (current !== 0) return Promise.resolve(current);
    this.preparing ??= (async () => {
      try {
        const appender = await this.openAppender();
        this.stale = false;
        await this.store.refresh();
        this.heldAppender = appender;
        return ++this.generation;
      } finally {
        this.preparing = null;
      }
    })();
    return this.preparing;
  }

  private openAppender(): Promise<EventAppender> {
    if (!this.appender) {
      if (!this.appenderFactory) throw new Error(`${this.root}: this store was opened read-only (no event writer configured)`);
      const opening = this.appenderFactory();
      this.appender = opening;
      // A failed open (the lock is held) must not stick: the next append tries again.
      opening.catch(() => {
        if (this.appender === opening) this.appender = null;
      });
    }
    return this.appender;
  }

  /** Forgets an appender whose lock was taken over (closing it only closes its files: the lock is not ours). */
  private dropAppender(): void {
    const dropped = this.heldAppender;
    this.heldAppender = null;
    this.appender = null;
    void dropped?.close().catch(() => undefined);
  }

  async append(events: readonly Event[]): Promise<void> {
    const appender = await this.openAppender();
    try {
      await appender.append(events);
    } catch (error) {
      if (appender.holdsLock === false && this.heldAppender === appender) this.dropAppender();
      throw error;
    }
    // The bus appends one event per publish (the appender groups them into
    // commits): re-indexing per append would cost a refresh per event, so
    // reads catch up once, when they come.
    this.stale = true;
  }

  /** Brings the index up to what this storage wrote; concurrent callers share one refresh. */
  async catchUp(): Promise<void> {
    while (this.stale) {
      if (!this.catchingUp) {
        this.stale = false;
        this.catchingUp = this.store.refresh().then(
          () => {
            this.catchingUp = null;
          },
          (error: unknown) => {
            this.catchingUp = null;
            this.stale = true;
            throw error;
          },
        );
      }
      await this.catchingUp;
    }
    if (this.catchingUp) await this.catchingUp;
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    await this.catchUp();
    for (const ordinal of this.store.selectOrdinals(query)) yield this.store.readEventSync(ordinal);
  }

  async getEvent(eventId: string): Promise<Event | undefined> {
    await this.catchUp();
    const [ordinal] = this.store.index.ordinalsOfEventId(eventId);
    return ordinal === undefined ? undefined : this.store.readEventSync(ordinal);
  }

  async lastSequence(aggregateId?: string): Promise<number> {
    await this.catchUp();
    const index = this.store.index;
    let highest = -1;
    if (aggregateId === undefined) {
      highest = index.highestSequence();
    } else {
      for (const o of index.ordinalsOfAggregate(aggregateId)) {
        const seq = index.sequenceOf(o);
        if (seq > highest) highest = seq;
      }
    }
    return highest;
  }

  async countEvents(): Promise<EventCounts> {
    // No await when the index is current: the counts are those of this moment.
    if (this.stale) await this.catchUp();
    const index = this.store.index;
    const byAggregate = new Map<string, number>();
    for (const id of index.aggregateIds()) byAggregate.set(id, index.aggregateSize(id));
    return { total: index.eventCount, byAggregate };
  }

  /** Under the writer lock, like every write: ours when a bus over this storage holds it, else taken for the save. */
  async saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef> {
    if (this.appender) return this.snapshots().save(snapshot);
    return withWriterLock(this.root, () => this.snapshots().save(snapshot));
  }

  async listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]> {
    return this.snapshots().list(aggregateId);
  }

  async loadSnapshot(ref: SnapshotRef): Promise<Snapshot> {
    return this.snapshots().load(ref);
  }

  async health(): Promise<StorageHealth> {
    const eventsDir = path.join(this.root, EVENTS_DIR);
    try {
      await fs.promises.access(this.root, fs.constants.R_OK);
    } catch (error) {
      return { healthy: false, detail: `cannot read ${this.root}: ${(error as NodeJS.ErrnoException).code}` };
    }
    let writable = true;
    try {
      await fs.promises.access(fs.existsSync(eventsDir) ? eventsDir : this.root, fs.constants.W_OK);
    } catch {
      writable = false;
    }
    const problems = this.store.index.problems.length;
    return {
      healthy: writable && problems === 0,
      detail: `${writable ? 'writable' : 'read-only'}; ${problems} unreadable line(s)`,
      events: this.store.index.eventCount,
    };
  }

  /** Waits until every append so far is durable (the bus's `stop()` calls it). */
  async flush(): Promise<void> {
    const appender = (await this.appender?.catch(() => null)) as (EventAppender & { flush?: () => Promise<void> }) | null | undefined;
    await appender?.flush?.();
  }

  async close(): Promise<void> {
    const opening = this.appender;
    this.appender = null;
    this.heldAppender = null;
    const appender = await opening?.catch(() => null);
    if (appender) await appender.close();
    if (this.stale) await this.catchUp();
  }

  private snapshots(): SnapshotFiles {
    if (!this.snapshotFiles) throw new Error(`${this.root}: snapshot files are not configured for this store`);
    return this.snapshotFiles;
  }
}
