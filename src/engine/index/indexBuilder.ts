import type { ReadLimits } from '../store/lineReader';
import { EventIndex } from './eventIndex';
import { newInterners, readTailHash, scanFileInto } from './fileScanner';
import type { LineProblem, SequenceMode } from '../model/indexTypes';
import { listEventFiles } from '../store/listEventFiles';
import { scanInParallel } from './parallelScan';
import { scanOneFile } from './scanPlan';
import type { FileSegment } from './segment';
import type { PlannedFile } from '../store/listEventFiles';

export interface IndexOptions {
  /** Worker threads for a cold build; default one per core. */
  readonly threads?: number;
  readonly limits?: ReadLimits;
  readonly sequenceMode?: SequenceMode;
  /** Bytes of event files indexed so far, of the total. */
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Below this many bytes of event files a cold build stays on this thread (default 8 MB; tests lower it to reach the workers). */
  readonly parallelThresholdBytes?: number;
  /** False: a cold build on workers leaves the scanning to them, keeping this thread free (default true: every core scans). */
  readonly scanOnCallingThread?: boolean;
  /** Told when a worker failed and the build was done again on this thread (the index is complete all the same). */
  readonly onWorkerFailure?: (error: Error) => void;
  /** The index worker's script (tests give a stand-in that fails on purpose). */
  readonly workerScript?: string;
}

export interface RefreshResult {
  readonly appendedEvents: number;
  readonly rebuiltFiles: string[];
  readonly removedFiles: string[];
  readonly newProblems: LineProblem[];
}

/** Indexes every event file of the store from scratch, on every core. */
export async function buildIndex(storeRoot: string, options: IndexOptions = {}): Promise<EventIndex> {
  const { files, problems } = await listEventFiles(storeRoot);
  const interners = newInterners();
  const scanStarted = performance.now();
  let scan: Awaited<ReturnType<typeof scanInParallel>>;
  try {
    scan = await scanInParallel(files, interners, options);
  } catch (error) {
    // A worker lost mid-scan (out of memory, killed): the files are read again here.
    if (options.threads === 1) throw error;
    options.onWorkerFailure?.(error as Error);
    return buildIndex(storeRoot, { ...options, threads: 1 });
  }
  const { segments, idTable } = scan;
  const derivedStarted = performance.now();
  const index = new EventIndex(segments, interners, options.sequenceMode, undefined, idTable !== null);
  const ownLookupsDone = performance.now();
  if (idTable) index.adoptIdTable(await idTable);
  if (process.env.EVENTBUS_TRACE_INDEX) {
    const now = performance.now();
    process.stderr.write(
      `index: scan ${(derivedStarted - scanStarted).toFixed(0)} ms, lookups ${(ownLookupsDone - derivedStarted).toFixed(0)} ms, id table waited ${(now - ownLookupsDone).toFixed(0)} ms\n`,
    );
  }
  index.listingProblems = problems;
  return index;
}

/**
 * Brings the index up to date with the files: appended bytes are read
 * incrementally, a file that shrank or was rewritten is read again, new and
 * removed files are taken in. Cheap when nothing changed (one stat per file).
 */
export async function refreshIndex(index: EventIndex, storeRoot: string, options: IndexOptions = {}): Promise<RefreshResult> {
  const { files, problems } = await listEventFiles(storeRoot);
  const limits = options.limits ?? {};
  const result: RefreshResult = { appendedEvents: 0, rebuiltFiles: [], removedFiles: [], newProblems: [] };
  const existing = new Map(index.segments.map((segment, position) => [segment.file, { segment, position }]));
  const lastFile = index.segments.length ? index.segments[index.segments.length - 1].file : null;
  const next: FileSegment[] = [];
  let structural = false;
  let appendedToLast = -1;
  let newAtEnd: FileSegment[] = [];
  const eventsBefore = index.eventCount;

  for (const planned of files) {
    const known = existing.get(planned.file);
    existing.delete(planned.file);
    if (!known) {
      const segment = scanOneFile(planned, index.interners, limits);
      result.newProblems.push(...segment.problems);
      if (!structural && planned.file > (lastFile ?? '') && isAfterAll(planned, index)) newAtEnd.push(segment);
      else structural = true;
      next.push(segment);
      continue;
    }
    const segment = known.segment;
    if (planned.size === segment.size && planned.mtimeMs === segment.mtimeMs) {
      next.push(segment);
      continue;
    }
    if (!planned.compressed && planned.size >= segment.consumed && readTailHash(planned.absPath, segment.consumed) === segment.tailHash) {
      const before = segment.columns.count;
      const problemsBefore = segment.problems.length;
      segment.problems = segment.problems.filter((p) => p.line <= segment.lines);
      segment.size = planned.size;
      segment.mtimeMs = planned.mtimeMs;
      scanFileInto(planned.absPath, segment, index.interners, limits);
      result.newProblems.push(...segment.problems.slice(Math.min(problemsBefore, segment.problems.length)));
      if (segment.columns.count > before) {
        if (known.position === index.segments.length - 1) appendedToLast = before;
        else structural = true;
      }
      next.push(segment);
      continue;
    }
    const rescanned = scanOneFile(planned, index.interners, limits);
    result.rebuiltFiles.push(planned.file);
    result.newProblems.push(...rescanned.problems);
    next.push(rescanned);
    structural = true;
  }
  for (const gone of existing.keys()) {
    result.removedFiles.push(gone);
    structural = true;
  }
  index.listingProblems = problems;
  if (structural) {
    index.replaceSegments(next);
  } else {
    if (appendedToLast >= 0) index.appendedToLastSegment(appendedToLast);
    for (const segment of newAtEnd) index.addSegmentAtEnd(segment);
  }
  newAtEnd = [];
  return { ...result, appendedEvents: Math.max(0, index.eventCount - eventsBefore) };
}

function isAfterAll(planned: PlannedFile, index: EventIndex): boolean {
  const last = index.segments[index.segments.length - 1];
  if (!last) return true;
  if (planned.day && last.day) return planned.day > last.day;
  return !planned.day && (last.day !== null || planned.file > last.file);
}
