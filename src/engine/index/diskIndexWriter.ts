import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasRoomFor } from '../store/tempFiles';
import { replaceFileSync } from '../store/atomicWrite';
import * as zlib from 'node:zlib';
import type { ByteInterner } from './byteInterner';
import {
  BLOCK_EVENTS, CRC_CHUNK_PAGES, DISK_INDEX_MAGIC, DISK_INDEX_VERSION, GROUPINGS, PAGE_BYTES, PREFIX_BYTES, RecordFlag,
  STRING_TABLES, StringTableMode, TIME_CHECKPOINT_EVERY, bucketBitsFor, bucketOf, fingerprintOf, scaledExactly, timestampScaleFor,
  type DiskIndexHeader, type GroupingName, type HashTableRef, type SectionRef, type StringTableName,
} from './diskIndexFormat';
import type { EventIndex } from './eventIndex';
import { stringHash } from './idTable';
import type { SequenceMode } from '../model/indexTypes';
import { IdKind, type SegmentColumns } from './segment';
import { uuidBytesFromString, uuidHash } from './uuidBytes';
import { ByteWriter, widthFor } from './varintBytes';

/** A string column's present values, sorted, and each interned id's place among them. */
interface SortedTable {
  readonly strings: string[];
  /** Interned id → sorted position (-1: no event has it). */
  readonly newId: Int32Array;
}

/**
 * Writes the index of `index` to `target` in the on-disk format (temp file
 * + rename: a reader never sees half a file). Everything a query needs is
 * written in the form it is read: sorted string tables, postings as
 * zigzag-delta varints, the time order with checkpoints, id hash buckets.
 */
