import * as path from 'node:path';
import { EventBodyReader } from '../store/eventBodyReader';
import {
  BLOCK_EVENTS, DISK_INDEX_FILE_NAME, RecordFlag, StringTableMode, TIME_CHECKPOINT_BYTES, bucketOf, fingerprintOf,
  type DiskIndexHeader, type GroupingName, type HashTableRef, type StringTableName,
} from './diskIndexFormat';
import { EnvelopeScanner, Field, ScannedEnvelope } from './envelopeScanner';
import { stringHash } from './idTable';
import type { IndexedEvent, IndexedFile, LineProblem, SequenceMode } from '../model/indexTypes';
import { PagedIndexFile } from './pagedIndexFile';
import { segmentAt } from './segmentBases';
import { uuidBytesFromString, uuidHash, uuidStringFromBytes } from './uuidBytes';
import { ByteCursor } from './varintBytes';

/** One decoded block of event records. */
interface DecodedBlock {
  readonly first: number;
  count: number;
  readonly line: Float64Array;
  readonly offset: Float64Array;
  readonly length: Float64Array;
  readonly timestamp: Float64Array;
  readonly sequence: Float64Array;
  readonly retry: Int32Array;
  readonly shape: Int32Array;
  readonly aggregate: Int32Array;
}

export interface PersistedProblems {
  readonly listing: readonly LineProblem[];
  readonly files: readonly LineProblem[];
}

/** What only the event's own line tells (the index keeps ids as hashes). */
interface BodyIds {
  readonly eventId: string;
  readonly correlationId: string | null;
  readonly causationId: string | null;
}

const DECODED_BLOCKS = 16;
/** String tables up to this size are read whole once; larger ones string by string. */
const SMALL_TABLE_BYTES = 64 * 1024;
const scratchUuid = new Uint8Array(16);

export function diskIndexPath(cacheDir: string): string {
  return path.join(cacheDir, DISK_INDEX_FILE_NAME);
}

/**
 * The persisted index, queried where it lies: opening reads its header;
 * each question reads the postings, records or buckets it needs through
 * checksummed positioned reads, and event lines for the ids. Holds nothing
 * that grows with the number of events.
 */
export class DiskIndex {
  readonly header: DiskIndexHeader;
  private readonly bases: number[] = [];
  /** First ordinal of each file holding events (where record deltas restart). */
  private readonly fileStarts: number[] = [];
  private readonly blocks = new Map<number, DecodedBlock>();
  /** The block last decoded: a lookup in the block after it is a walk in store order, which wants whole blocks. */
  private lastDecoded = -2;
  private readonly cursor = new ByteCursor(Buffer.alloc(0));
  private readonly tables = new Map<StringTableName, StringTable>();
  private shapeList: Int32Array | null = null;
  private problemList: PersistedProblems | null = null;
  private readonly scanner = new EnvelopeScanner();
  private readonly found = new ScannedEnvelope();

  private constructor(
    readonly paged: PagedIndexFile,
    readonly storeRoot: string,
    private readonly bodies: EventBodyReader,
    private readonly modeOverride: SequenceMode | undefined,
  ) {
    this.header = paged.header;
    let total = 0;
    for (const f of this.header.files) {
      this.bases.push(total);
      if (f.events > 0) this.fileStarts.push(total);
      total += f.events;
    }
  }

  /** The persisted index of this store, or null when there is none fit for it (missing, foreign, damaged, another mode). */
  static open(storeRoot: string, cacheDir: string, sequenceMode?: SequenceMode): DiskIndex | null {
    const paged = PagedIndexFile.open(diskIndexPath(cacheDir));
    if (!paged) return null;
    const h = paged.header;
    if (h.storeRoot !== path.resolve(storeRoot) || (h.sequenceModeOverride ?? undefined) !== sequenceMode) {
      paged.close();
      return null;
    }
    return new DiskIndex(paged, path.resolve(storeRoot), new EventBodyReader(path.resolve(storeRoot)), sequenceMode);
  }

  close(): void {
    this.paged.close();
    this.bodies.close();
  }

  get eventCount(): number {
    return this.header.eventCount;
  }

  get sequenceMode(): SequenceMode {
    return this.modeOverride ?? this.header.detectedMode;
  }

  get files(): IndexedFile[] {
    return this.header.files.map((f) => ({ file: f.file, size: f.size, mtimeMs: f.mtimeMs, compressed: f.compressed, events: f.events, lines: f.lines, day: f.day }));
  }

