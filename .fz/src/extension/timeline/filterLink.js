"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.linkTimelineFilter = linkTimelineFilter;
const sharedFilterMapping_1 = require("../views/model/sharedFilterMapping");
/**
 * One filter for the timeline and the trees: a person filtering a linked
 * view narrows the timeline; filtering in the timeline (legend, filter bar,
 * a brushed time window) re-filters the linked views. Each side's own
 * changes are the only ones announced, so nothing echoes back.
 */
function linkTimelineFilter(views, timeline) {
    // Not sent to the timeline yet: after a window reload the trees start unfiltered, and a restored timeline's own saved filter is newer.
    let shared = (0, sharedFilterMapping_1.sharedFromViewFilter)('aggregates', views.aggregates.filter, {});
    return [
        views.onDidChangeFilter(({ view, filter }) => {
            if (!(0, sharedFilterMapping_1.isLinkedView)(view))
                return;
            shared = (0, sharedFilterMapping_1.sharedFromViewFilter)(view, filter, shared);
            timeline.setFilter(shared);
        }),
        timeline.onDidChangeFilter((filter) => {
            shared = filter;
            for (const view of sharedFilterMapping_1.LINKED_VIEWS)
                views.setFilter(view, (0, sharedFilterMapping_1.viewFilterFromShared)(view, filter, views.filterable(view).filter), false);
        }),
    ];
}
//# sourceMappingURL=filterLink.js.map