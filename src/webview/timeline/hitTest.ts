/** What lies under the pointer: a lane row, a bucket of a lane, or an individual mark. */
import type { BinsResult, TimeRange, TimelineEventMark } from '../../shared/timelineProtocol';
import { type PlotLayout, plotWidth, rowCentre, rowOfLane, xOnCanvas } from './plotLayout';
import { timeOfX } from './timeScale';

/** The lane row under `y`, or -1 above the first row / below the last. */
export function rowAt(layout: PlotLayout, laneCount: number, y: number): number {
  if (y < layout.axisHeight) return -1;
  const row = Math.floor((y - layout.axisHeight) / layout.rowHeight);
  return row >= 0 && row < laneCount ? row : -1;
}

/** True when `x` is inside the plot (not on the label column). */
export function inPlot(layout: PlotLayout, x: number): boolean {
  return x >= layout.labelWidth && x <= layout.width;
}

/** The time under canvas `x`. */
export function timeAtCanvasX(layout: PlotLayout, range: TimeRange, x: number): number {
  return timeOfX(range, plotWidth(layout), x - layout.labelWidth);
}

/**
 * The mark nearest the pointer within `radius` CSS pixels (in the row the
 * pointer is in), or undefined. Marks are few (the server lists them only
 * below a threshold), so a scan is enough.
 */
export function markAt(
  marks: readonly TimelineEventMark[],
  rows: ReadonlyMap<string, number>,
  layout: PlotLayout,
  range: TimeRange,
  x: number,
  y: number,
  radius = 6,
): TimelineEventMark | undefined {
  let best: TimelineEventMark | undefined;
  let bestDistance = radius * radius;
  for (const mark of marks) {
    const row = rowOfLane(rows, mark.lane);
    if (row === undefined) continue;
    const dx = xOnCanvas(layout, range, mark.timestampMs) - x;
    const dy = rowCentre(layout, row) - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = mark;
      bestDistance = distance;
    }
  }
  return best;
}

export interface BucketHit {
  readonly lane: string;
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/** The bucket of the bins under the pointer (bins may be for an older range: they are placed by their own times). */
export function bucketAt(bins: BinsResult, layout: PlotLayout, range: TimeRange, x: number, y: number): BucketHit | undefined {
  const row = rowAt(layout, bins.lanes.length, y);
  if (row < 0 || !inPlot(layout, x) || bins.bucketMs <= 0) return undefined;
  const t = timeAtCanvasX(layout, range, x);
  const index = Math.floor((t - bins.from) / bins.bucketMs);
  const lane = bins.lanes[row];
  if (index < 0 || index >= lane.counts.length) return undefined;
  const from = bins.from + index * bins.bucketMs;
  return { lane: lane.key, count: lane.counts[index], from, to: from + bins.bucketMs };
}
