"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StateTestStorage = void 0;
exports.ev = ev;
const queryMatch_1 = require("../../src/engine/store/queryMatch");
const event_1 = require("../../src/engine/model/event");
const timestamp_1 = require("../../src/engine/model/timestamp");
const snapshotFileName_1 = require("../../src/engine/snapshot/snapshotFileName");
const snapshotStore_1 = require("../../src/engine/snapshot/snapshotStore");
const countEvents_1 = require("../../src/engine/store/countEvents");
/**
 * A small EventStorage for the state, snapshot and replay tests, until the
 * shared in-memory storage exists. Snapshots live in a Map, or in real files
 * under `snapshotRoot` (through the snapshot store) when given. Every query
 * is recorded so tests can check what a rebuild asked for.
 */
class StateTestStorage {
    snapshotRoot;
    kind = 'state-test';
    events = [];
    queries = [];
    snapshots = new Map();
    constructor(snapshotRoot) {
        this.snapshotRoot = snapshotRoot;
    }
    async append(events) {
        this.events.push(...events);
    }
    async *query(query) {
        this.queries.push(query);
        let selected = this.events.filter((e) => matches(e, query));
        if (query.aggregateId !== undefined) {
            selected = selected
                .map((event, i) => ({ event, i }))
                .sort((a, b) => a.event.metadata.sequence_number - b.event.metadata.sequence_number || a.i - b.i)
                .map((x) => x.event);
        }
        if (query.limit !== undefined)
            selected = selected.slice(0, query.limit);
        for (const event of selected)
            yield event;
    }
    async getEvent(eventId) {
        return this.events.find((e) => e.metadata.event_id === eventId);
    }
    async lastSequence(aggregateId) {
        let last = -1;
        for (const e of this.events) {
            if (aggregateId === undefined || e.metadata.aggregate_id === aggregateId)
                last = Math.max(last, e.metadata.sequence_number);
        }
        return last;
    }
    async countEvents() {
        return (0, countEvents_1.countEventsOf)(this.events);
    }
    async saveSnapshot(snapshot) {
        if (this.snapshotRoot)
            return (0, snapshotStore_1.saveSnapshotFile)(this.snapshotRoot, snapshot);
        const file = (0, snapshotFileName_1.snapshotRelativePath)(snapshot.aggregate_id, snapshot.sequence_number);
        this.snapshots.set(file, JSON.parse(JSON.stringify(snapshot)));
        return { aggregate_id: snapshot.aggregate_id, sequence_number: snapshot.sequence_number, file };
    }
    async listSnapshots(aggregateId) {
        if (this.snapshotRoot)
            return (await (0, snapshotStore_1.listSnapshotFiles)(this.snapshotRoot, aggregateId)).snapshots;
        return [...this.snapshots.entries()]
            .filter(([, s]) => aggregateId === undefined || s.aggregate_id === aggregateId)
            .map(([file, s]) => ({ aggregate_id: s.aggregate_id, sequence_number: s.sequence_number, file }))
            .sort((a, b) => a.sequence_number - b.sequence_number);
    }
    async loadSnapshot(ref) {
        if (this.snapshotRoot)
            return (0, snapshotStore_1.loadSnapshotFile)(this.snapshotRoot, ref);
        const found = this.snapshots.get(ref.file);
        if (!found)
            throw new Error(`${ref.file}: does not exist`);
        return found;
    }
    /** Test hook: replace a stored snapshot's state (drift tests). */
    tamper(file, state) {
        const found = this.snapshots.get(file);
        if (!found)
            throw new Error(`no snapshot ${file}`);
        this.snapshots.set(file, { ...found, state });
    }
    async health() {
        return { healthy: true, detail: 'memory', events: this.events.length };
    }
    async close() { }
}
exports.StateTestStorage = StateTestStorage;
function matches(e, q) {
    const m = e.metadata;
    return (0, queryMatch_1.matchesQuery)({ aggregateId: m.aggregate_id, correlationId: m.correlation_id, eventType: e.event_type, source: m.source, sequenceNumber: m.sequence_number, timestampMs: (0, timestamp_1.parseTimestamp)(m.timestamp) }, q);
}
const BASE_TIME = Date.UTC(2024, 0, 15, 10, 30, 0);
/** An event of `aggregateId` at `sequence`, one second apart per sequence. */
function ev(aggregateId, sequence, data, type = 'trade_executed', extra = {}) {
    return (0, event_1.createEvent)(type, data, {
        aggregate_id: aggregateId,
        sequence_number: sequence,
        timestamp: new Date(extra.timeMs ?? BASE_TIME + sequence * 1000),
        source: 'test',
        correlation_id: extra.correlation_id,
        causation_id: extra.causation_id,
        event_id: extra.event_id,
    });
}
//# sourceMappingURL=stateTestStorage.js.map