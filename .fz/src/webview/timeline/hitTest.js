"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rowAt = rowAt;
exports.inPlot = inPlot;
exports.timeAtCanvasX = timeAtCanvasX;
exports.markAt = markAt;
exports.bucketAt = bucketAt;
const plotLayout_1 = require("./plotLayout");
const timeScale_1 = require("./timeScale");
/** The lane row under `y`, or -1 above the first row / below the last. */
function rowAt(layout, laneCount, y) {
    if (y < layout.axisHeight)
        return -1;
    const row = Math.floor((y - layout.axisHeight) / layout.rowHeight);
    return row >= 0 && row < laneCount ? row : -1;
}
/** True when `x` is inside the plot (not on the label column). */
function inPlot(layout, x) {
    return x >= layout.labelWidth && x <= layout.width;
}
/** The time under canvas `x`. */
function timeAtCanvasX(layout, range, x) {
    return (0, timeScale_1.timeOfX)(range, (0, plotLayout_1.plotWidth)(layout), x - layout.labelWidth);
}
/**
 * The mark nearest the pointer within `radius` CSS pixels (in the row the
 * pointer is in), or undefined. Marks are few (the server lists them only
 * below a threshold), so a scan is enough.
 */
function markAt(marks, rows, layout, range, x, y, radius = 6) {
    let best;
    let bestDistance = radius * radius;
    for (const mark of marks) {
        const row = (0, plotLayout_1.rowOfLane)(rows, mark.lane);
        if (row === undefined)
            continue;
        const dx = (0, plotLayout_1.xOnCanvas)(layout, range, mark.timestampMs) - x;
        const dy = (0, plotLayout_1.rowCentre)(layout, row) - y;
        const distance = dx * dx + dy * dy;
        if (distance <= bestDistance) {
            best = mark;
            bestDistance = distance;
        }
    }
    return best;
}
/** The bucket of the bins under the pointer (bins may be for an older range: they are placed by their own times). */
function bucketAt(bins, layout, range, x, y) {
    const row = rowAt(layout, bins.lanes.length, y);
    if (row < 0 || !inPlot(layout, x) || bins.bucketMs <= 0)
        return undefined;
    const t = timeAtCanvasX(layout, range, x);
    const index = Math.floor((t - bins.from) / bins.bucketMs);
    const lane = bins.lanes[row];
    if (index < 0 || index >= lane.counts.length)
        return undefined;
    const from = bins.from + index * bins.bucketMs;
    return { lane: lane.key, count: lane.counts[index], from, to: from + bins.bucketMs };
}
//# sourceMappingURL=hitTest.js.map