"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NO_AGGREGATE_LANE = exports.OTHER_LANE = void 0;
exports.layoutFor = layoutFor;
exports.plotWidth = plotWidth;
exports.laneRowsThatFit = laneRowsThatFit;
exports.rowTop = rowTop;
exports.rowCentre = rowCentre;
exports.xOnCanvas = xOnCanvas;
exports.rowOfLane = rowOfLane;
exports.rowIndex = rowIndex;
const timeScale_1 = require("./timeScale");
exports.OTHER_LANE = '(other)';
exports.NO_AGGREGATE_LANE = '(none)';
function layoutFor(width, height) {
    const labelWidth = Math.min(180, Math.max(80, Math.round(width * 0.18)));
    return { width, height, labelWidth, axisHeight: 22, rowHeight: 20 };
}
function plotWidth(layout) {
    return Math.max(1, layout.width - layout.labelWidth);
}
/** Lane rows that fit below the axis (at least one). */
function laneRowsThatFit(layout) {
    return Math.max(1, Math.floor((layout.height - layout.axisHeight) / layout.rowHeight));
}
function rowTop(layout, row) {
    return layout.axisHeight + row * layout.rowHeight;
}
function rowCentre(layout, row) {
    return rowTop(layout, row) + layout.rowHeight / 2;
}
/** Canvas x of a time. */
function xOnCanvas(layout, range, t) {
    return layout.labelWidth + (0, timeScale_1.xOfTime)(range, plotWidth(layout), t);
}
/**
 * The row an event's lane is drawn in: its own when shown, else `(other)`
 * (lanes past maxLanes are folded there), else none.
 */
function rowOfLane(rows, lane) {
    return rows.get(lane) ?? rows.get(exports.OTHER_LANE);
}
function rowIndex(laneKeys) {
    return new Map(laneKeys.map((key, row) => [key, row]));
}
//# sourceMappingURL=plotLayout.js.map