"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregatePickItems = aggregatePickItems;
exports.aggregatePickPlaceholder = aggregatePickPlaceholder;
/** Quick-pick items for aggregates: the id, with its event count as the description. */
function aggregatePickItems(page) {
    return page.items.map((a) => ({
        label: a.aggregateId,
        description: `${a.count.toLocaleString('en-US')} ${a.count === 1 ? 'event' : 'events'}`,
        aggregateId: a.aggregateId,
    }));
}
/** The placeholder says when the list is a first page of many (typing then asks the server by prefix). */
function aggregatePickPlaceholder(page) {
    if (page.total === 0)
        return 'The store has no aggregates';
    if (page.items.length >= page.total)
        return `Pick an aggregate to inspect (${page.total.toLocaleString('en-US')})`;
    return `Pick an aggregate to inspect: showing ${page.items.length.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}, type to search by id prefix`;
}
//# sourceMappingURL=aggregatePickItems.js.map