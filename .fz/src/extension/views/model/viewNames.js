"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VIEW_TITLES = exports.FILTERABLE_VIEWS = exports.VIEW_NAMES = exports.VIEW_CONTAINER_ID = void 0;
exports.viewId = viewId;
exports.isFilterableView = isFilterableView;
exports.filteredContextKey = filteredContextKey;
exports.viewCommandId = viewCommandId;
/** The container and its views, as package.json declares them. */
exports.VIEW_CONTAINER_ID = 'eventbus';
exports.VIEW_NAMES = ['aggregates', 'correlations', 'eventTypes', 'snapshots', 'status'];
/** Views with a filter and a sort (status is a plain list). */
exports.FILTERABLE_VIEWS = ['aggregates', 'correlations', 'eventTypes', 'snapshots'];
function viewId(name) {
    return `eventbus.${name}`;
}
exports.VIEW_TITLES = {
    aggregates: 'Aggregates',
    correlations: 'Correlations',
    eventTypes: 'Event Types',
    snapshots: 'Snapshots',
    status: 'Status',
};
function isFilterableView(name) {
    return typeof name === 'string' && exports.FILTERABLE_VIEWS.includes(name);
}
/** Context key set while a view has a filter (its title shows the clear button). */
function filteredContextKey(name) {
    return `eventbus.filtered.${name}`;
}
/** Per-view commands for the view title bar (a view/title action gets no argument naming its view). */
function viewCommandId(action, name) {
    return `eventbus.${action}.${name}`;
}
//# sourceMappingURL=viewNames.js.map