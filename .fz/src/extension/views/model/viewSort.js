"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SORT_OPTIONS = void 0;
exports.defaultSort = defaultSort;
exports.describeSort = describeSort;
/** Sorts offered per view; the first is the default. */
exports.SORT_OPTIONS = {
    aggregates: [
        { sort: 'key', label: 'By aggregate id' },
        { sort: 'count', label: 'By event count' },
        { sort: 'lastActivity', label: 'By last activity' },
    ],
    correlations: [
        { sort: 'lastActivity', label: 'By last activity' },
        { sort: 'key', label: 'By correlation id' },
        { sort: 'count', label: 'By event count' },
    ],
    eventTypes: [
        { sort: 'count', label: 'By event count' },
        { sort: 'key', label: 'By name' },
        { sort: 'lastActivity', label: 'By last activity' },
    ],
    snapshots: [
        { sort: 'key', label: 'By aggregate id' },
        { sort: 'count', label: 'By snapshot count' },
        { sort: 'lastActivity', label: 'By newest snapshot sequence' },
    ],
};
function defaultSort(view) {
    return exports.SORT_OPTIONS[view][0].sort;
}
/** The sort's short name for the view description (empty for the default). */
function describeSort(view, sort) {
    if (sort === defaultSort(view))
        return '';
    return exports.SORT_OPTIONS[view].find((o) => o.sort === sort)?.label.toLowerCase() ?? '';
}
//# sourceMappingURL=viewSort.js.map