import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { type Chunk, type FileValidation, type LineRuleSettings, validateFile } from './validateFile';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './workerProtocol';

export interface FileTask {
  readonly absPath: string;
  /** Store-relative. */
  readonly file: string;
  /** Bytes on disk, to hand the biggest files out first. */
  readonly size: number;
}

export interface PoolOptions {
  readonly threads: number;
  /** Called per finished piece of work with the bytes of text it stands for (gzip counted as ~6x its size). */
  readonly onProgress?: (bytesOnDisk: number) => void;
  /** Below this much data the work runs inline; default 160 MiB (see MIN_BYTES_FOR_WORKERS). */
  readonly minBytesForWorkers?: number;
  /** Smallest piece a plain file is cut into (at line ends) to balance threads; default 8 MiB. */
  readonly chunkBytes?: number;
  /**
   * The calling thread takes pieces too, once this resolves (it has other
   * work first, such as the store-wide rules): then `threads` counts it, and
   * one worker fewer is started, so no core is oversubscribed.
   */
  readonly callerJoinsWhen?: Promise<void>;
  /**
   * Streams: each file's result (chunks merged) is handed over as soon as it
   * and every file before it (in the tasks' order) is done, and is not kept;
   * the returned results then have no findings. Pieces are handed out in
   * file order, so only the pieces in flight wait here.
   */
  readonly onFile?: (result: FileValidation) => void;
  /**
   * Streams by piece instead (takes precedence over `onFile`): every piece
   * of a file, in order, as soon as it and all before it are done, with the
   * file's last line so far (`throughLine`) and whether it is the file's
   * last piece. Plain files are cut into pieces of `chunkBytes`, so only a
   * few MiB of findings are ever held.
   */
  readonly onPiece?: (piece: FileValidation, throughLine: number, lastOfFile: boolean) => void;
}

/**
 * Measured on a generated store: one thread checks ~150 MB/s once warm, but
 * each worker needs ~100 ms to start (load ajv, compile the schemas) and
 * runs its first ~40k lines 3-5x slower until V8 has optimized the rules.
 * Two workers beat the main thread only from ~150 MB of event text on.
 */
const MIN_BYTES_FOR_WORKERS = 160 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Pieces when streaming by piece: the findings of ~4 MiB of events are what is held at a time. */
const STREAM_CHUNK_BYTES = 4 * 1024 * 1024;

/** One piece of work: a whole file, or a chunk of a big plain one. */
interface Job {
  readonly task: FileTask;
  readonly chunk: Chunk;
  readonly bytes: number;
}

/** Gzip text is ~6x its file size: what the size threshold and the balancing should count. */
function textBytes(task: FileTask): number {
  return task.absPath.endsWith('.gz') ? task.size * 6 : task.size;
}

/**
 * Pieces of work, biggest first. A plain file is cut only when pieces of
 * `chunkBytes` are needed to keep the threads evenly busy (a few pieces per
 * thread); every chunk reads its whole file, so cutting is not free. Gzip
 * files stay whole: every chunk would decompress the file from its start.
 */
function jobsOf(tasks: readonly FileTask[], chunkBytes: number, threads: number, smallPieces = false): Job[] {
  const total = tasks.reduce((sum, task) => sum + textBytes(task), 0);
  const pieceBytes = smallPieces ? chunkBytes : Math.max(chunkBytes, total / (threads * 4));
  const jobs: Job[] = [];
  for (const task of tasks) {
    const count = task.absPath.endsWith('.gz') ? 1 : Math.max(1, Math.ceil(task.size / pieceBytes));
    for (let index = 0; index < count; index++) jobs.push({ task, chunk: { index, count }, bytes: textBytes(task) / count });
  }
  return jobs.sort((a, b) => b.bytes - a.bytes);
}

/** Pieces in file order, then chunk order: what streaming in file order needs. */
function jobsInFileOrder(jobs: readonly Job[], tasks: readonly FileTask[]): Job[] {
  const rank = new Map(tasks.map((task, index) => [task.file, index]));
  return [...jobs].sort((a, b) => (rank.get(a.task.file) ?? 0) - (rank.get(b.task.file) ?? 0) || a.chunk.index - b.chunk.index);
}

