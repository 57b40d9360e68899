"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.laneKeyOf = laneKeyOf;
exports.layoutArrows = layoutArrows;
exports.correlationRange = correlationRange;
const format_1 = require("./format");
const plotLayout_1 = require("./plotLayout");
function laneKeyOf(event, mode) {
    if (mode === 'aggregate')
        return event.aggregateId ?? plotLayout_1.NO_AGGREGATE_LANE;
    return mode === 'source' ? event.source : event.type;
}
function layoutArrows(chain, mode, rows, layout, range) {
    const byId = new Map(chain.events.map((e) => [e.eventId, e]));
    const arrows = [];
    for (const event of chain.events) {
        if (event.causeId === null)
            continue;
        const cause = byId.get(event.causeId);
        if (!cause || cause.timestampMs === null || event.timestampMs === null)
            continue;
        const fromRow = (0, plotLayout_1.rowOfLane)(rows, laneKeyOf(cause, mode));
        const toRow = (0, plotLayout_1.rowOfLane)(rows, laneKeyOf(event, mode));
        if (fromRow === undefined || toRow === undefined)
            continue;
        const x1 = (0, plotLayout_1.xOnCanvas)(layout, range, cause.timestampMs);
        const x2 = (0, plotLayout_1.xOnCanvas)(layout, range, event.timestampMs);
        // Both ends off the same side of the plot: nothing of the arrow would show.
        if ((x1 < layout.labelWidth && x2 < layout.labelWidth) || (x1 > layout.width && x2 > layout.width))
            continue;
        arrows.push({
            fromEventId: cause.eventId,
            toEventId: event.eventId,
            x1,
            y1: (0, plotLayout_1.rowCentre)(layout, fromRow),
            x2,
            y2: (0, plotLayout_1.rowCentre)(layout, toRow),
            label: (0, format_1.formatDuration)(event.sinceCauseMs ?? event.timestampMs - cause.timestampMs),
        });
    }
    return arrows;
}
/** The range that shows a whole correlation, with a margin so its first and last events are not on the edge. */
function correlationRange(chain) {
    if (!chain.range)
        return null;
    const span = Math.max(chain.range.to - chain.range.from, 10);
    return { from: chain.range.from - span * 0.1, to: chain.range.to + span * 0.1 };
}
//# sourceMappingURL=arrowLayout.js.map