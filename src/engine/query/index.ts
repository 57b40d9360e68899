/**
 * The content query language: `data.quantity > 10 and type == "trade_executed"`.
 * One language for the CLI (`events --where`), the server's views and
 * timeline, and (later) watch expressions and conditional breakpoints.
 */
export { compileQuery, matchesOrdinal, matchingOrdinals, type CompiledQuery, type QueryableStore } from './eventQuery';
export { expressionValue, type QuerySubject } from './evaluateQuery';
export { DEBUG_QUERY_NAMES, parseExpression, parseQuery, QUERY_NAMES } from './parseQuery';
export { QUERY_FUNCTIONS } from './queryAst';
export { QueryError } from './queryError';
