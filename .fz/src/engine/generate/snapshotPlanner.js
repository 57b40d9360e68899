"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnapshotPlanner = void 0;
const snapshotTypes_1 = require("../model/snapshotTypes");
const defaultReducer_1 = require("../state/defaultReducer");
const systemReducer_1 = require("../state/systemReducer");
function toEvent(recorded) {
    return { event_type: recorded.type, data: JSON.parse(recorded.dataJson), metadata: recorded.metadata };
}
function copyState(state) {
    return JSON.parse(JSON.stringify(state));
}
class SnapshotPlanner {
    aggregateTargets;
    bySequence;
    byAggregate = new Map();
    systemState = {};
    systemFolded = 0;
    systemTargets;
    systemSnapshots = [];
    constructor(aggregateTargets, totalEvents, bySequence = false) {
        this.aggregateTargets = aggregateTargets;
        this.bySequence = bySequence;
        // Folding every event through systemReducer costs about 1 µs each, so the
        // second system snapshot stops at 10,000 events even in a large store.
        const later = Math.min(10_000, Math.floor(totalEvents / 2 / 100) * 100);
        this.systemTargets = [...new Set([100, later])].filter((n) => n > 0 && n <= totalEvents).sort((a, b) => a - b);
    }
    /** Whether `observe` needs the event's metadata object (lets the hot loop skip building it). */
    wants(aggregateId) {
        return this.systemFolded < (this.systemTargets[this.systemTargets.length - 1] ?? 0) || this.aggregateTargets.has(aggregateId);
    }
    /** Called for every well-formed event in store order. */
    observe(recorded) {
        const aggregateId = recorded.metadata.aggregate_id ?? '';
        if (this.aggregateTargets.has(aggregateId)) {
            let list = this.byAggregate.get(aggregateId);
            if (!list)
                this.byAggregate.set(aggregateId, (list = []));
            list.push(recorded);
        }
        const lastTarget = this.systemTargets[this.systemTargets.length - 1] ?? 0;
        if (this.systemFolded < lastTarget) {
            // systemReducer never reads data, so the body is not parsed here.
            this.systemState = (0, systemReducer_1.systemReducer)(this.systemState, { event_type: recorded.type, data: null, metadata: recorded.metadata });
            this.systemFolded++;
            if (this.systemTargets.includes(this.systemFolded)) {
                this.systemSnapshots.push({
                    aggregate_id: snapshotTypes_1.SYSTEM_AGGREGATE,
                    sequence_number: this.bySequence ? recorded.metadata.sequence_number : this.systemFolded,
                    timestamp: recorded.metadata.timestamp,
                    state: copyState(this.systemState),
                    event_count: this.systemFolded,
                    last_event_id: recorded.metadata.event_id,
                });
            }
        }
    }
    /** Every snapshot, aggregates first (in target order), then `system`. */
    finish() {
        const snapshots = [];
        for (const aggregateId of this.aggregateTargets) {
            const events = this.byAggregate.get(aggregateId) ?? [];
            if (events.length < 3)
                continue;
            const points = [Math.floor(events.length / 3), Math.floor((2 * events.length) / 3)];
            let state = {};
            let folded = 0;
            for (const point of points) {
                while (folded < point)
                    state = (0, defaultReducer_1.defaultReducer)(state, toEvent(events[folded++]));
                const last = events[point - 1];
                snapshots.push({
                    aggregate_id: aggregateId,
                    sequence_number: last.metadata.sequence_number,
                    timestamp: last.metadata.timestamp,
                    state: copyState(state),
                    event_count: point,
                    last_event_id: last.metadata.event_id,
                });
            }
        }
        return [...snapshots, ...this.systemSnapshots];
    }
}
exports.SnapshotPlanner = SnapshotPlanner;
//# sourceMappingURL=snapshotPlanner.js.map