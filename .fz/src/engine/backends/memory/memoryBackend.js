"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryBackend = void 0;
const event_1 = require("../../model/event");
const timestamp_1 = require("../../model/timestamp");
const memoryStorage_1 = require("../../store/memoryStorage");
const storageDelegate_1 = require("../storageDelegate");
const aggregatePage_1 = require("../aggregatePage");
const storeBackend_1 = require("../storeBackend");
/**
 * The in-memory store behind the seam: the second implementation, for tests
 * and for proving that nothing above the seam assumes files. Cursors are
 * positions in append order; subscribers are told on append (a push, no
 * polling). The bus's questions go to `MemoryEventStorage`.
 */
class MemoryBackend extends storageDelegate_1.StorageDelegate {
    kind = 'memory';
    description;
    storage = new memoryStorage_1.MemoryEventStorage();
    /** Every event in append order, with its line as `serializeEvent` writes it. */
    log = [];
    listeners = new Set();
    appending = Promise.resolve();
    constructor(name = 'memory') {
        super();
        this.description = `memory://${name}`;
    }
    capabilities() {
        const engine = { how: 'engine', why: 'the in-memory store scans its list' };
        return {
            aggregateReads: engine,
            correlationReads: engine,
            timeRanges: engine,
            countsByType: engine,
            subscribe: { how: 'native' },
            snapshots: { how: 'native' },
            append: { how: 'native' },
            lineLocations: { how: 'unsupported', why: 'events live in memory, not in files' },
            notes: ['nothing is persisted: the store ends with the process'],
        };
    }
    async listAggregates(request) {
        const byAggregate = new Map();
        for (const { event, timeMs } of this.log) {
            const id = event.metadata.aggregate_id;
            if (id === null || id === '')
                continue;
            const seen = byAggregate.get(id) ?? { events: 0, last: -1, first: Number.NaN, lastTime: Number.NaN };
            seen.events++;
            const sequence = event.metadata.sequence_number;
            if (Number.isFinite(sequence) && sequence > seen.last)
                seen.last = sequence;
            if (Number.isFinite(timeMs)) {
                seen.first = Number.isFinite(seen.first) ? Math.min(seen.first, timeMs) : timeMs;
                seen.lastTime = Number.isFinite(seen.lastTime) ? Math.max(seen.lastTime, timeMs) : timeMs;
            }
            byAggregate.set(id, seen);
        }
        return (0, aggregatePage_1.aggregatePageOf)([...byAggregate.keys()], request, (aggregateId) => {
            const s = byAggregate.get(aggregateId);
            return {
                aggregateId,
                events: s.events,
                lastSequenceNumber: s.last,
                ...(Number.isFinite(s.first) ? { firstTime: s.first } : {}),
                ...(Number.isFinite(s.lastTime) ? { lastTime: s.lastTime } : {}),
            };
        });
    }
    async *readAggregate(aggregateId, window = {}) {
        const from = window.fromSequenceNumber ?? Number.NEGATIVE_INFINITY;
        const to = window.toSequenceNumber ?? Number.POSITIVE_INFINITY;
        // Sequence order; the sort is stable, so equal numbers keep append order (as the folder's index does).
        const positions = this.positions((e) => e.metadata.aggregate_id === aggregateId).sort((a, b) => this.log[a].event.metadata.sequence_number - this.log[b].event.metadata.sequence_number);
        let left = window.limit ?? Number.POSITIVE_INFINITY;
        if (left <= 0)
            return;
        for (const position of positions) {
            const sequence = this.log[position].event.metadata.sequence_number;
            if (!(sequence >= from && sequence <= to))
                continue;
            yield this.stored(position);
            if (--left <= 0)
                return;
        }
    }
    async *readCorrelation(correlationId) {
        for (const position of this.positions((e) => e.metadata.correlation_id === correlationId))
            yield this.stored(position);
    }
    async *readRange(request) {
        const since = request.since ?? Number.NEGATIVE_INFINITY;
        const until = request.until ?? Number.POSITIVE_INFINITY;
        const types = request.eventTypes?.length ? new Set(request.eventTypes) : null;
        const timed = request.since !== undefined || request.until !== undefined;
        let left = request.limit ?? Number.POSITIVE_INFINITY;
        if (left <= 0)
            return;
        for (let position = request.after === undefined ? 0 : positionOfCursor(request.after) + 1; position < this.log.length; position++) {
            const { event, timeMs } = this.log[position];
            if (types && !types.has(event.event_type))
                continue;
            if (timed && !(timeMs >= since && timeMs <= until))
                continue;
            yield this.stored(position);
            if (--left <= 0)
                return;
        }
    }
    async countByType() {
        const counts = new Map();
        for (const { event } of this.log)
            counts.set(event.event_type, (counts.get(event.event_type) ?? 0) + 1);
        return counts;
    }
    subscribe(from, onEvents, onError) {
        const seen = from === 'start' ? 0 : from === 'end' ? this.log.length : positionOfCursor(from) + 1;
        const listener = { seen, onEvents, ...(onError ? { onError } : {}), delivering: Promise.resolve() };
        this.listeners.add(listener);
        this.tell(listener);
        return {
            stop: async () => {
                this.listeners.delete(listener);
                await listener.delivering;
            },
        };
    }
    async append(events) {
        await this.storage.append(events);
        for (const event of events) {
            const timeMs = (0, timestamp_1.parseTimestamp)(event.metadata.timestamp);
            this.log.push({ event, raw: (0, event_1.serializeEvent)(event), timeMs });
        }
        for (const listener of this.listeners)
            this.tell(listener);
    }
    appendExpecting(aggregateId, expectedVersion, events) {
        const run = async () => {
            (0, aggregatePage_1.assertOneAggregate)(aggregateId, events);
            const actualVersion = await this.storage.lastSequence(aggregateId);
            if (actualVersion !== expectedVersion)
                return { ok: false, reason: 'version-mismatch', actualVersion };
            await this.append(events);
            return { ok: true, lastSequenceNumber: (0, aggregatePage_1.highestSequenceOf)(events, actualVersion) };
        };
        const outcome = this.appending.then(run, run);
        this.appending = outcome.catch(() => undefined);
        return outcome;
    }
    // The rest of EventStorage: the in-memory storage answers (StorageDelegate).
    async close() {
        for (const listener of [...this.listeners]) {
            this.listeners.delete(listener);
            await listener.delivering;
        }
        await this.storage.close();
    }
    positions(keep) {
        const positions = [];
        this.log.forEach(({ event }, position) => {
            if (keep(event))
                positions.push(position);
        });
        return positions;
    }
    stored(position) {
        const { event, raw } = this.log[position];
        return { event, raw, cursor: (0, storeBackend_1.cursorOf)(position) };
    }
    /** Delivers what the listener has not seen yet, one batch at a time, in order. */
    tell(listener) {
        listener.delivering = listener.delivering.then(async () => {
            if (!this.listeners.has(listener) || listener.seen >= this.log.length)
                return;
            const batch = [];
            for (let position = listener.seen; position < this.log.length; position++)
                batch.push(this.stored(position));
            listener.seen = this.log.length;
            try {
                await listener.onEvents(batch);
            }
            catch (error) {
                listener.onError?.(error);
            }
        });
    }
}
exports.MemoryBackend = MemoryBackend;
function positionOfCursor(cursor) {
    const position = Number(cursor);
    if (!Number.isInteger(position) || position < -1)
        throw new Error(`not a memory store's cursor: ${JSON.stringify(cursor)} (expected a position)`);
    return position;
}
//# sourceMappingURL=memoryBackend.js.map