"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CorrelationsSource = void 0;
const protocol_1 = require("../../../shared/protocol");
const nodes_1 = require("../model/nodes");
const pagedCache_1 = require("../model/pagedCache");
const groupedSource_1 = require("./groupedSource");
/**
 * Correlations → their causation forest across aggregates. The filter picks
 * which correlations are listed; a tree is always shown whole, since a
 * chain with steps left out would read as broken.
 */
class CorrelationsSource extends groupedSource_1.GroupedSource {
    view = 'correlations';
    groupBy = 'correlation';
    eventStyle = 'aggregate';
    trees = new Map();
    constructor(options) {
        super(options, 'lastActivity');
    }
    invalidate(full) {
        super.invalidate(full);
        if (full)
            this.trees.clear();
    }
    reset() {
        super.reset();
        this.trees.clear();
    }
    async children(node) {
        if (node.kind === 'event')
            return this.effects(node);
        if (node.kind !== 'group')
            return [];
        const listKey = `${node.key}/tree`;
        const stamp = this.groupStamp(node);
        const list = await this.get(listKey, stamp, async (offset, limit) => {
            const tree = await this.treeOf(node, stamp);
            return (0, pagedCache_1.pageOfArray)(tree?.roots ?? [], offset, limit);
        });
        if (list.items.length === 0)
            return [this.message(`${listKey}/empty`, 'No events (the correlation is no longer in the store)', node.store, node)];
        const nodes = list.items.map((step, i) => this.nodes.intern((0, nodes_1.eventNode)(step.entry, `${listKey}/${i}`, node.store, node, step)));
        return this.withLoadMore(listKey, list, nodes, node.store, node);
    }
    /** The events a step caused (shown whole: fan-out is small next to an aggregate's history). */
    effects(node) {
        const steps = node.causation?.children ?? [];
        return steps.map((step, i) => this.nodes.intern((0, nodes_1.eventNode)(step.entry, `${node.key}.${i}`, node.store, node, step)));
    }
    treeOf(node, stamp) {
        const known = this.trees.get(node.key);
        if (known && known.stamp === stamp)
            return known.tree;
        const tree = this.options.send(protocol_1.CausationTreeRequest.type, { ...(node.store !== undefined ? { store: node.store } : {}), correlationId: node.summary.key });
        this.trees.set(node.key, { stamp, tree });
        tree.catch(() => this.trees.delete(node.key));
        return tree;
    }
}
exports.CorrelationsSource = CorrelationsSource;
//# sourceMappingURL=correlationsSource.js.map