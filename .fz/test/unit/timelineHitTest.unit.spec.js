"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const arrowLayout_1 = require("../../src/webview/timeline/arrowLayout");
const hitTest_1 = require("../../src/webview/timeline/hitTest");
const plotLayout_1 = require("../../src/webview/timeline/plotLayout");
const layout = (0, plotLayout_1.layoutFor)(1000, 400); // label column 180, axis 22, rows 20
const range = { from: 0, to: 820 }; // 1 ms per pixel across the 820-pixel plot
function mark(eventId, lane, timestampMs) {
    return { ordinal: 0, timestampMs, lane, type: 't', eventId, aggregateId: lane, correlationId: 'c' };
}
(0, node_test_1.describe)('timeline layout and hit-testing', () => {
    (0, node_test_1.it)('lays out a label column, an axis and rows', () => {
        strict_1.default.equal(layout.labelWidth, 180);
        strict_1.default.equal((0, plotLayout_1.laneRowsThatFit)(layout), Math.floor((400 - 22) / 20));
        strict_1.default.equal((0, plotLayout_1.xOnCanvas)(layout, range, 410), 590);
    });
    (0, node_test_1.it)('finds the row under the pointer, and none above or below', () => {
        strict_1.default.equal((0, hitTest_1.rowAt)(layout, 3, 10), -1);
        strict_1.default.equal((0, hitTest_1.rowAt)(layout, 3, 22), 0);
        strict_1.default.equal((0, hitTest_1.rowAt)(layout, 3, 61), 1);
        strict_1.default.equal((0, hitTest_1.rowAt)(layout, 3, 22 + 3 * 20), -1);
        strict_1.default.equal((0, hitTest_1.inPlot)(layout, 100), false);
        strict_1.default.equal((0, hitTest_1.inPlot)(layout, 500), true);
    });
    (0, node_test_1.it)('finds the nearest mark in reach, in the right lane', () => {
        const rows = (0, plotLayout_1.rowIndex)(['a', 'b']);
        const marks = [mark('e1', 'a', 100), mark('e2', 'b', 100), mark('e3', 'a', 104)];
        const y = (0, plotLayout_1.rowCentre)(layout, 1);
        strict_1.default.equal((0, hitTest_1.markAt)(marks, rows, layout, range, 180 + 101, y)?.eventId, 'e2');
        strict_1.default.equal((0, hitTest_1.markAt)(marks, rows, layout, range, 180 + 103, (0, plotLayout_1.rowCentre)(layout, 0))?.eventId, 'e3');
        strict_1.default.equal((0, hitTest_1.markAt)(marks, rows, layout, range, 180 + 200, y), undefined);
    });
    (0, node_test_1.it)('puts marks of folded lanes into (other)', () => {
        const rows = (0, plotLayout_1.rowIndex)(['a', '(other)']);
        strict_1.default.equal((0, hitTest_1.markAt)([mark('e9', 'zzz', 50)], rows, layout, range, 230, (0, plotLayout_1.rowCentre)(layout, 1))?.eventId, 'e9');
        strict_1.default.equal((0, hitTest_1.markAt)([mark('e9', 'zzz', 50)], (0, plotLayout_1.rowIndex)(['a']), layout, range, 230, (0, plotLayout_1.rowCentre)(layout, 0)), undefined);
    });
    (0, node_test_1.it)('finds the bucket under the pointer, placed by the bins’ own times', () => {
        const bins = { from: 0, to: 820, bucketMs: 82, lanes: [{ key: 'a', counts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], total: 55 }], total: 55 };
        const hit = (0, hitTest_1.bucketAt)(bins, layout, range, 180 + 170, (0, plotLayout_1.rowCentre)(layout, 0));
        strict_1.default.deepEqual(hit, { lane: 'a', count: 3, from: 164, to: 246 });
        // After a pan by 82 ms the same pixel shows the next bucket.
        strict_1.default.equal((0, hitTest_1.bucketAt)(bins, layout, { from: 82, to: 902 }, 180 + 170, (0, plotLayout_1.rowCentre)(layout, 0))?.count, 4);
        strict_1.default.equal((0, hitTest_1.bucketAt)(bins, layout, range, 100, (0, plotLayout_1.rowCentre)(layout, 0)), undefined);
        strict_1.default.equal((0, hitTest_1.bucketAt)(bins, layout, range, 500, (0, plotLayout_1.rowCentre)(layout, 1)), undefined);
    });
});
(0, node_test_1.describe)('timeline causation arrows', () => {
    const chain = {
        correlationId: 'c',
        range: { from: 100, to: 400 },
        events: [
            { eventId: 'root', causeId: null, timestampMs: 100, sinceCauseMs: null, type: 'order_placed', aggregateId: 'order-1', source: 'Orders' },
            { eventId: 'pay', causeId: 'root', timestampMs: 250, sinceCauseMs: 150, type: 'payment_taken', aggregateId: 'pay-1', source: 'Payments' },
            { eventId: 'ship', causeId: 'pay', timestampMs: 400, sinceCauseMs: null, type: 'shipped', aggregateId: null, source: 'Shipping' },
            { eventId: 'lost', causeId: 'pay', timestampMs: null, sinceCauseMs: null, type: 'x', aggregateId: 'order-1', source: 'Orders' },
        ],
    };
    (0, node_test_1.it)('names the lane of a chain event by the lane mode', () => {
        strict_1.default.equal((0, arrowLayout_1.laneKeyOf)(chain.events[2], 'aggregate'), '(none)');
        strict_1.default.equal((0, arrowLayout_1.laneKeyOf)(chain.events[2], 'source'), 'Shipping');
        strict_1.default.equal((0, arrowLayout_1.laneKeyOf)(chain.events[2], 'type'), 'shipped');
    });
    (0, node_test_1.it)('draws an arrow per hop across lanes, labelled with the hop time', () => {
        const rows = (0, plotLayout_1.rowIndex)(['order-1', 'pay-1', '(none)']);
        const arrows = (0, arrowLayout_1.layoutArrows)(chain, 'aggregate', rows, layout, range);
        strict_1.default.equal(arrows.length, 2, 'the hop to an event without a time is left out');
        strict_1.default.deepEqual(arrows[0], { fromEventId: 'root', toEventId: 'pay', x1: 280, y1: (0, plotLayout_1.rowCentre)(layout, 0), x2: 430, y2: (0, plotLayout_1.rowCentre)(layout, 1), label: '150 ms' });
        strict_1.default.equal(arrows[1].y2, (0, plotLayout_1.rowCentre)(layout, 2));
        strict_1.default.equal(arrows[1].label, '150 ms', 'computed from the times when the server gives no hop time');
    });
    (0, node_test_1.it)('routes hops to lanes that are not shown through (other), or leaves them out', () => {
        strict_1.default.equal((0, arrowLayout_1.layoutArrows)(chain, 'aggregate', (0, plotLayout_1.rowIndex)(['order-1', '(other)']), layout, range).length, 2);
        strict_1.default.equal((0, arrowLayout_1.layoutArrows)(chain, 'aggregate', (0, plotLayout_1.rowIndex)(['order-1']), layout, range).length, 0);
    });
    (0, node_test_1.it)('leaves out hops entirely off one side of the plot', () => {
        strict_1.default.equal((0, arrowLayout_1.layoutArrows)(chain, 'source', (0, plotLayout_1.rowIndex)(['Orders', 'Payments', 'Shipping']), layout, { from: 10_000, to: 20_000 }).length, 0);
    });
    (0, node_test_1.it)('focuses a correlation with a margin', () => {
        strict_1.default.deepEqual((0, arrowLayout_1.correlationRange)(chain), { from: 70, to: 430 });
        strict_1.default.equal((0, arrowLayout_1.correlationRange)({ ...chain, range: null }), null);
    });
});
//# sourceMappingURL=timelineHitTest.unit.spec.js.map