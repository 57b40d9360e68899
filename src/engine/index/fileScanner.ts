import { latin1Slice } from './latin1';
import * as fs from 'node:fs';
import { gunzipTolerant, hasBom, type ReadLimits } from '../store/lineReader';
import { ByteInterner, hashBytes } from './byteInterner';
import { parseTimestampBytes } from './byteTimestamp';
import { EnvelopeScanner, Field, ScannedEnvelope, ScanStatus, SpanKind } from './envelopeScanner';
import type { LineProblem } from '../model/indexTypes';
import { ensureCapacity, IdKind, type FileSegment, type InternedColumn, type SegmentColumns } from './segment';
import { uuidBytesFromAscii } from './uuidBytes';

export type Interners = Record<InternedColumn, ByteInterner>;

/**
 * After `doneBytes` of `totalBytes` are read, makes room in each interner for
 * as many strings again in proportion (ids that repeat across files, like
 * aggregates, are overestimated: that costs a few empty slots, no more).
 */
export function reserveInterners(interners: Interners, first: FileSegment, totalBytes: number): void {
  const doneBytes = first.consumed;
  // From a small first file the guess would be wild: then the interners just grow as they fill.
  if (doneBytes < 1024 * 1024 || totalBytes <= doneBytes) return;
  const scale = (totalBytes / doneBytes) * 1.1;
  // Never more strings than events.
  const events = Math.ceil(first.columns.count * scale);
  for (const interner of Object.values(interners)) {
    interner.reserve(Math.min(Math.ceil(interner.size * scale), events), interner.averageBytes);
  }
}

export function newInterners(): Interners {
  return {
    type: new ByteInterner(),
    aggregate: new ByteInterner(),
    correlation: new ByteInterner(),
    source: new ByteInterner(),
    status: new ByteInterner(),
    schemaVersion: new ByteInterner(),
  };
}

/** Small enough to stay in the core's L2 cache between the read that fills it and the scan that reads it. */
const CHUNK_BYTES = 256 * 1024;
const TAIL_HASH_BYTES = 64;

/**
 * Reads the lines of one event file from `segment.consumed` on, adding its
 * events to the segment's columns and its unreadable lines to its problems.
 * Plain files are read in chunks (bounded memory whatever the file size);
 * gzip files are decompressed whole, within the bomb limit.
 */
export function scanFileInto(absPath: string, segment: FileSegment, interners: Interners, limits: ReadLimits = {}): void {
  const reader = new LineSink(segment, interners);
  if (segment.compressed) {
    const { bytes, problem } = gunzipTolerant(fs.readFileSync(absPath), limits);
    if (problem) segment.problems.push({ kind: 'unreadable', file: segment.file, line: segment.lines + 1, column: 1, message: problem });
    reader.consume(bytes, segment.consumed, bytes.length, 0, true);
    segment.tailHash = tailHash(bytes, segment.consumed);
    return;
  }
  const fd = fs.openSync(absPath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size - segment.consumed, 1)));
    let position = segment.consumed;
    let carried = 0;
    const startConsumed = segment.consumed;
    const startCount = segment.columns.count;
    let reserved = false;
    while (position < size) {
      if (carried === buffer.length) {
        // One line longer than the buffer: grow it (lines of many MB are legal).
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const read = fs.readSync(fd, buffer, carried, Math.min(buffer.length - carried, size - position), position);
      if (read <= 0) break;
      position += read;
      const filled = carried + read;
      const chunkStart = position - filled;
      const atEnd = position >= size;
      const used = reader.consume(buffer, 0, filled, chunkStart, atEnd);
      if (!reserved && segment.consumed > startConsumed) {
        // After the first chunk the average line length is known: reserve
        // room for the rest of the file once, instead of growing (and copying) as it fills.
        reserved = true;
        const perByte = (segment.columns.count - startCount) / (segment.consumed - startConsumed);
        ensureCapacity(segment.columns, segment.columns.count + Math.ceil(perByte * (size - segment.consumed) * 1.05));
      }
      carried = filled - used;
      if (carried > 0) buffer.copy(buffer, 0, used, filled);
    }
    const tail = Buffer.alloc(Math.min(TAIL_HASH_BYTES, segment.consumed));
    if (tail.length > 0) fs.readSync(fd, tail, 0, tail.length, segment.consumed - tail.length);
    segment.tailHash = hashBytes(tail, 0, tail.length);
  } finally {
    fs.closeSync(fd);
  }
}

