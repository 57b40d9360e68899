import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planRevealInViews } from '../../src/extension/timeline/openEventPlan';
import { serverBinsParams } from '../../src/extension/timeline/timelineAnswers';
import { PagedCache } from '../../src/extension/views/model/pagedCache';
import { sharedFromViewFilter, viewFilterFromShared } from '../../src/extension/views/model/sharedFilterMapping';
import type { EventDetail, Page } from '../../src/shared/protocol';
import { FilterChangedCommand, FilterNotification, isSharedFilter, isTimelineSavedState, INITIAL_TIMELINE_STATE, BinsRequest } from '../../src/shared/timelineProtocol';
import { hiddenFor, isRestEmpty, restOf, sharedFilterOf, shownTypes, windowBetween, withoutWindow } from '../../src/webview/timeline/sharedFilterState';
import { binsParamsFor } from '../../src/webview/timeline/binPlanner';

describe('the filter the timeline shares with the trees', () => {
  it('maps the shared filter onto each linked view, keeping a correlation or type prefix that is that view’s own', () => {
    const shared = { types: ['A', 'B'], sources: ['api'], aggregatePrefix: 'order-', from: 10, to: 20 };
    assert.deepEqual(viewFilterFromShared('aggregates', shared, { prefix: 'old-', types: ['Z'] }), { prefix: 'order-', types: ['A', 'B'], sources: ['api'], from: 10, to: 20 });
    assert.deepEqual(viewFilterFromShared('correlations', shared, { prefix: 'corr-1' }), { prefix: 'corr-1', types: ['A', 'B'], sources: ['api'], from: 10, to: 20 });
    // The Event Types view lists types: it takes sources and time, not a type list.
    assert.deepEqual(viewFilterFromShared('eventTypes', shared, { prefix: 'Order' }), { prefix: 'Order', sources: ['api'], from: 10, to: 20 });
    assert.deepEqual(viewFilterFromShared('aggregates', {}, { prefix: 'x', sources: ['s'], from: 1 }), {});
  });

  it('takes over only the fields the changed view has', () => {
    const previous = { types: ['A'], sources: ['api'], aggregatePrefix: 'order-', from: 10, to: 20 };
    assert.deepEqual(sharedFromViewFilter('aggregates', { prefix: 'cust-' }, previous), { aggregatePrefix: 'cust-' });
    assert.deepEqual(sharedFromViewFilter('correlations', { prefix: 'corr', types: ['B'] }, previous), { types: ['B'], aggregatePrefix: 'order-' });
    assert.deepEqual(sharedFromViewFilter('eventTypes', { prefix: 'Ord', sources: ['worker'], from: 5 }, previous), { types: ['A'], sources: ['worker'], aggregatePrefix: 'order-', from: 5 });
    // A round trip through the Aggregates view changes nothing.
    assert.deepEqual(sharedFromViewFilter('aggregates', viewFilterFromShared('aggregates', previous, {}), {}), previous);
  });

  it('turns the legend’s hidden types into shown types and back', () => {
    const all = ['A', 'B', 'C'];
    assert.equal(shownTypes(all, new Set()), undefined);
    assert.deepEqual(shownTypes(all, new Set(['B'])), ['A', 'C']);
    assert.deepEqual([...hiddenFor(all, ['A', 'C'])], ['B']);
    assert.deepEqual([...hiddenFor(all, undefined)], []);
    assert.deepEqual([...hiddenFor(all, [])], []);
    assert.deepEqual(sharedFilterOf(all, new Set(['C']), { aggregatePrefix: 'o', sources: [] }), { aggregatePrefix: 'o', types: ['A', 'B'] });
  });

  it('keeps the rest of the filter tidy: empty fields dropped, a brushed window ordered, the overview without it', () => {
    assert.deepEqual(restOf({ types: ['A'], aggregatePrefix: '', sources: ['s'], from: 3 }), { sources: ['s'], from: 3 });
    assert.equal(isRestEmpty({ aggregatePrefix: '', sources: [] }), true);
    assert.equal(isRestEmpty({ to: 0 }), false);
    assert.deepEqual(windowBetween(50, 20), { from: 20, to: 50 });
    assert.deepEqual(withoutWindow({ sources: ['s'], from: 1, to: 2 }), { sources: ['s'] });
  });

  it('sends the filter with every bins request, and the host turns it into the server’s filters', () => {
    const params = binsParamsFor({ range: { from: 0, to: 100 }, plotWidth: 200, laneRows: 5, lane: 'aggregate', allTypes: ['A', 'B'], hiddenTypes: ['B'], filter: { aggregatePrefix: 'o', sources: ['api'], from: 10, to: 90 } });
    assert.equal(BinsRequest.isParams(params), true);
    assert.deepEqual(serverBinsParams(params, '/s').filters, { types: ['A'], sources: ['api'], aggregatePrefix: 'o', from: 10, to: 90 });
    const plain = binsParamsFor({ range: { from: 0, to: 100 }, plotWidth: 200, laneRows: 5, lane: 'aggregate', allTypes: ['A'], hiddenTypes: [], filter: {} });
    assert.equal('filter' in plain, false);
    assert.equal(serverBinsParams(plain, '/s').filters, undefined);
  });

  it('guards the filter messages and the saved state with a filter', () => {
    assert.equal(isSharedFilter({ from: 5, to: 1 }), false, 'a window that ends before it starts');
    assert.equal(isSharedFilter({ types: 'A' }), false);
    assert.equal(FilterChangedCommand.is(FilterChangedCommand.create({ filter: { sources: ['a'] } })), true);
    assert.equal(FilterNotification.is({ kind: 'notification', method: 'timeline/filter', params: { filter: { aggregatePrefix: 3 } } }), false);
    assert.equal(isTimelineSavedState({ ...INITIAL_TIMELINE_STATE, filter: { aggregatePrefix: 'o', from: 1 } }), true);
    assert.equal(isTimelineSavedState({ ...INITIAL_TIMELINE_STATE, filter: { from: 'yesterday' } }), false);
  });
});

