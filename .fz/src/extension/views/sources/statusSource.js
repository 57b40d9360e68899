"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatusSource = void 0;
const protocol_1 = require("../../../shared/protocol");
const basicItems_1 = require("../model/basicItems");
const nodeInterner_1 = require("../model/nodeInterner");
const statusRows_1 = require("../model/statusRows");
const treeSource_1 = require("./treeSource");
const COUNTED = [
    ['aggregates', 'aggregate'],
    ['correlations', 'correlation'],
    ['eventTypes', 'type'],
    ['sources', 'source'],
];
/**
 * The Status view: what StatusRequest reports for a store, plus the number
 * of aggregates, correlations, types and sources (group totals, asked once
 * per store change with limit 0).
 */
class StatusSource {
    send;
    statusOf;
    now;
    view = 'status';
    nodes = new nodeInterner_1.NodeInterner();
    generation = 0;
    counts = new Map();
    constructor(send, statusOf, now = Date.now) {
        this.send = send;
        this.statusOf = statusOf;
        this.now = now;
    }
    async roots(store, parent) {
        const status = this.statusOf(store);
        if (!status)
            return [];
        const counts = status.state === 'ready' ? await this.countsOf(status.storeRoot).catch(() => ({})) : {};
        return (0, statusRows_1.statusRows)(status, counts, this.now()).map((row) => this.nodes.intern({
            kind: 'statusRow',
            key: `${(0, treeSource_1.storeTag)(store)}|${row.id}`,
            store,
            parent,
            label: row.label,
            value: row.value,
            ...(row.icon ? { icon: { ...row.icon } } : {}),
            ...(row.tooltip ? { tooltip: row.tooltip } : {}),
        }));
    }
    async children() {
        return [];
    }
    item(node) {
        if (node.kind !== 'statusRow')
            throw new Error(`status view: no row for a ${node.kind} node`);
        return (0, basicItems_1.statusRowItem)(node);
    }
    loadMore() {
        return false;
    }
    invalidate() {
        this.generation++;
    }
    description() {
        return '';
    }
    countsOf(store) {
        const known = this.counts.get(store);
        if (known && known.generation === this.generation)
            return known.counts;
        const counts = Promise.all(COUNTED.map(async ([name, groupBy]) => [name, (await this.send(protocol_1.EventGroupsRequest.type, { store, groupBy, limit: 0 })).total])).then((pairs) => Object.fromEntries(pairs));
        this.counts.set(store, { generation: this.generation, counts });
        return counts;
    }
}
exports.StatusSource = StatusSource;
//# sourceMappingURL=statusSource.js.map