import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAction } from '../../src/webview/timeline/pointerInput';
import { minSpanFor, spanOf } from '../../src/webview/timeline/timeScale';
import { initialView, minSpanOf, pinnedLanesOf, reduceView, type TimelineAction, type TimelineView } from '../../src/webview/timeline/viewState';

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);
const extent = { from: T0, to: T0 + 3_600_000 };

/** A view 1,000 px wide over the store's first ten minutes. */
function viewOf(overrides: Partial<TimelineView> = {}): TimelineView {
  const base = reduceView(reduceView(initialView({}), { type: 'plotWidth', width: 1000 }), { type: 'extent', extent });
  return { ...reduceView(base, { type: 'setRange', range: { from: T0, to: T0 + 600_000 } }), ...overrides };
}

const run = (view: TimelineView, ...actions: TimelineAction[]) => actions.reduce(reduceView, view);

describe('timeline view reducer: zoom limits', () => {
  it('never zooms below one event mark per millisecond (1,000 px: 83 ms), however often the user zooms in', () => {
    let view = viewOf();
    for (let i = 0; i < 60; i++) view = reduceView(view, { type: 'zoom', factor: 0.5, anchor: T0 + 300_000 });
    assert.ok(view.range);
    assert.equal(minSpanOf(view), minSpanFor(1000));
    // Epoch milliseconds as doubles: the span is exact to well under a microsecond.
    assert.ok(Math.abs(spanOf(view.range) - 1000 / 12) < 1e-3, `span ${spanOf(view.range)}`);
    // At the limit a further zoom in changes nothing (no drift toward the anchor).
    assert.deepEqual(reduceView(view, { type: 'zoom', factor: 0.5, anchor: view.range.to }).range, view.range);
  });

  it('a zoom in that would show none of the events in view moves to the nearest one instead', () => {
    const view = viewOf();
    // Events at +10 s and +500 s; zooming 100× around +300 s would show an empty 6 s.
    const times = [T0 + 10_000, T0 + 500_000];
    const zoomed = reduceView(view, { type: 'zoom', factor: 0.01, anchor: T0 + 300_000, times });
    assert.ok(zoomed.range);
    assert.ok(times.some((t) => t >= zoomed.range!.from && t <= zoomed.range!.to), `the range ${JSON.stringify(zoomed.range)} holds an event`);
    assert.ok(Math.abs(spanOf(zoomed.range) - 6000) < 1e-3, 'the zoom factor is kept');
    assert.ok(zoomed.range.from <= T0 + 500_000 && zoomed.range.to >= T0 + 500_000, 'the nearest event (+500 s) is the one shown');
    // A zoom that keeps an event in view is left where the user zoomed.
    const kept = reduceView(view, { type: 'zoom', factor: 0.5, anchor: T0 + 10_000, times });
    assert.ok(kept.range!.from < T0 + 10_000 && kept.range!.to > T0 + 10_000);
    assert.equal(kept.range!.from, T0 + 10_000 - (10_000 / 600_000) * 300_000);
  });

  it('a narrower plot keeps its range at least as wide as its own limit', () => {
    let view = viewOf();
    for (let i = 0; i < 60; i++) view = reduceView(view, { type: 'zoom', factor: 0.5 });
    const wider = reduceView(view, { type: 'plotWidth', width: 2400 });
    assert.ok(spanOf(wider.range!) >= minSpanFor(2400) - 1e-3);
  });
});

describe('timeline view reducer: the tooltip', () => {
  it('shows while the pointer rests and goes with a zoom, a pan, a new range or any change of the lanes', () => {
    const hovering = reduceView(viewOf(), { type: 'hover', x: 400, y: 60 });
    assert.deepEqual(hovering.pointer, { x: 400, y: 60 });
    const actions: TimelineAction[] = [
      { type: 'zoom', factor: 0.5 },
      { type: 'zoom', factor: 2 },
      { type: 'pan', deltaMs: 1000 },
      { type: 'setRange', range: { from: T0, to: T0 + 1000 } },
      { type: 'fit' },
      { type: 'laneMode', lane: 'type' },
      { type: 'laneOrder', order: 'name' },
      { type: 'togglePin', key: 'order-1' },
      { type: 'laneQuery', query: 'data.amount > 1' },
      { type: 'step', eventId: 'e1', timestampMs: T0 + 5000 },
      { type: 'leave' },
    ];
    for (const action of actions) assert.equal(reduceView(hovering, action).pointer, null, `after ${action.type}`);
    // A selection alone does not move what is under the pointer.
    assert.deepEqual(reduceView(hovering, { type: 'select', eventId: 'e1' }).pointer, { x: 400, y: 60 });
  });
});

describe('timeline view reducer: lanes and stepping', () => {
  it('pins and unpins lanes per lane mode, never (other), in the order pinned', () => {
    let view = run(viewOf(), { type: 'togglePin', key: 'order-2' }, { type: 'togglePin', key: 'order-1' }, { type: 'togglePin', key: '(other)' });
    assert.deepEqual(pinnedLanesOf(view), ['order-2', 'order-1']);
    view = run(view, { type: 'laneMode', lane: 'type' });
    assert.deepEqual(pinnedLanesOf(view), [], 'an aggregate pin is no type lane');
    view = run(view, { type: 'togglePin', key: 'item_added' }, { type: 'laneMode', lane: 'aggregate' }, { type: 'togglePin', key: 'order-2' });
    assert.deepEqual(pinnedLanesOf(view), ['order-1']);
    assert.deepEqual(view.pinned.type, ['item_added']);
  });

  it('keeps the lane order and query through zooms (only the user changes them)', () => {
    const view = run(viewOf(), { type: 'laneOrder', order: 'first' }, { type: 'laneQuery', query: '  data.amount > 100 ' });
    const zoomed = run(view, { type: 'zoom', factor: 0.25 }, { type: 'zoom', factor: 3 }, { type: 'pan', deltaMs: 5000 });
    assert.equal(zoomed.laneOrder, 'first');
    assert.equal(zoomed.laneQuery, 'data.amount > 100');
  });

  it('"next event" selects the event and centres it, keeping the span', () => {
    const view = viewOf();
    const stepped = reduceView(view, { type: 'step', eventId: 'e9', timestampMs: T0 + 1_000_000 });
    assert.equal(stepped.selectedEventId, 'e9');
    assert.equal(spanOf(stepped.range!), spanOf(view.range!));
    assert.equal((stepped.range!.from + stepped.range!.to) / 2, T0 + 1_000_000);
  });

  it('maps N, ] and P, [ to next and previous', () => {
    assert.equal(keyAction('n'), 'next');
    assert.equal(keyAction(']'), 'next');
    assert.equal(keyAction('P'), 'previous');
    assert.equal(keyAction('['), 'previous');
  });
});
