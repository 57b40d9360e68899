/**
 * The query, in one place: one filter (EventFilter), one evaluator over the
 * index (selectOrdinals, ordinalTestOf), one paging contract (paging.ts),
 * and the content query language (`data.quantity > 10 and type ==
 * "trade_executed"`). The CLI's `events`/`tail`/`export`, the server's
 * views, groups, event lists and timeline all call it; watch expressions
 * and conditional breakpoints use the language.
 */
export { compileQuery, matchesOrdinal, matchingOrdinals, type CompiledQuery, type QueryableStore } from './eventQuery';
export { expressionValue, type QuerySubject } from './evaluateQuery';
export { DEBUG_QUERY_NAMES, parseExpression, parseQuery, QUERY_NAMES } from './parseQuery';
export { QUERY_FUNCTIONS } from './queryAst';
export { QueryError } from './queryError';
export { type ContentMask, contentMaskOf, prepareContentMask } from './contentMask';
export { type EventFilter, filterOfQuery, isEmptyFilter, narrowingFilter } from './eventFilter';
export { DEFAULT_PAGE, finiteOr, MAX_PAGE, type OffsetPage, pageOf, type PageRequest, pageWindow } from './paging';
export { hasLookup, type OrdinalTest, ordinalTestOf, selectMatchingOrdinals, selectOrdinals, startOf } from './selectOrdinals';
