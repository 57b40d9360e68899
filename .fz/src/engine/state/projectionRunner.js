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
exports.projectionWorkerPath = projectionWorkerPath;
exports.memoryAllowanceBytes = memoryAllowanceBytes;
exports.describeProjection = describeProjection;
exports.runProjection = runProjection;
const path = __importStar(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const projectionTypes_1 = require("./projectionTypes");
/**
 * Beside this file in both builds: esbuild emits dist/projectionWorker.js
 * next to dist/cli.js (the bundle this code lives in), tsc emits it next to
 * this module.
 */
function projectionWorkerPath() {
    return path.join(__dirname, 'projectionWorker.js');
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
function memoryAllowanceBytes(maxMemoryMb) {
    return (2 * maxMemoryMb + 64) * MB;
}
/** One worker and its message stream; every failure (throw, timeout, crash, OOM) becomes a ProjectionError. */
class WorkerChannel {
    relativeFile;
    worker;
    queue = [];
    waiting;
    failure;
    timer;
    memoryCheck;
    constructor(relativeFile, file, describeOnly, limits, start) {
        this.relativeFile = relativeFile;
        const workerData = { file, describeOnly, ...(start ? { startState: start.state, hasStartState: true } : {}) };
        this.worker = new node_worker_threads_1.Worker(projectionWorkerPath(), {
            workerData,
            resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
            // A projection's console output must not reach stdout, where `--json` output goes.
            stdout: true,
            stderr: true,
        });
        this.worker.stdout.on('data', (chunk) => process.stderr.write(chunk));
        this.worker.stderr.on('data', (chunk) => process.stderr.write(chunk));
        this.worker.on('message', (message) => this.deliver(message));
        this.worker.on('error', (error) => this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `ran out of memory (limit ${limits.maxMemoryMb} MB) and was stopped`
            : `crashed: ${error.message}`));
        this.worker.on('exit', (code) => this.fail(`stopped before answering (worker exit code ${code})`));
        this.timer = setTimeout(() => this.fail(`did not finish within ${limits.timeLimitMs} ms (an endless loop, or too slow) and was stopped`), limits.timeLimitMs);
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
    post(message) {
        if (!this.failure)
            this.worker.postMessage(message);
    }
    receive() {
        const next = this.queue.shift();
        if (next)
            return Promise.resolve(next);
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.waiting = { resolve, reject };
        });
    }
    /** The next message, which must be `type`; a worker-reported error becomes a ProjectionError. */
    async expect(type) {
        const message = await this.receive();
        if (message.type === 'error')
            throw new projectionTypes_1.ProjectionError(this.relativeFile, message.message);
        if (message.type !== type)
            throw new projectionTypes_1.ProjectionError(this.relativeFile, `unexpected worker message ${message.type}`);
        return message;
    }
    async close() {
        clearTimeout(this.timer);
        clearInterval(this.memoryCheck);
        if (!this.failure)
            this.failure = new projectionTypes_1.ProjectionError(this.relativeFile, 'closed');
        await this.worker.terminate();
    }
    deliver(message) {
        if (this.waiting) {
            const { resolve } = this.waiting;
            this.waiting = undefined;
            resolve(message);
        }
        else {
            this.queue.push(message);
        }
    }
    fail(reason) {
        if (this.failure)
            return;
        this.failure = new projectionTypes_1.ProjectionError(this.relativeFile, reason);
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
function withDefaults(limits = {}) {
    return { ...projectionTypes_1.DEFAULT_PROJECTION_LIMITS, ...limits };
}
/** Loads the module in a worker and returns the name it exports (or a ProjectionError). */
async function describeProjection(file, relativeFile, limits) {
    const channel = new WorkerChannel(relativeFile, file, true, withDefaults(limits));
    try {
        return (await channel.expect('ready')).name;
    }
    finally {
        await channel.close();
    }
}
/**
 * Folds the events through the projection in a worker (from `start.state`
 * when given, a snapshot's, else from the module's initialState), in batches, within
 * the time and memory limits. Never hangs: an endless loop ends at the time
 * limit with a ProjectionError naming the file.
 */
async function runProjection(projection, events, limits, 
/** The snapshot state to start from instead of the module's initialState. */
start) {
    const resolved = withDefaults(limits);
    const channel = new WorkerChannel(projection.relativeFile, projection.file, false, resolved, start);
    try {
        await channel.expect('ready');
        let batch = [];
        let awaitingAck = false;
        let lastSequence = -1;
        let lastEventId;
        // One batch in flight: the worker folds while the next batch is read.
        const send = async () => {
            if (awaitingAck)
                await channel.expect('ack');
            channel.post({ type: 'batch', events: batch });
            awaitingAck = true;
            batch = [];
        };
        for await (const event of events) {
            batch.push(event);
            lastSequence = event.metadata.sequence_number;
            lastEventId = event.metadata.event_id;
            if (batch.length >= resolved.batchSize)
                await send();
        }
        if (batch.length > 0)
            await send();
        if (awaitingAck)
            await channel.expect('ack');
        channel.post({ type: 'finish' });
        const result = await channel.expect('result');
        return { state: result.state, eventsApplied: result.applied, lastSequence, lastEventId };
    }
    finally {
        await channel.close();
    }
}
//# sourceMappingURL=projectionRunner.js.map