import type { StoreIndex } from '../../engine/model/indexTypes';
import type { EventFilter } from '../../shared/protocol';
import { contentMaskOf } from './contentQuery';
import { finiteOr } from './handlerStore';

/** Answers "does this ordinal pass the view's filter?" from the index alone (no event body read). */
export type OrdinalTest = (ordinal: number) => boolean;

/**
 * The filter as a test over ordinals: type and source lists become one mask
 * (built once, O(events)), the time range is checked against each tested
 * event's timestamp, read from the index where it lies. Null when the filter keeps everything, so callers can skip the work.
 */
export function ordinalTestOf(index: StoreIndex, filter: EventFilter | undefined): OrdinalTest | null {
  if (!filter) return null;
  const from = finiteOr(filter.from, Number.NEGATIVE_INFINITY);
  const to = finiteOr(filter.to, Number.POSITIVE_INFINITY);
  if (from > to) throw new Error(`filter time range: from (${from}) is after to (${to})`);
  const groups: (readonly number[])[][] = [];
  if (filter.types?.length) groups.push(filter.types.map((type) => index.ordinalsOfType(type)));
  if (filter.sources?.length) groups.push(filter.sources.map((source) => index.ordinalsOfSource(source)));
  const timed = from !== Number.NEGATIVE_INFINITY || to !== Number.POSITIVE_INFINITY;
  const content = filter.where?.trim() ? contentMaskOf(index, filter.where) : null;
  if (groups.length === 0 && !timed && !content) return null;
  let mask: Uint8Array | null = null;
  if (groups.length > 0) {
    const hits = new Uint8Array(index.eventCount);
    // Values within a group are alternatives: an ordinal counts once per group.
    groups.forEach((group, g) => {
      for (const ordinals of group) for (const ordinal of ordinals) hits[ordinal] |= 1 << g;
    });
    const all = (1 << groups.length) - 1;
    mask = hits.map((bits) => (bits === all ? 1 : 0));
  }
  const kept = mask;
  return (ordinal) => {
    if (kept && kept[ordinal] !== 1) return false;
    if (content && content[ordinal] !== 1) return false;
    if (!timed) return true;
    const t = index.timestampOf(ordinal);
    return t >= from && t <= to;
  };
}
