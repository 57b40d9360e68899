"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.correlations = correlations;
exports.causationTree = causationTree;
const causationTree_1 = require("../../engine/correlation/causationTree");
const handlerStore_1 = require("./handlerStore");
/** Correlation ids sorted, with event counts and time spans (computed for the page only). */
function correlations(store, params) {
    const index = store.engine.index;
    const { offset, limit } = (0, handlerStore_1.pageWindow)(params);
    const { keys, total } = index.keyPage('correlation', params.prefix ?? '', offset, limit);
    const items = keys.map((correlationId) => {
        const { first, last } = index.timeSpanOf('correlation', correlationId);
        return { correlationId, count: index.correlationSize(correlationId), firstTimestamp: (0, handlerStore_1.timestampText)(first), lastTimestamp: (0, handlerStore_1.timestampText)(last) };
    });
    return { items, total, offset };
}
/** The causation forest of one correlation (engine's buildCausationTree), as JSON; null when no event has the id. */
function causationTree(store, params) {
    const index = store.engine.index;
    const events = index.ordinalsOfCorrelation(params.correlationId).map((ordinal) => index.event(ordinal));
    if (events.length === 0)
        return null;
    const forest = (0, causationTree_1.buildCausationTree)(events);
    const toNode = (node) => ({
        entry: (0, handlerStore_1.toEventEntry)(store, node.event),
        sinceCauseMs: node.sinceCauseMs,
        depth: node.depth,
        ...(node.brokenCause ? { brokenCause: true } : {}),
        ...(node.cycle ? { cycle: true } : {}),
        ...(node.duplicateId ? { duplicateId: true } : {}),
        children: node.children.map(toNode),
    });
    return {
        correlationId: params.correlationId,
        eventCount: forest.eventCount,
        aggregates: forest.aggregates,
        durationMs: forest.durationMs,
        brokenLinks: forest.brokenLinks,
        cycles: forest.cycles,
        duplicateIds: forest.duplicateIds,
        roots: forest.roots.map(toNode),
    };
}
//# sourceMappingURL=correlations.js.map