import * as fs from 'node:fs';
import * as path from 'node:path';
import { ByteInterner, type InternerState } from './byteInterner';
import { EventIndex, type DerivedState } from './eventIndex';
import type { Interners } from './fileScanner';
import type { LineProblem, SequenceMode } from '../model/indexTypes';
import { INTERNED_COLUMNS, type FileSegment, type SegmentColumns } from './segment';
import { hasRoomFor } from '../store/tempFiles';
import { replaceFileSync } from '../store/atomicWrite';

/**
 * An in-memory index saved whole: a JSON header and the typed arrays as raw
 * bytes, read back whole. The store's index proper is the on-disk format
 * (`diskIndexWriter.ts`), read in place; this one keeps the small tail of
 * events appended since that was written. It is a cache: anything odd about
 * it means "rebuild".
 */
const MAGIC = 0x58494245; // "EBIX"
const FORMAT_VERSION = 6;
export const INDEX_FILE_NAME = 'index.bin';

type ArrayKind = 'u8' | 'i32' | 'u32' | 'f64';
type AnyArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

interface ArrayEntry {
  kind: ArrayKind;
  offset: number;
  length: number;
}

interface SegmentHeader {
  file: string;
  size: number;
  mtimeMs: number;
  compressed: boolean;
  day: string | null;
  lines: number;
  consumed: number;
  tailHash: number;
  problems: LineProblem[];
  count: number;
  oddEventIds: [number, string][];
  oddCauses: [number, string][];
  columns: Record<ColumnName, number>;
}

type ColumnName = Exclude<keyof SegmentColumns, 'count' | 'oddEventIds' | 'oddCauses'>;
const COLUMN_NAMES: readonly ColumnName[] = [
  'line', 'offset', 'length', 'timestamp', 'sequence', 'retry', 'type', 'aggregate', 'correlation', 'source', 'status',
  'schemaVersion', 'eventId', 'eventIdKind', 'cause', 'causeKind',
];

interface Header {
  format: number;
  storeRoot: string;
  sequenceMode: SequenceMode | null;
  listingProblems: LineProblem[];
  segments: SegmentHeader[];
  interners: Record<string, { count: number; slots: number; hashes: number; pool: number; starts: number; ends: number }>;
  derived: {
    groups: Record<'aggregate' | 'correlation' | 'type' | 'source', { starts: number; members: number }>;
    idSlots: number;
    idHashes: number;
    idCount: number;
    duplicateIds: Array<[number, number]>;
    detectedMode: SequenceMode;
  };
  arrays: ArrayEntry[];
}

export function indexFilePath(cacheDir: string, fileName = INDEX_FILE_NAME): string {
  return path.join(cacheDir, fileName);
}

