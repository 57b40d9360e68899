"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startOf = exports.selectOrdinals = exports.selectMatchingOrdinals = exports.ordinalTestOf = exports.hasLookup = exports.pageWindow = exports.pageOf = exports.MAX_PAGE = exports.finiteOr = exports.DEFAULT_PAGE = exports.narrowingFilter = exports.isEmptyFilter = exports.filterOfQuery = exports.prepareContentMask = exports.contentMaskOf = exports.QueryError = exports.QUERY_FUNCTIONS = exports.QUERY_NAMES = exports.parseQuery = exports.parseExpression = exports.DEBUG_QUERY_NAMES = exports.expressionValue = exports.matchingOrdinals = exports.matchesOrdinal = exports.compileQuery = void 0;
/**
 * The query, in one place: one filter (EventFilter), one evaluator over the
 * index (selectOrdinals, ordinalTestOf), one paging contract (paging.ts),
 * and the content query language (`data.quantity > 10 and type ==
 * "trade_executed"`). The CLI's `events`/`tail`/`export`, the server's
 * views, groups, event lists and timeline all call it; watch expressions
 * and conditional breakpoints use the language.
 */
var eventQuery_1 = require("./eventQuery");
Object.defineProperty(exports, "compileQuery", { enumerable: true, get: function () { return eventQuery_1.compileQuery; } });
Object.defineProperty(exports, "matchesOrdinal", { enumerable: true, get: function () { return eventQuery_1.matchesOrdinal; } });
Object.defineProperty(exports, "matchingOrdinals", { enumerable: true, get: function () { return eventQuery_1.matchingOrdinals; } });
var evaluateQuery_1 = require("./evaluateQuery");
Object.defineProperty(exports, "expressionValue", { enumerable: true, get: function () { return evaluateQuery_1.expressionValue; } });
var parseQuery_1 = require("./parseQuery");
Object.defineProperty(exports, "DEBUG_QUERY_NAMES", { enumerable: true, get: function () { return parseQuery_1.DEBUG_QUERY_NAMES; } });
Object.defineProperty(exports, "parseExpression", { enumerable: true, get: function () { return parseQuery_1.parseExpression; } });
Object.defineProperty(exports, "parseQuery", { enumerable: true, get: function () { return parseQuery_1.parseQuery; } });
Object.defineProperty(exports, "QUERY_NAMES", { enumerable: true, get: function () { return parseQuery_1.QUERY_NAMES; } });
var queryAst_1 = require("./queryAst");
Object.defineProperty(exports, "QUERY_FUNCTIONS", { enumerable: true, get: function () { return queryAst_1.QUERY_FUNCTIONS; } });
var queryError_1 = require("./queryError");
Object.defineProperty(exports, "QueryError", { enumerable: true, get: function () { return queryError_1.QueryError; } });
var contentMask_1 = require("./contentMask");
Object.defineProperty(exports, "contentMaskOf", { enumerable: true, get: function () { return contentMask_1.contentMaskOf; } });
Object.defineProperty(exports, "prepareContentMask", { enumerable: true, get: function () { return contentMask_1.prepareContentMask; } });
var eventFilter_1 = require("./eventFilter");
Object.defineProperty(exports, "filterOfQuery", { enumerable: true, get: function () { return eventFilter_1.filterOfQuery; } });
Object.defineProperty(exports, "isEmptyFilter", { enumerable: true, get: function () { return eventFilter_1.isEmptyFilter; } });
Object.defineProperty(exports, "narrowingFilter", { enumerable: true, get: function () { return eventFilter_1.narrowingFilter; } });
var paging_1 = require("./paging");
Object.defineProperty(exports, "DEFAULT_PAGE", { enumerable: true, get: function () { return paging_1.DEFAULT_PAGE; } });
Object.defineProperty(exports, "finiteOr", { enumerable: true, get: function () { return paging_1.finiteOr; } });
Object.defineProperty(exports, "MAX_PAGE", { enumerable: true, get: function () { return paging_1.MAX_PAGE; } });
Object.defineProperty(exports, "pageOf", { enumerable: true, get: function () { return paging_1.pageOf; } });
Object.defineProperty(exports, "pageWindow", { enumerable: true, get: function () { return paging_1.pageWindow; } });
var selectOrdinals_1 = require("./selectOrdinals");
Object.defineProperty(exports, "hasLookup", { enumerable: true, get: function () { return selectOrdinals_1.hasLookup; } });
Object.defineProperty(exports, "ordinalTestOf", { enumerable: true, get: function () { return selectOrdinals_1.ordinalTestOf; } });
Object.defineProperty(exports, "selectMatchingOrdinals", { enumerable: true, get: function () { return selectOrdinals_1.selectMatchingOrdinals; } });
Object.defineProperty(exports, "selectOrdinals", { enumerable: true, get: function () { return selectOrdinals_1.selectOrdinals; } });
Object.defineProperty(exports, "startOf", { enumerable: true, get: function () { return selectOrdinals_1.startOf; } });
//# sourceMappingURL=index.js.map