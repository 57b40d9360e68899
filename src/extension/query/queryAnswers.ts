import { QueryMatchesRequest, type QueryMatches } from '../../shared/queryProtocol';
import type { QueryStatus } from '../../shared/queryViewProtocol';
import type { SendRequest } from '../views/sources/requester';
import type { StoreRegistry } from '../views/sources/storeRegistry';
import { editorErrorText } from '../errorText';

/**
 * The query's matches over every open store (the views list them all), or
 * the problem reading it (the same in every store: the language is one).
 */
export async function countMatches(send: SendRequest, registry: StoreRegistry, text: string): Promise<QueryStatus> {
  if (text.trim() === '') return { kind: 'idle' };
  const stores = registry.stores.map((s) => s.storeRoot);
  // No store open yet: nothing to count in, so the query is only checked when one is.
  let matched = 0;
  let total = 0;
  for (const store of stores) {
    let answer: QueryMatches;
    try {
      answer = await send(QueryMatchesRequest.type, { store, where: text });
    } catch (error) {
      return { kind: 'failed', message: humanError(error) };
    }
    if (!answer.ok) return { kind: 'problem', column: answer.problem.column, reason: answer.problem.reason };
    matched += answer.matched;
    total += answer.total;
  }
  return { kind: 'matches', matched, total };
}

/** A server error as a person reads it: without the JSON-RPC wrapping ("Request eventbus/… failed with message: …"). */
export function humanError(error: unknown): string {
  const message = editorErrorText(error);
  return message.replace(/^Request \S+ failed with message:\s*/i, '').replace(/^Request \S+ failed\.?\s*/i, '');
}