/** Hash of the `TAIL_HASH_BYTES` bytes before `consumed`. */
export function tailHash(bytes: Uint8Array, consumed: number): number {
  return hashBytes(bytes, Math.max(0, consumed - TAIL_HASH_BYTES), consumed);
}

export function readTailHash(absPath: string, consumed: number): number {
  const fd = fs.openSync(absPath, 'r');
  try {
    const tail = Buffer.alloc(Math.min(TAIL_HASH_BYTES, consumed));
    if (tail.length > 0) fs.readSync(fd, tail, 0, tail.length, consumed - tail.length);
    return hashBytes(tail, 0, tail.length);
  } finally {
    fs.closeSync(fd);
  }
}

class LineSink {
  private readonly scanner = new EnvelopeScanner();
  private readonly found = new ScannedEnvelope();
  /** Word reads over the buffer being consumed (interning compares ids four bytes at a time). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Buffer | null = null;

  constructor(
    private readonly segment: FileSegment,
    private readonly interners: Interners,
  ) {}

  /**
   * Indexes the complete lines in `buf[from, to)`, whose byte `from` is at
   * file offset `fileOffset + from`. Returns how far it consumed; the rest is
   * an incomplete line to be carried into the next chunk. At the end of the
   * file an incomplete line is a torn line: reported, not consumed.
   */
  consume(buf: Buffer, from: number, to: number, fileOffset: number, atEnd: boolean): number {
    const segment = this.segment;
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    let start = from;
    if (fileOffset + start === 0 && hasBom(buf, start)) start += 3;
    const scanner = this.scanner;
    const found = this.found;
    while (start < to) {
      // Fast path: scan up to the chunk's end; a valid line stops at its own line feed.
      scanner.scan(buf, start, to, found);
      let newline: number;
      const readWhole = (found.status === ScanStatus.Ok || found.status === ScanStatus.NotAnEvent) && scanner.stoppedAt < to;
      if (readWhole) {
        newline = scanner.stoppedAt;
      } else {
        newline = buf.indexOf(10, start);
        if (newline === -1 || newline >= to) {
          if (atEnd) this.tornLine(buf, start, to);
          break;
        }
      }
      const end = newline > start && buf[newline - 1] === 13 ? newline - 1 : newline;
      segment.lines++;
      if (end > start) this.line(buf, start, end, fileOffset, !readWhole);
      start = newline + 1;
      segment.consumed = fileOffset + start;
    }
    if (segment.consumed === 0 && start === 3 && fileOffset === 0) segment.consumed = 3;
    return Math.max(segment.consumed - fileOffset, from);
  }

  private tornLine(buf: Buffer, start: number, end: number): void {
    if (isBlank(buf, start, end)) return;
    const segment = this.segment;
    segment.problems.push({
      kind: 'torn-line',
      file: segment.file,
      line: segment.lines + 1,
      column: end - start + 1,
      message: `last line has no line end after ${end - start} bytes: a writer is mid-append or crashed (the line is kept as it is)`,
    });
  }

