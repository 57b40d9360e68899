"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueryError = void 0;
/**
 * A query that cannot be read or cannot mean anything: where (0-based offset
 * into the text, shown 1-based as a column) and what was expected there.
 */
class QueryError extends Error {
    reason;
    offset;
    query;
    constructor(
    /** What went wrong and what was expected, without the position. */
    reason, 
    /** 0-based offset of the offending character in the query text. */
    offset, query) {
        super(`query, column ${offset + 1}: ${reason}`);
        this.reason = reason;
        this.offset = offset;
        this.query = query;
        this.name = 'QueryError';
    }
    get column() {
        return this.offset + 1;
    }
    /** The query with a caret under the column, for terminals and the query box. */
    pointer() {
        return `${this.query}\n${' '.repeat(Math.min(this.offset, this.query.length))}^`;
    }
}
exports.QueryError = QueryError;
//# sourceMappingURL=queryError.js.map