export function writeDiskIndex(index: EventIndex, storeRoot: string, target: string, sequenceModeOverride?: SequenceMode): DiskIndexHeader {
  const derived = index.exportDerived();
  if (derived.pendingAppends > 0) index.rebuildDerived();
  const fresh = index.exportDerived();
  const segments = index.segments;
  const columns = segments.map((s) => s.columns);
  const tables = {} as Record<StringTableName, SortedTable>;
  for (const name of STRING_TABLES) tables[name] = sortedTable(index.interners[name], columns, name);

  const body = new ByteWriter(1 << 20);
  const trace = process.env.EVENTBUS_TRACE_INDEX ? (what: string, since: number) => process.stderr.write(`index write: ${what} ${(performance.now() - since).toFixed(0)} ms\n`) : null;
  let started = performance.now();
  const section = (write: (w: ByteWriter) => void): SectionRef => {
    const offset = body.length;
    const w = new ByteWriter();
    write(w);
    body.raw(w.view());
    trace?.(`section of ${body.length - offset} bytes`, started);
    started = performance.now();
    return { offset, length: body.length - offset };
  };
  started = performance.now();

  const tableRefs = {} as Record<StringTableName, SectionRef & { count: number }>;
  for (const name of STRING_TABLES) tableRefs[name] = { ...section((w) => writeStringTable(w, tables[name].strings)), count: tables[name].strings.length };

  const timestampScale = timestampScaleFor((scale) => everyTimestamp(columns, (ts) => scaledExactly(ts, scale)));
  const order = index.timeOrdered();
  // One flat copy of the timestamps: the spans and the time order read them millions of times.
  const { timestamps } = index.numericColumns();
  const timestampOf = (o: number): number => timestamps[o];
  const spans: SpanCoding = { scale: timestampScale, base: order.length > 0 ? timestamps[order[0]] : 0, timestampOf };
  const groupingRefs = {} as Record<GroupingName, SectionRef & { groups: number }>;
  const groupArrays = { aggregate: fresh.aggregate, correlation: fresh.correlation, type: fresh.type, source: fresh.source };
  for (const name of GROUPINGS) {
    const table = tables[name];
    groupingRefs[name] = { ...section((w) => writeGrouping(w, groupArrays[name], table, spans)), groups: table.strings.length };
  }

  const shapes = new ShapeTable(tables);
  const blocks: number[] = [];
  const recordData = new ByteWriter(1 << 20);
  encodeRecords(columns, tables, shapes, timestampScale, recordData, blocks);
  const records = section((w) => {
    for (const start of blocks) w.u32(start);
    w.u32(recordData.length);
    w.raw(recordData.view());
  });
  const shapeRef = section((w) => shapes.write(w));

  const timeOrder = section((w) => writeTimeOrder(w, order, timestampOf, timestampScale));
  const eventIds = hashTable(section, columns, 'eventId');
  const causes = hashTable(section, columns, 'cause');
  const duplicatePairs = [...fresh.duplicateIds].sort((a, b) => a[0] - b[0]);
  const duplicates = section((w) => {
    let previous = 0;
    for (const [ordinal, first] of duplicatePairs) {
      w.varint(ordinal - previous);
      w.varint(first);
      previous = ordinal;
    }
  });
  const unknown = index.unknownCauses();
  const unknownCauses = section((w) => writeSortedOrdinals(w, unknown));
  const problems = { listing: index.listingProblems, files: segments.flatMap((s) => s.problems) };
  const problemRef = section((w) => w.raw(Buffer.from(JSON.stringify(problems), 'utf8')));

  // The body is padded to whole pages so that every page has a CRC of the same size.
  const bodyLength = Math.ceil(body.length / PAGE_BYTES) * PAGE_BYTES;
  while (body.length < bodyLength) body.u8(0);
  const bodyBytes = body.view();
  const pages = bodyLength / PAGE_BYTES;
  const crcTable = Buffer.alloc(pages * 4);
  for (let p = 0; p < pages; p++) crcTable.writeUInt32LE(zlib.crc32(bodyBytes.subarray(p * PAGE_BYTES, (p + 1) * PAGE_BYTES)), p * 4);
  const crcChunks: number[] = [];
  for (let p = 0; p < pages; p += CRC_CHUNK_PAGES) crcChunks.push(zlib.crc32(crcTable.subarray(p * 4, Math.min(pages, p + CRC_CHUNK_PAGES) * 4)));

  const typeCounts: Record<string, number> = {};
  const typeTable = tables.type;
  for (let old = 0; old < typeTable.newId.length; old++) {
    const id = typeTable.newId[old];
    if (id < 0) continue;
    typeCounts[typeTable.strings[id]] = fresh.type.starts[old + 1] - fresh.type.starts[old];
  }
  const timed = order.length;
  const headerWithout = (bodyStart: number): DiskIndexHeader => ({
    format: DISK_INDEX_VERSION,
    storeRoot: path.resolve(storeRoot),
    sequenceModeOverride: sequenceModeOverride ?? null,
    generation: randomBytes(8).toString('hex'),
    eventCount: index.eventCount,
    files: segments.map((s) => ({
      file: s.file, size: s.size, mtimeMs: s.mtimeMs, compressed: s.compressed, day: s.day, lines: s.lines,
      consumed: s.consumed, tailHash: s.tailHash, events: s.columns.count,
    })),
    detectedMode: fresh.detectedMode,
    firstTimestamp: timed > 0 ? timestamps[order[0]] : null,
    lastTimestamp: timed > 0 ? timestamps[order[timed - 1]] : null,
    maxSequence: maxSequence(columns),
    typeCounts,
    problemCount: problems.listing.length + problems.files.length,
    timestampScale,
    timedEvents: timed,
    tables: tableRefs,
    groupings: groupingRefs,
    shapes: { ...shapeRef, count: shapes.count },
    records: { ...records, blocks: blocks.length },
    timeOrder: { ...timeOrder, checkpoints: Math.ceil(timed / TIME_CHECKPOINT_EVERY) },
    eventIds,
    causes,
    duplicates: { ...duplicates, count: duplicatePairs.length },
    unknownCauses: { ...unknownCauses, count: unknown.length },
    problems: problemRef,
    bodyLength,
    crcTableOffset: bodyStart + bodyLength,
    crcChunks,
    totalLength: bodyStart + bodyLength + crcTable.length,
  });
  // The header names where the body ends, which depends on the header's own length: settle it in two passes.
  let header = headerWithout(0);
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  for (let pass = 0; pass < 3; pass++) {
    const bodyStart = bodyStartFor(headerBytes.length);
    header = { ...headerWithout(bodyStart), generation: header.generation };
    const next = Buffer.from(JSON.stringify(header), 'utf8');
    if (next.length === headerBytes.length) {
      headerBytes = next;
      break;
    }
    headerBytes = next;
  }
  const bodyStart = bodyStartFor(headerBytes.length);
  if (header.crcTableOffset !== bodyStart + bodyLength) throw new Error('index header did not settle');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.writeUInt32LE(DISK_INDEX_MAGIC, 0);
  prefix.writeUInt32LE(DISK_INDEX_VERSION, 4);
  prefix.writeUInt32LE(headerBytes.length, 8);
  prefix.writeUInt32LE(zlib.crc32(headerBytes), 12);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The index is a cache: on a (nearly) full disk it is not written at all, so the space stays for events.
  if (!hasRoomFor(path.dirname(target), header.totalLength)) throw new Error(`not enough free space in ${path.dirname(target)} to save the index`);
  replaceFileSync(target, (fd) => {
    writeAll(fd, prefix, 0);
    writeAll(fd, headerBytes, PREFIX_BYTES);
    writeAll(fd, bodyBytes, bodyStart);
    writeAll(fd, crcTable, bodyStart + bodyLength);
    fs.ftruncateSync(fd, header.totalLength);
  });
  return header;
}