/**
 * Hands results over in job order: a job that finishes early waits until
 * every job before it is done; a file's chunks are merged when its last one
 * is. Returns the per-file totals, findings left out.
 */
class InOrderFiles {
  private readonly done = new Map<number, FileValidation>();
  private nextJob = 0;
  private parts: FileValidation[] = [];
  private linesSoFar = 0;
  readonly totals: FileValidation[] = [];

  constructor(
    private readonly jobs: readonly Job[],
    private readonly onFile: ((result: FileValidation) => void) | undefined,
    private readonly onPiece?: (piece: FileValidation, throughLine: number, lastOfFile: boolean) => void,
  ) {}

  finished(jobIndex: number, result: FileValidation): void {
    this.done.set(jobIndex, result);
    while (this.done.has(this.nextJob)) {
      const job = this.jobs[this.nextJob];
      const piece = this.done.get(this.nextJob) as FileValidation;
      this.done.delete(this.nextJob);
      this.nextJob++;
      const last = job.chunk.index === job.chunk.count - 1;
      if (this.onPiece) {
        this.linesSoFar += piece.lines;
        this.onPiece(piece, this.linesSoFar, last);
        this.parts.push({ ...piece, findings: [] });
      } else this.parts.push(piece);
      if (!last) continue;
      this.linesSoFar = 0;
      const merged = mergeChunks(this.parts.map((result, index) => ({ job: { ...job, chunk: { index, count: job.chunk.count } }, result })))[0];
      this.parts = [];
      this.onFile?.(merged);
      this.totals.push({ ...merged, findings: [] });
    }
  }
}

/** Results of a file's chunks as one, in line order. */
function mergeChunks(results: readonly { job: Job; result: FileValidation }[]): FileValidation[] {
  const byFile = new Map<string, { job: Job; result: FileValidation }[]>();
  for (const entry of results) byFile.set(entry.job.task.file, [...(byFile.get(entry.job.task.file) ?? []), entry]);
  return [...byFile.entries()].map(([file, parts]) => {
    parts.sort((a, b) => a.job.chunk.index - b.job.chunk.index);
    return {
      file,
      findings: parts.flatMap((p) => p.result.findings),
      lines: parts.reduce((sum, p) => sum + p.result.lines, 0),
      eventLines: parts.reduce((sum, p) => sum + p.result.eventLines, 0),
      bytes: parts.reduce((sum, p) => sum + p.result.bytes, 0),
    };
  });
}

/** Where the worker script sits: beside this file, both in dist/ (esbuild) and in out/ (tsc). */
export function validateWorkerPath(): string {
  return path.join(__dirname, 'validateWorker.js');
}

/**
 * Checks every file with the per-line rules, spread over worker threads in
 * pieces of a few MiB (biggest first). Runs inline for small jobs, with one
 * thread, or when the worker script is missing (e.g. under a test runner
 * that does not build it). Returns one result per file.
 */
