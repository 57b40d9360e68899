/**
 * Where things sit on the canvas: a label column on the left, the time axis
 * on top, then one row per lane. Shared by drawing and hit-testing so a
 * click lands on what was drawn there.
 */
import type { TimeRange } from '../../shared/timelineProtocol';
import { xOfTime } from './timeScale';

export interface PlotLayout {
  /** CSS pixels of the whole canvas. */
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly axisHeight: number;
  readonly rowHeight: number;
}

export const OTHER_LANE = '(other)';
export const NO_AGGREGATE_LANE = '(none)';

export function layoutFor(width: number, height: number): PlotLayout {
  const labelWidth = Math.min(180, Math.max(80, Math.round(width * 0.18)));
  return { width, height, labelWidth, axisHeight: 22, rowHeight: 20 };
}

export function plotWidth(layout: PlotLayout): number {
  return Math.max(1, layout.width - layout.labelWidth);
}

/** Lane rows that fit below the axis (at least one). */
export function laneRowsThatFit(layout: PlotLayout): number {
  return Math.max(1, Math.floor((layout.height - layout.axisHeight) / layout.rowHeight));
}

export function rowTop(layout: PlotLayout, row: number): number {
  return layout.axisHeight + row * layout.rowHeight;
}

export function rowCentre(layout: PlotLayout, row: number): number {
  return rowTop(layout, row) + layout.rowHeight / 2;
}

/** Canvas x of a time. */
export function xOnCanvas(layout: PlotLayout, range: TimeRange, t: number): number {
  return layout.labelWidth + xOfTime(range, plotWidth(layout), t);
}

/**
 * The row an event's lane is drawn in: its own when shown, else `(other)`
 * (lanes past maxLanes are folded there), else none.
 */
export function rowOfLane(rows: ReadonlyMap<string, number>, lane: string): number | undefined {
  return rows.get(lane) ?? rows.get(OTHER_LANE);
}

export function rowIndex(laneKeys: readonly string[]): Map<string, number> {
  return new Map(laneKeys.map((key, row) => [key, row]));
}
