"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pageWindow = exports.pageOf = exports.MAX_PAGE = exports.finiteOr = exports.DEFAULT_PAGE = void 0;
exports.timestampText = timestampText;
exports.toEventEntry = toEventEntry;
exports.sortedWithPrefix = sortedWithPrefix;
const naturalOrder_1 = require("../../engine/model/naturalOrder");
const timestamp_1 = require("../../engine/model/timestamp");
// The one paging contract lives with the query (engine/query/paging.ts); handlers page through it.
var query_1 = require("../../engine/query");
Object.defineProperty(exports, "DEFAULT_PAGE", { enumerable: true, get: function () { return query_1.DEFAULT_PAGE; } });
Object.defineProperty(exports, "finiteOr", { enumerable: true, get: function () { return query_1.finiteOr; } });
Object.defineProperty(exports, "MAX_PAGE", { enumerable: true, get: function () { return query_1.MAX_PAGE; } });
Object.defineProperty(exports, "pageOf", { enumerable: true, get: function () { return query_1.pageOf; } });
Object.defineProperty(exports, "pageWindow", { enumerable: true, get: function () { return query_1.pageWindow; } });
function timestampText(ms) {
    return Number.isFinite(ms) ? (0, timestamp_1.formatTimestamp)(ms) : null;
}
function toEventEntry(store, event) {
    return {
        ordinal: event.ordinal,
        sequence: Number.isNaN(event.sequenceNumber) ? null : event.sequenceNumber,
        type: event.eventType,
        timestamp: timestampText(event.timestampMs),
        timestampMs: Number.isFinite(event.timestampMs) ? event.timestampMs : null,
        status: event.status,
        retryCount: event.retryCount,
        file: event.file,
        uri: store.uriOf(event.file),
        line: event.line,
        eventId: event.eventId,
        aggregateId: event.aggregateId,
        correlationId: event.correlationId,
        causationId: event.causationId,
        source: event.source,
        schemaVersion: event.schemaVersion,
    };
}
/** Ids in natural order (trader_2 before trader_10) for stable paging, filtered by prefix. */
function sortedWithPrefix(ids, prefix) {
    if (prefix)
        return ids.filter((id) => id.startsWith(prefix)).sort(naturalOrder_1.naturalCompare);
    // The whole list is asked for on every page of a view: sorted once per list the index hands out.
    let sorted = naturalOrderCache.get(ids);
    if (!sorted) {
        sorted = [...ids].sort(naturalOrder_1.naturalCompare);
        naturalOrderCache.set(ids, sorted);
    }
    return [...sorted];
}
const naturalOrderCache = new WeakMap();
//# sourceMappingURL=handlerStore.js.map