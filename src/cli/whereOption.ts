import { compileQuery, type CompiledQuery, matchingOrdinals, QueryError } from '../engine/query';
import type { StoreEngine } from '../engine/storeEngineTypes';
import type { EventQuery } from '../engine/store/storage';
import { type CliIo, UsageError } from './output';

export const WHERE_USAGE = `  --where QUERY     only events the content query matches, e.g.
                    'data.quantity > 10 and type == "trade_executed"'
                    (paths into data and metadata, ==, !=, <, <=, >, >=,
                    and, or, not, contains, in, exists(…), time and seq ranges)`;

/** The --where query, read now so a bad one fails before the store is opened (caret under the column on stderr). */
export function whereOption(io: CliIo, text: string | undefined): CompiledQuery | undefined {
  if (text === undefined) return undefined;
  try {
    return compileQuery(text);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    // Control characters from the argument are not the terminal's to interpret.
    io.stderr(`${error.pointer().replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
    throw new UsageError(`--where: ${error.message}`);
  }
}

/**
 * The ordinals the filters and the content query select, in the filters'
 * order, streamed: envelope filters narrow by the index first, the query
 * reads bodies only for what is left, and `limit` counts matches.
 */
export async function* selectedOrdinals(engine: StoreEngine, filters: EventQuery, where: CompiledQuery | undefined): AsyncGenerator<number> {
  const { limit, ...unlimited } = filters;
  // No envelope filter: every ordinal in store order, without building an index entry per event first (a million of them is seconds of GC).
  const unfiltered = Object.keys(unlimited).length === 0;
  if (!where) {
    if (unfiltered) yield* storeOrder(Math.min(engine.index.eventCount, limit ?? Number.POSITIVE_INFINITY));
    else yield* engine.selectOrdinals(filters);
    return;
  }
  const candidates = unfiltered ? storeOrder(engine.index.eventCount) : engine.selectOrdinals(unlimited);
  let left = limit ?? Number.POSITIVE_INFINITY;
  if (left <= 0) return;
  for await (const ordinal of matchingOrdinals(engine, where, candidates)) {
    yield ordinal;
    if (--left <= 0) return;
  }
}

function* storeOrder(count: number): Generator<number> {
  for (let ordinal = 0; ordinal < count; ordinal++) yield ordinal;
}
