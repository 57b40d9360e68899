"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryEventStorage = void 0;
const event_1 = require("../model/event");
const layout_1 = require("./layout");
const queryMatch_1 = require("./queryMatch");
const countEvents_1 = require("./countEvents");
/**
 * An `EventStorage` that keeps everything in memory. It exists to prove the
 * storage seam (the bus, replay and rebuild must work against any backend)
 * and to give unit tests a store without files. Nothing survives the process.
 */
class MemoryEventStorage {
    kind = 'memory';
    events = [];
    byId = new Map();
    byAggregate = new Map();
    lastByAggregate = new Map();
    lastOverall = -1;
    snapshots = new Map();
    closed = false;
    async append(events) {
        this.assertOpen('append');
        for (const event of events) {
            const stored = (0, event_1.freezeEvent)(event);
            this.events.push(stored);
            this.byId.set(stored.metadata.event_id, stored);
            const sequence = stored.metadata.sequence_number;
            if (sequence > this.lastOverall)
                this.lastOverall = sequence;
            const aggregateId = stored.metadata.aggregate_id;
            if (aggregateId !== null) {
                let list = this.byAggregate.get(aggregateId);
                if (!list)
                    this.byAggregate.set(aggregateId, (list = []));
                list.push(stored);
                if (sequence > (this.lastByAggregate.get(aggregateId) ?? -1))
                    this.lastByAggregate.set(aggregateId, sequence);
            }
        }
    }
    async *query(query) {
        this.assertOpen('query');
        const limit = query.limit ?? Number.POSITIVE_INFINITY;
        if (limit <= 0)
            return;
        let candidates;
        if (query.aggregateId !== undefined) {
            // Aggregate queries come in sequence order (replay and rebuild rely on it);
            // the sort is stable, so equal sequence numbers keep store order.
            candidates = [...(this.byAggregate.get(query.aggregateId) ?? [])].sort((a, b) => a.metadata.sequence_number - b.metadata.sequence_number);
        }
        else {
            candidates = this.events.slice();
        }
        let yielded = 0;
        for (const event of candidates) {
            if (!(0, queryMatch_1.eventMatchesQuery)(event, query))
                continue;
            yield event;
            if (++yielded >= limit)
                return;
        }
    }
    async getEvent(eventId) {
        this.assertOpen('getEvent');
        return this.byId.get(eventId);
    }
    async lastSequence(aggregateId) {
        this.assertOpen('lastSequence');
        if (aggregateId === undefined)
            return this.lastOverall;
        return this.lastByAggregate.get(aggregateId) ?? -1;
    }
    async countEvents() {
        return (0, countEvents_1.countEventsOf)(this.events);
    }
    async saveSnapshot(snapshot) {
        this.assertOpen('saveSnapshot');
        const ref = snapshotRef(snapshot.aggregate_id, snapshot.sequence_number);
        // A structured copy, so later changes to the caller's state object cannot alter the saved snapshot.
        this.snapshots.set(ref.file, structuredClone(snapshot));
        return ref;
    }
    async listSnapshots(aggregateId) {
        this.assertOpen('listSnapshots');
        const refs = [];
        for (const snapshot of this.snapshots.values()) {
            if (aggregateId === undefined || snapshot.aggregate_id === aggregateId) {
                refs.push(snapshotRef(snapshot.aggregate_id, snapshot.sequence_number));
            }
        }
        return refs.sort((a, b) => a.aggregate_id === b.aggregate_id
            ? a.sequence_number - b.sequence_number
            : a.aggregate_id < b.aggregate_id
                ? -1
                : 1);
    }
    async loadSnapshot(ref) {
        this.assertOpen('loadSnapshot');
        const snapshot = this.snapshots.get(snapshotRef(ref.aggregate_id, ref.sequence_number).file);
        if (!snapshot) {
            throw new Error(`No snapshot of aggregate "${ref.aggregate_id}" at sequence ${ref.sequence_number} in the in-memory store (${ref.file}).`);
        }
        return structuredClone(snapshot);
    }
    async health() {
        return this.closed
            ? { healthy: false, detail: 'in-memory storage is closed', events: this.events.length }
            : { healthy: true, detail: 'in memory (nothing is persisted)', events: this.events.length };
    }
    async close() {
        this.closed = true;
    }
    assertOpen(operation) {
        if (this.closed)
            throw new Error(`MemoryEventStorage.${operation}: the storage is closed.`);
    }
}
exports.MemoryEventStorage = MemoryEventStorage;
function snapshotRef(aggregateId, sequence) {
    return {
        aggregate_id: aggregateId,
        sequence_number: sequence,
        file: `${layout_1.SNAPSHOTS_DIR}/snapshot_${aggregateId}_${sequence}.json`,
    };
}
//# sourceMappingURL=memoryStorage.js.map