/** Writes the index next to the store (temp file + rename: a reader never sees half a cache). */
export function saveIndex(index: EventIndex, storeRoot: string, cacheDir: string, sequenceMode?: SequenceMode, fileName = INDEX_FILE_NAME): void {
  const derived = index.exportDerived();
  if (derived.pendingAppends > 0) index.rebuildDerived();
  const fresh = index.exportDerived();
  const arrays: AnyArray[] = [];
  const entries: ArrayEntry[] = [];
  let offset = 0;
  const add = (array: AnyArray): number => {
    entries.push({ kind: kindOf(array), offset, length: array.length });
    arrays.push(array);
    offset += align8(array.byteLength);
    return entries.length - 1;
  };
  const segments: SegmentHeader[] = index.segments.map((s) => {
    const c = s.columns;
    const columns = {} as Record<ColumnName, number>;
    for (const name of COLUMN_NAMES) {
      const width = name === 'eventId' || name === 'cause' ? 16 : 1;
      columns[name] = add((c[name] as AnyArray).subarray(0, c.count * width));
    }
    return {
      file: s.file, size: s.size, mtimeMs: s.mtimeMs, compressed: s.compressed, day: s.day, lines: s.lines,
      consumed: s.consumed, tailHash: s.tailHash, problems: s.problems, count: c.count,
      oddEventIds: [...c.oddEventIds], oddCauses: [...c.oddCauses], columns,
    };
  });
  const interners: Header['interners'] = {};
  for (const name of INTERNED_COLUMNS) {
    const state = index.interners[name].exportState();
    interners[name] = {
      count: state.count,
      slots: add(state.slots),
      hashes: add(state.hashes),
      pool: add(state.pool),
      starts: add(state.starts),
      ends: add(state.ends),
    };
  }
  const group = (g: { starts: Int32Array; members: Int32Array }) => ({ starts: add(g.starts), members: add(g.members) });
  const header: Header = {
    format: FORMAT_VERSION,
    storeRoot: path.resolve(storeRoot),
    sequenceMode: sequenceMode ?? null,
    listingProblems: index.listingProblems,
    segments,
    interners,
    derived: {
      groups: { aggregate: group(fresh.aggregate), correlation: group(fresh.correlation), type: group(fresh.type), source: group(fresh.source) },
      idSlots: add(fresh.idSlots),
      idHashes: add(fresh.idHashes),
      idCount: fresh.idCount,
      duplicateIds: fresh.duplicateIds,
      detectedMode: fresh.detectedMode,
    },
    arrays: entries,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(FORMAT_VERSION, 4);
  prefix.writeUInt32LE(headerBytes.length, 8);
  const bodyStart = align8(12 + headerBytes.length);
  fs.mkdirSync(cacheDir, { recursive: true });
  // The index is a cache: on a (nearly) full disk it is not written at all, so the space stays for events.
  if (!hasRoomFor(cacheDir, bodyStart + offset)) throw new Error(`not enough free space in ${cacheDir} to save the index`);
  const target = indexFilePath(cacheDir, fileName);
  replaceFileSync(target, (fd) => {
    fs.writeSync(fd, prefix, 0, 12, 0);
    fs.writeSync(fd, headerBytes, 0, headerBytes.length, 12);
    arrays.forEach((array, k) => {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      if (bytes.length > 0) fs.writeSync(fd, bytes, 0, bytes.length, bodyStart + entries[k].offset);
    });
    fs.ftruncateSync(fd, bodyStart + offset);
  });
}

/** The saved index, or null when there is none or it does not fit this store and version. */
export function loadIndex(storeRoot: string, cacheDir: string, sequenceMode?: SequenceMode, fileName = INDEX_FILE_NAME): EventIndex | null {
  // One read straight into an ArrayBuffer: the typed arrays are views on it,
  // so reopening costs a single copy from the page cache and no second one.
  let whole: ArrayBuffer;
  try {
    whole = readWhole(indexFilePath(cacheDir, fileName));
  } catch {
    return null;
  }
  try {
    const bytes = Buffer.from(whole);
    if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT_VERSION) return null;
    const headerLength = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
    if (header.storeRoot !== path.resolve(storeRoot) || (header.sequenceMode ?? undefined) !== sequenceMode) return null;
    const bodyStart = align8(12 + headerLength);
    const bodyLength = whole.byteLength - bodyStart;
    const view = (k: number): AnyArray => {
      const e = header.arrays[k];
      if (e.offset + e.length * widthOf(e.kind) > bodyLength) throw new Error('index cache truncated');
      return makeView(whole, bodyStart + e.offset, e);
    };
    const segments: FileSegment[] = header.segments.map((h) => {
      const columns = { count: h.count, oddEventIds: new Map(h.oddEventIds), oddCauses: new Map(h.oddCauses) } as SegmentColumns;
      for (const name of COLUMN_NAMES) (columns as unknown as Record<string, AnyArray>)[name] = view(h.columns[name]);
      return {
        file: h.file, size: h.size, mtimeMs: h.mtimeMs, compressed: h.compressed, day: h.day, lines: h.lines,
        consumed: h.consumed, tailHash: h.tailHash, problems: h.problems, columns,
      };
    });
    const interners = {} as Interners;
    for (const name of INTERNED_COLUMNS) {
      const h = header.interners[name];
      const state: InternerState = {
        count: h.count,
        slots: view(h.slots) as Int32Array,
        hashes: view(h.hashes) as Int32Array,
        pool: view(h.pool) as Uint8Array,
        starts: view(h.starts) as Int32Array,
        ends: view(h.ends) as Int32Array,
      };
      interners[name] = ByteInterner.fromState(state);
    }
    const g = header.derived.groups;
    const group = (x: { starts: number; members: number }) => ({ starts: view(x.starts) as Int32Array, members: view(x.members) as Int32Array });
    const derived: DerivedState = {
      aggregate: group(g.aggregate),
      correlation: group(g.correlation),
      type: group(g.type),
      source: group(g.source),
      idSlots: view(header.derived.idSlots) as Int32Array,
      idHashes: view(header.derived.idHashes) as Int32Array,
      idCount: header.derived.idCount,
      duplicateIds: header.derived.duplicateIds,
      detectedMode: header.derived.detectedMode,
      pendingAppends: 0,
    };
    const index = new EventIndex(segments, interners, sequenceMode, derived);
    index.listingProblems = header.listingProblems;
    return index;
  } catch {
    return null;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function kindOf(array: AnyArray): ArrayKind {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  return 'u8';
}

function widthOf(kind: ArrayKind): number {
  return kind === 'f64' ? 8 : kind === 'u8' ? 1 : 4;
}

function makeView(body: ArrayBuffer, at: number, e: ArrayEntry): AnyArray {
  switch (e.kind) {
    case 'f64':
      return new Float64Array(body, at, e.length);
    case 'i32':
      return new Int32Array(body, at, e.length);
    case 'u32':
      return new Uint32Array(body, at, e.length);
    default:
      return new Uint8Array(body, at, e.length);
  }
}

function readWhole(file: string): ArrayBuffer {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const whole = new ArrayBuffer(size);
    const target = new Uint8Array(whole);
    let done = 0;
    while (done < size) {
      const read = fs.readSync(fd, target, done, size - done, done);
      if (read <= 0) throw new Error('index cache shorter than its size');
      done += read;
    }
    return whole;
  } finally {
    fs.closeSync(fd);
  }
}