export async function validateFiles(
  tasks: readonly FileTask[],
  settings: LineRuleSettings & { registry: SchemaRegistry },
  options: PoolOptions,
): Promise<FileValidation[]> {
  const totalBytes = tasks.reduce((sum, task) => sum + textBytes(task), 0);
  const streaming = options.onFile !== undefined || options.onPiece !== undefined;
  const balanced = jobsOf(tasks, options.chunkBytes ?? (options.onPiece ? STREAM_CHUNK_BYTES : CHUNK_BYTES), options.threads, options.onPiece !== undefined);
  const jobs = streaming ? jobsInFileOrder(balanced, tasks) : balanced;
  const threads = Math.min(options.threads, jobs.length);
  const joins = options.callerJoinsWhen !== undefined;
  // A caller that does not join keeps its thread free: even one worker is worth it then.
  if (threads < (joins ? 2 : 1) || totalBytes < (options.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) || !fs.existsSync(validateWorkerPath())) {
    const results: { job: Job; result: FileValidation }[] = [];
    for (const task of tasks) {
      const job: Job = { task, chunk: { index: 0, count: 1 }, bytes: task.size };
      const result = await validateFile(task.absPath, task.file, settings);
      options.onProgress?.(textBytes(task));
      if (options.onPiece) {
        options.onPiece(result, result.lines, true);
        results.push({ job, result: { ...result, findings: [] } });
      } else if (options.onFile) {
        options.onFile(result);
        results.push({ job, result: { ...result, findings: [] } });
      } else results.push({ job, result });
    }
    return mergeChunks(results);
  }
  const setup: WorkerSetup = {
    registry: settings.registry.toSnapshot(),
    ...(settings.maxRetryCount !== undefined ? { maxRetryCount: settings.maxRetryCount } : {}),
    ...(settings.maxNestingDepth !== undefined ? { maxNestingDepth: settings.maxNestingDepth } : {}),
    ...(settings.severity !== undefined ? { severity: settings.severity } : {}),
    ...(settings.repeats !== undefined ? { repeats: settings.repeats } : {}),
    ...(settings.knownEventTypes !== undefined ? { knownEventTypes: settings.knownEventTypes } : {}),
    ...(settings.knownStatuses !== undefined ? { knownStatuses: settings.knownStatuses } : {}),
  };
  const inOrder = streaming ? new InOrderFiles(jobs, options.onFile, options.onPiece) : undefined;
  const results = await runOnWorkers(
    jobs,
    setup,
    joins ? threads - 1 : threads,
    options.onProgress,
    joins ? { when: options.callerJoinsWhen as Promise<void>, settings } : undefined,
    inOrder ? (jobIndex, result) => inOrder.finished(jobIndex, result) : undefined,
  );
  return inOrder ? inOrder.totals : mergeChunks(results);
}

async function runOnWorkers(
  jobs: readonly Job[],
  setup: WorkerSetup,
  threads: number,
  onProgress: PoolOptions['onProgress'],
  caller?: { when: Promise<void>; settings: LineRuleSettings },
  /** Streaming: each piece goes here (by its index in `jobs`) instead of into the returned list. */
  onPiece?: (jobIndex: number, result: FileValidation) => void,
): Promise<{ job: Job; result: FileValidation }[]> {
  const collected: { job: Job; result: FileValidation }[] = [];
  const finished = (jobIndex: number, result: FileValidation): void => {
    if (onPiece) onPiece(jobIndex, result);
    else collected.push({ job: jobs[jobIndex], result });
  };
  let next = 0;
  const workers: Worker[] = [];
  const callerTakesPieces = async (): Promise<void> => {
    if (!caller) return;
    await caller.when;
    while (next < jobs.length) {
      const jobIndex = next++;
      const job = jobs[jobIndex];
      finished(jobIndex, await validateFile(job.task.absPath, job.task.file, caller.settings, job.chunk));
      onProgress?.(job.bytes);
      // Let finished workers' messages in between pieces.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      callerTakesPieces(),
      ...Array.from({ length: threads }, () => {
        const worker = new Worker(validateWorkerPath(), { workerData: setup });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let settled = false;
          // Two pieces in flight per worker: the next one is already queued
          // there when this thread is busy (it checks lines itself too), so
          // a worker never waits for this thread to hand out work.
          let inFlight = 0;
          const sendNext = (): void => {
            if (next >= jobs.length) return;
            const id = next++;
            const job = jobs[id];
            inFlight++;
            worker.postMessage({ id, absPath: job.task.absPath, file: job.task.file, chunk: job.chunk } satisfies WorkerRequest);
          };
          worker.on('message', (response: WorkerResponse) => {
            inFlight--;
            if (response.error !== undefined) {
              settled = true;
              reject(new Error(`validating ${jobs[response.id].task.file} failed in a worker: ${response.error}`));
              return;
            }
            finished(response.id, response.result);
            onProgress?.(jobs[response.id].bytes);
            sendNext();
            if (inFlight === 0) {
              settled = true;
              resolve();
            }
          });
          worker.on('error', (error) => {
            settled = true;
            reject(error);
          });
          worker.on('exit', (code) => {
            if (!settled) reject(new Error(`a validation worker stopped early (exit code ${code})`));
          });
          sendNext();
          sendNext();
          if (inFlight === 0) {
            settled = true;
            resolve();
          }
        });
      }),
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return collected;
}
