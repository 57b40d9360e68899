/**
 * A colour per event type: the most frequent types get the clearly distinct
 * palette colours (in order of frequency, then name, so the legend is stable
 * between runs); the long tail gets a hue from the name's hash.
 */
import type { TimelineEventMark, TypeCount } from '../../shared/timelineProtocol';

export const PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948',
  '#ff9da7', '#9c755f', '#86bcb6', '#8cd17d', '#a0cbe8', '#d4a6c8',
];

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

export function assignColours(types: readonly TypeCount[]): Map<string, string> {
  const ordered = [...types].sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const colours = new Map<string, string>();
  ordered.forEach((entry, i) => colours.set(entry.type, i < PALETTE.length ? PALETTE[i] : `hsl(${hashHue(entry.type)}, 55%, 55%)`));
  return colours;
}

export function colourOf(colours: ReadonlyMap<string, string>, type: string): string {
  return colours.get(type) ?? `hsl(${hashHue(type)}, 55%, 55%)`;
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
