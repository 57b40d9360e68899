"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NestingTooDeepError = exports.MAX_NESTING_DEPTH_CEILING = exports.DEFAULT_MAX_NESTING_DEPTH = void 0;
exports.nestingBeyond = nestingBeyond;
exports.nestingMessage = nestingMessage;
/**
 * The one limit on how deep an event line may nest objects and arrays. The
 * same number guards the validator (EB025), the reader every command and
 * the language server go through (rebuild, replay, folds and printers never
 * see deeper data), and it is `max_nesting_depth` in eventbus.config.json.
 *
 * The default is what the guide's Python bus can read: its `json` module
 * gives up past the interpreter's recursion limit (1,000), so a deeper line
 * is one the store's own writer could not read back.
 */
exports.DEFAULT_MAX_NESTING_DEPTH = 1000;
/**
 * The highest limit a config may set: folds, diffs and JSON printing walk
 * data recursively (V8's JSON.stringify does too), and 2,000 levels fit the
 * stack of the CLI, the server and their worker threads with room to spare.
 */
exports.MAX_NESTING_DEPTH_CEILING = 2000;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
/**
 * The 1-based column of the `{` or `[` that first opens level `limit + 1`
 * (outside strings), or undefined when the text never nests that deep.
 * One pass, no recursion, no allocation: safe on any line.
 */
function nestingBeyond(text, limit) {
    // Nesting past `limit` takes more than `limit` characters: ordinary lines are not scanned.
    if (text.length <= limit)
        return undefined;
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (inString) {
            if (ch === BACKSLASH)
                i++;
            else if (ch === QUOTE)
                inString = false;
        }
        else if (ch === QUOTE) {
            inString = true;
        }
        else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
            if (++depth > limit)
                return i + 1;
        }
        else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
            depth--;
        }
    }
    return undefined;
}
/** What a person reads about such a line (the finding's message, the reader's error). */
function nestingMessage(limit, column) {
    return `nesting deeper than ${limit} (level ${limit + 1} opens at column ${column}); max_nesting_depth in eventbus.config.json sets the limit`;
}
/** The reader met a line nested past the limit: a problem of the store (exit 1), named by file and line. */
class NestingTooDeepError extends Error {
    where;
    limit;
    column;
    name = 'NestingTooDeepError';
    constructor(where, limit, column) {
        super(`${where}: ${nestingMessage(limit, column)}`);
        this.where = where;
        this.limit = limit;
        this.column = column;
    }
}
exports.NestingTooDeepError = NestingTooDeepError;
//# sourceMappingURL=nestingDepth.js.map