"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const openEventPlan_1 = require("../../src/extension/timeline/openEventPlan");
const timelineAnswers_1 = require("../../src/extension/timeline/timelineAnswers");
const pagedCache_1 = require("../../src/extension/views/model/pagedCache");
const sharedFilterMapping_1 = require("../../src/extension/views/model/sharedFilterMapping");
const timelineProtocol_1 = require("../../src/shared/timelineProtocol");
const sharedFilterState_1 = require("../../src/webview/timeline/sharedFilterState");
const binPlanner_1 = require("../../src/webview/timeline/binPlanner");
(0, node_test_1.describe)('the filter the timeline shares with the trees', () => {
    (0, node_test_1.it)('maps the shared filter onto each linked view, keeping a correlation or type prefix that is that view’s own', () => {
        const shared = { types: ['A', 'B'], sources: ['api'], aggregatePrefix: 'order-', from: 10, to: 20 };
        strict_1.default.deepEqual((0, sharedFilterMapping_1.viewFilterFromShared)('aggregates', shared, { prefix: 'old-', types: ['Z'] }), { prefix: 'order-', types: ['A', 'B'], sources: ['api'], from: 10, to: 20 });
        strict_1.default.deepEqual((0, sharedFilterMapping_1.viewFilterFromShared)('correlations', shared, { prefix: 'corr-1' }), { prefix: 'corr-1', types: ['A', 'B'], sources: ['api'], from: 10, to: 20 });
        // The Event Types view lists types: it takes sources and time, not a type list.
        strict_1.default.deepEqual((0, sharedFilterMapping_1.viewFilterFromShared)('eventTypes', shared, { prefix: 'Order' }), { prefix: 'Order', sources: ['api'], from: 10, to: 20 });
        strict_1.default.deepEqual((0, sharedFilterMapping_1.viewFilterFromShared)('aggregates', {}, { prefix: 'x', sources: ['s'], from: 1 }), {});
    });
    (0, node_test_1.it)('takes over only the fields the changed view has', () => {
        const previous = { types: ['A'], sources: ['api'], aggregatePrefix: 'order-', from: 10, to: 20 };
        strict_1.default.deepEqual((0, sharedFilterMapping_1.sharedFromViewFilter)('aggregates', { prefix: 'cust-' }, previous), { aggregatePrefix: 'cust-' });
        strict_1.default.deepEqual((0, sharedFilterMapping_1.sharedFromViewFilter)('correlations', { prefix: 'corr', types: ['B'] }, previous), { types: ['B'], aggregatePrefix: 'order-' });
        strict_1.default.deepEqual((0, sharedFilterMapping_1.sharedFromViewFilter)('eventTypes', { prefix: 'Ord', sources: ['worker'], from: 5 }, previous), { types: ['A'], sources: ['worker'], aggregatePrefix: 'order-', from: 5 });
        // A round trip through the Aggregates view changes nothing.
        strict_1.default.deepEqual((0, sharedFilterMapping_1.sharedFromViewFilter)('aggregates', (0, sharedFilterMapping_1.viewFilterFromShared)('aggregates', previous, {}), {}), previous);
    });
    (0, node_test_1.it)('turns the legend’s hidden types into shown types and back', () => {
        const all = ['A', 'B', 'C'];
        strict_1.default.equal((0, sharedFilterState_1.shownTypes)(all, new Set()), undefined);
        strict_1.default.deepEqual((0, sharedFilterState_1.shownTypes)(all, new Set(['B'])), ['A', 'C']);
        strict_1.default.deepEqual([...(0, sharedFilterState_1.hiddenFor)(all, ['A', 'C'])], ['B']);
        strict_1.default.deepEqual([...(0, sharedFilterState_1.hiddenFor)(all, undefined)], []);
        strict_1.default.deepEqual([...(0, sharedFilterState_1.hiddenFor)(all, [])], []);
        strict_1.default.deepEqual((0, sharedFilterState_1.sharedFilterOf)(all, new Set(['C']), { aggregatePrefix: 'o', sources: [] }), { aggregatePrefix: 'o', types: ['A', 'B'] });
    });
    (0, node_test_1.it)('keeps the rest of the filter tidy: empty fields dropped, a brushed window ordered, the overview without it', () => {
        strict_1.default.deepEqual((0, sharedFilterState_1.restOf)({ types: ['A'], aggregatePrefix: '', sources: ['s'], from: 3 }), { sources: ['s'], from: 3 });
        strict_1.default.equal((0, sharedFilterState_1.isRestEmpty)({ aggregatePrefix: '', sources: [] }), true);
        strict_1.default.equal((0, sharedFilterState_1.isRestEmpty)({ to: 0 }), false);
        strict_1.default.deepEqual((0, sharedFilterState_1.windowBetween)(50, 20), { from: 20, to: 50 });
        strict_1.default.deepEqual((0, sharedFilterState_1.withoutWindow)({ sources: ['s'], from: 1, to: 2 }), { sources: ['s'] });
    });
    (0, node_test_1.it)('sends the filter with every bins request, and the host turns it into the server’s filters', () => {
        const params = (0, binPlanner_1.binsParamsFor)({ range: { from: 0, to: 100 }, plotWidth: 200, laneRows: 5, lane: 'aggregate', allTypes: ['A', 'B'], hiddenTypes: ['B'], filter: { aggregatePrefix: 'o', sources: ['api'], from: 10, to: 90 } });
        strict_1.default.equal(timelineProtocol_1.BinsRequest.isParams(params), true);
        strict_1.default.deepEqual((0, timelineAnswers_1.serverBinsParams)(params, undefined).filters, { types: ['A'], sources: ['api'], aggregatePrefix: 'o', from: 10, to: 90 });
        const plain = (0, binPlanner_1.binsParamsFor)({ range: { from: 0, to: 100 }, plotWidth: 200, laneRows: 5, lane: 'aggregate', allTypes: ['A'], hiddenTypes: [], filter: {} });
        strict_1.default.equal('filter' in plain, false);
        strict_1.default.equal((0, timelineAnswers_1.serverBinsParams)(plain, undefined).filters, undefined);
    });
    (0, node_test_1.it)('guards the filter messages and the saved state with a filter', () => {
        strict_1.default.equal((0, timelineProtocol_1.isSharedFilter)({ from: 5, to: 1 }), false, 'a window that ends before it starts');
        strict_1.default.equal((0, timelineProtocol_1.isSharedFilter)({ types: 'A' }), false);
        strict_1.default.equal(timelineProtocol_1.FilterChangedCommand.is(timelineProtocol_1.FilterChangedCommand.create({ filter: { sources: ['a'] } })), true);
        strict_1.default.equal(timelineProtocol_1.FilterNotification.is({ kind: 'notification', method: 'timeline/filter', params: { filter: { aggregatePrefix: 3 } } }), false);
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)({ ...timelineProtocol_1.INITIAL_TIMELINE_STATE, filter: { aggregatePrefix: 'o', from: 1 } }), true);
        strict_1.default.equal((0, timelineProtocol_1.isTimelineSavedState)({ ...timelineProtocol_1.INITIAL_TIMELINE_STATE, filter: { from: 'yesterday' } }), false);
    });
});
(0, node_test_1.describe)('revealing a clicked event in the Aggregates view', () => {
    const detail = (aggregateId) => ({ entry: { aggregateId }, event: {}, duplicates: [] });
    (0, node_test_1.it)('reveals only an event with an aggregate, and only when the views are there', () => {
        strict_1.default.deepEqual((0, openEventPlan_1.planRevealInViews)(['eventbus.revealInAggregates'], 'e1', detail('order-1')), { kind: 'command', command: 'eventbus.revealInAggregates', args: { eventId: 'e1' } });
        strict_1.default.equal((0, openEventPlan_1.planRevealInViews)(['eventbus.revealInAggregates'], 'e1', detail(null)), null);
        strict_1.default.equal((0, openEventPlan_1.planRevealInViews)([], 'e1', detail('order-1')), null);
        strict_1.default.equal((0, openEventPlan_1.planRevealInViews)(['eventbus.revealInAggregates'], 'e1', null), null);
    });
    (0, node_test_1.it)('loads whole pages up to a wanted row, before or after the list was first fetched', async () => {
        const items = Array.from({ length: 1000 }, (_, i) => i);
        const asked = [];
        const fetch = async (offset, limit) => {
            asked.push([offset, limit]);
            return { items: items.slice(offset, offset + limit), total: items.length, offset };
        };
        const cache = new pagedCache_1.PagedCache(() => 100);
        cache.want('never-fetched', 250);
        strict_1.default.equal((await cache.get('never-fetched', 's', fetch)).items.length, 300);
        strict_1.default.deepEqual(asked, [[0, 300]]);
        asked.length = 0;
        strict_1.default.equal((await cache.get('shown', 's', fetch)).items.length, 100);
        cache.want('shown', 701);
        const after = await cache.get('shown', 's', fetch);
        strict_1.default.equal(after.items.length, 800);
        strict_1.default.deepEqual(after.items.slice(795), [795, 796, 797, 798, 799]);
        strict_1.default.deepEqual(asked, [[0, 100], [100, 700]]);
        cache.want('shown', 5);
        strict_1.default.equal((await cache.get('shown', 's', fetch)).items.length, 800, 'a smaller want never shrinks the list');
    });
});
//# sourceMappingURL=timelineSharedFilter.unit.spec.js.map