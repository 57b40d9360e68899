/// <reference lib="dom" />
/**
 * Draws the lanes canvas: axis, lane labels, density per bucket (or the
 * individual marks when the range holds few events), the selection and its
 * causation arrows. One pass per animation frame; rectangles of equal
 * opacity are batched into one path, so a frame stays cheap however many
 * buckets there are.
 */
import type { BinsResult, TimeRange, TimelineEventMark } from '../../shared/timelineProtocol';
import type { Arrow } from './arrowLayout';
import { densityAlpha, isTroubled, isTroubledLane, styleOf, TROUBLE_COLOUR, type TypeStyle } from './colours';
import { OTHER_LANE, type PlotLayout, plotWidth, rowCentre, rowOfLane, rowTop, xOnCanvas } from './plotLayout';
import { ticksFor } from './timeScale';
import type { ThemeColours } from './themeColours';

export interface LanesScene {
  readonly layout: PlotLayout;
  readonly range: TimeRange;
  readonly bins: BinsResult | null;
  readonly laneMode: 'aggregate' | 'source' | 'type';
  readonly rows: ReadonlyMap<string, number>;
  readonly colours: ReadonlyMap<string, TypeStyle>;
  /** Pinned lanes get a pin before their label. */
  readonly pinned?: ReadonlySet<string>;
  /** How many lanes `(other)` folds (shown in its label). */
  readonly otherLaneCount?: number;
  readonly selectedEventId: string | null;
  readonly arrows: readonly Arrow[];
  readonly theme: ThemeColours;
  /** The shared filter's time window: what lies outside it is shaded. */
  readonly window?: { readonly from?: number; readonly to?: number };
  /** A Shift+drag in progress, in canvas x. */
  readonly brush?: { readonly x1: number; readonly x2: number } | null;
  /** Where a debug session stands (epoch ms): a vertical marker with its label. */
  readonly debugMarker?: { readonly timestampMs: number; readonly label: string } | null;
}

const ALPHA_LEVELS = 8;

export function drawLanes(ctx: CanvasRenderingContext2D, scene: LanesScene): void {
  const { layout, theme } = scene;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.font = theme.font;
  ctx.textBaseline = 'middle';
  const lanes = scene.bins?.lanes ?? [];

  drawGrid(ctx, scene, lanes.length);
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.labelWidth, layout.axisHeight, plotWidth(layout), layout.height - layout.axisHeight);
  ctx.clip();
  if (scene.bins?.marks) drawMarks(ctx, scene, scene.bins.marks);
  else if (scene.bins) drawDensity(ctx, scene, scene.bins);
  drawArrows(ctx, scene);
  drawWindowAndBrush(ctx, scene);
  drawDebugMarker(ctx, scene);
  ctx.restore();
  drawLabels(ctx, scene, lanes.map((l) => l.key));
}

function drawGrid(ctx: CanvasRenderingContext2D, scene: LanesScene, laneCount: number): void {
  const { layout, theme, range } = scene;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let row = 0; row <= laneCount; row++) {
    const y = Math.round(rowTop(layout, row)) + 0.5;
    ctx.moveTo(layout.labelWidth, y);
    ctx.lineTo(layout.width, y);
  }
  const ticks = ticksFor(range, plotWidth(layout));
  for (const tick of ticks) {
    const x = Math.round(layout.labelWidth + tick.x) + 0.5;
    ctx.moveTo(x, layout.axisHeight - 4);
    ctx.lineTo(x, layout.height);
  }
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'left';
  for (const tick of ticks) ctx.fillText(tick.label, layout.labelWidth + tick.x + 3, layout.axisHeight / 2);
}

