"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateWorkerPath = validateWorkerPath;
exports.validateFiles = validateFiles;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const validateFile_1 = require("./validateFile");
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
/** Gzip text is ~6x its file size: what the size threshold and the balancing should count. */
function textBytes(task) {
    return task.absPath.endsWith('.gz') ? task.size * 6 : task.size;
}
/**
 * Pieces of work, biggest first. A plain file is cut only when pieces of
 * `chunkBytes` are needed to keep the threads evenly busy (a few pieces per
 * thread); every chunk reads its whole file, so cutting is not free. Gzip
 * files stay whole: every chunk would decompress the file from its start.
 */
function jobsOf(tasks, chunkBytes, threads, smallPieces = false) {
    const total = tasks.reduce((sum, task) => sum + textBytes(task), 0);
    const pieceBytes = smallPieces ? chunkBytes : Math.max(chunkBytes, total / (threads * 4));
    const jobs = [];
    for (const task of tasks) {
        const count = task.absPath.endsWith('.gz') ? 1 : Math.max(1, Math.ceil(task.size / pieceBytes));
        for (let index = 0; index < count; index++)
            jobs.push({ task, chunk: { index, count }, bytes: textBytes(task) / count });
    }
    return jobs.sort((a, b) => b.bytes - a.bytes);
}
/** Pieces in file order, then chunk order: what streaming in file order needs. */
function jobsInFileOrder(jobs, tasks) {
    const rank = new Map(tasks.map((task, index) => [task.file, index]));
    return [...jobs].sort((a, b) => (rank.get(a.task.file) ?? 0) - (rank.get(b.task.file) ?? 0) || a.chunk.index - b.chunk.index);
}
/**
 * Hands results over in job order: a job that finishes early waits until
 * every job before it is done; a file's chunks are merged when its last one
 * is. Returns the per-file totals, findings left out.
 */
