"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DATA_EXAMPLE = void 0;
exports.parseJsonInput = parseJsonInput;
exports.validateJsonInput = validateJsonInput;
exports.locateJsonError = locateJsonError;
exports.lineAndColumn = lineAndColumn;
const jsonc_parser_1 = require("jsonc-parser");
exports.DATA_EXAMPLE = '{"symbol": "BTCUSDT", "price": 50000}';
const WHAT_WAS_EXPECTED = {
    [1 /* ParseErrorCode.InvalidSymbol */]: 'expected a JSON value (NaN, Infinity, undefined and single quotes are not JSON)',
    [2 /* ParseErrorCode.InvalidNumberFormat */]: 'expected a number such as 42, -1.5 or 1e3',
    [3 /* ParseErrorCode.PropertyNameExpected */]: 'expected a property name in double quotes',
    [4 /* ParseErrorCode.ValueExpected */]: 'expected a value',
    [5 /* ParseErrorCode.ColonExpected */]: 'expected ":" after the property name',
    [6 /* ParseErrorCode.CommaExpected */]: 'expected "," between items, or the closing bracket',
    [7 /* ParseErrorCode.CloseBraceExpected */]: 'expected "}" to close the object',
    [8 /* ParseErrorCode.CloseBracketExpected */]: 'expected "]" to close the array',
    [9 /* ParseErrorCode.EndOfFileExpected */]: 'expected nothing after the value (one JSON value only)',
    [10 /* ParseErrorCode.InvalidCommentToken */]: 'expected no comments (JSON has none)',
    [11 /* ParseErrorCode.UnexpectedEndOfComment */]: 'expected no comments (JSON has none)',
    [12 /* ParseErrorCode.UnexpectedEndOfString */]: 'expected a closing double quote',
    [13 /* ParseErrorCode.UnexpectedEndOfNumber */]: 'expected digits to finish the number',
    [14 /* ParseErrorCode.InvalidUnicode */]: 'expected four hex digits after \\u',
    [15 /* ParseErrorCode.InvalidEscapeCharacter */]: 'expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
    [16 /* ParseErrorCode.InvalidCharacter */]: 'expected no control characters inside a string',
};
function parseJsonInput(text) {
    if (text.trim() === '')
        return { ok: false, message: `expected the event's data as JSON, e.g. ${exports.DATA_EXAMPLE}` };
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, message: locateJsonError(text) ?? `not valid JSON: ${error.message}` };
    }
}
/** Input-box validation: undefined when the text is JSON, else where and what was expected. */
function validateJsonInput(text) {
    const parsed = parseJsonInput(text);
    return parsed.ok ? undefined : parsed.message;
}
/** "Not valid JSON at line 1, column 8: expected a value" for the first error, or undefined when jsonc-parser finds none. */
function locateJsonError(text) {
    const errors = [];
    (0, jsonc_parser_1.parse)(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first)
        return undefined;
    const { line, column } = lineAndColumn(text, first.offset);
    const expected = WHAT_WAS_EXPECTED[first.error] ?? 'expected valid JSON';
    const found = first.offset >= text.length ? 'the end of the input' : JSON.stringify(text.slice(first.offset, first.offset + Math.max(1, Math.min(first.length, 12))));
    return `Not valid JSON at line ${line}, column ${column} (found ${found}): ${expected}`;
}
/** 1-based line and column (UTF-16 units) of an offset. */
function lineAndColumn(text, offset) {
    const before = text.slice(0, Math.min(offset, text.length));
    const lastBreak = before.lastIndexOf('\n');
    return { line: before.split('\n').length, column: offset - lastBreak };
}
//# sourceMappingURL=jsonInput.js.map