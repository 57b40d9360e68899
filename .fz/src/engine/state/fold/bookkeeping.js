"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bookkeepingValue = bookkeepingValue;
exports.applyBookkeeping = applyBookkeeping;
exports.candidateSources = candidateSources;
const timestampStyle_1 = require("../../model/timestampStyle");
/** What `source` holds for this event (for `count`: the key's previous value plus one). */
function bookkeepingValue(source, event, previous) {
    const meta = event.metadata;
    switch (source) {
        case 'event_type':
            return event.event_type;
        case 'sequence_number':
            return meta.sequence_number;
        case 'event_id':
            return meta.event_id;
        case 'timestamp':
            return meta.timestamp;
        case 'timestamp_isoformat':
            return (0, timestampStyle_1.pythonIsoformat)(meta.timestamp) ?? meta.timestamp;
        case 'source':
            return meta.source;
        case 'aggregate_id':
            return meta.aggregate_id;
        case 'count':
            return (typeof previous === 'number' ? previous : 0) + 1;
    }
}
/** Sets every bookkeeping key for one more folded event. */
function applyBookkeeping(state, event, bookkeeping) {
    for (const [key, source] of Object.entries(bookkeeping))
        state[key] = bookkeepingValue(source, event, state[key]);
}
const COUNT_NAME = /count|total|processed|applied/i;
const VALUE_SOURCES = ['event_type', 'sequence_number', 'event_id', 'timestamp', 'timestamp_isoformat', 'aggregate_id', 'source'];
/**
 * The sources a state key could be, given the last event folded into that
 * state: every value source it equals, and `count` for an integer under a
 * counting name. Empty when the key is plainly data.
 */
function candidateSources(key, value, lastEvent) {
    const found = [];
    for (const source of VALUE_SOURCES) {
        // `source` and `aggregate_id` are ordinary words: only under a name that says so.
        if ((source === 'source' || source === 'aggregate_id') && !key.includes(source.split('_')[0]))
            continue;
        if (value === bookkeepingValue(source, lastEvent, undefined))
            found.push(source);
    }
    // A counting name decides between a count and a sequence number that happen to agree (per-aggregate numbering).
    if (Number.isInteger(value) && value > 0 && COUNT_NAME.test(key))
        found.unshift('count');
    return found;
}
//# sourceMappingURL=bookkeeping.js.map