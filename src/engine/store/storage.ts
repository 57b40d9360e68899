import type { Event } from '../model/event';
import type { SequenceMode } from '../model/indexTypes';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';
import type { FoldSetting } from '../model/foldSetting';

/**
 * Which events a query selects. Every bound is inclusive; times are epoch ms.
 * Results come in store order, except that an aggregate query comes in
 * sequence order (what replay and rebuild need).
 */
export interface EventQuery {
  readonly aggregateId?: string;
  readonly correlationId?: string;
  readonly eventType?: string;
  readonly source?: string;
  readonly since?: number;
  readonly until?: number;
  readonly fromSequenceNumber?: number;
  readonly toSequenceNumber?: number;
  readonly limit?: number;
}

/** How many events a store holds, bus-wide and per aggregate. */
export interface EventCounts {
  readonly total: number;
  readonly byAggregate: ReadonlyMap<string, number>;
}

export interface StorageHealth {
  readonly healthy: boolean;
  readonly detail: string;
  /** Events the backend holds, when it knows cheaply. */
  readonly events?: number;
}

/**
 * What the bus, replay and rebuild need from a backend. The JSONL file store
 * is the embedded default; the in-memory store proves the seam, and a
 * database backend would implement the same.
 */
export interface EventStorage {
  readonly kind: string;
  /** The store's `fold` from its config (default: detected from its snapshots). */
  readonly foldSetting?: FoldSetting;
  /** Whether sequence numbers are bus-wide or per aggregate, when the backend knows. */
  sequenceMode?(): SequenceMode;
  /** Resolves only once every event is durable (for the file store: fsynced). */
  append(events: readonly Event[]): Promise<void>;
  query(query: EventQuery): AsyncIterable<Event>;
  getEvent(eventId: string): Promise<Event | undefined>;
  /** The highest sequence number stored for the aggregate (or bus-wide for `undefined`), -1 when none. */
  lastSequence(aggregateId?: string): Promise<number>;
  /** Counts of what is stored now (automatic snapshots count from here). */
  countEvents(): Promise<EventCounts>;
  saveSnapshot(snapshot: Snapshot): Promise<SnapshotRef>;
  listSnapshots(aggregateId?: string): Promise<readonly SnapshotRef[]>;
  loadSnapshot(ref: SnapshotRef): Promise<Snapshot>;
  health(): Promise<StorageHealth>;
  close(): Promise<void>;
  /**
   * For stores other processes write too (the JSONL files): the generation
   * of the writer lock this storage holds, 0 when it holds none. Sequence
   * numbers may only be assigned under a held lock, from counters read in
   * the same generation.
   */
  writerGeneration?(): number;
  /** Takes the writer lock and re-reads the store's tail; resolves with the new generation. */
  prepareWrite?(): Promise<number>;
}
