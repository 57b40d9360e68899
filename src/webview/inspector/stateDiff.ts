import { create } from 'jsondiffpatch';
import { rowsFromDelta, type DiffRow } from './diffRows';

/**
 * Diffs two states with jsondiffpatch. Array items are matched by an id-like
 * field when they have one (so an item inserted at the front reads as one
 * addition, not as every item changed), else by position; moves are shown.
 */
const ID_FIELDS = ['id', 'event_id', 'aggregate_id', 'key', 'name'] as const;

/** The identity of an array item for matching across two states: an id-like field, else its position. */
export function itemIdentity(item: object | null, index?: number): string {
  if (item !== null && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    for (const field of ID_FIELDS) {
      const value = record[field];
      if (typeof value === 'string' || typeof value === 'number') return `${field}:${typeof value}:${value}`;
    }
  }
  return `position:${index ?? -1}`;
}

const differ = create({
  objectHash: itemIdentity,
  arrays: { detectMove: true, includeValueOnMove: false },
  // The states came out of a message and are never patched: no copies needed.
  cloneDiffValues: false,
});

/** Async so the page does not care where the diff runs (here, or the host as a fallback). */
export async function diffStates(before: unknown, after: unknown): Promise<DiffRow[]> {
  return rowsFromDelta(differ.diff(before, after));
}
