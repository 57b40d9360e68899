/**
 * The one paging contract of lists answered from the index (views, groups,
 * events): a request names an offset and a limit, a page gives its items,
 * the total over all pages and its offset. Bad offsets and limits are
 * clamped rather than refused (a view asks again with what it got).
 * The backend seam's own lists page by cursor (`Page` in storeBackend.ts),
 * because a database pages by key, not by offset.
 */
export interface PageRequest {
  /** First item to return (default 0). */
  readonly offset?: number;
  /** Items to return (default 100, at most 10,000). */
  readonly limit?: number;
}

export interface OffsetPage<T> {
  readonly items: T[];
  /** Items matching, over all pages. */
  readonly total: number;
  readonly offset: number;
}

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 10_000;

/** The clamped offset and limit of a page request. */
export function pageWindow(request: PageRequest): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(finiteOr(request.offset, 0)));
  const limit = Math.min(MAX_PAGE, Math.max(0, Math.floor(finiteOr(request.limit, DEFAULT_PAGE))));
  return { offset, limit };
}

/** One page of `items`. */
export function pageOf<T, R>(items: readonly T[], request: PageRequest, map: (item: T) => R): OffsetPage<R> {
  const { offset, limit } = pageWindow(request);
  return { items: items.slice(offset, offset + limit).map(map), total: items.length, offset };
}

export function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
