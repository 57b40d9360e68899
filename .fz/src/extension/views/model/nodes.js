"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventNode = eventNode;
function eventNode(entry, key, store, parent, causation) {
    return {
        kind: 'event',
        key,
        store,
        parent,
        entry,
        aggregateId: entry.aggregateId ?? undefined,
        toSequence: entry.sequence ?? undefined,
        ...(causation ? { causation } : {}),
    };
}
//# sourceMappingURL=nodes.js.map