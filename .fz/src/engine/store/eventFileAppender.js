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
exports.EventFileAppender = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const timestamp_1 = require("../model/timestamp");
const atomicWrite_1 = require("./atomicWrite");
const compressDay_1 = require("./compressDay");
const groupCommitWriter_1 = require("./groupCommitWriter");
const lineStyle_1 = require("./lineStyle");
const layout_1 = require("./layout");
const recoverInterruptedWork_1 = require("./recoverInterruptedWork");
const writeLock_1 = require("./writeLock");
/**
 * The durable writer of the JSONL file store: one line per event in
 * `events/events_<UTC day of the event's timestamp>.jsonl`, group-committed
 * (one write + one fsync per day file per batch); `append` resolves only once
 * its events are fsynced. Holds the store's writer lock while open.
 */
class EventFileAppender {
    storeRoot;
    eventsDir;
    lock;
    options;
    lineStyle;
    writer;
    files = new Map();
    compressing = new Map();
    backgroundJobs = new Set();
    clock;
    maxOpenFiles;
    currentDay;
    closing;
    /** Set once a commit found the lock taken over: this appender never writes again. */
    lost;
    constructor(storeRoot, eventsDir, lock, options, 
    /** How the store's lines are spelled: new lines are spelled the same. */
    lineStyle) {
        this.storeRoot = storeRoot;
        this.eventsDir = eventsDir;
        this.lock = lock;
        this.options = options;
        this.lineStyle = lineStyle;
        this.clock = options.clock ?? Date.now;
        this.maxOpenFiles = Math.max(1, options.maxOpenFiles ?? 4);
        this.currentDay = (0, timestamp_1.utcDay)(this.clock());
        this.writer = new groupCommitWriter_1.GroupCommitWriter((batch) => this.commit(batch));
    }
    /**
     * Takes the writer lock (throws `WriterLockedError` when another live
     * process holds it), then finishes whatever a crashed writer left half done.
     */
    static async open(storeRoot, options = {}) {
        const eventsDir = path.join(storeRoot, layout_1.EVENTS_DIR);
        await fs.promises.mkdir(eventsDir, { recursive: true });
        const lock = await (0, writeLock_1.acquireWriterLockWaiting)(storeRoot, options.lockWaitMs ?? 0);
        let lineStyle;
        try {
            await (0, recoverInterruptedWork_1.recoverInterruptedWork)(storeRoot);
            lineStyle = await (0, lineStyle_1.storeLineStyle)(storeRoot);
        }
        catch (error) {
            await lock.release();
            throw error;
        }
        return new EventFileAppender(storeRoot, eventsDir, lock, options, lineStyle);
    }
    /** Resolves once every event is written and fsynced, in the order of the calls. */
    append(events) {
        if (this.closing)
            return Promise.reject(new Error(`The event writer of ${this.storeRoot} is closed.`));
        if (this.lost)
            return Promise.reject(this.lost);
        if (events.length === 0)
            return Promise.resolve();
        const entries = new Array(events.length);
        for (let i = 0; i < events.length; i++)
            entries[i] = [this.dayOf(events[i]), (0, lineStyle_1.serializeEventInStyle)(events[i], this.lineStyle)];
        return this.writer.submit(entries);
    }
    /** Resolves once everything appended so far is durable. */
    flush() {
        return this.writer.flush();
    }
    /** Gzips every plain day file older than the current UTC day now, regardless of `compression`. */
    async compressClosedDays() {
        const jobs = await this.writer.exclusive(async () => this.startCompression((0, timestamp_1.utcDay)(this.clock())));
        return Promise.all(jobs);
    }
    /** False once the writer lock was found taken over (the storage then opens a new appender, re-reading the store). */
    get holdsLock() {
        return this.lost === undefined;
    }
    get stats() {
        const { commits, lines } = this.writer.stats;
        return { commits, events: lines, openFiles: this.files.size };
    }
    /** Flushes, waits for compression in progress, closes the files and releases the lock. */
    close() {
        this.closing ??= (async () => {
            try {
                await this.writer.close();
                await Promise.allSettled([...this.backgroundJobs]);
                const files = [...this.files.values()];
                this.files.clear();
                await Promise.allSettled(files.map((f) => f.handle.close()));
            }
            finally {
                await this.lock.release();
            }
        })();
        return this.closing;
    }
    /** Runs inside the group-commit writer: never two at once. */
    async commit(batch) {
        // Sequence numbers were assigned under our lock: if another writer took it over, they may be its numbers too.
        if (this.lost || !(await this.lock.stillHeld())) {
            this.lost ??= new writeLock_1.WriterLockLostError(this.lock.file);
            throw this.lost;
        }
        const today = (0, timestamp_1.utcDay)(this.clock());
        if (today !== this.currentDay) {
            this.currentDay = today;
            if (this.options.compression)
                this.runInBackground(await this.startCompression(today));
        }
        await Promise.all([...batch].map(([day, lines]) => this.writeDay(day, lines)));
        if (this.files.size > this.maxOpenFiles)
            await this.closeOldFiles(batch);
    }
    async writeDay(day, lines) {
        const compression = this.compressing.get(day);
        if (compression)
            await compression; // its plain file is being gzipped: start a new one afterwards
        const file = await this.openDay(day);
        let text = lines.join('\n') + '\n';
        if (file.needsLeadingNewline)
            text = '\n' + text;
        try {
            await writeAll(file.handle, Buffer.from(text, 'utf8'));
            await file.handle.datasync();
            if (file.needsDirectorySync)
                await (0, atomicWrite_1.fsyncDirectory)(this.eventsDir);
        }
        catch (error) {
            // The file may now end mid-line; dropping the handle makes the next
            // append re-open it and re-check the tail, so lines never merge.
            this.files.delete(day);
            await file.handle.close().catch(() => undefined);
            throw new Error(`Could not append ${lines.length} events to ${file.file}: ${error.message}`, {
                cause: error,
            });
        }
        file.needsLeadingNewline = false;
        file.needsDirectorySync = false;
    }
    async openDay(day) {
        const open = this.files.get(day);
        if (open)
            return open;
        const file = path.join(this.eventsDir, (0, layout_1.eventFileName)(day));
        // 'a+': writes always go to the end (O_APPEND), and the last byte can be read.
        const handle = await fs.promises.open(file, 'a+');
        try {
            const { size } = await handle.stat();
            let needsLeadingNewline = false;
            if (size > 0) {
                // A crash mid-write leaves a torn last line. Its bytes stay as they
                // are (the reader reports them); new lines just start after a '\n'.
                const last = Buffer.alloc(1);
                const { bytesRead } = await handle.read(last, 0, 1, size - 1);
                needsLeadingNewline = bytesRead === 1 && last[0] !== 0x0a;
            }
            const dayFile = { file, handle, needsLeadingNewline, needsDirectorySync: size === 0 };
            this.files.set(day, dayFile);
            return dayFile;
        }
        catch (error) {
            await handle.close().catch(() => undefined);
            throw error;
        }
    }
    /** Closes the least useful handles: not written in this batch and not today's. */
    async closeOldFiles(batch) {
        const closable = [...this.files.keys()].filter((day) => !batch.has(day) && day !== this.currentDay).sort();
        const excess = this.files.size - this.maxOpenFiles;
        const victims = closable.slice(0, excess).map((day) => {
            const file = this.files.get(day);
            this.files.delete(day);
            return file.handle.close();
        });
        await Promise.allSettled(victims);
    }
    /**
     * Starts gzipping every plain file of a day before `today`. Runs between
     * commits; marks the days first, so a later commit with lines for such a
     * day waits for its compression and then starts a fresh plain file (which
     * the next compression adds to the `.gz` as a new member).
     */
    async startCompression(today) {
        const names = await fs.promises.readdir(this.eventsDir);
        const jobs = [];
        for (const name of names) {
            const parsed = (0, layout_1.parseEventFileName)(name);
            if (!parsed || parsed.compressed || parsed.day >= today || this.compressing.has(parsed.day))
                continue;
            const day = parsed.day;
            const open = this.files.get(day);
            this.files.delete(day);
            const job = (async () => {
                if (open)
                    await open.handle.close();
                return (0, compressDay_1.compressDayFile)(this.eventsDir, day);
            })();
            const settled = job.then(() => undefined, () => undefined);
            this.compressing.set(day, settled);
            void settled.then(() => this.compressing.delete(day));
            jobs.push(job);
        }
        return jobs;
    }
    runInBackground(jobs) {
        for (const job of jobs) {
            const tracked = job.catch((error) => {
                this.options.onBackgroundError?.(error instanceof Error ? error : new Error(String(error)));
            });
            this.backgroundJobs.add(tracked);
            void tracked.then(() => this.backgroundJobs.delete(tracked));
        }
    }
    /** The UTC day file an event belongs in, by its timestamp. */
    dayOf(event) {
        const timestamp = event.metadata.timestamp;
        // Fast path for what the bus writes (`...Z`); offsets can move the day, so they are parsed.
        if (FAST_UTC_TIMESTAMP.test(timestamp))
            return timestamp.slice(0, 10);
        const ms = (0, timestamp_1.parseTimestamp)(timestamp);
        // An event with an unreadable timestamp still gets stored (today's file) rather than lost.
        return Number.isNaN(ms) ? (0, timestamp_1.utcDay)(this.clock()) : (0, timestamp_1.utcDay)(ms);
    }
}
exports.EventFileAppender = EventFileAppender;
const FAST_UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
async function writeAll(handle, buffer) {
    let offset = 0;
    while (offset < buffer.length) {
        const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, null);
        offset += bytesWritten;
    }
}
//# sourceMappingURL=eventFileAppender.js.map