"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.filterOfParams = filterOfParams;
exports.viewFilterOfParams = viewFilterOfParams;
/**
 * A request's filter as the engine's one filter. The wire keeps the names
 * saved view state and the webviews already send (`types`, `from`/`to`);
 * this is the only place they are read.
 */
function filterOfParams(params) {
    if (!params)
        return undefined;
    const timeline = params;
    return {
        ...(timeline.aggregateIds ? { aggregateIds: timeline.aggregateIds } : {}),
        ...(timeline.aggregatePrefix ? { aggregatePrefix: timeline.aggregatePrefix } : {}),
        ...(timeline.correlationId ? { correlationIds: [timeline.correlationId] } : {}),
        ...(params.types ? { eventTypes: params.types } : {}),
        ...(params.sources ? { sources: params.sources } : {}),
        ...(params.from !== undefined ? { since: params.from } : {}),
        ...(params.to !== undefined ? { until: params.to } : {}),
        ...(params.where !== undefined ? { where: params.where } : {}),
    };
}
/** A view's filter (views, groups, event lists, export): a backwards time window is refused by name, as the views always did (the timeline's scan simply finds nothing in one). */
function viewFilterOfParams(params) {
    if (params && typeof params.from === 'number' && typeof params.to === 'number' && params.from > params.to) {
        throw new Error(`filter time range: from (${params.from}) is after to (${params.to})`);
    }
    return filterOfParams(params);
}
//# sourceMappingURL=filterOfParams.js.map