  get problems(): readonly LineProblem[] {
    const { listing, files } = this.persistedProblems();
    return [...listing, ...files];
  }

  /** Problems found listing the files (when built) and those of lines in files, apart. */
  persistedProblems(): PersistedProblems {
    if (this.problemList === null) {
      const ref = this.header.problems;
      this.problemList = this.header.problemCount === 0 ? { listing: [], files: [] } : (JSON.parse(this.paged.read(ref.offset, ref.length).toString('utf8')) as PersistedProblems);
    }
    return this.problemList;
  }

  /** The file index holding `ordinal`. */
  fileOf(ordinal: number): number {
    if (ordinal < 0 || ordinal >= this.eventCount) throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
    return segmentAt(this.bases, ordinal);
  }

  event(ordinal: number): IndexedEvent {
    const block = this.block(ordinal);
    const k = ordinal - block.first;
    const [type, source, status, schema] = this.shape(block.shape[k]);
    const aggregate = block.aggregate[k];
    let ids: BodyIds | undefined;
    const body = (): BodyIds => (ids ??= this.bodyIds(ordinal));
    return {
      ordinal,
      file: this.header.files[this.fileOf(ordinal)].file,
      line: block.line[k],
      offset: block.offset[k],
      length: block.length[k],
      get eventId() {
        return body().eventId;
      },
      eventType: type < 0 ? '' : this.string('type', type),
      source: source < 0 ? '' : this.string('source', source),
      aggregateId: aggregate < 0 ? null : this.string('aggregate', aggregate),
      get correlationId() {
        return body().correlationId;
      },
      get causationId() {
        return body().causationId;
      },
      timestampMs: block.timestamp[k],
      sequenceNumber: block.sequence[k],
      retryCount: block.retry[k],
      status: status < 0 ? '' : this.string('status', status),
      schemaVersion: schema < 0 ? '' : this.string('schemaVersion', schema),
    };
  }

  locationOf(ordinal: number): { file: string; line: number; offset: number; length: number } {
    // One aggregate's or correlation's events lie a block apart each: decoding a block only up to the event halves the work.
    const block = this.block(ordinal, true);
    const k = ordinal - block.first;
    return { file: this.header.files[this.fileOf(ordinal)].file, line: block.line[k], offset: block.offset[k], length: block.length[k] };
  }

  timestampOf(ordinal: number): number {
    const block = this.block(ordinal);
    return block.timestamp[ordinal - block.first];
  }

  sequenceOf(ordinal: number): number {
    const block = this.block(ordinal);
    return block.sequence[ordinal - block.first];
  }

  /** Members of a group (aggregate in sequence order; the others in store order); [] for an unknown key. */
  ordinalsOf(grouping: GroupingName, key: string): number[] {
    const id = this.table(grouping).lookup(key);
    return id < 0 ? [] : this.postings(grouping, id, Infinity);
  }

  sizeOf(grouping: GroupingName, key: string): number {
    const id = this.table(grouping).lookup(key);
    return id < 0 ? 0 : this.postingCount(grouping, id);
  }

  /** How many distinct keys the grouping has. */
  groupCount(grouping: GroupingName): number {
    return this.header.groupings[grouping].groups;
  }

  /** Every key of a grouping, sorted. */
  keysOf(grouping: GroupingName): string[] {
    return this.table(grouping).all();
  }

  /** Keys from sorted position `from`, at most `count` (for paging through 270,000 correlations). */
  keysFrom(grouping: GroupingName, from: number, count: number): string[] {
    const table = this.table(grouping);
    const out: string[] = [];
    for (let id = from; id < Math.min(table.count, from + count); id++) out.push(table.at(id));
    return out;
  }

  /** Sorted positions [from, to) of the keys starting with `prefix`. */
  prefixRange(grouping: GroupingName, prefix: string): { from: number; to: number } {
    const table = this.table(grouping);
    const from = table.lowerBound(prefix);
    let lo = from;
    let hi = table.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.at(mid).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return { from, to: lo };
  }

