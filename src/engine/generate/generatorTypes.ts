import type { SnapshotRef } from '../model/snapshotTypes';

export type GeneratedSequenceMode = 'global' | 'aggregate';

export interface GenerateOptions {
  /** Well-formed events to write (injected fault lines come on top; see GenerateSummary). */
  readonly events: number;
  /** The store root to create (`<outDir>/events`, `snapshots`, `schemas`). */
  readonly outDir: string;
  /** Same seed + options = byte-identical files. Text seeds are hashed. Default 1. */
  readonly seed?: number | string;
  /** Consecutive UTC days to spread events over; default max(1, min(30, ceil(events / 20000))). */
  readonly days?: number;
  /** First day, `YYYY-MM-DD` (default 2024-01-15, the guide's example day). */
  readonly startDay?: string;
  /** Inject a handful of faults of every kind (see GeneratedFaultKind). */
  readonly withErrors?: boolean;
  /** Write as Python's `json.dumps` does: `", "`/`": "` spacing, `\u` escapes, naive microsecond timestamps. */
  readonly pythonStyle?: boolean;
  /** `global` (default): one bus-wide counter; `aggregate`: a counter per aggregate. */
  readonly sequenceMode?: GeneratedSequenceMode;
  /** Replace the generated parts (events/, snapshots/, schemas/, .eventbus/) of an existing store. */
  readonly force?: boolean;
}

export type GeneratedFaultKind =
  | 'schema-missing-field'
  | 'schema-bad-enum'
  | 'schema-wrong-type'
  | 'unknown-schema-version'
  | 'duplicate-event-id'
  | 'bad-timestamp'
  | 'unknown-causation'
  | 'invalid-json'
  | 'nan-value'
  | 'torn-last-line'
  | 'snapshot-drift';

/** Faults that are events (readable, but wrong); the others are lines no reader can take as an event. */
export const EVENT_FAULT_KINDS: readonly GeneratedFaultKind[] = [
  'schema-missing-field',
  'schema-bad-enum',
  'schema-wrong-type',
  'unknown-schema-version',
  'duplicate-event-id',
  'bad-timestamp',
  'unknown-causation',
];
export const LINE_FAULT_KINDS: readonly GeneratedFaultKind[] = ['invalid-json', 'nan-value', 'torn-last-line'];

export interface GeneratedFault {
  readonly kind: GeneratedFaultKind;
  /** Store-relative file (`events/events_2024-01-20.jsonl` or `snapshots/...`). */
  readonly file: string;
  /** 1-based line; 0 for a snapshot file. */
  readonly line: number;
  /** Event id on that line, when it has one. */
  readonly eventId?: string;
  readonly detail: string;
}

/**
 * What was written, counted the way `eventbus stats` counts a store, so a
 * test can compare the two exactly.
 */
export interface GenerateSummary {
  readonly outDir: string;
  readonly seed: number;
  /** Well-formed events (including the event faults). */
  readonly events: number;
  /** Lines that are not events: invalid JSON, NaN, the torn last line. */
  readonly invalidLines: number;
  readonly lines: number;
  readonly bytes: number;
  /** Store-relative event files in day order. */
  readonly files: readonly string[];
  readonly days: number;
  /** Distinct aggregate ids among the events. */
  readonly aggregates: number;
  /** Distinct correlation ids among the events. */
  readonly correlations: number;
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly sequenceMode: GeneratedSequenceMode;
  /** ISO 8601 UTC with `Z` (microseconds kept when written), of the first / last readable timestamp. */
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly snapshots: readonly SnapshotRef[];
  readonly schemaFiles: readonly string[];
  readonly faults: readonly GeneratedFault[];
}