/** The body starts on an 8-byte boundary after the header. */
export function bodyStartFor(headerLength: number): number {
  return (PREFIX_BYTES + headerLength + 7) & ~7;
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, position + done);
}

const COLUMN_OF: Record<StringTableName, 'type' | 'source' | 'status' | 'schemaVersion' | 'aggregate' | 'correlation'> = {
  type: 'type', source: 'source', status: 'status', schemaVersion: 'schemaVersion', aggregate: 'aggregate', correlation: 'correlation',
};

function sortedTable(interner: ByteInterner, columns: readonly SegmentColumns[], name: StringTableName): SortedTable {
  const present = new Uint8Array(interner.size);
  for (const c of columns) {
    const column = c[COLUMN_OF[name]];
    for (let i = 0; i < c.count; i++) if (column[i] >= 0) present[column[i]] = 1;
  }
  const ids: number[] = [];
  for (let id = 0; id < present.length; id++) if (present[id]) ids.push(id);
  const text = ids.map((id) => interner.stringOf(id));
  // The engine's own sort (no comparator): ordered by UTF-16 code units, as `<` orders them, and many times faster on 270,000 ids.
  const strings = [...text].sort();
  const rank = new Map(strings.map((value, k) => [value, k]));
  const newId = new Int32Array(interner.size).fill(-1);
  ids.forEach((id, k) => (newId[id] = rank.get(text[k]) as number));
  return { strings, newId };
}

const scratchUuid = new Uint8Array(16);

function writeStringTable(w: ByteWriter, strings: readonly string[]): void {
  const allUuids = strings.length > 0 && strings.every((s) => uuidBytesFromString(s, scratchUuid, 0));
  w.u8(allUuids ? StringTableMode.Uuid : StringTableMode.Pool);
  if (allUuids) {
    const bytes = new Uint8Array(16);
    for (const s of strings) {
      uuidBytesFromString(s, bytes, 0);
      w.raw(bytes);
    }
    return;
  }
  const encoded = strings.map((s) => Buffer.from(s, 'utf8'));
  let end = 0;
  for (const bytes of encoded) {
    end += bytes.length;
    w.u32(end);
  }
  for (const bytes of encoded) w.raw(bytes);
}

/** How a group's time span is written: timestamps scaled (0: raw doubles), from the store's first. */
interface SpanCoding {
  readonly scale: number;
  readonly base: number;
  readonly timestampOf: (ordinal: number) => number;
}

/**
 * Directory of u32 offsets (one per group, plus the end), then per group:
 * count, time span (first and last timestamp: what a view's row shows without
 * reading the members) and zigzag deltas of ordinals.
 */
function writeGrouping(w: ByteWriter, group: { starts: Int32Array; members: Int32Array }, table: SortedTable, spans: SpanCoding): void {
  const lists = new ByteWriter(1 << 16);
  const offsets = new Array<number>(table.strings.length + 1);
  const oldOf = new Int32Array(table.strings.length);
  for (let old = 0; old < table.newId.length; old++) if (table.newId[old] >= 0) oldOf[table.newId[old]] = old;
  for (let id = 0; id < table.strings.length; id++) {
    offsets[id] = lists.length;
    const old = oldOf[id];
    const from = old + 1 < group.starts.length ? group.starts[old] : 0;
    const to = old + 1 < group.starts.length ? group.starts[old + 1] : 0;
    lists.varint(to - from);
    writeSpan(lists, group.members, from, to, spans);
    let previous = 0;
    for (let k = from; k < to; k++) {
      lists.zigzag(group.members[k] - previous);
      previous = group.members[k];
    }
  }
  offsets[table.strings.length] = lists.length;
  for (const offset of offsets) w.u32(offset);
  w.raw(lists.view());
}

