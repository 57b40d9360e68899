"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WHERE_USAGE = void 0;
exports.whereOption = whereOption;
exports.withWhere = withWhere;
const query_1 = require("../engine/query");
const output_1 = require("./output");
exports.WHERE_USAGE = `  --where QUERY     only events the content query matches, e.g.
                    'data.quantity > 10 and type == "trade_executed"'
                    (paths into data and metadata, ==, !=, <, <=, >, >=,
                    and, or, not, contains, in, exists(…), time and seq ranges)`;
/** The --where query, read now so a bad one fails before the store is opened (caret under the column on stderr). */
function whereOption(io, text) {
    if (text === undefined)
        return undefined;
    try {
        return (0, query_1.compileQuery)(text);
    }
    catch (error) {
        if (!(error instanceof query_1.QueryError))
            throw error;
        // Control characters from the argument are not the terminal's to interpret.
        io.stderr(`${error.pointer().replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
        throw new output_1.UsageError(`--where: ${error.message}`);
    }
}
/** The filter with the --where query in it (already read, so it is known good). */
function withWhere(filter, where) {
    return where ? { ...filter, where: where.text } : filter;
}
//# sourceMappingURL=whereOption.js.map