  /** `rescan`: the fast path did not read this line as a whole (invalid, or torn): read it within its bounds. */
  private line(buf: Buffer, start: number, end: number, fileOffset: number, rescan: boolean): void {
    const found = this.found;
    if (rescan) this.scanner.scan(buf, start, end, found);
    if (found.status !== ScanStatus.Ok) {
      if (isBlank(buf, start, end)) return;
      this.problem(buf, start, end, found);
      return;
    }
    const c = this.segment.columns;
    const i = c.count;
    ensureCapacity(c, i + 1);
    c.line[i] = this.segment.lines;
    c.offset[i] = fileOffset + start;
    c.length[i] = end - start;
    const spans = found.spans;
    const ts = spans[Field.Timestamp * 3 + 2] === SpanKind.PlainString ? parseTimestampBytes(buf, spans[Field.Timestamp * 3], spans[Field.Timestamp * 3 + 1]) : textTimestamp(buf, found);
    c.timestamp[i] = ts;
    c.sequence[i] = found.sequenceNumber;
    c.retry[i] = found.retryCount;
    const n = this.interners;
    const view = this.view;
    c.type[i] = intern(n.type, buf, view, found, Field.EventType);
    c.aggregate[i] = intern(n.aggregate, buf, view, found, Field.AggregateId);
    c.correlation[i] = intern(n.correlation, buf, view, found, Field.CorrelationId);
    c.source[i] = intern(n.source, buf, view, found, Field.Source);
    c.status[i] = intern(n.status, buf, view, found, Field.Status);
    c.schemaVersion[i] = intern(n.schemaVersion, buf, view, found, Field.SchemaVersion);
    c.eventIdKind[i] = storeId(buf, found, Field.EventId, c.eventId, i, c.oddEventIds);
    c.causeKind[i] = storeId(buf, found, Field.CausationId, c.cause, i, c.oddCauses);
    c.count = i + 1;
  }

  private problem(buf: Buffer, start: number, end: number, found: ScannedEnvelope): void {
    const segment = this.segment;
    const column = found.status === ScanStatus.NotAnEvent ? 1 : utf8Column(buf, start, found.errorAt);
    let kind: LineProblem['kind'];
    let message: string;
    if (found.status === ScanStatus.NonJsonNumber) {
      kind = 'non-json-number';
      const word = latin1Slice(buf, found.errorAt, Math.min(found.errorAt + 8, end)).startsWith('NaN') ? 'NaN' : 'Infinity';
      message = `${word} is not a JSON number (Python's json.dumps writes it; JSON parsers reject the line)`;
    } else if (found.status === ScanStatus.NotAnEvent) {
      kind = 'not-an-event';
      message = 'valid JSON, but not an event: expected an object with "event_type" (string), "data" and "metadata" (object)';
    } else {
      kind = 'invalid-json';
      message = `invalid JSON at column ${column}: expected ${describeExpectation(buf, found.errorAt, end)}`;
    }
    segment.problems.push({ kind, file: segment.file, line: segment.lines, column, message });
  }
}

function intern(interner: ByteInterner, buf: Buffer, view: DataView, found: ScannedEnvelope, field: Field): number {
  const at = field * 3;
  const kind = found.spans[at + 2];
  if (kind === SpanKind.PlainString) return interner.internSpan(buf, view, found.spans[at], found.spans[at + 1]);
  if (kind === SpanKind.EscapedString) return interner.intern(found.text(buf, field) ?? '');
  return -1;
}

function storeId(buf: Buffer, found: ScannedEnvelope, field: Field, bytes: Uint8Array, i: number, odd: Map<number, string>): IdKind {
  const at = field * 3;
  const kind = found.spans[at + 2];
  if (kind === SpanKind.PlainString && uuidBytesFromAscii(buf, found.spans[at], found.spans[at + 1], bytes, i * 16)) return IdKind.Uuid;
  const text = found.text(buf, field);
  if (text === null) return IdKind.Absent;
  odd.set(i, text);
  return IdKind.Odd;
}

function textTimestamp(buf: Buffer, found: ScannedEnvelope): number {
  const text = found.text(buf, Field.Timestamp);
  return text === null ? Number.NaN : parseTimestampBytes(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text));
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const c = buf[p];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** 1-based column in characters (not bytes) of byte position `at` in the line starting at `start`. */
function utf8Column(buf: Buffer, start: number, at: number): number {
  let column = 1;
  for (let p = start; p < at; p++) if ((buf[p] & 0xc0) !== 0x80) column++;
  return column;
}

function describeExpectation(buf: Buffer, at: number, end: number): string {
  if (at >= end) return 'more input (the line ends inside a value)';
  const shown = JSON.stringify(buf.toString('utf8', at, Math.min(at + 12, end)));
  return `a JSON value, ',' or a closing bracket, got ${shown}`;
}

export type { SegmentColumns };
