"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_CHAIN_EVENTS = void 0;
exports.flattenCausationTree = flattenCausationTree;
/** Enough for any real workflow; a runaway tree is cut rather than posted whole to the page. */
exports.MAX_CHAIN_EVENTS = 5000;
function flattenCausationTree(tree, limit = exports.MAX_CHAIN_EVENTS) {
    const events = [];
    let from = Infinity;
    let to = -Infinity;
    const visit = (node, causeId) => {
        if (events.length >= limit)
            return;
        const t = node.entry.timestampMs;
        if (t !== null) {
            from = Math.min(from, t);
            to = Math.max(to, t);
        }
        events.push({
            eventId: node.entry.eventId,
            causeId,
            timestampMs: t,
            sinceCauseMs: node.sinceCauseMs,
            type: node.entry.type,
            aggregateId: node.entry.aggregateId,
            source: node.entry.source,
        });
        // A cycle is reported by the server and not expanded further; children of a node are its effects.
        for (const child of node.children)
            visit(child, node.entry.eventId);
    };
    for (const root of tree.roots)
        visit(root, root.brokenCause ? root.entry.causationId : null);
    return { correlationId: tree.correlationId, events, range: Number.isFinite(from) ? { from, to } : null };
}
//# sourceMappingURL=causationChain.js.map