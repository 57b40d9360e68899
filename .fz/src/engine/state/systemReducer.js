"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.systemReducer = systemReducer;
const defaultReducer_1 = require("./defaultReducer");
const safeMerge_1 = require("../model/safeMerge");
/**
 * The state of the bus-wide `system` aggregate: a summary, since merging
 * every aggregate's data into one object would mix unrelated values.
 * `{ event_types: {type: n}, sources: {source: n}, aggregates: {id:
 * {event_count, last_sequence, last_event_type}}, _meta }`. Keys that could
 * reach a prototype are not counted (see safeMerge.ts).
 */
function systemReducer(state, event) {
    const target = (0, safeMerge_1.isPlainObject)(state) ? state : {};
    bump(table(target, 'event_types'), event.event_type);
    bump(table(target, 'sources'), event.metadata.source);
    const aggregateId = event.metadata.aggregate_id;
    if (typeof aggregateId === 'string' && !(0, safeMerge_1.isForbiddenKey)(aggregateId)) {
        const aggregates = table(target, 'aggregates');
        const previous = aggregates[aggregateId];
        const count = (0, safeMerge_1.isPlainObject)(previous) && typeof previous.event_count === 'number' ? previous.event_count : 0;
        aggregates[aggregateId] = {
            event_count: count + 1,
            last_sequence: event.metadata.sequence_number,
            last_event_type: event.event_type,
        };
    }
    return (0, defaultReducer_1.recordMeta)(target, event);
}
function table(state, key) {
    const existing = state[key];
    if ((0, safeMerge_1.isPlainObject)(existing))
        return existing;
    const created = {};
    state[key] = created;
    return created;
}
function bump(counts, key) {
    if (typeof key !== 'string' || (0, safeMerge_1.isForbiddenKey)(key))
        return;
    const previous = counts[key];
    counts[key] = (typeof previous === 'number' ? previous : 0) + 1;
}
//# sourceMappingURL=systemReducer.js.map