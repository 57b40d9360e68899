"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countEventsOf = countEventsOf;
/** Counts for a backend that holds its events in a list. */
function countEventsOf(events) {
    let total = 0;
    const byAggregate = new Map();
    for (const event of events) {
        total++;
        const id = event.metadata.aggregate_id;
        if (typeof id === 'string' && id !== '')
            byAggregate.set(id, (byAggregate.get(id) ?? 0) + 1);
    }
    return { total, byAggregate };
}
//# sourceMappingURL=countEvents.js.map