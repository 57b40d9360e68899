"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonFilePositions = void 0;
exports.lineColumnAt = lineColumnAt;
exports.describeParseError = describeParseError;
const jsonc_parser_1 = require("jsonc-parser");
/** 1-based line and column of a UTF-16 offset in a (multi-line) text. */
function lineColumnAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
/**
 * Positions in a small JSON file (config, migration, schema) for error
 * messages. Parsed leniently only to find positions; the caller decides
 * what is valid.
 */
class JsonFilePositions {
    text;
    root;
    syntaxErrors;
    constructor(text) {
        this.text = text;
        const errors = [];
        this.root = (0, jsonc_parser_1.parseTree)(text, errors, { disallowComments: false, allowTrailingComma: false });
        this.syntaxErrors = errors.map((error) => ({
            message: describeParseError((0, jsonc_parser_1.printParseErrorCode)(error.error)),
            ...lineColumnAt(text, error.offset),
        }));
    }
    /** Where the key of the property at `path` is (or its value, for array items); line 1 col 1 when not found. */
    keyPosition(path) {
        const node = this.root && path.length > 0 ? (0, jsonc_parser_1.findNodeAtLocation)(this.root, path) : this.root;
        if (!node)
            return { line: 1, column: 1 };
        const target = node.parent?.type === 'property' ? node.parent : node;
        return lineColumnAt(this.text, target.offset);
    }
    valuePosition(path) {
        const node = this.root ? (0, jsonc_parser_1.findNodeAtLocation)(this.root, path) : undefined;
        return node ? lineColumnAt(this.text, node.offset) : { line: 1, column: 1 };
    }
}
exports.JsonFilePositions = JsonFilePositions;
/** jsonc-parser error names in words a person reads. */
function describeParseError(name) {
    switch (name) {
        case 'InvalidSymbol':
            return 'unexpected character';
        case 'InvalidNumberFormat':
            return 'malformed number';
        case 'PropertyNameExpected':
            return 'expected a property name in double quotes';
        case 'ValueExpected':
            return 'expected a value';
        case 'ColonExpected':
            return "expected ':' after the property name";
        case 'CommaExpected':
            return "expected ','";
        case 'CloseBraceExpected':
            return "expected ',' or '}'";
        case 'CloseBracketExpected':
            return "expected ',' or ']'";
        case 'EndOfFileExpected':
            return 'unexpected text after the JSON value';
        case 'InvalidCommentToken':
        case 'UnexpectedEndOfComment':
            return 'comments are not JSON';
        case 'UnexpectedEndOfString':
            return 'unterminated string';
        case 'UnexpectedEndOfNumber':
            return 'unterminated number';
        case 'InvalidUnicode':
            return 'malformed \\u escape';
        case 'InvalidEscapeCharacter':
            return 'invalid escape in string';
        case 'InvalidCharacter':
            return 'control character in string (must be escaped)';
        default:
            return 'invalid JSON';
    }
}
//# sourceMappingURL=jsonPosition.js.map