/** 0 when no member has a timestamp; else 1 + first (from the base), then last - first; raw doubles when not scaled. */
function writeSpan(w: ByteWriter, members: Int32Array, from: number, to: number, spans: SpanCoding): void {
  let first = Number.NaN;
  let last = Number.NaN;
  for (let k = from; k < to; k++) {
    const t = spans.timestampOf(members[k]);
    if (Number.isNaN(t)) continue;
    if (!(t >= first)) first = t;
    if (!(t <= last)) last = t;
  }
  if (Number.isNaN(first)) {
    w.varint(0);
    return;
  }
  if (spans.scale === 0) {
    w.varint(1);
    w.f64(first);
    w.f64(last);
    return;
  }
  const scaledFirst = Math.round(first * spans.scale);
  w.varint(1 + scaledFirst - Math.round(spans.base * spans.scale));
  w.varint(Math.round(last * spans.scale) - scaledFirst);
}

/**
 * Distinct (type, source, status, schema version) combinations: a store has
 * few, so an event names its combination in one byte instead of four.
 */
class ShapeTable {
  private readonly ids = new Map<number, Map<number, number>>();
  private readonly list: number[] = [];

  constructor(private readonly tables: Record<StringTableName, SortedTable>) {}

  get count(): number {
    return this.list.length / 4;
  }

  idOf(type: number, source: number, status: number, schema: number): number {
    const t = this.tables;
    const k1 = (type + 1) * (t.source.strings.length + 1) + (source + 1);
    const k2 = (status + 1) * (t.schemaVersion.strings.length + 1) + (schema + 1);
    let inner = this.ids.get(k1);
    if (!inner) this.ids.set(k1, (inner = new Map()));
    let id = inner.get(k2);
    if (id === undefined) {
      id = this.list.length / 4;
      inner.set(k2, id);
      this.list.push(type + 1, source + 1, status + 1, schema + 1);
    }
    return id;
  }

  write(w: ByteWriter): void {
    for (const v of this.list) w.varint(v);
  }
}

function everyTimestamp(columns: readonly SegmentColumns[], ok: (ts: number) => boolean): boolean {
  for (const c of columns) {
    for (let i = 0; i < c.count; i++) {
      const ts = c.timestamp[i];
      if (!Number.isNaN(ts) && !ok(ts)) return false;
    }
  }
  return true;
}

function maxSequence(columns: readonly SegmentColumns[]): number | null {
  let highest = -Infinity;
  for (const c of columns) for (let i = 0; i < c.count; i++) if (c.sequence[i] > highest) highest = c.sequence[i];
  return highest === -Infinity ? null : highest;
}

/** Whether a sequence number can be stored as a zigzag delta. */
function isSmallInteger(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 50;
}

/**
 * Event records in blocks of BLOCK_EVENTS. A block starts from scratch (the
 * line and offset before its first event are written out), so one block is
 * decoded alone; within a block each field is a delta from the previous event.
 */
function encodeRecords(
  columns: readonly SegmentColumns[],
  tables: Record<StringTableName, SortedTable>,
  shapes: ShapeTable,
  scale: number,
  out: ByteWriter,
  blocks: number[],
): void {
  let ordinal = 0;
  let prevLine = 0;
  let prevEnd = 0;
  let prevTs = 0;
  let prevSeq = 0;
  const t = tables;
  for (const c of columns) {
    prevLine = 0;
    prevEnd = 0;
    for (let i = 0; i < c.count; i++, ordinal++) {
      if (ordinal % BLOCK_EVENTS === 0) {
        blocks.push(out.length);
        out.varint(prevLine);
        out.varint(prevEnd);
        prevTs = 0;
        prevSeq = 0;
      }
      const line = c.line[i];
      const offset = c.offset[i];
      const length = c.length[i];
      const ts = c.timestamp[i];
      const seq = c.sequence[i];
      const retry = c.retry[i];
      const aggregate = c.aggregate[i] >= 0 ? t.aggregate.newId[c.aggregate[i]] : -1;
      let flags = 0;
      if (Number.isNaN(ts)) flags |= RecordFlag.TimestampNaN;
      else if (scale === 0) flags |= RecordFlag.TimestampRaw;
      if (Number.isNaN(seq)) flags |= RecordFlag.SequenceNaN;
      else if (!isSmallInteger(seq)) flags |= RecordFlag.SequenceRaw;
      if (line === prevLine + 1 && offset === prevEnd) flags |= RecordFlag.Contiguous;
      if (retry === 0) flags |= RecordFlag.RetryZero;
      if (aggregate >= 0) flags |= RecordFlag.HasAggregate;
      out.u8(flags);
      if (!(flags & RecordFlag.Contiguous)) {
        out.varint(line - prevLine - 1);
        out.varint(offset - prevEnd);
      }
      out.varint(length);
      if (flags & RecordFlag.TimestampRaw) out.f64(ts);
      else if (!(flags & RecordFlag.TimestampNaN)) {
        const scaled = Math.round(ts * scale);
        out.zigzag(scaled - prevTs);
        prevTs = scaled;
      }
      if (flags & RecordFlag.SequenceRaw) out.f64(seq);
      else if (!(flags & RecordFlag.SequenceNaN)) {
        out.zigzag(seq - prevSeq);
        prevSeq = seq;
      }
      if (!(flags & RecordFlag.RetryZero)) out.zigzag(retry);
      out.varint(
        shapes.idOf(
          c.type[i] >= 0 ? t.type.newId[c.type[i]] : -1,
          c.source[i] >= 0 ? t.source.newId[c.source[i]] : -1,
          c.status[i] >= 0 ? t.status.newId[c.status[i]] : -1,
          c.schemaVersion[i] >= 0 ? t.schemaVersion.newId[c.schemaVersion[i]] : -1,
        ),
      );
      if (aggregate >= 0) out.varint(aggregate);
      prevLine = line;
      prevEnd = offset + length + 1;
    }
  }
}