class InOrderFiles {
    jobs;
    onFile;
    onPiece;
    done = new Map();
    nextJob = 0;
    parts = [];
    linesSoFar = 0;
    totals = [];
    constructor(jobs, onFile, onPiece) {
        this.jobs = jobs;
        this.onFile = onFile;
        this.onPiece = onPiece;
    }
    finished(jobIndex, result) {
        this.done.set(jobIndex, result);
        while (this.done.has(this.nextJob)) {
            const job = this.jobs[this.nextJob];
            const piece = this.done.get(this.nextJob);
            this.done.delete(this.nextJob);
            this.nextJob++;
            const last = job.chunk.index === job.chunk.count - 1;
            if (this.onPiece) {
                this.linesSoFar += piece.lines;
                this.onPiece(piece, this.linesSoFar, last);
                this.parts.push({ ...piece, findings: [] });
            }
            else
                this.parts.push(piece);
            if (!last)
                continue;
            this.linesSoFar = 0;
            const merged = mergeChunks(this.parts.map((result, index) => ({ job: { ...job, chunk: { index, count: job.chunk.count } }, result })))[0];
            this.parts = [];
            this.onFile?.(merged);
            this.totals.push({ ...merged, findings: [] });
        }
    }
}
/** Results of a file's chunks as one, in line order. */
function mergeChunks(results) {
    const byFile = new Map();
    for (const entry of results)
        byFile.set(entry.job.task.file, [...(byFile.get(entry.job.task.file) ?? []), entry]);
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
function validateWorkerPath() {
    return path.join(__dirname, 'validateWorker.js');
}
/**
 * Checks every file with the per-line rules, spread over worker threads in
 * pieces of a few MiB (biggest first). Runs inline for small jobs, with one
 * thread, or when the worker script is missing (e.g. under a test runner
 * that does not build it). Returns one result per file.
 */
async function validateFiles(tasks, settings, options) {
    const totalBytes = tasks.reduce((sum, task) => sum + textBytes(task), 0);
    const streaming = options.onFile !== undefined || options.onPiece !== undefined;
    const balanced = jobsOf(tasks, options.chunkBytes ?? (options.onPiece ? STREAM_CHUNK_BYTES : CHUNK_BYTES), options.threads, options.onPiece !== undefined);
    const jobs = streaming ? jobsInFileOrder(balanced, tasks) : balanced;
    const threads = Math.min(options.threads, jobs.length);
    const joins = options.callerJoinsWhen !== undefined;
    // A caller that does not join keeps its thread free: even one worker is worth it then.
    if (threads < (joins ? 2 : 1) || totalBytes < (options.minBytesForWorkers ?? MIN_BYTES_FOR_WORKERS) || !fs.existsSync(validateWorkerPath())) {
        const results = [];
        for (const task of tasks) {
            const job = { task, chunk: { index: 0, count: 1 }, bytes: task.size };
            const result = await (0, validateFile_1.validateFile)(task.absPath, task.file, settings);
            options.onProgress?.(textBytes(task));
            if (options.onPiece) {
                options.onPiece(result, result.lines, true);
                results.push({ job, result: { ...result, findings: [] } });
            }
            else if (options.onFile) {
                options.onFile(result);
                results.push({ job, result: { ...result, findings: [] } });
            }
            else
                results.push({ job, result });
        }
        return mergeChunks(results);
    }
    const setup = {
        registry: settings.registry.toSnapshot(),
        ...(settings.maxRetryCount !== undefined ? { maxRetryCount: settings.maxRetryCount } : {}),
        ...(settings.maxNestingDepth !== undefined ? { maxNestingDepth: settings.maxNestingDepth } : {}),
        ...(settings.severity !== undefined ? { severity: settings.severity } : {}),
        ...(settings.repeats !== undefined ? { repeats: settings.repeats } : {}),
        ...(settings.knownEventTypes !== undefined ? { knownEventTypes: settings.knownEventTypes } : {}),
        ...(settings.knownStatuses !== undefined ? { knownStatuses: settings.knownStatuses } : {}),
    };
    const inOrder = streaming ? new InOrderFiles(jobs, options.onFile, options.onPiece) : undefined;
    const results = await runOnWorkers(jobs, setup, joins ? threads - 1 : threads, options.onProgress, joins ? { when: options.callerJoinsWhen, settings } : undefined, inOrder ? (jobIndex, result) => inOrder.finished(jobIndex, result) : undefined);
    return inOrder ? inOrder.totals : mergeChunks(results);
}
async function runOnWorkers(jobs, setup, threads, onProgress, caller, 
/** Streaming: each piece goes here (by its index in `jobs`) instead of into the returned list. */
onPiece) {
    const collected = [];
    const finished = (jobIndex, result) => {
        if (onPiece)
            onPiece(jobIndex, result);
        else
            collected.push({ job: jobs[jobIndex], result });
    };
    let next = 0;
    const workers = [];
    const callerTakesPieces = async () => {
        if (!caller)
            return;
        await caller.when;
        while (next < jobs.length) {
            const jobIndex = next++;
            const job = jobs[jobIndex];
            finished(jobIndex, await (0, validateFile_1.validateFile)(job.task.absPath, job.task.file, caller.settings, job.chunk));
            onProgress?.(job.bytes);
            // Let finished workers' messages in between pieces.
            await new Promise((resolve) => setImmediate(resolve));
        }
    };
    try {
        await Promise.all([
            callerTakesPieces(),
            ...Array.from({ length: threads }, () => {
                const worker = new node_worker_threads_1.Worker(validateWorkerPath(), { workerData: setup });
                workers.push(worker);
                return new Promise((resolve, reject) => {
                    let settled = false;
                    // Two pieces in flight per worker: the next one is already queued
                    // there when this thread is busy (it checks lines itself too), so
                    // a worker never waits for this thread to hand out work.
                    let inFlight = 0;
                    const sendNext = () => {
                        if (next >= jobs.length)
                            return;
                        const id = next++;
                        const job = jobs[id];
                        inFlight++;
                        worker.postMessage({ id, absPath: job.task.absPath, file: job.task.file, chunk: job.chunk });
                    };
                    worker.on('message', (response) => {
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
                        if (!settled)
                            reject(new Error(`a validation worker stopped early (exit code ${code})`));
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
    }
    finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
    return collected;
}
//# sourceMappingURL=fileValidationPool.js.map