  eventTypeCounts(): Map<string, number> {
    return new Map(Object.entries(this.header.typeCounts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  firstTimestamp(): number {
    return this.header.firstTimestamp ?? Number.NaN;
  }

  lastTimestamp(): number {
    return this.header.lastTimestamp ?? Number.NaN;
  }

  /** Ordinals with timestamps in [since, until], in time order (ties in store order). */
  ordinalsInTimeRange(since: number, until: number): number[] {
    const result: number[] = [];
    const checkpoints = this.header.timeOrder.checkpoints;
    if (checkpoints === 0 || !(since <= until)) return result;
    // The last checkpoint before `since`: every entry at or after `since` lies at or after it.
    let lo = 0;
    let hi = checkpoints - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoint(mid).timestamp < since) lo = mid;
      else hi = mid - 1;
    }
    this.timeChunks(lo, (ordinal, ts) => {
      if (ts > until) return false;
      if (ts >= since) result.push(ordinal);
      return true;
    });
    return result;
  }

  /** Every timed ordinal in time order (a store-wide answer: callers that can, page with `timeChunks`). */
  timeOrdered(): Int32Array {
    const order = new Int32Array(this.header.timedEvents);
    let k = 0;
    this.timeChunks(0, (ordinal) => {
      order[k++] = ordinal;
      return true;
    });
    return order;
  }

  /**
   * Walks the time order from checkpoint `from` on, calling `visit` with each
   * ordinal and timestamp until it returns false. Reads one checkpoint's
   * stretch at a time.
   */
  timeChunks(from: number, visit: (ordinal: number, timestamp: number) => boolean): void {
    const ref = this.header.timeOrder;
    const scale = this.header.timestampScale;
    const dataStart = ref.offset + ref.checkpoints * TIME_CHECKPOINT_BYTES;
    const dataEnd = ref.offset + ref.length;
    for (let j = from; j < ref.checkpoints; j++) {
      const cp = this.checkpoint(j);
      const end = j + 1 < ref.checkpoints ? this.checkpoint(j + 1).byteOffset : dataEnd - dataStart;
      if (!visit(cp.ordinal, cp.timestamp)) return;
      const cursor = this.cursor;
      this.cursorAt(dataStart + cp.byteOffset, end - cp.byteOffset);
      let ordinal = cp.ordinal;
      let scaled = scale === 0 ? 0 : Math.round(cp.timestamp * scale);
      while (!cursor.done) {
        ordinal += cursor.zigzag();
        let ts: number;
        if (scale === 0) ts = cursor.f64();
        else {
          scaled += cursor.varint();
          ts = scaled / scale;
        }
        if (!visit(ordinal, ts)) return;
      }
    }
  }

  private checkpoint(j: number): { timestamp: number; ordinal: number; byteOffset: number } {
    const bytes = this.paged.locate(this.header.timeOrder.offset + j * TIME_CHECKPOINT_BYTES, TIME_CHECKPOINT_BYTES);
    const at = this.paged.start;
    return { timestamp: bytes.readDoubleLE(at), ordinal: bytes.readUInt32LE(at + 8), byteOffset: bytes.readUInt32LE(at + 12) };
  }

  /** Timestamps and sequence numbers of ordinals [from, to), block by block, into the given arrays at `ordinal - from`. */
  numericRange(from: number, to: number, timestamps: Float64Array, sequences: Float64Array): void {
    for (let o = from; o < to; ) {
      const block = this.block(o);
      const k = o - block.first;
      const n = Math.min(block.count - k, to - o);
      timestamps.set(block.timestamp.subarray(k, k + n), o - from);
      sequences.set(block.sequence.subarray(k, k + n), o - from);
      o += n;
    }
  }

  /** Aggregate table ids of ordinals [from, to) (-1: none), with their timestamps and sequence numbers, block by block, at `ordinal - from`. */
  aggregateRange(from: number, to: number, aggregates: Int32Array, timestamps: Float64Array, sequences: Float64Array): void {
    for (let o = from; o < to; ) {
      const block = this.block(o);
      const k = o - block.first;
      const n = Math.min(block.count - k, to - o);
      aggregates.set(block.aggregate.subarray(k, k + n), o - from);
      timestamps.set(block.timestamp.subarray(k, k + n), o - from);
      sequences.set(block.sequence.subarray(k, k + n), o - from);
      o += n;
    }
  }

  numericColumns(): { timestamps: Float64Array; sequences: Float64Array } {
    const timestamps = new Float64Array(this.eventCount);
    const sequences = new Float64Array(this.eventCount);
    this.numericRange(0, this.eventCount, timestamps, sequences);
    return { timestamps, sequences };
  }

  maxSequence(): number {
    return this.header.maxSequence ?? -1;
  }

  duplicateEventIds(): Array<[number, number]> {
    const ref = this.header.duplicates;
    const cursor = this.cursorAt(ref.offset, ref.length);
    const pairs: Array<[number, number]> = [];
    let ordinal = 0;
    for (let k = 0; k < ref.count; k++) {
      ordinal += cursor.varint();
      pairs.push([ordinal, cursor.varint()]);
    }
    return pairs;
  }

  unknownCauses(): number[] {
    const ref = this.header.unknownCauses;
    const cursor = this.cursorAt(ref.offset, ref.length);
    const ordinals: number[] = [];
    let ordinal = 0;
    for (let k = 0; k < ref.count; k++) ordinals.push((ordinal += cursor.varint()));
    return ordinals;
  }

  ordinalsOfEventId(eventId: string): number[] {
    return this.probe(this.header.eventIds, eventId).filter((o) => this.bodyIds(o).eventId === eventId);
  }

  ordinalsCausedBy(eventId: string): number[] {
    return this.probe(this.header.causes, eventId).filter((o) => this.bodyIds(o).causationId === eventId);
  }

  /** The ids of an event, from its line. */
  bodyIds(ordinal: number): BodyIds {
    const where = this.locationOf(ordinal);
    const line = this.bodies.readLine(where.file, where.offset, where.length);
    const found = this.found;
    found.reset();
    this.scanner.scan(line, 0, line.length, found);
    return { eventId: found.text(line, Field.EventId) ?? '', correlationId: found.text(line, Field.CorrelationId), causationId: found.text(line, Field.CausationId) };
  }

  /** Forgets open descriptors of event files that changed (their lines are read again). */
  forgetFile(file: string): void {
    this.bodies.forget(file);
  }

  /** Candidate ordinals of an id in a hash table (same 16-bit fingerprint), in ordinal order. */
  private probe(ref: HashTableRef, id: string): number[] {
    if (ref.entries === 0) return [];
    const hash = uuidBytesFromString(id, scratchUuid, 0) ? uuidHash(scratchUuid, 0) : stringHash(id);
    const bucket = bucketOf(hash, ref.bits);
    const start = this.paged.u32(ref.offset + bucket * 4);
    const end = this.paged.u32(ref.offset + bucket * 4 + 4);
    const width = 2 + ref.ordinalWidth;
    const entriesAt = ref.offset + (2 ** ref.bits + 1) * 4;
    const cursor = this.cursorAt(entriesAt + start * width, (end - start) * width);
    const want = fingerprintOf(hash);
    const found: number[] = [];
    for (let k = start; k < end; k++) {
      const fingerprint = cursor.fixed(2);
      const ordinal = cursor.fixed(ref.ordinalWidth);
      if (fingerprint === want) found.push(ordinal);
    }
    return found.sort((a, b) => a - b);
  }

  private postingCount(grouping: GroupingName, id: number): number {
    const ref = this.header.groupings[grouping];
    const start = this.paged.u32(ref.offset + id * 4);
    const end = this.paged.u32(ref.offset + id * 4 + 4);
    const listsAt = ref.offset + (ref.groups + 1) * 4;
    return this.cursorAt(listsAt + start, Math.min(10, end - start)).varint();
  }

  /** First and last timestamp of a group's events (NaN when none has one), without reading its members. */
  timeSpanOf(grouping: GroupingName, key: string): { first: number; last: number } {
    const id = this.table(grouping).lookup(key);
    if (id < 0) return { first: Number.NaN, last: Number.NaN };
    const ref = this.header.groupings[grouping];
    const start = this.paged.u32(ref.offset + id * 4);
    const end = this.paged.u32(ref.offset + id * 4 + 4);
    const cursor = this.cursorAt(ref.offset + (ref.groups + 1) * 4 + start, Math.min(40, end - start));
    cursor.varint();
    return this.readSpan(cursor);
  }

  private readSpan(cursor: ByteCursor): { first: number; last: number } {
    const marker = cursor.varint();
    if (marker === 0) return { first: Number.NaN, last: Number.NaN };
    const scale = this.header.timestampScale;
    if (scale === 0) return { first: cursor.f64(), last: cursor.f64() };
    const scaledFirst = marker - 1 + Math.round((this.header.firstTimestamp ?? 0) * scale);
    const scaledLast = scaledFirst + cursor.varint();
    return { first: scaledFirst / scale, last: scaledLast / scale };
  }

  /** A group's members (at most `limit`; 0: none, only validating the id). */
  private postings(grouping: GroupingName, id: number, limit: number): number[] {
    if (limit === 0) return [];
    const ref = this.header.groupings[grouping];
    const start = this.paged.u32(ref.offset + id * 4);
    const end = this.paged.u32(ref.offset + id * 4 + 4);
    const listsAt = ref.offset + (ref.groups + 1) * 4;
    const cursor = this.cursorAt(listsAt + start, end - start);
    const count = Math.min(cursor.varint(), limit);
    this.readSpan(cursor);
    const out = new Array<number>(count);
    let ordinal = 0;
    for (let k = 0; k < count; k++) out[k] = ordinal += cursor.zigzag();
    return out;
  }

  /** A cursor over `length` bytes of the body at `offset` (valid until the next read). */
  private cursorAt(offset: number, length: number): ByteCursor {
    const buffer = this.paged.locate(offset, length);
    this.cursor.reset(buffer, this.paged.start, this.paged.start + length);
    return this.cursor;
  }

  string(name: StringTableName, id: number): string {
    return this.table(name).at(id);
  }

  table(name: StringTableName): StringTable {
    let table = this.tables.get(name);
    if (!table) {
      const ref = this.header.tables[name];
      table = new StringTable(this.paged, ref.offset, ref.length, ref.count);
      this.tables.set(name, table);
    }
    return table;
  }

  /** (type, source, status, schema) ids of a shape, -1 where absent. */
  private shape(id: number): [number, number, number, number] {
    if (!this.shapeList) {
      const ref = this.header.shapes;
      const cursor = this.cursorAt(ref.offset, ref.length);
      const list = new Int32Array(ref.count * 4);
      for (let k = 0; k < list.length; k++) list[k] = cursor.varint() - 1;
      this.shapeList = list;
    }
    const s = this.shapeList;
    return [s[id * 4], s[id * 4 + 1], s[id * 4 + 2], s[id * 4 + 3]];
  }

  /**
   * The decoded block holding `ordinal` (its records decoded at least up to
   * it). `scattered`: a lookup that is likely alone in its block may decode
   * only up to it, unless the lookups walk the blocks in order.
   */
  private block(ordinal: number, scattered = false): DecodedBlock {
    if (ordinal < 0 || ordinal >= this.eventCount || !Number.isInteger(ordinal)) {
      throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
    }
    const b = Math.floor(ordinal / BLOCK_EVENTS);
    const cached = this.blocks.get(b);
    if (cached && ordinal - cached.first < cached.count) return cached;
    if (cached) this.blocks.delete(b);
    const block = cached ?? (this.blocks.size >= DECODED_BLOCKS ? this.reuseOldestBlock(b) : newBlock(b));
    const walking = b === this.lastDecoded + 1 || b === this.lastDecoded;
    this.decodeBlock(b, block, scattered && !walking ? ordinal - b * BLOCK_EVENTS + 1 : BLOCK_EVENTS);
    this.lastDecoded = b;
    this.blocks.set(b, block);
    return block;
  }

  private reuseOldestBlock(b: number): DecodedBlock {
    const [oldest, block] = this.blocks.entries().next().value as [number, DecodedBlock];
    this.blocks.delete(oldest);
    return { ...block, first: b * BLOCK_EVENTS };
  }

  /** Decodes the first `upTo` records of block `b` (all when it has fewer). */
  private decodeBlock(b: number, block: DecodedBlock, upTo: number): void {
    const ref = this.header.records;
    const start = this.paged.u32(ref.offset + b * 4);
    const end = this.paged.u32(ref.offset + b * 4 + 4);
    const dataAt = ref.offset + (ref.blocks + 1) * 4;
    const cursor = this.cursorAt(dataAt + start, end - start);
    const scale = this.header.timestampScale;
    const first = b * BLOCK_EVENTS;
    const count = Math.min(upTo, BLOCK_EVENTS, this.eventCount - first);
    let prevLine = cursor.varint();
    let prevEnd = cursor.varint();
    let prevTs = 0;
    let prevSeq = 0;
    let nextFileStart = this.nextFileStartAfter(first);
    for (let k = 0; k < count; k++) {
      const ordinal = first + k;
      if (ordinal === nextFileStart) {
        if (k > 0) {
          prevLine = 0;
          prevEnd = 0;
        }
        nextFileStart = this.nextFileStartAfter(ordinal + 1);
      }
      const flags = cursor.u8();
      let line = prevLine + 1;
      let offset = prevEnd;
      if (!(flags & RecordFlag.Contiguous)) {
        line += cursor.varint();
        offset += cursor.varint();
      }
      const length = cursor.varint();
      let ts = Number.NaN;
      if (flags & RecordFlag.TimestampRaw) ts = cursor.f64();
      else if (!(flags & RecordFlag.TimestampNaN)) {
        prevTs += cursor.zigzag();
        ts = prevTs / scale;
      }
      let seq = Number.NaN;
      if (flags & RecordFlag.SequenceRaw) seq = cursor.f64();
      else if (!(flags & RecordFlag.SequenceNaN)) seq = prevSeq += cursor.zigzag();
      block.retry[k] = flags & RecordFlag.RetryZero ? 0 : cursor.zigzag();
      block.shape[k] = cursor.varint();
      block.aggregate[k] = flags & RecordFlag.HasAggregate ? cursor.varint() : -1;
      block.line[k] = line;
      block.offset[k] = offset;
      block.length[k] = length;
      block.timestamp[k] = ts;
      block.sequence[k] = seq;
      prevLine = line;
      prevEnd = offset + length + 1;
    }
    block.count = count;
  }

  /** The first file start at or after `ordinal` (Infinity when none). */
  private nextFileStartAfter(ordinal: number): number {
    const starts = this.fileStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < ordinal) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : Infinity;
  }
}

