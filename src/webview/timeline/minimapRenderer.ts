/// <reference lib="dom" />
/** Draws the overview above the lanes: events over the whole store as bars, and the visible range as a brush. */
import type { BinsResult, TimeRange } from '../../shared/timelineProtocol';
import type { ThemeColours } from './themeColours';
import { xOfTime } from './timeScale';

export interface MinimapScene {
  readonly width: number;
  readonly height: number;
  /** Left inset, aligned with the lanes' plot. */
  readonly left: number;
  readonly overview: BinsResult | null;
  readonly visible: TimeRange | null;
  readonly theme: ThemeColours;
}

/** Sum of every lane per bucket (the overview is asked with one lane, but a store with one type has that lane alone). */
export function overviewCounts(overview: BinsResult): number[] {
  const sums = new Array<number>(overview.lanes[0]?.counts.length ?? 0).fill(0);
  for (const lane of overview.lanes) lane.counts.forEach((c, i) => (sums[i] += c));
  return sums;
}

export function drawMinimap(ctx: CanvasRenderingContext2D, scene: MinimapScene, counts: readonly number[]): void {
  const { width, height, left, theme, overview } = scene;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  if (!overview || counts.length === 0) return;
  const extent: TimeRange = { from: overview.from, to: overview.to };
  const plot = Math.max(1, width - left);
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  ctx.fillStyle = theme.density;
  ctx.globalAlpha = 0.75;
  const barWidth = plot / counts.length;
  const path = new Path2D();
  counts.forEach((c, i) => {
    if (c === 0) return;
    const h = Math.max(1, (Math.sqrt(c) / Math.sqrt(max)) * (height - 4));
    path.rect(left + i * barWidth, height - h, Math.max(1, barWidth - 0.5), h);
  });
  ctx.fill(path);
  ctx.globalAlpha = 1;
  if (scene.visible) {
    const x1 = left + xOfTime(extent, plot, scene.visible.from);
    const x2 = left + xOfTime(extent, plot, scene.visible.to);
    ctx.fillStyle = theme.focus;
    ctx.globalAlpha = 0.2;
    ctx.fillRect(x1, 0, Math.max(2, x2 - x1), height);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.focus;
    ctx.strokeRect(x1 + 0.5, 0.5, Math.max(2, x2 - x1) - 1, height - 1);
  }
}
