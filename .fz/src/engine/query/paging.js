"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAGE = exports.DEFAULT_PAGE = void 0;
exports.pageWindow = pageWindow;
exports.pageOf = pageOf;
exports.finiteOr = finiteOr;
exports.DEFAULT_PAGE = 100;
exports.MAX_PAGE = 10_000;
/** The clamped offset and limit of a page request. */
function pageWindow(request) {
    const offset = Math.max(0, Math.floor(finiteOr(request.offset, 0)));
    const limit = Math.min(exports.MAX_PAGE, Math.max(0, Math.floor(finiteOr(request.limit, exports.DEFAULT_PAGE))));
    return { offset, limit };
}
/** One page of `items`. */
function pageOf(items, request, map) {
    const { offset, limit } = pageWindow(request);
    return { items: items.slice(offset, offset + limit).map(map), total: items.length, offset };
}
function finiteOr(value, fallback) {
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
//# sourceMappingURL=paging.js.map