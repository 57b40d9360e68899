import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampRange,
  fitRange,
  followRange,
  panBy,
  panByPixels,
  ticksFor,
  timeOfX,
  wheelZoomFactor,
  xOfTime,
  zoomAround,
} from '../../src/webview/timeline/timeScale';

const extent = { from: 1_000_000, to: 2_000_000 };

describe('timeline time scale', () => {
  it('maps time to pixels and back', () => {
    const range = { from: 1000, to: 2000 };
    assert.equal(xOfTime(range, 500, 1500), 250);
    assert.equal(timeOfX(range, 500, 250), 1500);
    assert.equal(xOfTime(range, 500, 1000), 0);
    assert.equal(xOfTime(range, 500, 2000), 500);
  });

  it('zooms in around the anchor, keeping it at the same pixel', () => {
    const range = { from: 1_200_000, to: 1_600_000 };
    const anchor = 1_300_000;
    const before = xOfTime(range, 800, anchor);
    const zoomed = zoomAround(range, 0.5, anchor, extent);
    assert.equal(zoomed.to - zoomed.from, 200_000);
    assert.ok(Math.abs(xOfTime(zoomed, 800, anchor) - before) < 1e-6);
  });

  it('never zooms out past the store extent (plus margin) nor in below 1 ms', () => {
    const out = zoomAround({ from: 1_200_000, to: 1_600_000 }, 1000, 1_400_000, extent);
    assert.ok(out.from >= extent.from - 60_000 && out.to <= extent.to + 60_000);
    assert.ok(out.to - out.from > extent.to - extent.from);
    const inner = zoomAround({ from: 1_500_000, to: 1_500_010 }, 1e-9, 1_500_005, extent);
    assert.equal(inner.to - inner.from, 1);
  });

  it('pans, and stops at the ends of the store', () => {
    const range = { from: 1_400_000, to: 1_500_000 };
    assert.deepEqual(panBy(range, 50_000, extent), { from: 1_450_000, to: 1_550_000 });
    const far = panBy(range, 10_000_000, extent);
    assert.equal(far.to - far.from, 100_000);
    assert.ok(far.to <= extent.to + 60_000);
    // Dragging right moves the content right: earlier times come into view.
    const dragged = panByPixels(range, 1000, 100, extent);
    assert.equal(dragged.from, 1_390_000);
  });

  it('keeps a range valid without an extent', () => {
    assert.deepEqual(clampRange({ from: 10, to: 5 }, null), { from: 10, to: 11 });
  });

  it('fits the store with a margin on both sides', () => {
    const fitted = fitRange(extent);
    assert.ok(fitted.from < extent.from && fitted.to > extent.to);
  });

  it('follows "now" keeping the span', () => {
    const followed = followRange({ from: 0, to: 1000 }, 50_000);
    assert.equal(followed.to - followed.from, 1000);
    assert.ok(followed.to > 50_000 && followed.from < 50_000);
  });

  it('turns wheel deltas into bounded zoom factors (down = out, up = in)', () => {
    assert.ok(wheelZoomFactor(100) > 1);
    assert.ok(wheelZoomFactor(-100) < 1);
    assert.equal(wheelZoomFactor(10_000), wheelZoomFactor(300));
  });

  it('puts ticks on round steps at least minPx apart, labelled for the step', () => {
    const day = Date.UTC(2024, 0, 15);
    const ticks = ticksFor({ from: day, to: day + 3_600_000 }, 800, 90);
    assert.ok(ticks.length >= 4 && ticks.length <= 9, `got ${ticks.length} ticks`);
    for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x - ticks[i - 1].x >= 90);
    assert.equal(ticks[0].label, '01-15 00:00');
    const fine = ticksFor({ from: day, to: day + 50 }, 800, 90);
    assert.match(fine[1].label, /^00:00:00\.\d{3}$/);
  });
});