function drawDensity(ctx: CanvasRenderingContext2D, scene: LanesScene, bins: BinsResult): void {
  const { layout, range, theme } = scene;
  let max = 0;
  for (const lane of bins.lanes) for (const c of lane.counts) if (c > max) max = c;
  if (max === 0 || bins.bucketMs <= 0) return;
  const height = layout.rowHeight - 4;
  const left = layout.labelWidth;
  const right = layout.width;
  // The bins may be for the range before a pan or zoom: place them by their own times.
  const x0 = xOnCanvas(layout, range, bins.from);
  const pxPerBucket = xOnCanvas(layout, range, bins.from + bins.bucketMs) - x0;
  const rectWidth = Math.max(1, pxPerBucket);
  bins.lanes.forEach((lane, row) => {
    const y = rowTop(layout, row) + 2;
    ctx.fillStyle = isTroubledLane(lane.key) ? TROUBLE_COLOUR : scene.laneMode === 'type' ? fillOf(ctx, styleOf(scene.colours, lane.key)) : theme.density;
    const paths: Path2D[] = [];
    for (let level = 0; level < ALPHA_LEVELS; level++) paths.push(new Path2D());
    const counts = lane.counts;
    const first = Math.max(0, Math.floor((left - x0) / pxPerBucket) - 1);
    const last = Math.min(counts.length - 1, Math.ceil((right - x0) / pxPerBucket) + 1);
    for (let i = first; i <= last; i++) {
      const count = counts[i];
      if (count === 0) continue;
      const level = Math.min(ALPHA_LEVELS - 1, Math.floor(densityAlpha(count, max) * ALPHA_LEVELS));
      paths[level].rect(x0 + i * pxPerBucket, y, rectWidth, height);
    }
    for (let level = 0; level < ALPHA_LEVELS; level++) {
      ctx.globalAlpha = (level + 1) / ALPHA_LEVELS;
      ctx.fill(paths[level]);
    }
  });
  ctx.globalAlpha = 1;
}

function drawMarks(ctx: CanvasRenderingContext2D, scene: LanesScene, marks: readonly TimelineEventMark[]): void {
  const { layout, range, theme } = scene;
  const radius = Math.max(3, Math.min(6, layout.rowHeight / 3.5));
  let selected: { x: number; y: number } | undefined;
  for (const mark of marks) {
    const row = rowOfLane(scene.rows, mark.lane);
    if (row === undefined) continue;
    const x = xOnCanvas(layout, range, mark.timestampMs);
    if (x < layout.labelWidth - radius || x > layout.width + radius) continue;
    const y = rowCentre(layout, row);
    const style = styleOf(scene.colours, mark.type);
    ctx.fillStyle = style.colour;
    markPath(ctx, style, x, y, radius);
    ctx.fill();
    if (isTroubled(mark)) {
      ctx.strokeStyle = TROUBLE_COLOUR;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, radius + 2.5, 0, Math.PI * 2);
      ctx.stroke();
    }
    if (mark.eventId === scene.selectedEventId) selected = { x, y };
  }
  if (selected) {
    ctx.strokeStyle = theme.selection;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(selected.x, selected.y, radius + 5, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function drawWindowAndBrush(ctx: CanvasRenderingContext2D, scene: LanesScene): void {
  const { layout, range, theme } = scene;
  const top = layout.axisHeight;
  const height = layout.height - top;
  if (scene.window && (scene.window.from !== undefined || scene.window.to !== undefined)) {
    ctx.fillStyle = theme.background;
    ctx.globalAlpha = 0.6;
    if (scene.window.from !== undefined) {
      const x = xOnCanvas(layout, range, scene.window.from);
      if (x > layout.labelWidth) ctx.fillRect(layout.labelWidth, top, x - layout.labelWidth, height);
    }
    if (scene.window.to !== undefined) {
      const x = Math.max(layout.labelWidth, xOnCanvas(layout, range, scene.window.to));
      if (x < layout.width) ctx.fillRect(x, top, layout.width - x, height);
    }
    ctx.globalAlpha = 1;
  }
  if (scene.brush) {
    const x = Math.min(scene.brush.x1, scene.brush.x2);
    const w = Math.abs(scene.brush.x2 - scene.brush.x1);
    ctx.fillStyle = theme.selection;
    ctx.globalAlpha = 0.18;
    ctx.fillRect(x, top, w, height);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.selection;
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.round(x) + 0.5, top + 0.5, Math.round(w), height - 1);
  }
}

function drawArrows(ctx: CanvasRenderingContext2D, scene: LanesScene): void {
  if (scene.arrows.length === 0) return;
  const { theme } = scene;
  ctx.strokeStyle = theme.selection;
  ctx.fillStyle = theme.selection;
  ctx.lineWidth = 1.5;
  ctx.textAlign = 'center';
  for (const a of scene.arrows) {
    const midX = (a.x1 + a.x2) / 2;
    const bend = a.y1 === a.y2 ? -12 : 0;
    ctx.beginPath();
    ctx.moveTo(a.x1, a.y1);
    ctx.quadraticCurveTo(midX, (a.y1 + a.y2) / 2 + bend, a.x2, a.y2);
    ctx.stroke();
    const angle = Math.atan2(a.y2 - ((a.y1 + a.y2) / 2 + bend), a.x2 - midX);
    ctx.beginPath();
    ctx.moveTo(a.x2, a.y2);
    ctx.lineTo(a.x2 - 7 * Math.cos(angle - 0.4), a.y2 - 7 * Math.sin(angle - 0.4));
    ctx.lineTo(a.x2 - 7 * Math.cos(angle + 0.4), a.y2 - 7 * Math.sin(angle + 0.4));
    ctx.closePath();
    ctx.fill();
    if (Math.abs(a.x2 - a.x1) > 40 || a.y1 !== a.y2) ctx.fillText(a.label, midX, (a.y1 + a.y2) / 2 + bend - 7);
  }
}

/** The debug session's current event: a line across the lanes, a triangle and its label at the top. */
function drawDebugMarker(ctx: CanvasRenderingContext2D, scene: LanesScene): void {
  const marker = scene.debugMarker;
  if (!marker) return;
  const { layout, range, theme } = scene;
  const x = Math.round(xOnCanvas(layout, range, marker.timestampMs)) + 0.5;
  if (x < layout.labelWidth || x > layout.width) return;
  const top = layout.axisHeight;
  ctx.strokeStyle = theme.debugMarker;
  ctx.fillStyle = theme.debugMarker;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, layout.height);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - 5, top);
  ctx.lineTo(x + 5, top);
  ctx.lineTo(x, top + 7);
  ctx.closePath();
  ctx.fill();
  ctx.textAlign = x > layout.width - 160 ? 'right' : 'left';
  ctx.fillText(marker.label, x + (ctx.textAlign === 'right' ? -8 : 8), top + 8);
}

