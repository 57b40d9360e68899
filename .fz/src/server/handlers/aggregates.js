"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregates = aggregates;
exports.aggregateEvents = aggregateEvents;
const handlerStore_1 = require("./handlerStore");
/** Aggregates sorted by id, with counts and last timestamps (only the page's are computed). */
function aggregates(store, params) {
    const index = store.engine.index;
    const { offset, limit } = (0, handlerStore_1.pageWindow)(params);
    // Only the page's keys are read (the index keeps them sorted): 270,000 ids are never listed for 100 rows.
    const { keys, total } = index.keyPage('aggregate', params.prefix ?? '', offset, limit);
    const items = keys.map((aggregateId) => {
        const { last } = index.timeSpanOf('aggregate', aggregateId);
        return {
            aggregateId,
            count: index.aggregateSize(aggregateId),
            lastTimestamp: (0, handlerStore_1.timestampText)(last),
            lastTimestampMs: Number.isFinite(last) ? last : null,
        };
    });
    return { items, total, offset };
}
/** An aggregate's events in sequence order, one page, from the index only. */
function aggregateEvents(store, params) {
    const index = store.engine.index;
    return (0, handlerStore_1.pageOf)(index.ordinalsOfAggregate(params.aggregateId), params, (ordinal) => (0, handlerStore_1.toEventEntry)(store, index.event(ordinal)));
}
//# sourceMappingURL=aggregates.js.map