function newBlock(b: number): DecodedBlock {
  return {
    first: b * BLOCK_EVENTS,
    count: 0,
    line: new Float64Array(BLOCK_EVENTS),
    offset: new Float64Array(BLOCK_EVENTS),
    length: new Float64Array(BLOCK_EVENTS),
    timestamp: new Float64Array(BLOCK_EVENTS),
    sequence: new Float64Array(BLOCK_EVENTS),
    retry: new Int32Array(BLOCK_EVENTS),
    shape: new Int32Array(BLOCK_EVENTS),
    aggregate: new Int32Array(BLOCK_EVENTS),
  };
}

/** A sorted string table read in place: by position, or by binary search for a string. */
class StringTable {
  private readonly mode: StringTableMode;
  private whole: string[] | null = null;
  private wholeIds: Map<string, number> | null = null;

  constructor(
    private readonly paged: PagedIndexFile,
    private readonly offset: number,
    length: number,
    readonly count: number,
  ) {
    this.mode = count === 0 ? StringTableMode.Pool : (paged.locate(offset, 1)[paged.start] as StringTableMode);
    if (length <= SMALL_TABLE_BYTES) {
      this.whole = [];
      for (let id = 0; id < count; id++) this.whole.push(this.readAt(id));
      this.wholeIds = new Map(this.whole.map((s, id) => [s, id]));
    }
  }

