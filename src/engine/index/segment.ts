import type { LineProblem } from '../model/indexTypes';

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
    line: shared(Uint32Array, capacity),
    offset: shared(Float64Array, capacity),
    length: shared(Uint32Array, capacity),
    timestamp: shared(Float64Array, capacity),
    sequence: shared(Float64Array, capacity),
    retry: shared(Int32Array, capacity),
    type: shared(Int32Array, capacity),
    aggregate: shared(Int32Array, capacity),
    correlation: shared(Int32Array, capacity),
    source: shared(Int32Array, capacity),
    status: shared(Int32Array, capacity),
    schemaVersion: shared(Int32Array, capacity),
    eventId: shared(Uint8Array, capacity * 16),
    eventIdKind: shared(Uint8Array, capacity),
    cause: shared(Uint8Array, capacity * 16),
    causeKind: shared(Uint8Array, capacity),
    oddEventIds: new Map(),
    oddCauses: new Map(),
  };
}

type TypedArray = Uint32Array | Float64Array | Int32Array | Uint8Array;
type TypedArrayClass<T extends TypedArray> = { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/**
 * Columns live in shared memory: a cold build passes them between threads
 * by reference, neither copied nor transferred. (Transferring detaches the
 * sender's buffer, and once any buffer of a thread was detached V8 checks
 * every typed-array access of that thread for it: its scanning slows by a
 * sixth.)
 */
function shared<T extends TypedArray>(Ctor: TypedArrayClass<T>, length: number): T {
  return new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
}

function resized<T extends TypedArray>(array: T, length: number): T {
  const next = shared(array.constructor as TypedArrayClass<T>, length);
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
