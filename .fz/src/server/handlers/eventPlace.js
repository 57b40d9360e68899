"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventPlace = eventPlace;
const query_1 = require("../../engine/query");
const filterOfParams_1 = require("./filterOfParams");
const eventGroups_1 = require("./eventGroups");
/**
 * Where an event sits in the Aggregates view under its prefix, filter and
 * sort, computed as that view's own requests list it: the client then
 * loads exactly enough pages to reveal it.
 */
function eventPlace(store, params) {
    const index = store.engine.index;
    const [ordinal] = index.ordinalsOfEventId(params.eventId);
    if (ordinal === undefined)
        return null;
    const aggregateId = index.event(ordinal).aggregateId;
    if (aggregateId === null)
        return { aggregateId: null, groupIndex: -1, eventIndex: -1 };
    const keys = (0, eventGroups_1.groupKeysInOrder)(store, { groupBy: 'aggregate', ...(params.prefix ? { prefix: params.prefix } : {}), ...(params.filter ? { filter: params.filter } : {}), ...(params.sort ? { sort: params.sort } : {}) });
    const groupIndex = keys.indexOf(aggregateId);
    const test = (0, query_1.ordinalTestOf)(index, (0, filterOfParams_1.viewFilterOfParams)(params.filter));
    const ordinals = index.ordinalsOfAggregate(aggregateId);
    const listed = test ? ordinals.filter(test) : ordinals;
    return { aggregateId, groupIndex, eventIndex: groupIndex === -1 ? -1 : listed.indexOf(ordinal) };
}
//# sourceMappingURL=eventPlace.js.map