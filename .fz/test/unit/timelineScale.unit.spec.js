"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const timeScale_1 = require("../../src/webview/timeline/timeScale");
const extent = { from: 1_000_000, to: 2_000_000 };
(0, node_test_1.describe)('timeline time scale', () => {
    (0, node_test_1.it)('maps time to pixels and back', () => {
        const range = { from: 1000, to: 2000 };
        strict_1.default.equal((0, timeScale_1.xOfTime)(range, 500, 1500), 250);
        strict_1.default.equal((0, timeScale_1.timeOfX)(range, 500, 250), 1500);
        strict_1.default.equal((0, timeScale_1.xOfTime)(range, 500, 1000), 0);
        strict_1.default.equal((0, timeScale_1.xOfTime)(range, 500, 2000), 500);
    });
    (0, node_test_1.it)('zooms in around the anchor, keeping it at the same pixel', () => {
        const range = { from: 1_200_000, to: 1_600_000 };
        const anchor = 1_300_000;
        const before = (0, timeScale_1.xOfTime)(range, 800, anchor);
        const zoomed = (0, timeScale_1.zoomAround)(range, 0.5, anchor, extent);
        strict_1.default.equal(zoomed.to - zoomed.from, 200_000);
        strict_1.default.ok(Math.abs((0, timeScale_1.xOfTime)(zoomed, 800, anchor) - before) < 1e-6);
    });
    (0, node_test_1.it)('never zooms out past the store extent (plus margin) nor in below 1 ms', () => {
        const out = (0, timeScale_1.zoomAround)({ from: 1_200_000, to: 1_600_000 }, 1000, 1_400_000, extent);
        strict_1.default.ok(out.from >= extent.from - 60_000 && out.to <= extent.to + 60_000);
        strict_1.default.ok(out.to - out.from > extent.to - extent.from);
        const inner = (0, timeScale_1.zoomAround)({ from: 1_500_000, to: 1_500_010 }, 1e-9, 1_500_005, extent);
        strict_1.default.equal(inner.to - inner.from, 1);
    });
    (0, node_test_1.it)('pans, and stops at the ends of the store', () => {
        const range = { from: 1_400_000, to: 1_500_000 };
        strict_1.default.deepEqual((0, timeScale_1.panBy)(range, 50_000, extent), { from: 1_450_000, to: 1_550_000 });
        const far = (0, timeScale_1.panBy)(range, 10_000_000, extent);
        strict_1.default.equal(far.to - far.from, 100_000);
        strict_1.default.ok(far.to <= extent.to + 60_000);
        // Dragging right moves the content right: earlier times come into view.
        const dragged = (0, timeScale_1.panByPixels)(range, 1000, 100, extent);
        strict_1.default.equal(dragged.from, 1_390_000);
    });
    (0, node_test_1.it)('keeps a range valid without an extent', () => {
        strict_1.default.deepEqual((0, timeScale_1.clampRange)({ from: 10, to: 5 }, null), { from: 10, to: 11 });
    });
    (0, node_test_1.it)('fits the store with a margin on both sides', () => {
        const fitted = (0, timeScale_1.fitRange)(extent);
        strict_1.default.ok(fitted.from < extent.from && fitted.to > extent.to);
    });
    (0, node_test_1.it)('follows "now" keeping the span', () => {
        const followed = (0, timeScale_1.followRange)({ from: 0, to: 1000 }, 50_000);
        strict_1.default.equal(followed.to - followed.from, 1000);
        strict_1.default.ok(followed.to > 50_000 && followed.from < 50_000);
    });
    (0, node_test_1.it)('turns wheel deltas into bounded zoom factors (down = out, up = in)', () => {
        strict_1.default.ok((0, timeScale_1.wheelZoomFactor)(100) > 1);
        strict_1.default.ok((0, timeScale_1.wheelZoomFactor)(-100) < 1);
        strict_1.default.equal((0, timeScale_1.wheelZoomFactor)(10_000), (0, timeScale_1.wheelZoomFactor)(300));
    });
    (0, node_test_1.it)('puts ticks on round steps at least minPx apart, labelled for the step', () => {
        const day = Date.UTC(2024, 0, 15);
        const ticks = (0, timeScale_1.ticksFor)({ from: day, to: day + 3_600_000 }, 800, 90);
        strict_1.default.ok(ticks.length >= 4 && ticks.length <= 9, `got ${ticks.length} ticks`);
        for (let i = 1; i < ticks.length; i++)
            strict_1.default.ok(ticks[i].x - ticks[i - 1].x >= 90);
        strict_1.default.equal(ticks[0].label, '01-15 00:00');
        const fine = (0, timeScale_1.ticksFor)({ from: day, to: day + 50 }, 800, 90);
        strict_1.default.match(fine[1].label, /^00:00:00\.\d{3}$/);
    });
});
//# sourceMappingURL=timelineScale.unit.spec.js.map