/** What the index knows of one event without reading its body. */
export interface IndexedEvent {
  /** Position in store order (files by day, then line); stable until the index is rebuilt. */
  readonly ordinal: number;
  /** Relative to the store root with `/` separators: `events/events_2024-01-15.jsonl`. */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** Byte offset of the line in the (decompressed) file, and its length without the line end. */
  readonly offset: number;
  readonly length: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly source: string;
  readonly aggregateId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  /** Epoch ms (fractional); NaN when the timestamp is missing or unparseable. */
  readonly timestampMs: number;
  /** NaN when missing or not a number. */
  readonly sequenceNumber: number;
  readonly retryCount: number;
  readonly status: string;
  readonly schemaVersion: string;
}

/** `not-a-day-file`: a file in events/ not named like a day of events; never read (a warning, not a bad line). */
export type LineProblemKind = 'invalid-json' | 'non-json-number' | 'torn-line' | 'not-an-event' | 'unreadable' | 'not-a-day-file';

/** A line the index could not take as an event. The line is kept on disk untouched. */
export interface LineProblem {
  readonly kind: LineProblemKind;
  readonly file: string;
  readonly line: number;
  /** 1-based column where reading failed (1 when unknown). */
  readonly column: number;
  readonly message: string;
}

export type SequenceMode = 'global' | 'aggregate';

export interface IndexedFile {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly compressed: boolean;
  readonly events: number;
  readonly lines: number;
  /** UTC day from the file name (`YYYY-MM-DD`), or null when the name has none. */
  readonly day: string | null;
}

/** Read-only view of a built index: what every consumer (CLI, server, rules) queries. */
export interface EventIndexView {
  readonly eventCount: number;
  /**
   * Changes whenever an ordinal may come to mean another event (files
   * rewritten or removed); appends keep it, so what a caller derived per
   * ordinal stays valid and only the new ordinals need adding.
   */
  readonly ordinalsVersion: number;
  readonly files: readonly IndexedFile[];
  readonly problems: readonly LineProblem[];
  readonly sequenceMode: SequenceMode;
  event(ordinal: number): IndexedEvent;
  /** Ordinals in sequence order (ties in store order). */
  ordinalsOfAggregate(aggregateId: string): readonly number[];
  ordinalsOfCorrelation(correlationId: string): readonly number[];
  ordinalsOfType(eventType: string): readonly number[];
  ordinalsOfSource(source: string): readonly number[];
  /** Ordinals whose `causation_id` is the given event id (the effects of that event). */
  ordinalsCausedBy(eventId: string): readonly number[];
  /** Ordinals with timestamps in [since, until], in time order. */
  ordinalsInTimeRange(since: number, until: number): readonly number[];
  /** Every ordinal holding that event id (more than one means a duplicate). */
  ordinalsOfEventId(eventId: string): readonly number[];
  aggregateIds(): readonly string[];
  /** How many aggregates / correlations there are, without listing them. */
  aggregateCount(): number;
  correlationCount(): number;
  /** Events of the aggregate / correlation, without listing them. */
  aggregateSize(aggregateId: string): number;
  correlationSize(correlationId: string): number;
  correlationIds(): readonly string[];
  /** Event type → number of events. */
  eventTypeCounts(): ReadonlyMap<string, number>;
  sources(): readonly string[];
  /** Ordinals with a parseable timestamp, in time order (ties in store order); kept until the index changes. */
  timeOrdered(): Int32Array;
  /** Every event's timestamp and sequence number as flat arrays by ordinal (NaN where missing): for store-wide rules. */
  numericColumns(): { readonly timestamps: Float64Array; readonly sequences: Float64Array };
  /** `[ordinal, firstOrdinal]` for every event whose event_id an earlier event (in store order) already has. */
  duplicateEventIds(): ReadonlyArray<readonly [number, number]>;
  /** Ordinals whose causation_id is set but names no event in the store. */
  unknownCauses(): readonly number[];
  firstTimestamp(): number;
  lastTimestamp(): number;
}

/** Where an event's line is. */
export interface EventLocation {
  readonly file: string;
  readonly line: number;
  readonly offset: number;
  readonly length: number;
}

/** What events can be grouped by. */
export type GroupKind = 'aggregate' | 'correlation' | 'type' | 'source';

/** The index an opened store holds: the view plus the column reads of hot loops. */
export interface StoreIndex extends EventIndexView {
  /**
   * Keys of a grouping that start with `prefix` (all when empty), sorted,
   * from position `offset`, at most `limit`, with how many there are: a
   * view's page without listing every key.
   */
  keyPage(kind: 'aggregate' | 'correlation', prefix: string, offset: number, limit: number): { keys: string[]; total: number };
  /** First and last timestamp among a group's events (NaN when none has one): what a view's row shows, without listing the group. */
  timeSpanOf(kind: GroupKind, key: string): { first: number; last: number };
  locationOf(ordinal: number): EventLocation;
  timestampOf(ordinal: number): number;
  sequenceOf(ordinal: number): number;
  /** The highest sequence number in the store (-1 when none). */
  highestSequence(): number;
}

/** What changed in the index after `refresh()` (or a watched change). */
export interface IndexDelta {
  readonly appendedEvents: number;
  readonly rebuiltFiles: readonly string[];
  readonly removedFiles: readonly string[];
  readonly newProblems: readonly LineProblem[];
}
