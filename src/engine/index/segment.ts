import type { LineProblem } from './indexTypes';

/** The string-valued index columns, each interned to small integers. */
export const INTERNED_COLUMNS = ['type', 'aggregate', 'correlation', 'source', 'status', 'schemaVersion'] as const;
export type InternedColumn = (typeof INTERNED_COLUMNS)[number];

export const enum IdKind {
  Uuid = 0,
  /** An id that is not a lower-case UUID, kept as a string. */
  Odd = 1,
  Absent = 2,
}

/** Column arrays for the events of one file, in line order. */
export interface SegmentColumns {
  count: number;
  line: Uint32Array;
  offset: Float64Array;
  length: Uint32Array;
  timestamp: Float64Array;
  sequence: Float64Array;
  retry: Int32Array;
  type: Int32Array;
  aggregate: Int32Array;
  correlation: Int32Array;
  source: Int32Array;
  status: Int32Array;
  schemaVersion: Int32Array;
  eventId: Uint8Array;
  eventIdKind: Uint8Array;
  cause: Uint8Array;
  causeKind: Uint8Array;
  /** Local event index → id, for ids that are not lower-case UUIDs. */
  oddEventIds: Map<number, string>;
  oddCauses: Map<number, string>;
}

/** Everything the index knows of one event file. */
export interface FileSegment {
  /** Store-relative path. */
  file: string;
  size: number;
  mtimeMs: number;
  compressed: boolean;
  day: string | null;
  /** Complete lines read (a torn last line is not counted until it is complete). */
  lines: number;
  /** Bytes (of the decompressed content) covered by complete lines; appends are read from here. */
  consumed: number;
  /** Hash of the bytes just before `consumed`: tells an append from a rewrite. */
  tailHash: number;
  problems: LineProblem[];
  columns: SegmentColumns;
}

export function emptyColumns(capacity = 1024): SegmentColumns {
  return {
    count: 0,
    line: new Uint32Array(capacity),
    offset: new Float64Array(capacity),
    length: new Uint32Array(capacity),
    timestamp: new Float64Array(capacity),
    sequence: new Float64Array(capacity),
    retry: new Int32Array(capacity),
    type: new Int32Array(capacity),
    aggregate: new Int32Array(capacity),
    correlation: new Int32Array(capacity),
    source: new Int32Array(capacity),
    status: new Int32Array(capacity),
    schemaVersion: new Int32Array(capacity),
    eventId: new Uint8Array(capacity * 16),
    eventIdKind: new Uint8Array(capacity),
    cause: new Uint8Array(capacity * 16),
    causeKind: new Uint8Array(capacity),
    oddEventIds: new Map(),
    oddCauses: new Map(),
  };
}

type TypedArray = Uint32Array | Float64Array | Int32Array | Uint8Array;

function resized<T extends TypedArray>(array: T, length: number): T {
  const Ctor = array.constructor as new (n: number) => T;
  const next = new Ctor(length);
  next.set(array.subarray(0, Math.min(array.length, length)) as never);
  return next;
}

/** Makes room for at least `needed` events. */
export function ensureCapacity(c: SegmentColumns, needed: number): void {
  if (needed <= c.line.length) return;
  const capacity = Math.max(needed, Math.ceil(c.line.length * 1.5), 1024);
  resizeColumns(c, capacity);
}

/** Trims the arrays to `count` when more than a tenth would be slack (a copy of every column costs more than a little slack). */
export function trimColumns(c: SegmentColumns): void {
  if (c.line.length - c.count > c.count / 10 + 16) resizeColumns(c, c.count);
}

function resizeColumns(c: SegmentColumns, capacity: number): void {
  c.line = resized(c.line, capacity);
  c.offset = resized(c.offset, capacity);
  c.length = resized(c.length, capacity);
  c.timestamp = resized(c.timestamp, capacity);
  c.sequence = resized(c.sequence, capacity);
  c.retry = resized(c.retry, capacity);
  c.type = resized(c.type, capacity);
  c.aggregate = resized(c.aggregate, capacity);
  c.correlation = resized(c.correlation, capacity);
  c.source = resized(c.source, capacity);
  c.status = resized(c.status, capacity);
  c.schemaVersion = resized(c.schemaVersion, capacity);
  c.eventId = resized(c.eventId, capacity * 16);
  c.eventIdKind = resized(c.eventIdKind, capacity);
  c.cause = resized(c.cause, capacity * 16);
  c.causeKind = resized(c.causeKind, capacity);
}

/** Every typed array of the columns (for transfer lists and persistence). */
export function columnArrays(c: SegmentColumns): TypedArray[] {
  return [
    c.line,
    c.offset,
    c.length,
    c.timestamp,
    c.sequence,
    c.retry,
    c.type,
    c.aggregate,
    c.correlation,
    c.source,
    c.status,
    c.schemaVersion,
    c.eventId,
    c.eventIdKind,
    c.cause,
    c.causeKind,
  ];
}
