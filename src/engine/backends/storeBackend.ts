import type { Event } from '../model/event';
import type { EventCounts, EventStorage } from '../store/storage';
import type { RawEvent } from './rawEvent';

/**
 * The backend seam: what every view, command and CLI subcommand asks of a
 * store, phrased so that a database or a log answers it natively (an
 * aggregate by its key, a correlation by an index, counts by SQL) instead of
 * the engine scanning. The JSONL folder with its index is the first
 * implementation, the in-memory store the second, PostgreSQL and NATS
 * JetStream the next. It widens `EventStorage` (what the bus, replay and
 * rebuild already use) so there is one seam, not two.
 */
export interface StoreBackend extends EventStorage {
  readonly kind: StoreBackendKind;
  /** The store as the user may see it: a folder path, or a URL without its password. */
  readonly description: string;
  /** What this backend does natively, what the engine does for it, and what it cannot do. */
  capabilities(): BackendCapabilities;
  /** Aggregates in natural id order, paged; `prefix` narrows by id prefix. */
  listAggregates(request: AggregatePageRequest): Promise<Page<AggregateSummary>>;
  /** One aggregate's events in sequence order, from a position (inclusive). */
  readAggregate(aggregateId: string, window?: SequenceWindow): AsyncIterable<StoredEvent>;
  /** One correlation's events in store order. */
  readCorrelation(correlationId: string): AsyncIterable<StoredEvent>;
  /** Events in store (global) order within a time window, from a cursor (exclusive). */
  readRange(request: RangeRequest): AsyncIterable<StoredEvent>;
  /** Event counts per event type (the whole store). */
  countByType(): Promise<ReadonlyMap<string, number>>;
  /** Total events and events per aggregate (from `EventStorage`; listed here because every backend must answer it). */
  countEvents(): Promise<EventCounts>;
  /**
   * Follows the store from a cursor (exclusive; `'start'` or `'end'`),
   * calling `onEvents` with each batch in store order. A backend with no
   * push (a folder watched by chokidar, LISTEN/NOTIFY, a JetStream consumer)
   * polls. Stop with the returned subscription.
   */
  subscribe(from: Cursor | 'start' | 'end', onEvents: (events: readonly StoredEvent[]) => void | Promise<void>, onError?: (error: Error) => void): Subscription;
  /**
   * Appends events for one aggregate only if its last sequence number is
   * `expectedVersion` (-1: the aggregate must not exist yet). A backend is
   * read-only until a command that names an expected version writes.
   */
  appendExpecting(aggregateId: string, expectedVersion: number, events: readonly Event[]): Promise<ExpectedAppendOutcome>;
}

export type StoreBackendKind = 'folder' | 'memory' | 'postgres' | 'nats';

/**
 * An opaque position in a backend's global order (a folder's ordinal, a
 * PostgreSQL global position, a JetStream stream sequence), as text so it
 * round-trips through JSON, settings and the editor unchanged.
 */
export type Cursor = string & { readonly __cursor: never };

/** Makes a cursor from a backend's own position text; only a backend reads it back. */
export function cursorOf(position: string | number): Cursor {
  return String(position) as Cursor;
}

/** An event as a backend returns it: parsed, its line as written, and where it lies. */
export interface StoredEvent extends RawEvent {
  /** Its place in the backend's global order: subscribe or page from here. */
  readonly cursor: Cursor;
  /** For a folder: the day file and 1-based line (what the editor opens); absent for other backends. */
  readonly location?: { readonly file: string; readonly line: number };
}

/** A page of results and the cursor of the next one (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

export interface AggregatePageRequest {
  readonly prefix?: string;
  /** The `next` of the previous page. */
  readonly after?: string;
  readonly limit: number;
}

export interface AggregateSummary {
  readonly aggregateId: string;
  readonly events: number;
  /** Highest sequence number stored, -1 when none is a number. */
  readonly lastSequenceNumber: number;
  /** Epoch ms of its first and last event, when the backend knows cheaply. */
  readonly firstTime?: number;
  readonly lastTime?: number;
}

/** Inclusive sequence-number bounds. */
export interface SequenceWindow {
  readonly fromSequenceNumber?: number;
  readonly toSequenceNumber?: number;
  readonly limit?: number;
}

/** Inclusive time bounds, epoch ms. */
export interface TimeWindow {
  readonly since?: number;
  readonly until?: number;
}

export interface RangeRequest extends TimeWindow {
  /** Exclusive: events after this position. */
  readonly after?: Cursor;
  readonly eventTypes?: readonly string[];
  readonly limit?: number;
}

export interface Subscription {
  /** Resolves once no further batch will be delivered. */
  stop(): Promise<void>;
}

export type ExpectedAppendOutcome =
  | { readonly ok: true; readonly lastSequenceNumber: number }
  | { readonly ok: false; readonly reason: 'version-mismatch'; readonly actualVersion: number }
  | { readonly ok: false; readonly reason: 'read-only'; readonly detail: string };

/** How a backend answers a kind of question. */
export type Support =
  /** The backend answers it with its own key, index or command. */
  | { readonly how: 'native' }
  /** The engine answers it over what the backend returns (slower, but complete). */
  | { readonly how: 'engine'; readonly why: string }
  /** Native, but the store lacks what makes it fast: `advice` says how to add it (e.g. a CREATE INDEX). */
  | { readonly how: 'unindexed'; readonly advice: string }
  /** Not possible on this backend or version: shown as such, never as an error. */
  | { readonly how: 'unsupported'; readonly why: string };

export interface BackendCapabilities {
  readonly aggregateReads: Support;
  readonly correlationReads: Support;
  readonly timeRanges: Support;
  readonly countsByType: Support;
  readonly subscribe: Support;
  readonly snapshots: Support;
  /** Writing: `unsupported` for a read-only layout (Emmett, Marten, message-db). */
  readonly append: Support;
  /** Line locations (a folder's day files): other backends open events as documents. */
  readonly lineLocations: Support;
  /** Anything else the user should know (e.g. "server 2.9 lacks …: disabled"). */
  readonly notes: readonly string[];
}

/** Whether a backend can answer a kind of question at all. */
export function supports(support: Support): boolean {
  return support.how !== 'unsupported';
}
