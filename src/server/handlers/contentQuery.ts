import type { EventIndexView } from '../../engine/model/indexTypes';
import { compileQuery, matchesOrdinal, QueryError, type QueryableStore } from '../../engine/query';
import type { QueryMatches, QueryMatchesParams } from '../../shared/queryProtocol';
import type { HandlerStore } from './handlerStore';

/** Work in slices this long, then let other requests in (a content query reads every body once). */
const SLICE_MS = 20;

interface CachedMask {
  readonly ordinalsVersion: number;
  /** 1 where the query matches, for ordinals below `mask.length`. */
  mask: Uint8Array;
  matched: number;
}

/**
 * Which events a content query matches, as a mask by ordinal, per index and
 * query text: computed once, reading each body once in slices (requests are
 * answered between them), and extended, not redone, when events are
 * appended. The views, the timeline and the match count share it.
 */
const masks = new WeakMap<EventIndexView, Map<string, CachedMask>>();
const MASKS_PER_INDEX = 8;

export async function prepareContentMask(store: QueryableStore, where: string): Promise<CachedMask> {
  const query = compileQuery(where);
  const index = store.index;
  let perIndex = masks.get(index);
  if (!perIndex) masks.set(index, (perIndex = new Map()));
  let cached = perIndex.get(where);
  if (!cached || cached.ordinalsVersion !== index.ordinalsVersion || cached.mask.length > index.eventCount) {
    cached = { ordinalsVersion: index.ordinalsVersion, mask: new Uint8Array(0), matched: 0 };
  }
  perIndex.delete(where);
  perIndex.set(where, cached);
  if (perIndex.size > MASKS_PER_INDEX) perIndex.delete(perIndex.keys().next().value as string);
  const count = index.eventCount;
  if (cached.mask.length < count) {
    const mask = new Uint8Array(count);
    mask.set(cached.mask);
    let matched = cached.matched;
    let sliceStart = Date.now();
    for (let ordinal = cached.mask.length; ordinal < count; ordinal++) {
      if (await matchesOrdinal(store, query, ordinal)) {
        mask[ordinal] = 1;
        matched++;
      }
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (index.ordinalsVersion !== cached.ordinalsVersion) return prepareContentMask(store, where);
        sliceStart = Date.now();
      }
    }
    cached.mask = mask;
    cached.matched = matched;
  }
  return cached;
}

/** The prepared mask (see prepareContentFilters); an unprepared query is a server bug, said plainly. */
export function contentMaskOf(index: EventIndexView, where: string): Uint8Array {
  const cached = masks.get(index)?.get(where);
  if (!cached || cached.ordinalsVersion !== index.ordinalsVersion || cached.mask.length < index.eventCount) {
    throw new Error(`the content query "${where}" was not evaluated before the request used it`);
  }
  return cached.mask;
}

/** Readies the content query a request's filter carries, so the synchronous handlers can read its mask. */
export async function prepareContentFilters(store: QueryableStore, params: unknown): Promise<void> {
  if (typeof params !== 'object' || params === null) return;
  const { filter, filters } = params as { filter?: { where?: unknown }; filters?: { where?: unknown } };
  for (const where of [filter?.where, filters?.where]) {
    if (typeof where === 'string' && where.trim() !== '') await prepareContentMask(store, where);
  }
}

/** The query box's answer: how many events match, or where the query cannot be read. */
export async function queryMatches(store: HandlerStore, params: QueryMatchesParams): Promise<QueryMatches> {
  try {
    const { matched } = await prepareContentMask(store.engine, params.where);
    return { ok: true, matched, total: store.engine.index.eventCount };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, problem: { column: error.column, reason: error.reason } };
    throw error;
  }
}
