import { compileQuery, type CompiledQuery, type EventFilter, QueryError } from '../engine/query';
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

/** The filter with the --where query in it (already read, so it is known good). */
export function withWhere(filter: EventFilter, where: CompiledQuery | undefined): EventFilter {
  return where ? { ...filter, where: where.text } : filter;
}
