import type { ByteInterner } from './byteInterner';
import { newInterners, scanFileInto, type Interners } from './fileScanner';
import { columnArrays, emptyColumns, trimColumns, type FileSegment, INTERNED_COLUMNS, type InternedColumn } from './segment';
import type { ReadLimits } from '../store/lineReader';

/** One event file as listed from disk. */
export interface PlannedFile {
  readonly absPath: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly compressed: boolean;
  readonly day: string | null;
}

export interface ScanRequest {
  readonly files: readonly PlannedFile[];
  readonly limits: ReadLimits;
}

export interface ScanResult {
  readonly segments: FileSegment[];
  /**
   * The string tables the segments' interned ids point into, as UTF-8 bytes
   * and offsets (transferred, not cloned: no string is built twice).
   */
  readonly tables: Record<InternedColumn, StringTableBytes>;
}

export function newSegment(planned: PlannedFile): FileSegment {
  return {
    file: planned.file,
    size: planned.size,
    mtimeMs: planned.mtimeMs,
    compressed: planned.compressed,
    day: planned.day,
    lines: 0,
    consumed: 0,
    tailHash: 0,
    problems: [],
    columns: emptyColumns(Math.max(16, Math.min(1 << 16, Math.ceil(planned.size / 1000)))),
  };
}

/** Scans whole files into fresh segments, interning into `interners`. */
export function scanFiles(files: readonly PlannedFile[], interners: Interners, limits: ReadLimits, onFileDone?: (bytes: number) => void): FileSegment[] {
  return files.map((planned) => {
    const segment = scanOneFile(planned, interners, limits);
    onFileDone?.(planned.size);
    return segment;
  });
}

/** One whole file into a fresh segment; an unreadable file becomes a problem, never an exception. */
export function scanOneFile(planned: PlannedFile, interners: Interners, limits: ReadLimits): FileSegment {
  const segment = newSegment(planned);
  try {
    scanFileInto(planned.absPath, segment, interners, limits);
  } catch (error) {
    segment.problems.push({ kind: 'unreadable', file: planned.file, line: 1, column: 1, message: `cannot read: ${(error as Error).message}` });
  }
  trimColumns(segment.columns);
  return segment;
}

export function scanPlannedFiles(request: ScanRequest, onFileDone?: (bytes: number) => void): ScanResult {
  const interners = newInterners();
  const segments = scanFiles(request.files, interners, request.limits, onFileDone);
  const tables = Object.fromEntries(INTERNED_COLUMNS.map((name) => [name, tableBytes(interners[name])])) as Record<InternedColumn, StringTableBytes>;
  return { segments, tables };
}

/** An interner's strings as bytes: id k is `pool[starts[k], ends[k])`. */
export interface StringTableBytes {
  readonly pool: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

function tableBytes(interner: ByteInterner): StringTableBytes {
  const state = interner.exportState();
  return { pool: state.pool.slice(), starts: state.starts.slice(), ends: state.ends.slice() };
}

export function resultTransferList(result: ScanResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const segment of result.segments) for (const array of columnArrays(segment.columns)) buffers.add(array.buffer as ArrayBuffer);
  for (const table of Object.values(result.tables)) for (const array of [table.pool, table.starts, table.ends]) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

export type IdMaps = Record<InternedColumn, Int32Array>;

/** How a worker's interned ids map to the store's interners. */
export function idMapsFor(tables: Record<InternedColumn, StringTableBytes>, interners: Interners): IdMaps {
  const maps = {} as IdMaps;
  for (const name of INTERNED_COLUMNS) {
    const { pool, starts, ends } = tables[name];
    const map = new Int32Array(starts.length);
    for (let id = 0; id < starts.length; id++) map[id] = interners[name].internBytes(pool, starts[id], ends[id]);
    maps[name] = map;
  }
  return maps;
}

/** Rewrites a segment's interned ids from a worker's tables to the store's. */
export function remapSegment(segment: FileSegment, maps: IdMaps): void {
  for (const name of INTERNED_COLUMNS) {
    const map = maps[name];
    const column = segment.columns[name];
    for (let i = 0; i < segment.columns.count; i++) {
      const id = column[i];
      if (id >= 0) column[i] = map[id];
    }
  }
}
