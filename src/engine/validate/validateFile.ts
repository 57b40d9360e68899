import * as fs from 'node:fs';
import { forEachLine, isGzipPath, readFileBytesTolerant } from '../store/lineReader';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { type Finding, sortFindings } from './finding';
import { type SeverityOverrides } from './codes';
import { fileFinding } from './findingBuilder';
import { validateLine } from './lineRules';
import { CauseTally, type RepeatMode } from './repeatedCauses';
import type { StoreVocabulary } from './vocabulary';

export interface LineRuleSettings extends StoreVocabulary {
  readonly registry?: SchemaRegistry;
  readonly maxRetryCount?: number;
  /** config.max_nesting_depth. */
  readonly maxNestingDepth?: number;
  readonly severity?: SeverityOverrides;
  /** Report a cause that repeats per event once (with its count and first places); default `each`. */
  readonly repeats?: RepeatMode;
}

/** Part `index` of `count` of a file, cut at line ends, so big files spread over threads. */
export interface Chunk {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_FILE: Chunk = Object.freeze({ index: 0, count: 1 });

export interface FileValidation {
  readonly file: string;
  readonly findings: Finding[];
  /** Lines visited, blank ones included. */
  readonly lines: number;
  /** Lines that were not blank (each checked as an event). */
  readonly eventLines: number;
  /** Bytes of (decompressed) text checked. */
  readonly bytes: number;
}

/**
 * Runs the per-line rules over one file's bytes (already decompressed), or
 * over one chunk of them: a chunk starts after a line end and ends after
 * one, and its line numbers continue from the lines before it.
 */
export function validateBuffer(buf: Buffer, file: string, settings: LineRuleSettings, chunk: Chunk = WHOLE_FILE): FileValidation {
  const start = chunk.index === 0 ? 0 : cutAfter(buf, chunk.index, chunk.count);
  const end = chunk.index === chunk.count - 1 ? buf.length : cutAfter(buf, chunk.index + 1, chunk.count);
  return validateSpan(buf, file, settings, start, end, start === 0 ? 0 : countLineEnds(buf, start));
}

/**
 * The per-line rules over the lines from `fromLine` (1-based) to the end:
 * what changed when a file was only appended to (its earlier lines, and
 * their findings, are as they were).
 */
export function validateBufferFrom(buf: Buffer, file: string, settings: LineRuleSettings, fromLine: number): FileValidation {
  let start = 0;
  for (let line = 1; line < fromLine && start < buf.length; line++) {
    const newline = buf.indexOf(10, start);
    if (newline === -1) {
      start = buf.length;
      break;
    }
    start = newline + 1;
  }
  return validateSpan(buf, file, settings, start, buf.length, Math.max(0, fromLine - 1));
}

function validateSpan(buf: Buffer, file: string, settings: LineRuleSettings, start: number, end: number, linesBefore: number): FileValidation {
  const findings: Finding[] = [];
  if (start >= end) return { file, findings, lines: 0, eventLines: 0, bytes: 0 };
  const part = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
  // Only the file's last line can lack its line end; forEachLine reports that after the walk, so find it first.
  const unterminatedEnd = end === buf.length && buf[buf.length - 1] !== 10 ? part.length : -1;
  let eventLines = 0;
  // A million events of an unknown type are one cause: counted here, so no finding per event is kept or sent.
  const tally = settings.repeats !== undefined && settings.repeats !== 'each' ? new CauseTally(settings.repeats) : undefined;
  const walk = forEachLine(part, (lineStart, lineEnd, lineNumber) => {
    if (lineEnd === lineStart) return;
    const found = validateLine(part.toString('utf8', lineStart, lineEnd), {
      file,
      line: lineNumber + linesBefore,
      unterminated: lineEnd === unterminatedEnd,
      registry: settings.registry,
      maxRetryCount: settings.maxRetryCount,
      maxNestingDepth: settings.maxNestingDepth,
      severity: settings.severity,
      knownEventTypes: settings.knownEventTypes,
      knownStatuses: settings.knownStatuses,
    });
    eventLines++;
    for (const finding of found) if (!tally?.add(finding)) findings.push(finding);
  });
  if (tally && tally.size > 0) {
    for (const summary of tally.findings()) findings.push(summary);
    sortFindings(findings);
  }
  return { file, findings, lines: walk.lines, eventLines, bytes: end - start };
}

/** The offset just after the first line end at or after the chunk's nominal boundary. */
function cutAfter(buf: Buffer, boundary: number, count: number): number {
  const newline = buf.indexOf(10, Math.floor((buf.length * boundary) / count));
  return newline === -1 ? buf.length : newline + 1;
}

function countLineEnds(buf: Buffer, end: number): number {
  let count = 0;
  for (let at = buf.indexOf(10); at !== -1 && at < end; at = buf.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * Reads and checks one event file (or one chunk of it, or with `fromLine`
 * above 1 only its lines from there on; the chunk is then ignored). An unreadable file,
 * or a damaged gzip, is EB021 (reported by the first chunk only); whatever
 * decompressed before the damage is still checked.
 */
export async function validateFile(absPath: string, file: string, settings: LineRuleSettings, chunk: Chunk = WHOLE_FILE, fromLine = 1): Promise<FileValidation> {
  let read: { bytes: Buffer; problem?: string };
  try {
    read = isGzipPath(absPath) ? await readFileBytesTolerant(absPath) : { bytes: readIntoThreadBuffer(absPath) };
  } catch (error) {
    const finding = chunk.index === 0 ? fileFinding(file, 'EB021', `cannot read the file: ${(error as Error).message}`, settings.severity) : undefined;
    return { file, findings: finding ? [finding] : [], lines: 0, eventLines: 0, bytes: 0 };
  }
  const result = fromLine > 1 ? validateBufferFrom(read.bytes, file, settings, fromLine) : validateBuffer(read.bytes, file, settings, chunk);
  if (read.problem !== undefined && chunk.index === 0) {
    const finding = fileFinding(file, 'EB021', `cannot read the whole file: ${read.problem}`, settings.severity);
    if (finding) result.findings.unshift(finding);
  }
  return result;
}

/**
 * One read buffer per thread for plain files, grown when a file is bigger.
 * Every piece of a file reads the whole file (its line numbers count from
 * the start), and a fresh 18 MB buffer per 4 MiB piece left a validating
 * worker at ~250 MB of RSS: freed big buffers are not handed back to the
 * system. The bytes are valid until the next read on this thread, so the
 * caller checks them before it awaits anything (validateBuffer is
 * synchronous and keeps no part of them: each line becomes a string).
 */
let threadBuffer: Buffer | undefined;

function readIntoThreadBuffer(absPath: string): Buffer {
  const fd = fs.openSync(absPath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (!threadBuffer || threadBuffer.length < size) threadBuffer = Buffer.allocUnsafeSlow(Math.max(size, Math.ceil((threadBuffer?.length ?? 0) * 1.25)));
    let filled = 0;
    // A file that grows meanwhile is read up to the size it had (its appended lines are the next check's).
    while (filled < size) {
      const n = fs.readSync(fd, threadBuffer, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return threadBuffer.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}
