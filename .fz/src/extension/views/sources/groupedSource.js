"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventTypesSource = exports.AggregatesSource = exports.GroupedSource = void 0;
const protocol_1 = require("../../../shared/protocol");
const eventItem_1 = require("../model/eventItem");
const groupItem_1 = require("../model/groupItem");
const nodes_1 = require("../model/nodes");
const viewFilter_1 = require("../model/viewFilter");
const viewSort_1 = require("../model/viewSort");
const treeSource_1 = require("./treeSource");
const GROUP_NOUNS = { aggregate: 'aggregates', correlation: 'correlations', type: 'event types', source: 'sources' };
/**
 * A view whose top level is a server-side grouping of events (aggregates,
 * correlations, event types): filtered, sorted and paged by the server.
 */
class GroupedSource extends treeSource_1.FilterableSource {
    constructor(options, defaultSort) {
        super(options, defaultSort);
    }
    describeSort() {
        return (0, viewSort_1.describeSort)(this.view, this.sortState);
    }
    async roots(store, parent) {
        const listKey = `${(0, treeSource_1.storeTag)(store)}|${this.groupBy}`;
        const filter = (0, viewFilter_1.eventFilterOf)(this.filterState);
        const list = await this.get(listKey, `g${this.generation}`, (offset, limit) => this.options.send(protocol_1.EventGroupsRequest.type, {
            ...(store !== undefined ? { store } : {}),
            groupBy: this.groupBy,
            offset,
            limit,
            sort: this.sortState,
            ...(this.filterState.prefix ? { prefix: this.filterState.prefix } : {}),
            ...(filter ? { filter } : {}),
        }));
        if (list.items.length === 0) {
            const text = this.isFiltered() ? `No ${GROUP_NOUNS[this.groupBy]} match the filter` : `No ${GROUP_NOUNS[this.groupBy]} in the store`;
            return [this.message(`${listKey}/empty`, text, store, parent)];
        }
        const nodes = list.items.map((summary) => this.nodes.intern({ kind: 'group', key: `${listKey}/${summary.key}`, store, parent, groupBy: this.groupBy, summary }));
        return this.withLoadMore(listKey, list, nodes, store, parent);
    }
    /** The top level lists at least `count` groups on its next fetch. */
    wantGroups(store, count) {
        this.pages.want(`${(0, treeSource_1.storeTag)(store)}|${this.groupBy}`, count);
    }
    /** The group lists at least `count` events on its next fetch. */
    wantEvents(node, count) {
        this.pages.want(`${node.key}/events`, count);
    }
    /** A group's events are stale when its count or last event changed, or lines moved. */
    groupStamp(node) {
        return `f${this.fullGeneration}|${node.summary.count}|${node.summary.lastTimestampMs}`;
    }
    /** The group's events (filtered), paged, as event rows. */
    async eventChildren(node, query) {
        const listKey = `${node.key}/events`;
        const filter = (0, viewFilter_1.eventFilterOf)(this.filterState);
        const store = node.store;
        const list = await this.get(listKey, this.groupStamp(node), (offset, limit) => {
            const where = { ...(store !== undefined ? { store } : {}), offset, limit };
            // The plain aggregate request is the fast path the bench measures; the query handles filters and types.
            if (query.aggregateId !== undefined && !filter)
                return this.options.send(protocol_1.AggregateEventsRequest.type, { ...where, aggregateId: query.aggregateId });
            return this.options.send(protocol_1.EventsQueryRequest.type, { ...where, ...query, ...(filter ? { filter } : {}) });
        });
        if (list.items.length === 0)
            return [this.message(`${listKey}/empty`, 'No events match the filter', store, node)];
        const nodes = list.items.map((entry, i) => this.nodes.intern((0, nodes_1.eventNode)(entry, `${listKey}/${i}`, store, node)));
        return this.withLoadMore(listKey, list, nodes, store, node);
    }
    item(node, nowMs) {
        const common = this.commonItem(node);
        if (common)
            return common;
        if (node.kind === 'group')
            return (0, groupItem_1.groupItem)(node, nowMs, this.isFiltered());
        if (node.kind === 'event')
            return (0, eventItem_1.eventItem)(node, node.causation ? 'causation' : this.eventStyle, nowMs);
        throw new Error(`${this.view} view: no row for a ${node.kind} node`);
    }
}
exports.GroupedSource = GroupedSource;
class AggregatesSource extends GroupedSource {
    view = 'aggregates';
    groupBy = 'aggregate';
    eventStyle = 'aggregate';
    constructor(options) {
        super(options, 'key');
    }
    children(node) {
        if (node.kind !== 'group')
            return Promise.resolve([]);
        return this.eventChildren(node, { aggregateId: node.summary.key });
    }
}
exports.AggregatesSource = AggregatesSource;
class EventTypesSource extends GroupedSource {
    view = 'eventTypes';
    groupBy = 'type';
    eventStyle = 'type';
    constructor(options) {
        super(options, 'count');
    }
    children(node) {
        if (node.kind !== 'group')
            return Promise.resolve([]);
        return this.eventChildren(node, { eventType: node.summary.key });
    }
}
exports.EventTypesSource = EventTypesSource;
//# sourceMappingURL=groupedSource.js.map