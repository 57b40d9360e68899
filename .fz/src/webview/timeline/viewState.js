"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialView = initialView;
exports.minSpanOf = minSpanOf;
exports.pinnedLanesOf = pinnedLanesOf;
exports.reduceView = reduceView;
const plotLayout_1 = require("./plotLayout");
const timeScale_1 = require("./timeScale");
function initialView(saved) {
    return {
        range: saved.range ?? null,
        extent: null,
        plotWidth: 1,
        lane: saved.lane ?? 'aggregate',
        laneOrder: saved.laneOrder ?? 'count',
        pinned: saved.pinned ?? {},
        laneQuery: saved.laneQuery ?? '',
        selectedEventId: saved.selectedEventId ?? null,
        pointer: null,
    };
}
/** The narrowest span this view may show. */
function minSpanOf(view) {
    return (0, timeScale_1.minSpanFor)(view.plotWidth);
}
function pinnedLanesOf(view) {
    return view.pinned[view.lane] ?? [];
}
function reduceView(view, action) {
    const minSpan = minSpanOf(view);
    switch (action.type) {
        case 'zoom': {
            if (!view.range)
                return view;
            const anchor = action.anchor ?? (view.range.from + view.range.to) / 2;
            let next = (0, timeScale_1.zoomAround)(view.range, action.factor, anchor, view.extent, minSpan);
            if (action.factor < 1)
                next = (0, timeScale_1.keepEventsInView)(next, action.times, view.extent, minSpan);
            // What lay under the pointer has moved: the tooltip goes until the pointer moves again.
            return { ...view, range: next, pointer: null };
        }
        case 'pan':
            return view.range ? { ...view, range: (0, timeScale_1.panBy)(view.range, action.deltaMs, view.extent, minSpan), pointer: null } : view;
        case 'setRange':
            return { ...view, range: (0, timeScale_1.clampRange)(action.range, view.extent, minSpan), pointer: null };
        case 'fit':
            return view.extent ? { ...view, range: (0, timeScale_1.clampRange)((0, timeScale_1.fitRange)(view.extent), view.extent, minSpan), pointer: null } : view;
        case 'extent': {
            const range = view.range ?? (action.extent ? (0, timeScale_1.fitRange)(action.extent) : null);
            return { ...view, extent: action.extent, range: range ? (0, timeScale_1.clampRange)(range, action.extent, minSpan) : null };
        }
        case 'plotWidth': {
            const next = { ...view, plotWidth: Math.max(1, action.width) };
            return next.range && (0, timeScale_1.spanOf)(next.range) < minSpanOf(next) ? { ...next, range: (0, timeScale_1.clampRange)(next.range, next.extent, minSpanOf(next)) } : next;
        }
        case 'laneMode':
            return action.lane === view.lane ? view : { ...view, lane: action.lane, pointer: null };
        case 'laneOrder':
            return { ...view, laneOrder: action.order, pointer: null };
        case 'togglePin': {
            // `(other)` is where unpinned lanes go, not a lane of the store.
            if (action.key === plotLayout_1.OTHER_LANE)
                return view;
            const current = pinnedLanesOf(view);
            const pins = current.includes(action.key) ? current.filter((key) => key !== action.key) : [...current, action.key];
            return { ...view, pinned: { ...view.pinned, [view.lane]: pins }, pointer: null };
        }
        case 'laneQuery':
            return { ...view, laneQuery: action.query.trim(), pointer: null };
        case 'select':
            return { ...view, selectedEventId: action.eventId };
        case 'step':
            return { ...view, selectedEventId: action.eventId, range: view.range ? (0, timeScale_1.centreOn)(view.range, action.timestampMs, view.extent, minSpan) : view.range, pointer: null };
        case 'hover':
            return { ...view, pointer: { x: action.x, y: action.y } };
        case 'leave':
            return view.pointer ? { ...view, pointer: null } : view;
    }
}
//# sourceMappingURL=viewState.js.map