describe('revealing a clicked event in the Aggregates view', () => {
  const detail = (aggregateId: string | null): EventDetail => ({ entry: { aggregateId } as EventDetail['entry'], event: {}, duplicates: [] });

  it('reveals only an event with an aggregate, and in the timeline’s store', () => {
    assert.deepEqual(planRevealInViews('/s', 'e1', detail('order-1')), { kind: 'command', command: 'eventbus.revealInAggregates', args: { store: '/s', eventId: 'e1' } });
    assert.equal(planRevealInViews('/s', 'e1', detail(null)), null);
    assert.equal(planRevealInViews('/s', 'e1', null), null);
  });

  it('loads whole pages up to a wanted row, before or after the list was first fetched', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const asked: [number, number][] = [];
    const fetch = async (offset: number, limit: number): Promise<Page<number>> => {
      asked.push([offset, limit]);
      return { items: items.slice(offset, offset + limit), total: items.length, offset };
    };
    const cache = new PagedCache<number>(() => 100);
    cache.want('never-fetched', 250);
    assert.equal((await cache.get('never-fetched', 's', fetch)).items.length, 300);
    assert.deepEqual(asked, [[0, 300]]);
    asked.length = 0;
    assert.equal((await cache.get('shown', 's', fetch)).items.length, 100);
    cache.want('shown', 701);
    const after = await cache.get('shown', 's', fetch);
    assert.equal(after.items.length, 800);
    assert.deepEqual(after.items.slice(795), [795, 796, 797, 798, 799]);
    assert.deepEqual(asked, [[0, 100], [100, 700]]);
    cache.want('shown', 5);
    assert.equal((await cache.get('shown', 's', fetch)).items.length, 800, 'a smaller want never shrinks the list');
  });
});
