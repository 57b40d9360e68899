"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventPickItems = eventPickItems;
function eventPickItems(entries) {
    return entries
        .filter((e) => e.sequence !== null)
        .map((e) => ({
        label: `#${e.sequence} ${e.type}`,
        description: e.timestamp ? e.timestamp.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : 'no timestamp',
        detail: e.source ? `from ${e.source}${e.correlationId ? ` · correlation ${e.correlationId}` : ''}` : undefined,
        sequence: e.sequence,
    }))
        .reverse();
}
//# sourceMappingURL=eventPickItems.js.map