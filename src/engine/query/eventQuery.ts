import type { EventIndexView } from '../model/indexTypes';
import type { Event } from '../model/event';
import { holds, needsOf, type QueryNeeds, type QuerySubject } from './evaluateQuery';
import { parseQuery, type ParseOptions } from './parseQuery';
import type { QueryNode } from './queryAst';

/** A content query, read once and asked of many events. */
export interface CompiledQuery extends QueryNeeds {
  readonly text: string;
  readonly tree: QueryNode;
  matches(subject: QuerySubject): boolean;
}

/** Reads the query (throws a QueryError with the column and what was expected). */
export function compileQuery(text: string, options: ParseOptions = {}): CompiledQuery {
  const tree = parseQuery(text, options);
  const needs = needsOf(tree);
  return { text, tree, ...needs, matches: (subject) => holds(tree, subject) };
}

/** What matching over a store needs: its index and its event bodies. */
export interface QueryableStore {
  readonly index: EventIndexView;
  readEvent(ordinal: number): Promise<Event>;
  readLine(ordinal: number): Promise<string>;
}

/**
 * The ordinals among `candidates` (in their order) that the query matches,
 * reading an event's body only when the query looks past the index. A
 * generator, so callers stream, stop at a limit, or yield to other work.
 */
export async function* matchingOrdinals(store: QueryableStore, query: CompiledQuery, candidates: Iterable<number>): AsyncGenerator<number> {
  for (const ordinal of candidates) {
    if (await matchesOrdinal(store, query, ordinal)) yield ordinal;
  }
}

/** Whether one indexed event matches. */
export async function matchesOrdinal(store: QueryableStore, query: CompiledQuery, ordinal: number): Promise<boolean> {
  const indexed = store.index.event(ordinal);
  const line = query.line ? await store.readLine(ordinal) : undefined;
  let event: Event | undefined;
  if (query.body) {
    try {
      event = await store.readEvent(ordinal);
    } catch {
      // A line the index took but whose body no longer parses: only its envelope can match.
      event = undefined;
    }
  }
  return query.matches({ indexed, ...(event ? { event } : {}), ...(line !== undefined ? { line } : {}) });
}
