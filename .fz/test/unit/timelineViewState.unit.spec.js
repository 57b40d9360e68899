"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const pointerInput_1 = require("../../src/webview/timeline/pointerInput");
const timeScale_1 = require("../../src/webview/timeline/timeScale");
const viewState_1 = require("../../src/webview/timeline/viewState");
const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);
const extent = { from: T0, to: T0 + 3_600_000 };
/** A view 1,000 px wide over the store's first ten minutes. */
function viewOf(overrides = {}) {
    const base = (0, viewState_1.reduceView)((0, viewState_1.reduceView)((0, viewState_1.initialView)({}), { type: 'plotWidth', width: 1000 }), { type: 'extent', extent });
    return { ...(0, viewState_1.reduceView)(base, { type: 'setRange', range: { from: T0, to: T0 + 600_000 } }), ...overrides };
}
const run = (view, ...actions) => actions.reduce(viewState_1.reduceView, view);
(0, node_test_1.describe)('timeline view reducer: zoom limits', () => {
    (0, node_test_1.it)('never zooms below one event mark per millisecond (1,000 px: 83 ms), however often the user zooms in', () => {
        let view = viewOf();
        for (let i = 0; i < 60; i++)
            view = (0, viewState_1.reduceView)(view, { type: 'zoom', factor: 0.5, anchor: T0 + 300_000 });
        strict_1.default.ok(view.range);
        strict_1.default.equal((0, viewState_1.minSpanOf)(view), (0, timeScale_1.minSpanFor)(1000));
        // Epoch milliseconds as doubles: the span is exact to well under a microsecond.
        strict_1.default.ok(Math.abs((0, timeScale_1.spanOf)(view.range) - 1000 / 12) < 1e-3, `span ${(0, timeScale_1.spanOf)(view.range)}`);
        // At the limit a further zoom in changes nothing (no drift toward the anchor).
        strict_1.default.deepEqual((0, viewState_1.reduceView)(view, { type: 'zoom', factor: 0.5, anchor: view.range.to }).range, view.range);
    });
    (0, node_test_1.it)('a zoom in that would show none of the events in view moves to the nearest one instead', () => {
        const view = viewOf();
        // Events at +10 s and +500 s; zooming 100× around +300 s would show an empty 6 s.
        const times = [T0 + 10_000, T0 + 500_000];
        const zoomed = (0, viewState_1.reduceView)(view, { type: 'zoom', factor: 0.01, anchor: T0 + 300_000, times });
        strict_1.default.ok(zoomed.range);
        strict_1.default.ok(times.some((t) => t >= zoomed.range.from && t <= zoomed.range.to), `the range ${JSON.stringify(zoomed.range)} holds an event`);
        strict_1.default.ok(Math.abs((0, timeScale_1.spanOf)(zoomed.range) - 6000) < 1e-3, 'the zoom factor is kept');
        strict_1.default.ok(zoomed.range.from <= T0 + 500_000 && zoomed.range.to >= T0 + 500_000, 'the nearest event (+500 s) is the one shown');
        // A zoom that keeps an event in view is left where the user zoomed.
        const kept = (0, viewState_1.reduceView)(view, { type: 'zoom', factor: 0.5, anchor: T0 + 10_000, times });
        strict_1.default.ok(kept.range.from < T0 + 10_000 && kept.range.to > T0 + 10_000);
        strict_1.default.equal(kept.range.from, T0 + 10_000 - (10_000 / 600_000) * 300_000);
    });
    (0, node_test_1.it)('a narrower plot keeps its range at least as wide as its own limit', () => {
        let view = viewOf();
        for (let i = 0; i < 60; i++)
            view = (0, viewState_1.reduceView)(view, { type: 'zoom', factor: 0.5 });
        const wider = (0, viewState_1.reduceView)(view, { type: 'plotWidth', width: 2400 });
        strict_1.default.ok((0, timeScale_1.spanOf)(wider.range) >= (0, timeScale_1.minSpanFor)(2400) - 1e-3);
    });
});
(0, node_test_1.describe)('timeline view reducer: the tooltip', () => {
    (0, node_test_1.it)('shows while the pointer rests and goes with a zoom, a pan, a new range or any change of the lanes', () => {
        const hovering = (0, viewState_1.reduceView)(viewOf(), { type: 'hover', x: 400, y: 60 });
        strict_1.default.deepEqual(hovering.pointer, { x: 400, y: 60 });
        const actions = [
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
        for (const action of actions)
            strict_1.default.equal((0, viewState_1.reduceView)(hovering, action).pointer, null, `after ${action.type}`);
        // A selection alone does not move what is under the pointer.
        strict_1.default.deepEqual((0, viewState_1.reduceView)(hovering, { type: 'select', eventId: 'e1' }).pointer, { x: 400, y: 60 });
    });
});
(0, node_test_1.describe)('timeline view reducer: lanes and stepping', () => {
    (0, node_test_1.it)('pins and unpins lanes per lane mode, never (other), in the order pinned', () => {
        let view = run(viewOf(), { type: 'togglePin', key: 'order-2' }, { type: 'togglePin', key: 'order-1' }, { type: 'togglePin', key: '(other)' });
        strict_1.default.deepEqual((0, viewState_1.pinnedLanesOf)(view), ['order-2', 'order-1']);
        view = run(view, { type: 'laneMode', lane: 'type' });
        strict_1.default.deepEqual((0, viewState_1.pinnedLanesOf)(view), [], 'an aggregate pin is no type lane');
        view = run(view, { type: 'togglePin', key: 'item_added' }, { type: 'laneMode', lane: 'aggregate' }, { type: 'togglePin', key: 'order-2' });
        strict_1.default.deepEqual((0, viewState_1.pinnedLanesOf)(view), ['order-1']);
        strict_1.default.deepEqual(view.pinned.type, ['item_added']);
    });
    (0, node_test_1.it)('keeps the lane order and query through zooms (only the user changes them)', () => {
        const view = run(viewOf(), { type: 'laneOrder', order: 'first' }, { type: 'laneQuery', query: '  data.amount > 100 ' });
        const zoomed = run(view, { type: 'zoom', factor: 0.25 }, { type: 'zoom', factor: 3 }, { type: 'pan', deltaMs: 5000 });
        strict_1.default.equal(zoomed.laneOrder, 'first');
        strict_1.default.equal(zoomed.laneQuery, 'data.amount > 100');
    });
    (0, node_test_1.it)('"next event" selects the event and centres it, keeping the span', () => {
        const view = viewOf();
        const stepped = (0, viewState_1.reduceView)(view, { type: 'step', eventId: 'e9', timestampMs: T0 + 1_000_000 });
        strict_1.default.equal(stepped.selectedEventId, 'e9');
        strict_1.default.equal((0, timeScale_1.spanOf)(stepped.range), (0, timeScale_1.spanOf)(view.range));
        strict_1.default.equal((stepped.range.from + stepped.range.to) / 2, T0 + 1_000_000);
    });
    (0, node_test_1.it)('maps N, ] and P, [ to next and previous', () => {
        strict_1.default.equal((0, pointerInput_1.keyAction)('n'), 'next');
        strict_1.default.equal((0, pointerInput_1.keyAction)(']'), 'next');
        strict_1.default.equal((0, pointerInput_1.keyAction)('P'), 'previous');
        strict_1.default.equal((0, pointerInput_1.keyAction)('['), 'previous');
    });
});
//# sourceMappingURL=timelineViewState.unit.spec.js.map