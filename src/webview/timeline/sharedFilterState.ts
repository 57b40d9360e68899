/**
 * The page's side of the filter it shares with the trees: the legend keeps
 * hidden types (what a person toggles), the trees speak of shown types; the
 * other fields (sources, aggregate prefix, time window) are kept as they are.
 */
import type { SharedFilter } from '../../shared/timelineProtocol';

export type FilterRest = Omit<SharedFilter, 'types'>;

/** The shown types when some are hidden; undefined when every type shows. */
export function shownTypes(allTypes: readonly string[], hidden: ReadonlySet<string>): string[] | undefined {
  return hidden.size > 0 ? allTypes.filter((type) => !hidden.has(type)) : undefined;
}

/** The hidden set for a filter's shown types (none listed: nothing hidden). */
export function hiddenFor(allTypes: readonly string[], types: readonly string[] | undefined): Set<string> {
  if (!types || types.length === 0) return new Set();
  const shown = new Set(types);
  return new Set(allTypes.filter((type) => !shown.has(type)));
}

export function sharedFilterOf(allTypes: readonly string[], hidden: ReadonlySet<string>, rest: FilterRest): SharedFilter {
  const types = shownTypes(allTypes, hidden);
  return normalizedRest({ ...rest, ...(types ? { types } : {}) });
}

/** The fields without types, empty ones dropped. */
export function restOf(filter: SharedFilter): FilterRest {
  const { types: _types, ...rest } = filter;
  return normalizedRest(rest);
}

/** What the server counts with: no time window (the overview shows the whole store so the window can be seen in it). */
export function withoutWindow(rest: FilterRest): FilterRest {
  const { from: _from, to: _to, ...others } = rest;
  return others;
}

export function hasWindow(rest: FilterRest): boolean {
  return rest.from !== undefined || rest.to !== undefined;
}

export function isRestEmpty(rest: FilterRest): boolean {
  return Object.keys(normalizedRest(rest)).length === 0;
}

/** A time window from two times in either order (a brush dragged right to left is the same window). */
export function windowBetween(t1: number, t2: number): { from: number; to: number } {
  return { from: Math.min(t1, t2), to: Math.max(t1, t2) };
}

function normalizedRest<T extends SharedFilter>(filter: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as T;
}
