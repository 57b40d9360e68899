"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FolderBackend = void 0;
exports.openFolderBackend = openFolderBackend;
exports.folderEngineOf = folderEngineOf;
const query_1 = require("../../query");
const openStore_1 = require("../../openStore");
const eventFileAppender_1 = require("../../store/eventFileAppender");
const fileStorage_1 = require("../../store/fileStorage");
const writeLock_1 = require("../../store/writeLock");
const storageDelegate_1 = require("../storageDelegate");
const aggregatePage_1 = require("../aggregatePage");
const storeBackend_1 = require("../storeBackend");
/**
 * The JSONL folder behind the seam. Its index answers every question
 * natively (aggregates, correlations, types and time ranges are lookups),
 * cursors are ordinals (a file rewritten by compaction renumbers them: a
 * subscriber is told through `onError`), and an event's location is its day
 * file and line. `engine` is the folder's own fast path: validation and the
 * integrity rules read the index directly (see `folderEngineOf`).
 */
class FolderBackend extends storageDelegate_1.StorageDelegate {
    engine;
    writable;
    kind = 'folder';
    description;
    storage;
    /** Expected-version appends run one at a time: check and write under the same held lock. */
    appending = Promise.resolve();
    constructor(engine, writable) {
        super();
        this.engine = engine;
        this.writable = writable;
        this.description = engine.root;
        if (!(engine.storage instanceof fileStorage_1.FileEventStorage))
            throw new Error(`${engine.root}: a folder backend needs the folder's file storage`);
        this.storage = engine.storage;
    }
    get foldSetting() {
        return this.storage.foldSetting;
    }
    capabilities() {
        const native = { how: 'native' };
        return {
            aggregateReads: native,
            correlationReads: native,
            timeRanges: native,
            countsByType: native,
            subscribe: native,
            snapshots: native,
            append: this.writable ? native : { how: 'unsupported', why: 'opened read-only' },
            lineLocations: native,
            notes: [],
        };
    }
    sequenceMode() {
        return this.engine.index.sequenceMode;
    }
    async listAggregates(request) {
        await this.current();
        const index = this.engine.index;
        return (0, aggregatePage_1.aggregatePageOf)(index.aggregateIds(), request, (aggregateId) => {
            let last = -1;
            for (const ordinal of index.ordinalsOfAggregate(aggregateId)) {
                const sequence = index.sequenceOf(ordinal);
                if (sequence > last)
                    last = sequence;
            }
            const span = index.timeSpanOf('aggregate', aggregateId);
            return {
                aggregateId,
                events: index.aggregateSize(aggregateId),
                lastSequenceNumber: last,
                ...(Number.isFinite(span.first) ? { firstTime: span.first } : {}),
                ...(Number.isFinite(span.last) ? { lastTime: span.last } : {}),
            };
        });
    }
    async *readAggregate(aggregateId, window = {}) {
        await this.current();
        const filter = { aggregateIds: [aggregateId], fromSequenceNumber: window.fromSequenceNumber, toSequenceNumber: window.toSequenceNumber };
        yield* this.stored((0, query_1.selectOrdinals)(this.engine.index, filter, window.limit));
    }
    async *readCorrelation(correlationId) {
        await this.current();
        yield* this.stored(this.engine.index.ordinalsOfCorrelation(correlationId));
    }
    async *readRange(request) {
        await this.current();
        const index = this.engine.index;
        const filter = { since: request.since, until: request.until, eventTypes: request.eventTypes };
        const { ordinals, rest } = (0, query_1.startOf)(index, filter);
        const test = (0, query_1.ordinalTestOf)(index, rest);
        const after = request.after === undefined ? -1 : ordinalOfCursor(request.after);
        let left = request.limit ?? Number.POSITIVE_INFINITY;
        if (left <= 0)
            return;
        for (const ordinal of ordinals) {
            if (ordinal <= after || (test && !test(ordinal)))
                continue;
            yield await this.storedEvent(ordinal);
            if (--left <= 0)
                return;
        }
    }
    async countByType() {
        await this.current();
        return new Map(this.engine.index.eventTypeCounts());
    }
    subscribe(from, onEvents, onError) {
        let seen = from === 'start' ? 0 : from === 'end' ? -1 : ordinalOfCursor(from) + 1;
        let delivering = Promise.resolve();
        let stopped = false;
        const deliver = () => {
            delivering = delivering.then(async () => {
                if (stopped)
                    return;
                try {
                    await this.current();
                    const count = this.engine.index.eventCount;
                    if (seen === -1)
                        seen = count;
                    if (count < seen) {
                        // A day file was rewritten (compaction, a repair): ordinals after it moved.
                        onError?.(new Error(`${this.description}: the store was rewritten; following on from its new end`));
                        seen = count;
                    }
                    if (count === seen)
                        return;
                    const ordinals = [];
                    for (let ordinal = seen; ordinal < count; ordinal++)
                        ordinals.push(ordinal);
                    seen = count;
                    const batch = [];
                    for await (const event of this.stored(ordinals))
                        batch.push(event);
                    await onEvents(batch);
                }
                catch (error) {
                    onError?.(error);
                }
            });
        };
        const unwatch = this.engine.watch(() => deliver());
        deliver();
        return {
            async stop() {
                stopped = true;
                await unwatch();
                await delivering;
            },
        };
    }
    appendExpecting(aggregateId, expectedVersion, events) {
        const run = async () => {
            if (!this.writable)
                return { ok: false, reason: 'read-only', detail: `${this.description} was opened read-only` };
            (0, aggregatePage_1.assertOneAggregate)(aggregateId, events);
            // The lock is held from here on: no other writer can add to the aggregate between the check and the write.
            await this.storage.prepareWrite();
            const actualVersion = await this.storage.lastSequence(aggregateId);
            if (actualVersion !== expectedVersion)
                return { ok: false, reason: 'version-mismatch', actualVersion };
            await this.storage.append(events);
            return { ok: true, lastSequenceNumber: (0, aggregatePage_1.highestSequenceOf)(events, actualVersion) };
        };
        const outcome = this.appending.then(run, run);
        this.appending = outcome.catch(() => undefined);
        return outcome;
    }
    // The rest of EventStorage: the folder's file storage answers (StorageDelegate).
    writerGeneration() {
        return this.storage.writerGeneration();
    }
    prepareWrite() {
        return this.storage.prepareWrite();
    }
    close() {
        return this.engine.close();
    }
    /** Brings the index up to what this backend appended (reads catch up once, when they come). */
    current() {
        return this.storage.catchUp();
    }
    async *stored(ordinals) {
        for (const ordinal of ordinals)
            yield await this.storedEvent(ordinal);
    }
    async storedEvent(ordinal) {
        const { file, line } = this.engine.index.locationOf(ordinal);
        const raw = (await this.engine.readLine(ordinal)).replace(/\r$/, '');
        return { event: await this.engine.readEvent(ordinal), raw, cursor: (0, storeBackend_1.cursorOf)(ordinal), location: { file, line } };
    }
}
exports.FolderBackend = FolderBackend;
/** Opens a store folder as a backend (indexing it, or loading its saved index). */
async function openFolderBackend(root, options = {}) {
    const { writable, ...openOptions } = options;
    const engine = await (0, openStore_1.openStore)(root, openOptions);
    if (writable) {
        engine.storage.useAppender(() => eventFileAppender_1.EventFileAppender.open(engine.root, { compression: writable.compression ?? false, lockWaitMs: writable.lockWaitMs ?? writeLock_1.DEFAULT_LOCK_WAIT_MS }));
    }
    return new FolderBackend(engine, writable !== undefined);
}
/**
 * The folder's own engine when the backend is a folder: the typed way for
 * validation, the integrity rules and the editor's line locations to use
 * the index directly, where no other backend has one.
 */
function folderEngineOf(backend) {
    return backend instanceof FolderBackend ? backend.engine : undefined;
}
function ordinalOfCursor(cursor) {
    const ordinal = Number(cursor);
    if (!Number.isInteger(ordinal) || ordinal < -1)
        throw new Error(`not a folder store's cursor: ${JSON.stringify(cursor)} (expected an event ordinal)`);
    return ordinal;
}
//# sourceMappingURL=folderBackend.js.map