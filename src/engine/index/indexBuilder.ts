import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import type { ReadLimits } from '../store/lineReader';
import { EventIndex } from './eventIndex';
import { newInterners, readTailHash, scanFileInto, type Interners } from './fileScanner';
import type { LineProblem, SequenceMode } from './indexTypes';
import { listEventFiles } from './listEventFiles';
import { idMapsFor, remapSegment, scanFiles, scanOneFile, type PlannedFile, type ScanResult } from './scanPlan';
import type { FileSegment } from './segment';

export interface IndexOptions {
  /** Worker threads for a cold build; default one per core. */
  readonly threads?: number;
  readonly limits?: ReadLimits;
  readonly sequenceMode?: SequenceMode;
  /** Bytes of event files indexed so far, of the total. */
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface RefreshResult {
  readonly appendedEvents: number;
  readonly rebuiltFiles: string[];
  readonly removedFiles: string[];
  readonly newProblems: LineProblem[];
}

/** Below this much data, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;

/** Indexes every event file of the store from scratch, on every core. */
export async function buildIndex(storeRoot: string, options: IndexOptions = {}): Promise<EventIndex> {
  const { files, problems } = await listEventFiles(storeRoot);
  const interners = newInterners();
  const scanStarted = performance.now();
  const segments = await scanInParallel(files, interners, options);
  const derivedStarted = performance.now();
  const index = new EventIndex(segments, interners, options.sequenceMode);
  if (process.env.EVENTBUS_TRACE_INDEX) {
    process.stderr.write(`index: scan ${(derivedStarted - scanStarted).toFixed(0)} ms, lookups ${(performance.now() - derivedStarted).toFixed(0)} ms\n`);
  }
  index.listingProblems = problems;
  return index;
}

async function scanInParallel(files: readonly PlannedFile[], interners: Interners, options: IndexOptions): Promise<FileSegment[]> {
  const limits = options.limits ?? {};
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let doneBytes = 0;
  const fileDone = (bytes: number): void => {
    doneBytes += bytes;
    options.onProgress?.(doneBytes, totalBytes);
  };
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), files.length));
  const workerScript = path.join(__dirname, 'indexWorker.js');
  if (threads === 1 || totalBytes < PARALLEL_THRESHOLD_BYTES || !fs.existsSync(workerScript)) {
    return scanFiles(files, interners, limits, fileDone);
  }
  // The calling thread scans one share itself while workers scan the rest:
  // one isolate fewer (memory) and no core left idle.
  // A worker first starts and compiles, and its results cross back to this
  // thread: this thread takes a slightly larger share so both end together.
  const shares = splitBySize(files, threads, 1.05);
  const pending = shares.slice(1).map((share) => runWorker(workerScript, share, limits, fileDone));
  const own: FileSegment[] = [];
  for (const planned of shares[0]) {
    own.push(scanOneFile(planned, interners, limits));
    fileDone(planned.size);
    // Between files, let the workers' progress messages in.
    if (options.onProgress) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const results = await Promise.all(pending);
  const byFile = new Map<string, FileSegment>();
  for (const segment of own) byFile.set(segment.file, segment);
  for (const result of results) {
    const maps = idMapsFor(result.tables, interners);
    for (const segment of result.segments) {
      remapSegment(segment, maps);
      byFile.set(segment.file, segment);
    }
  }
  return files.map((f) => byFile.get(f.file) as FileSegment);
}

function runWorker(script: string, files: readonly PlannedFile[], limits: ReadLimits, onFileDone: (bytes: number) => void): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { files, limits } });
    let settled = false;
    worker.on('message', (message: { progress: number } | { result: ScanResult }) => {
      if ('progress' in message) {
        onFileDone(message.progress);
        return;
      }
      settled = true;
      resolve(message.result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`index worker exited with code ${code} before finishing`));
    });
  });
}

/** Greedy split of files into `count` shares of about equal bytes, share 0 weighted `firstWeight` times the others. */
function splitBySize(files: readonly PlannedFile[], count: number, firstWeight = 1): PlannedFile[][] {
  const shares: PlannedFile[][] = Array.from({ length: count }, () => []);
  const loads = new Array<number>(count).fill(0);
  const relative = (k: number) => loads[k] / (k === 0 ? firstWeight : 1);
  for (const file of [...files].sort((a, b) => b.size - a.size)) {
    let lightest = 0;
    for (let k = 1; k < count; k++) if (relative(k) < relative(lightest)) lightest = k;
    shares[lightest].push(file);
    loads[lightest] += file.size;
  }
  return shares.filter((share) => share.length > 0);
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
