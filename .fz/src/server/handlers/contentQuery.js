"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareContentFilters = prepareContentFilters;
exports.queryMatches = queryMatches;
const query_1 = require("../../engine/query");
/** Readies the content query a request's filter carries, so the synchronous handlers can read its mask. */
async function prepareContentFilters(store, params) {
    if (typeof params !== 'object' || params === null)
        return;
    const { filter, filters } = params;
    for (const where of [filter?.where, filters?.where]) {
        if (typeof where === 'string' && where.trim() !== '')
            await (0, query_1.prepareContentMask)(store, where);
    }
}
/** The query box's answer: how many events match, or where the query cannot be read. */
async function queryMatches(store, params) {
    try {
        const { matched } = await (0, query_1.prepareContentMask)(store.engine, params.where);
        return { ok: true, matched, total: store.engine.index.eventCount };
    }
    catch (error) {
        if (error instanceof query_1.QueryError)
            return { ok: false, problem: { column: error.column, reason: error.reason } };
        throw error;
    }
}
//# sourceMappingURL=contentQuery.js.map