  at(id: number): string {
    if (this.whole) return this.whole[id];
    return this.readAt(id);
  }

  all(): string[] {
    if (this.whole) return [...this.whole];
    const out: string[] = [];
    if (this.mode === StringTableMode.Uuid) {
      // In stretches of 4,096 ids: one read each, not one per id.
      for (let from = 0; from < this.count; from += 4096) {
        const n = Math.min(4096, this.count - from);
        const bytes = this.paged.locate(this.offset + 1 + from * 16, n * 16);
        const at = this.paged.start;
        for (let k = 0; k < n; k++) out.push(uuidStringFromBytes(bytes, at + k * 16));
      }
      return out;
    }
    for (let id = 0; id < this.count; id++) out.push(this.readAt(id));
    return out;
  }

  lookup(text: string): number {
    if (this.wholeIds) return this.wholeIds.get(text) ?? -1;
    const at = this.lowerBound(text);
    return at < this.count && this.readAt(at) === text ? at : -1;
  }

  /** The first position whose string is not below `text`. */
  lowerBound(text: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private readAt(id: number): string {
    if (id < 0 || id >= this.count) throw new RangeError(`no string ${id} in a table of ${this.count}`);
    if (this.mode === StringTableMode.Uuid) return uuidStringFromBytes(this.paged.locate(this.offset + 1 + id * 16, 16), this.paged.start);
    const endsAt = this.offset + 1;
    const start = id === 0 ? 0 : this.paged.u32(endsAt + (id - 1) * 4);
    const end = this.paged.u32(endsAt + id * 4);
    const bytes = this.paged.locate(endsAt + this.count * 4 + start, end - start);
    return bytes.toString('utf8', this.paged.start, this.paged.start + end - start);
  }
}
