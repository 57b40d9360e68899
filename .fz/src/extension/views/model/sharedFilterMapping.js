"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LINKED_VIEWS = void 0;
exports.isLinkedView = isLinkedView;
exports.viewFilterFromShared = viewFilterFromShared;
exports.sharedFromViewFilter = sharedFromViewFilter;
const viewFilter_1 = require("./viewFilter");
exports.LINKED_VIEWS = ['aggregates', 'correlations', 'eventTypes'];
function isLinkedView(view) {
    return exports.LINKED_VIEWS.includes(view);
}
/** A linked view's new filter for the shared one (its own id prefix kept unless it is the Aggregates view). */
function viewFilterFromShared(view, shared, current) {
    const fields = viewFilter_1.FILTER_FIELDS[view];
    let next = view === 'aggregates' ? (0, viewFilter_1.withField)({}, 'prefix', shared.aggregatePrefix) : (0, viewFilter_1.withField)({}, 'prefix', current.prefix);
    if (fields.includes('types'))
        next = (0, viewFilter_1.withField)(next, 'types', shared.types);
    else if (current.types)
        next = (0, viewFilter_1.withField)(next, 'types', current.types);
    if (fields.includes('sources'))
        next = (0, viewFilter_1.withField)(next, 'sources', shared.sources);
    if (fields.includes('time'))
        next = (0, viewFilter_1.withField)(next, 'time', { from: shared.from, to: shared.to });
    if (fields.includes('where'))
        next = (0, viewFilter_1.withField)(next, 'where', shared.where);
    return next;
}
/** The shared filter after a person changed a linked view's filter: the fields that view has replace the old ones. */
function sharedFromViewFilter(view, filter, previous) {
    const fields = viewFilter_1.FILTER_FIELDS[view];
    const next = { ...previous };
    if (view === 'aggregates')
        next.aggregatePrefix = filter.prefix;
    if (fields.includes('types'))
        next.types = filter.types;
    if (fields.includes('sources'))
        next.sources = filter.sources;
    if (fields.includes('time')) {
        next.from = filter.from;
        next.to = filter.to;
    }
    if (fields.includes('where'))
        next.where = filter.where;
    for (const key of Object.keys(next)) {
        const value = next[key];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
            delete next[key];
    }
    return next;
}
//# sourceMappingURL=sharedFilterMapping.js.map