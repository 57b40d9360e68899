import { prepareContentMask, QueryError, type QueryableStore } from '../../engine/query';
import type { QueryMatches, QueryMatchesParams } from '../../shared/queryProtocol';
import type { HandlerStore } from './handlerStore';

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
