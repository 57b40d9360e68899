"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventCountText = eventCountText;
exports.groupItem = groupItem;
const markdown_1 = require("./markdown");
const relativeTime_1 = require("./relativeTime");
const GROUP_ICONS = {
    aggregate: 'symbol-class',
    correlation: 'git-merge',
    type: 'symbol-interface',
    source: 'radio-tower',
};
const GROUP_NAMES = {
    aggregate: 'Aggregate',
    correlation: 'Correlation',
    type: 'Event type',
    source: 'Source',
};
function eventCountText(count) {
    return `${count.toLocaleString('en')} event${count === 1 ? '' : 's'}`;
}
/** An aggregate / correlation / type row: its count and how long ago it last saw an event. */
function groupItem(node, nowMs, filtered) {
    const s = node.summary;
    const last = (0, relativeTime_1.formatEventTime)(s.lastTimestampMs, nowMs);
    const description = node.groupBy === 'type' ? s.count.toLocaleString('en') : [eventCountText(s.count), last].filter(Boolean).join(' · ');
    return {
        id: node.key,
        label: s.key,
        description,
        tooltip: {
            markdown: (0, markdown_1.lines)([
                (0, markdown_1.field)(GROUP_NAMES[node.groupBy], s.key),
                `${(0, markdown_1.field)(filtered ? 'Events (matching the filter)' : 'Events', s.count.toLocaleString('en'))}`,
                (0, markdown_1.field)('First', s.firstTimestamp),
                (0, markdown_1.field)('Last', s.lastTimestamp),
            ]),
        },
        icon: { id: GROUP_ICONS[node.groupBy] },
        collapsible: s.count > 0 ? 'collapsed' : 'none',
        contextValue: node.groupBy,
    };
}
//# sourceMappingURL=groupItem.js.map