/**
 * A colour and a pattern per event type. The colours are the Okabe–Ito
 * palette (told apart with every common colour-vision deficiency) without
 * its black (invisible on dark themes) and vermillion (red means trouble
 * here), plus a neutral grey. When the types outnumber the colours, the next
 * round repeats them with a pattern (stripes, dots, cross-hatch; marks take
 * a shape to match), so the first 28 types each look different; past that a
 * hue from the type's name keeps the tail apart as well as it can. Types are
 * ranked by frequency, then name, so the legend is stable between runs.
 */
import type { TimelineEventMark, TypeCount } from '../../shared/timelineProtocol';

export const PALETTE: readonly string[] = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#CC79A7', '#BBBBBB'];

/** How a type's bars are filled; its marks take the matching shape (circle, square, diamond, triangle). */
export type TypePattern = 'solid' | 'stripes' | 'dots' | 'cross';
export const PATTERNS: readonly TypePattern[] = ['solid', 'stripes', 'dots', 'cross'];

export interface TypeStyle {
  readonly colour: string;
  readonly pattern: TypePattern;
}

/** Reserved for events that failed or were retried (never a type's colour). */
export const TROUBLE_COLOUR = '#e15759';

export function hashHue(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  // Skip the reds (around 0°/360°): red means trouble.
  return 30 + ((hash >>> 0) % 300);
}

/** The style of the type ranked `rank` (0 = most frequent). */
export function styleOfRank(rank: number, type: string): TypeStyle {
  const round = Math.floor(rank / PALETTE.length);
  if (round < PATTERNS.length) return { colour: PALETTE[rank % PALETTE.length], pattern: PATTERNS[round] };
  return { colour: `hsl(${hashHue(type)}, 55%, 55%)`, pattern: PATTERNS[rank % PATTERNS.length] };
}

export function assignTypeStyles(types: readonly TypeCount[]): Map<string, TypeStyle> {
  const ordered = [...types].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return new Map(ordered.map((entry, rank) => [entry.type, styleOfRank(rank, entry.type)]));
}

export function styleOf(styles: ReadonlyMap<string, TypeStyle>, type: string): TypeStyle {
  return styles.get(type) ?? { colour: `hsl(${hashHue(type)}, 55%, 55%)`, pattern: 'solid' };
}

export function colourOf(styles: ReadonlyMap<string, TypeStyle>, type: string): string {
  return styleOf(styles, type).colour;
}

/** The legend swatch's CSS background for a style (a gradient draws the pattern). */
export function swatchBackground(style: TypeStyle): string {
  const c = style.colour;
  switch (style.pattern) {
    case 'solid':
      return c;
    case 'stripes':
      return `repeating-linear-gradient(45deg, ${c} 0 2px, transparent 2px 4px)`;
    case 'dots':
      return `radial-gradient(${c} 1.2px, transparent 1.4px) 0 0 / 4px 4px`;
    case 'cross':
      return `repeating-linear-gradient(45deg, ${c} 0 1px, transparent 1px 4px), repeating-linear-gradient(-45deg, ${c} 0 1px, transparent 1px 4px)`;
  }
}

const TROUBLE_STATUS = new Set(['failed', 'error', 'errored', 'dead_letter', 'dead-lettered', 'retrying']);
const TROUBLE_TYPE = /fail|error|exception|dead.?letter|rejected/i;

/**
 * An event that failed, errored or was retried: by its status and retry
 * count when the server sends them, else by a type name that says so.
 */
export function isTroubled(mark: Pick<TimelineEventMark, 'type' | 'status' | 'retryCount'>): boolean {
  if (mark.status !== undefined && TROUBLE_STATUS.has(mark.status.toLowerCase())) return true;
  if ((mark.retryCount ?? 0) > 0) return true;
  return TROUBLE_TYPE.test(mark.type);
}

/** A lane whose key names trouble (lanes by type: `payment_failed`). */
export function isTroubledLane(key: string): boolean {
  return TROUBLE_TYPE.test(key);
}

/** Density as opacity: log-scaled so one event in a bucket is visible next to a thousand. */
export function densityAlpha(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return 0.18 + 0.82 * (Math.log1p(count) / Math.log1p(max));
}
