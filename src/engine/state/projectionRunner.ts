import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Event } from '../model/event';
import type { FromProjectionWorker, ProjectionWorkerData, ToProjectionWorker } from './projectionProtocol';
import {
  DEFAULT_PROJECTION_LIMITS,
  ProjectionError,
  type LoadedProjection,
  type ProjectionLimits,
} from './projectionTypes';

/**
 * Beside this file in both builds: esbuild emits dist/projectionWorker.js
 * next to dist/cli.js (the bundle this code lives in), tsc emits it next to
 * this module.
 */
export function projectionWorkerPath(): string {
  return path.join(__dirname, 'projectionWorker.js');
}

export interface ProjectionRun {
  readonly state: unknown;
  readonly eventsApplied: number;
  readonly lastSequence: number;
  readonly lastEventId?: string;
}

const MB = 1024 * 1024;
/** How often the process's memory is checked while a projection runs. */
const MEMORY_CHECK_MS = 20;

/**
 * How much the process may grow while a projection runs: the worker's heap
 * (the limit, plus its young generation and the isolate itself) and as much
 * again outside it. The heap limit alone does not cover Buffers and
 * ArrayBuffers, which live outside the V8 heap: a projection filling those
 * would otherwise grow the server's process until the system kills it.
 */
export function memoryAllowanceBytes(maxMemoryMb: number): number {
  return (2 * maxMemoryMb + 64) * MB;
}

/** One worker and its message stream; every failure (throw, timeout, crash, OOM) becomes a ProjectionError. */
class WorkerChannel {
  private readonly worker: Worker;
  private readonly queue: FromProjectionWorker[] = [];
  private waiting: { resolve: (m: FromProjectionWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: ProjectionError | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly memoryCheck: NodeJS.Timeout;

  constructor(
    private readonly relativeFile: string,
    file: string,
    describeOnly: boolean,
    limits: Required<ProjectionLimits>,
    start?: { readonly state: unknown },
  ) {
    const workerData: ProjectionWorkerData = { file, describeOnly, ...(start ? { startState: start.state, hasStartState: true } : {}) };
    this.worker = new Worker(projectionWorkerPath(), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // A projection's console output must not reach stdout, where `--json` output goes.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker.on('message', (message: FromProjectionWorker) => this.deliver(message));
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory (limit ${limits.maxMemoryMb} MB) and was stopped`
          : `crashed: ${error.message}`,
      ),
    );
    this.worker.on('exit', (code) => this.fail(`stopped before answering (worker exit code ${code})`));
    this.timer = setTimeout(
      () => this.fail(`did not finish within ${limits.timeLimitMs} ms (an endless loop, or too slow) and was stopped`),
      limits.timeLimitMs,
    );
    const baseline = process.memoryUsage.rss();
    const allowance = memoryAllowanceBytes(limits.maxMemoryMb);
    this.memoryCheck = setInterval(() => {
      const grown = process.memoryUsage.rss() - baseline;
      if (grown > allowance) {
        this.fail(`ran out of memory (the process grew by ${Math.round(grown / MB)} MB, over ${Math.round(allowance / MB)} MB for a ${limits.maxMemoryMb} MB limit: buffers outside the heap) and was stopped`);
      }
    }, MEMORY_CHECK_MS);
    this.memoryCheck.unref();
  }

  post(message: ToProjectionWorker): void {
    if (!this.failure) this.worker.postMessage(message);
  }

  receive(): Promise<FromProjectionWorker> {
    const next = this.queue.shift();
    if (next) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** The next message, which must be `type`; a worker-reported error becomes a ProjectionError. */
  async expect<T extends FromProjectionWorker['type']>(type: T): Promise<Extract<FromProjectionWorker, { type: T }>> {
    const message = await this.receive();
    if (message.type === 'error') throw new ProjectionError(this.relativeFile, message.message);
    if (message.type !== type) throw new ProjectionError(this.relativeFile, `unexpected worker message ${message.type}`);
    return message as Extract<FromProjectionWorker, { type: T }>;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.memoryCheck);
    if (!this.failure) this.failure = new ProjectionError(this.relativeFile, 'closed');
    await this.worker.terminate();
  }

  private deliver(message: FromProjectionWorker): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(message);
    } else {
      this.queue.push(message);
    }
  }

  private fail(reason: string): void {
    if (this.failure) return;
    this.failure = new ProjectionError(this.relativeFile, reason);
    clearTimeout(this.timer);
    clearInterval(this.memoryCheck);
    void this.worker.terminate();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      reject(this.failure);
    }
  }
}

function withDefaults(limits: ProjectionLimits = {}): Required<ProjectionLimits> {
  return { ...DEFAULT_PROJECTION_LIMITS, ...limits };
}

/** Loads the module in a worker and returns the name it exports (or a ProjectionError). */
export async function describeProjection(file: string, relativeFile: string, limits?: ProjectionLimits): Promise<string> {
  const channel = new WorkerChannel(relativeFile, file, true, withDefaults(limits));
  try {
    return (await channel.expect('ready')).name;
  } finally {
    await channel.close();
  }
}

/**
 * Folds the events through the projection in a worker (from `start.state`
 * when given, a snapshot's, else from the module's initialState), in batches, within
 * the time and memory limits. Never hangs: an endless loop ends at the time
 * limit with a ProjectionError naming the file.
 */
export async function runProjection(
  projection: LoadedProjection,
  events: AsyncIterable<Event> | Iterable<Event>,
  limits?: ProjectionLimits,
  /** The snapshot state to start from instead of the module's initialState. */
  start?: { readonly state: unknown },
): Promise<ProjectionRun> {
  const resolved = withDefaults(limits);
  const channel = new WorkerChannel(projection.relativeFile, projection.file, false, resolved, start);
  try {
    await channel.expect('ready');
    let batch: Event[] = [];
    let awaitingAck = false;
    let lastSequence = -1;
    let lastEventId: string | undefined;
    // One batch in flight: the worker folds while the next batch is read.
    const send = async (): Promise<void> => {
      if (awaitingAck) await channel.expect('ack');
      channel.post({ type: 'batch', events: batch });
      awaitingAck = true;
      batch = [];
    };
    for await (const event of events) {
      batch.push(event);
      lastSequence = event.metadata.sequence_number;
      lastEventId = event.metadata.event_id;
      if (batch.length >= resolved.batchSize) await send();
    }
    if (batch.length > 0) await send();
    if (awaitingAck) await channel.expect('ack');
    channel.post({ type: 'finish' });
    const result = await channel.expect('result');
    return { state: result.state, eventsApplied: result.applied, lastSequence, lastEventId };
  } finally {
    await channel.close();
  }
}
