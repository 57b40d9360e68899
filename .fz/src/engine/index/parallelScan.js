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
exports.scanInParallel = scanInParallel;
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const fileScanner_1 = require("./fileScanner");
const scanPlan_1 = require("./scanPlan");
/** Below this much data, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;
async function scanInParallel(files, interners, options) {
    const limits = options.limits ?? {};
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let doneBytes = 0;
    const fileDone = (bytes) => {
        doneBytes += bytes;
        options.onProgress?.(doneBytes, totalBytes);
    };
    const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), files.length + (options.scanOnCallingThread === false ? 1 : 0)));
    const workerScript = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
    if (threads === 1 || totalBytes < (options.parallelThresholdBytes ?? PARALLEL_THRESHOLD_BYTES) || !fs.existsSync(workerScript)) {
        return { segments: (0, scanPlan_1.scanFiles)(files, interners, limits, fileDone), idTable: null };
    }
    const started = performance.now();
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const byFile = new Map();
    let ownBytes = 0;
    let takingMs = 0;
    const workers = Array.from({ length: threads - 1 }, () => {
        const mapper = new scanPlan_1.WorkerIdMapper(interners);
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
            const segment = (0, scanPlan_1.scanOneFile)(files[k], interners, limits);
            byFile.set(segment.file, segment);
            // This thread's interners end up holding every thread's strings: sized for the whole store.
            if (ownBytes === 0)
                (0, fileScanner_1.reserveInterners)(interners, segment, totalBytes);
            ownBytes += files[k].size;
            fileDone(files[k].size);
            // Between files, let the workers' segments in (mapped now, while the workers still scan).
            await new Promise((resolve) => setImmediate(resolve));
        }
        const ownDone = performance.now();
        await Promise.all(workers.map((worker) => worker.scanned));
        const segments = files.map((f) => byFile.get(f.file));
        if (process.env.EVENTBUS_TRACE_INDEX) {
            const share = ((100 * ownBytes) / totalBytes).toFixed(0);
            process.stderr.write(`index: this thread scanned ${share}% of the bytes by ${(ownDone - started).toFixed(0)} ms (+${takingMs.toFixed(0)} ms taking in workers' files), workers done by ${(performance.now() - started).toFixed(0)} ms\n`);
        }
        const stopAll = () => workers.forEach((worker) => worker.stop());
        // A worker failing now costs only time: the caller fills the table itself.
        const idTable = workers[0].fillIdTable(segments.map((segment) => segment.columns)).catch((error) => {
            options.onWorkerFailure?.(error);
            return null;
        });
        void idTable.then(stopAll);
        return { segments, idTable };
    }
    catch (error) {
        for (const worker of workers)
            worker.stop();
        throw error;
    }
}
/** One worker thread: scans the files it claims, then may fill the store's id table. */
class ScanWorker {
    /** Resolves once every file the worker claimed has been taken in. */
    scanned;
    worker;
    idTable = null;
    finished = false;
    constructor(script, request, onFile) {
        this.worker = new node_worker_threads_1.Worker(script, { workerData: request });
        this.scanned = new Promise((resolve, reject) => {
            let scanned = false;
            this.worker.on('message', (message) => {
                if ('file' in message) {
                    onFile(message.file);
                }
                else if ('done' in message) {
                    scanned = true;
                    resolve();
                }
                else {
                    this.finished = true;
                    this.idTable?.resolve(message.ids);
                }
            });
            const fail = (error) => {
                if (!scanned)
                    reject(error);
                if (!this.finished)
                    this.idTable?.reject(error);
                this.finished = true;
            };
            this.worker.once('error', fail);
            this.worker.once('exit', (code) => fail(new Error(`index worker exited with code ${code} before finishing`)));
        });
        // Awaited only after this thread's own files: a failure before that must not count as unhandled.
        this.scanned.catch(() => undefined);
    }
    /** Shares the event-id columns of every segment with the worker (shared memory: no copy); resolves with the filled table. */
    fillIdTable(columns) {
        const filled = new Promise((resolve, reject) => {
            this.idTable = { resolve, reject };
        });
        const idColumns = columns.map((c) => ({ count: c.count, eventId: c.eventId, eventIdKind: c.eventIdKind, oddEventIds: c.oddEventIds }));
        this.worker.postMessage({ idColumns });
        return filled;
    }
    stop() {
        this.finished = true;
        void this.worker.terminate();
    }
}
//# sourceMappingURL=parallelScan.js.map