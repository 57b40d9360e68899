import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadLimits } from '../store/lineReader';
import { reserveInterners, type Interners } from './fileScanner';
import type { BuiltIdTable, IdColumns } from './idTable';
import { scanFiles, scanOneFile, WorkerIdMapper, type ScannedFile, type ScanRequest } from './scanPlan';
import type { FileSegment, SegmentColumns } from './segment';
import type { PlannedFile } from '../store/listEventFiles';

/**
 * A cold build on every core. This thread and the workers claim files one at
 * a time from a shared counter (so all end together whatever the load on
 * each core); a worker sends each segment as soon as it is scanned, and this
 * thread maps its string ids between its own files. Then one worker fills
 * the event-id table while this thread builds the other lookups.
 */

export interface ParallelScanOptions {
  readonly threads?: number;
  readonly limits?: ReadLimits;
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
  readonly parallelThresholdBytes?: number;
  /** False: the workers scan every file and this thread only takes their results in (default true). */
  readonly scanOnCallingThread?: boolean;
  readonly onWorkerFailure?: (error: Error) => void;
  /** The worker's script (default: indexWorker.js beside this file; tests give a stand-in that fails on purpose). */
  readonly workerScript?: string;
}

export interface ParallelScan {
  /** In the order of `files`. */
  readonly segments: FileSegment[];
  /** The event-id table, being filled by a worker; null when this thread must fill it (also when that worker fails). */
  readonly idTable: Promise<BuiltIdTable | null> | null;
}

/** Below this much data, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;

export async function scanInParallel(files: readonly PlannedFile[], interners: Interners, options: ParallelScanOptions): Promise<ParallelScan> {
  const limits = options.limits ?? {};
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let doneBytes = 0;
  const fileDone = (bytes: number): void => {
    doneBytes += bytes;
    options.onProgress?.(doneBytes, totalBytes);
  };
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), files.length + (options.scanOnCallingThread === false ? 1 : 0)));
  const workerScript = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  if (threads === 1 || totalBytes < (options.parallelThresholdBytes ?? PARALLEL_THRESHOLD_BYTES) || !fs.existsSync(workerScript)) {
    return { segments: scanFiles(files, interners, limits, fileDone), idTable: null };
  }
  const started = performance.now();
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const byFile = new Map<string, FileSegment>();
  let ownBytes = 0;
  let takingMs = 0;
  const workers = Array.from({ length: threads - 1 }, () => {
    const mapper = new WorkerIdMapper(interners);
    return new ScanWorker(workerScript, { files, claim, expectedBytes: totalBytes / threads, limits }, (scanned) => {
      const takeStarted = performance.now();
      const segment = mapper.take(scanned);
      byFile.set(segment.file, segment);
      takingMs += performance.now() - takeStarted;
      fileDone(segment.size);
    });
  });
  try {
    const scanHere = options.scanOnCallingThread ?? true;
    for (let k = scanHere ? Atomics.add(claim, 0, 1) : files.length; k < files.length; k = Atomics.add(claim, 0, 1)) {
      const segment = scanOneFile(files[k], interners, limits);
      byFile.set(segment.file, segment);
      // This thread's interners end up holding every thread's strings: sized for the whole store.
      if (ownBytes === 0) reserveInterners(interners, segment, totalBytes);
      ownBytes += files[k].size;
      fileDone(files[k].size);
      // Between files, let the workers' segments in (mapped now, while the workers still scan).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const ownDone = performance.now();
    await Promise.all(workers.map((worker) => worker.scanned));
    const segments = files.map((f) => byFile.get(f.file) as FileSegment);
    if (process.env.EVENTBUS_TRACE_INDEX) {
      const share = ((100 * ownBytes) / totalBytes).toFixed(0);
      process.stderr.write(
        `index: this thread scanned ${share}% of the bytes by ${(ownDone - started).toFixed(0)} ms (+${takingMs.toFixed(0)} ms taking in workers' files), workers done by ${(performance.now() - started).toFixed(0)} ms\n`,
      );
    }
    const stopAll = () => workers.forEach((worker) => worker.stop());
    // A worker failing now costs only time: the caller fills the table itself.
    const idTable = workers[0].fillIdTable(segments.map((segment) => segment.columns)).catch((error: Error) => {
      options.onWorkerFailure?.(error);
      return null;
    });
    void idTable.then(stopAll);
    return { segments, idTable };
  } catch (error) {
    for (const worker of workers) worker.stop();
    throw error;
  }
}

/** One worker thread: scans the files it claims, then may fill the store's id table. */
class ScanWorker {
  /** Resolves once every file the worker claimed has been taken in. */
  readonly scanned: Promise<void>;
  private readonly worker: Worker;
  private idTable: { resolve: (table: BuiltIdTable) => void; reject: (error: Error) => void } | null = null;
  private finished = false;

  constructor(script: string, request: ScanRequest, onFile: (scanned: ScannedFile) => void) {
    this.worker = new Worker(script, { workerData: request });
    this.scanned = new Promise((resolve, reject) => {
      let scanned = false;
      this.worker.on('message', (message: { file: ScannedFile } | { done: true } | { ids: BuiltIdTable }) => {
        if ('file' in message) {
          onFile(message.file);
        } else if ('done' in message) {
          scanned = true;
          resolve();
        } else {
          this.finished = true;
          this.idTable?.resolve(message.ids);
        }
      });
      const fail = (error: Error) => {
        if (!scanned) reject(error);
        if (!this.finished) this.idTable?.reject(error);
        this.finished = true;
      };
      this.worker.once('error', fail);
      this.worker.once('exit', (code) => fail(new Error(`index worker exited with code ${code} before finishing`)));
    });
    // Awaited only after this thread's own files: a failure before that must not count as unhandled.
    this.scanned.catch(() => undefined);
  }

  /** Shares the event-id columns of every segment with the worker (shared memory: no copy); resolves with the filled table. */
  fillIdTable(columns: readonly SegmentColumns[]): Promise<BuiltIdTable> {
    const filled = new Promise<BuiltIdTable>((resolve, reject) => {
      this.idTable = { resolve, reject };
    });
    const idColumns: IdColumns[] = columns.map((c) => ({ count: c.count, eventId: c.eventId, eventIdKind: c.eventIdKind, oddEventIds: c.oddEventIds }));
    this.worker.postMessage({ idColumns });
    return filled;
  }

  stop(): void {
    this.finished = true;
    void this.worker.terminate();
  }
}