function drawLabels(ctx: CanvasRenderingContext2D, scene: LanesScene, keys: readonly string[]): void {
  const { layout, theme } = scene;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, layout.labelWidth, layout.height);
  ctx.textAlign = 'left';
  const maxWidth = layout.labelWidth - 10;
  keys.forEach((key, row) => {
    ctx.fillStyle = isTroubledLane(key) ? TROUBLE_COLOUR : theme.foreground;
    const label = key === OTHER_LANE && scene.otherLaneCount ? `▸ (other: ${scene.otherLaneCount} lanes)` : scene.pinned?.has(key) ? `★ ${key}` : key;
    ctx.fillText(fitText(ctx, label, maxWidth), 4, rowCentre(layout, row));
  });
}

/** A mark's outline: the shape of its type's pattern, so types sharing a colour still differ. */
function markPath(ctx: CanvasRenderingContext2D, style: TypeStyle, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (style.pattern === 'stripes') ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else if (style.pattern === 'dots') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.2, y);
    ctx.lineTo(x, y + r * 1.2);
    ctx.lineTo(x - r * 1.2, y);
    ctx.closePath();
  } else if (style.pattern === 'cross') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.1, y + r * 0.9);
    ctx.lineTo(x - r * 1.1, y + r * 0.9);
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, Math.PI * 2);
}

const patterns = new Map<string, CanvasPattern | string>();

/** The fill of a type's density bars: its colour, hatched or dotted past the first round of colours (tiles made once). */
function fillOf(ctx: CanvasRenderingContext2D, style: TypeStyle): CanvasPattern | string {
  if (style.pattern === 'solid') return style.colour;
  const key = `${style.colour}|${style.pattern}`;
  const known = patterns.get(key);
  if (known) return known;
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return style.colour;
  t.strokeStyle = style.colour;
  t.fillStyle = style.colour;
  t.lineWidth = 1.6;
  t.beginPath();
  if (style.pattern === 'dots') t.arc(3, 3, 1.6, 0, Math.PI * 2);
  else {
    for (const dx of [-6, 0, 6]) {
      t.moveTo(dx, 6);
      t.lineTo(dx + 6, 0);
    }
    if (style.pattern === 'cross') {
      for (const dx of [-6, 0, 6]) {
        t.moveTo(dx, 0);
        t.lineTo(dx + 6, 6);
      }
    }
  }
  if (style.pattern === 'dots') t.fill();
  else t.stroke();
  const fill = ctx.createPattern(tile, 'repeat') ?? style.colour;
  patterns.set(key, fill);
  return fill;
}

const fitted = new Map<string, string>();

/** The key cut with an ellipsis to fit the label column (memoised: labels repeat every frame). */
function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  const cacheKey = `${maxWidth}|${ctx.font}|${text}`;
  const hit = fitted.get(cacheKey);
  if (hit !== undefined) return hit;
  let result = text;
  if (ctx.measureText(text).width > maxWidth) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    result = `${text.slice(0, lo)}…`;
  }
  if (fitted.size > 5000) fitted.clear();
  fitted.set(cacheKey, result);
  return result;
}
