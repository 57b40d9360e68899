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
exports.FileEventStorage = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("./layout");
const writeLock_1 = require("./writeLock");
/**
 * The JSONL file store as an `EventStorage`: reads through the index (bodies
 * read lazily), writes through the durable appender, snapshots as files.
 * The appender is created on the first append, so read-only use never takes
 * the writer lock.
 */
class FileEventStorage {
    root;
    store;
    kind = 'jsonl-files';
    /** The config's `fold` (set by whoever opens the store with its config). */
    foldSetting;
    /** Created once, on the first append; concurrent first appends share it. */
    appender = null;
    appenderFactory = null;
    /** The appender that holds the lock now (set once its open finished and the tail was re-read). */
    heldAppender = null;
    /** Counts lock acquisitions: a writer's sequence counters are valid only for the generation they were read in. */
    generation = 0;
    preparing = null;
    snapshotFiles = null;
    /** Appends since the index last looked at the files; reads catch up first. */
    stale = false;
    catchingUp = null;
    constructor(root, store) {
        this.root = root;
        this.store = store;
    }
    /** Plugs in the writer (kept separate so that the index layer does not depend on the bus). */
    useAppender(factory) {
        this.appenderFactory = factory;
    }
    sequenceMode() {
        return this.store.index.sequenceMode;
    }
    useSnapshots(files) {
        this.snapshotFiles = files;
    }
    /**
     * The lock generation writes may be numbered under: 0 while this storage
     * does not hold the writer lock (nothing may be numbered yet). Changes
     * whenever the lock is (re)acquired, so a bus knows its counters are stale.
     */
    writerGeneration() {
        if (this.heldAppender && this.heldAppender.holdsLock === false)
            this.dropAppender();
        return this.heldAppender ? this.generation : 0;
    }
    /**
     * Takes the writer lock (waiting for a live writer to finish) and then
     * re-reads the store's tail, so that the last sequence numbers read next
     * include everything any other writer wrote before we held the lock.
     * Resolves with the new lock generation.
     */
    prepareWrite() {
        const current = this.writerGeneration();
        if (current !== 0)
            return Promise.resolve(current);
        this.preparing ??= (async () => {
            try {
                const appender = await this.openAppender();
                this.stale = false;
                await this.store.refresh();
                this.heldAppender = appender;
                return ++this.generation;
            }
            finally {
                this.preparing = null;
            }
        })();
        return this.preparing;
    }
    openAppender() {
        if (!this.appender) {
            if (!this.appenderFactory)
                throw new Error(`${this.root}: this store was opened read-only (no event writer configured)`);
            const opening = this.appenderFactory();
            this.appender = opening;
            // A failed open (the lock is held) must not stick: the next append tries again.
            opening.catch(() => {
                if (this.appender === opening)
                    this.appender = null;
            });
        }
        return this.appender;
    }
    /** Forgets an appender whose lock was taken over (closing it only closes its files: the lock is not ours). */
    dropAppender() {
        const dropped = this.heldAppender;
        this.heldAppender = null;
        this.appender = null;
        void dropped?.close().catch(() => undefined);
    }
    async append(events) {
        const appender = await this.openAppender();
        try {
            await appender.append(events);
        }
        catch (error) {
            if (appender.holdsLock === false && this.heldAppender === appender)
                this.dropAppender();
            throw error;
        }
        // The bus appends one event per publish (the appender groups them into
        // commits): re-indexing per append would cost a refresh per event, so
        // reads catch up once, when they come.
        this.stale = true;
    }
    /** Brings the index up to what this storage wrote; concurrent callers share one refresh. */
    async catchUp() {
        while (this.stale) {
            if (!this.catchingUp) {
                this.stale = false;
                this.catchingUp = this.store.refresh().then(() => {
                    this.catchingUp = null;
                }, (error) => {
                    this.catchingUp = null;
                    this.stale = true;
                    throw error;
                });
            }
            await this.catchingUp;
        }
        if (this.catchingUp)
            await this.catchingUp;
    }
    async *query(query) {
        await this.catchUp();
        for (const ordinal of this.store.selectOrdinals(query))
            yield this.store.readEventSync(ordinal);
    }
    async getEvent(eventId) {
        await this.catchUp();
        const [ordinal] = this.store.index.ordinalsOfEventId(eventId);
        return ordinal === undefined ? undefined : this.store.readEventSync(ordinal);
    }
    async lastSequence(aggregateId) {
        await this.catchUp();
        const index = this.store.index;
        let highest = -1;
        if (aggregateId === undefined) {
            highest = index.highestSequence();
        }
        else {
            for (const o of index.ordinalsOfAggregate(aggregateId)) {
                const seq = index.sequenceOf(o);
                if (seq > highest)
                    highest = seq;
            }
        }
        return highest;
    }
    async countEvents() {
        // No await when the index is current: the counts are those of this moment.
        if (this.stale)
            await this.catchUp();
        const index = this.store.index;
        const byAggregate = new Map();
        for (const id of index.aggregateIds())
            byAggregate.set(id, index.aggregateSize(id));
        return { total: index.eventCount, byAggregate };
    }
    /** Under the writer lock, like every write: ours when a bus over this storage holds it, else taken for the save. */
    async saveSnapshot(snapshot) {
        if (this.appender)
            return this.snapshots().save(snapshot);
        return (0, writeLock_1.withWriterLock)(this.root, () => this.snapshots().save(snapshot));
    }
    async listSnapshots(aggregateId) {
        return this.snapshots().list(aggregateId);
    }
    async loadSnapshot(ref) {
        return this.snapshots().load(ref);
    }
    async health() {
        const eventsDir = path.join(this.root, layout_1.EVENTS_DIR);
        try {
            await fs.promises.access(this.root, fs.constants.R_OK);
        }
        catch (error) {
            return { healthy: false, detail: `cannot read ${this.root}: ${error.code}` };
        }
        let writable = true;
        try {
            await fs.promises.access(fs.existsSync(eventsDir) ? eventsDir : this.root, fs.constants.W_OK);
        }
        catch {
            writable = false;
        }
        const problems = this.store.index.problems.length;
        return {
            healthy: writable && problems === 0,
            detail: `${writable ? 'writable' : 'read-only'}; ${problems} unreadable line(s)`,
            events: this.store.index.eventCount,
        };
    }
    /** Waits until every append so far is durable (the bus's `stop()` calls it). */
    async flush() {
        const appender = (await this.appender?.catch(() => null));
        await appender?.flush?.();
    }
    async close() {
        const opening = this.appender;
        this.appender = null;
        this.heldAppender = null;
        const appender = await opening?.catch(() => null);
        if (appender)
            await appender.close();
        if (this.stale)
            await this.catchUp();
    }
    snapshots() {
        if (!this.snapshotFiles)
            throw new Error(`${this.root}: snapshot files are not configured for this store`);
        return this.snapshotFiles;
    }
}
exports.FileEventStorage = FileEventStorage;
//# sourceMappingURL=fileStorage.js.map