/**
 * Ordinals with a timestamp, in time order: a checkpoint table (timestamp,
 * ordinal, byte offset) every TIME_CHECKPOINT_EVERY entries, then per entry
 * the zigzag ordinal delta and the (non-negative) timestamp delta.
 */
function writeTimeOrder(w: ByteWriter, order: Int32Array, timestampOf: (o: number) => number, scale: number): void {
  const data = new ByteWriter(1 << 16);
  const checkpoints = new ByteWriter();
  let prevOrdinal = 0;
  let prevTs = 0;
  for (let k = 0; k < order.length; k++) {
    const o = order[k];
    const ts = timestampOf(o);
    if (k % TIME_CHECKPOINT_EVERY === 0) {
      checkpoints.f64(ts);
      checkpoints.u32(o);
      checkpoints.u32(data.length);
      prevOrdinal = o;
      prevTs = scale === 0 ? 0 : Math.round(ts * scale);
      continue;
    }
    data.zigzag(o - prevOrdinal);
    prevOrdinal = o;
    if (scale === 0) data.f64(ts);
    else {
      const scaled = Math.round(ts * scale);
      data.varint(scaled - prevTs);
      prevTs = scaled;
    }
  }
  w.raw(checkpoints.view());
  w.raw(data.view());
}

function writeSortedOrdinals(w: ByteWriter, ordinals: readonly number[]): void {
  let previous = 0;
  for (const o of [...ordinals].sort((a, b) => a - b)) {
    w.varint(o - previous);
    previous = o;
  }
}

/**
 * Ids (event ids or causes) by hash: a directory of bucket starts (top bits
 * of the hash), then per entry a 16-bit fingerprint and the ordinal. A probe
 * reads one bucket; candidates are confirmed against the event's own line.
 */
function hashTable(section: (write: (w: ByteWriter) => void) => SectionRef, columns: readonly SegmentColumns[], which: 'eventId' | 'cause'): HashTableRef {
  let total = 0;
  for (const c of columns) total += c.count;
  const hashes = new Int32Array(total).fill(-1);
  let entries = 0;
  let ordinal = 0;
  for (const c of columns) {
    const kinds = which === 'eventId' ? c.eventIdKind : c.causeKind;
    const bytes = which === 'eventId' ? c.eventId : c.cause;
    const odd = which === 'eventId' ? c.oddEventIds : c.oddCauses;
    for (let i = 0; i < c.count; i++, ordinal++) {
      const kind = kinds[i];
      if (kind === IdKind.Absent) continue;
      hashes[ordinal] = kind === IdKind.Uuid ? uuidHash(bytes, i * 16) : stringHash(odd.get(i) ?? '');
      entries++;
    }
  }
  const bits = bucketBitsFor(entries);
  const buckets = 2 ** bits;
  const starts = new Uint32Array(buckets + 1);
  for (let o = 0; o < total; o++) if (hashes[o] >= 0) starts[bucketOf(hashes[o], bits) + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, buckets);
  const placed = new Int32Array(entries);
  for (let o = 0; o < total; o++) if (hashes[o] >= 0) placed[fill[bucketOf(hashes[o], bits)]++] = o;
  const ordinalWidth = widthFor(Math.max(total, 1));
  const ref = section((w) => {
    for (const start of starts) w.u32(start);
    for (const o of placed) {
      w.fixed(fingerprintOf(hashes[o]), 2);
      w.fixed(o, ordinalWidth);
    }
  });
  return { ...ref, bits, entries, ordinalWidth };
}
