"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MARK_WIDTH_PX = exports.MIN_SPAN_MS = void 0;
exports.minSpanFor = minSpanFor;
exports.spanOf = spanOf;
exports.xOfTime = xOfTime;
exports.timeOfX = timeOfX;
exports.fitRange = fitRange;
exports.clampRange = clampRange;
exports.zoomAround = zoomAround;
exports.keepEventsInView = keepEventsInView;
exports.centreOn = centreOn;
exports.panBy = panBy;
exports.panByPixels = panByPixels;
exports.wheelZoomFactor = wheelZoomFactor;
exports.followRange = followRange;
exports.ticksFor = ticksFor;
/** Narrower than this the axis cannot label anything useful. */
exports.MIN_SPAN_MS = 1;
/** An event mark's width on screen (CSS px): its diameter with the margin hit-testing allows. */
exports.MARK_WIDTH_PX = 12;
/**
 * The narrowest span a plot `width` px wide may show: one millisecond (the
 * finest step the stores' timestamps have) as wide as one event mark.
 * Deeper, every event is alone in an empty screen.
 */
function minSpanFor(width) {
    return Math.max(exports.MIN_SPAN_MS, Math.max(width, 1) / exports.MARK_WIDTH_PX);
}
/** How far past the store's first/last event the view may go, as a share of the store's span. */
const EXTENT_MARGIN = 0.05;
function spanOf(range) {
    return Math.max(range.to - range.from, exports.MIN_SPAN_MS);
}
function xOfTime(range, width, t) {
    return ((t - range.from) / spanOf(range)) * width;
}
function timeOfX(range, width, x) {
    return range.from + (x / Math.max(width, 1)) * spanOf(range);
}
/** The store's extent with a small margin, so the first and last events are not drawn on the edge. */
function fitRange(extent) {
    const pad = Math.max((extent.to - extent.from) * 0.02, 500);
    return { from: extent.from - pad, to: extent.to + pad };
}
/**
 * Keeps a range inside the store's extent (plus a margin): never wider than
 * the whole, never narrower than MIN_SPAN_MS, shifted back when panned past
 * an end. Without an extent (an empty store) the range is only kept valid.
 */
function clampRange(range, extent, minSpan = exports.MIN_SPAN_MS) {
    let span = Math.max(range.to - range.from, minSpan);
    let from = range.from;
    if (!extent)
        return { from, to: from + span };
    const margin = Math.max((extent.to - extent.from) * EXTENT_MARGIN, 1000);
    const lo = extent.from - margin;
    const hi = extent.to + margin;
    if (span >= hi - lo)
        return { from: lo, to: hi };
    if (from < lo)
        from = lo;
    if (from + span > hi)
        from = hi - span;
    span = Math.max(span, minSpan);
    return { from, to: from + span };
}
/** Zooms by `factor` (< 1 in, > 1 out) keeping `anchor` (epoch ms) at the same pixel. */
function zoomAround(range, factor, anchor, extent, minSpan = exports.MIN_SPAN_MS) {
    const span = spanOf(range);
    // At the limit already: a zoom in changes nothing (rather than drifting toward the anchor).
    if (factor < 1 && span <= minSpan)
        return range;
    const next = Math.max(span * factor, minSpan);
    const share = (anchor - range.from) / span;
    const from = anchor - share * next;
    return clampRange({ from, to: from + next }, extent, minSpan);
}
/**
 * After a zoom in: when the new range holds none of the events the old
 * one showed (`times`, every event of the old range), it moves to centre
 * the event nearest its centre, so zooming never lands on an empty screen.
 * Without the list (too many events to list: the view is busy) it is kept.
 */
function keepEventsInView(next, times, extent, minSpan = exports.MIN_SPAN_MS) {
    if (!times || times.length === 0)
        return next;
    if (times.some((t) => t >= next.from && t <= next.to))
        return next;
    const centre = (next.from + next.to) / 2;
    let nearest = times[0];
    for (const t of times)
        if (Math.abs(t - centre) < Math.abs(nearest - centre))
            nearest = t;
    return centreOn(next, nearest, extent, minSpan);
}
/** The same span around `t`. */
function centreOn(range, t, extent, minSpan = exports.MIN_SPAN_MS) {
    const half = spanOf(range) / 2;
    return clampRange({ from: t - half, to: t + half }, extent, minSpan);
}
/** Moves the range by `deltaMs` (positive: later), clamped to the extent. */
function panBy(range, deltaMs, extent, minSpan = exports.MIN_SPAN_MS) {
    return clampRange({ from: range.from + deltaMs, to: range.to + deltaMs }, extent, minSpan);
}
/** Pans by a pixel distance (a drag): content follows the pointer. */
function panByPixels(range, width, dx, extent) {
    return panBy(range, -(dx / Math.max(width, 1)) * spanOf(range), extent);
}
/** The wheel's zoom factor: smooth for trackpads (small deltas), bounded for mouse notches. */
function wheelZoomFactor(deltaY) {
    const clamped = Math.max(-300, Math.min(300, deltaY));
    return Math.exp(clamped * 0.002);
}
/** Follow mode: keep the span and put "now" (the last event) near the right edge. */
function followRange(range, lastEventMs) {
    const span = spanOf(range);
    const to = lastEventMs + span * 0.05;
    return { from: to - span, to };
}
const STEPS_MS = [
    1, 2, 5, 10, 20, 50, 100, 200, 500,
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
    60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
    3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
    86_400_000, 172_800_000, 604_800_000, 2_592_000_000, 7_776_000_000, 31_536_000_000,
];
/** Axis ticks on round steps (ms … years) at least `minPx` apart, with labels precise enough for the step. */
function ticksFor(range, width, minPx = 90) {
    const span = spanOf(range);
    const wanted = (span / Math.max(width, 1)) * minPx;
    const step = STEPS_MS.find((s) => s >= wanted) ?? STEPS_MS[STEPS_MS.length - 1];
    const ticks = [];
    const first = Math.ceil(range.from / step) * step;
    for (let t = first; t <= range.to && ticks.length < 200; t += step) {
        ticks.push({ t, x: xOfTime(range, width, t), label: tickLabel(t, step) });
    }
    return ticks;
}
function tickLabel(t, step) {
    const iso = new Date(t).toISOString(); // 2024-01-15T10:20:30.123Z
    if (step < 1_000)
        return iso.slice(11, 23);
    if (step < 60_000)
        return iso.slice(11, 19);
    if (step < 86_400_000)
        return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
    return iso.slice(0, 10);
}
//# sourceMappingURL=timeScale.js.map