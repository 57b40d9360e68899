/**
 * The last segment whose base (first ordinal) is at or below `ordinal`, by
 * binary search over ascending bases; empty segments share their base with
 * the next one, so the last of equal bases is the one holding events.
 */
export function segmentAt(bases: readonly number[], ordinal: number): number {
  let lo = 0;
  let hi = bases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bases[mid] <= ordinal) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
