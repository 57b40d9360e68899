"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventsQuery = eventsQuery;
const query_1 = require("../../engine/query");
const filterOfParams_1 = require("./filterOfParams");
const handlerStore_1 = require("./handlerStore");
/** The events of one aggregate (sequence order), type or correlation (store order) that pass the filter, one page, from the index only. */
function eventsQuery(store, params) {
    const index = store.engine.index;
    const named = [params.aggregateId, params.eventType, params.correlationId].filter((v) => typeof v === 'string');
    if (named.length !== 1)
        throw new Error('eventsQuery: expected exactly one of aggregateId, eventType or correlationId');
    const ordinals = params.aggregateId !== undefined
        ? index.ordinalsOfAggregate(params.aggregateId)
        : params.eventType !== undefined
            ? index.ordinalsOfType(params.eventType)
            : index.ordinalsOfCorrelation(params.correlationId);
    const test = (0, query_1.ordinalTestOf)(index, (0, filterOfParams_1.viewFilterOfParams)(params.filter));
    const kept = test ? ordinals.filter(test) : ordinals;
    return (0, handlerStore_1.pageOf)(kept, params, (ordinal) => (0, handlerStore_1.toEventEntry)(store, index.event(ordinal)));
}
//# sourceMappingURL=eventsQuery.js.map