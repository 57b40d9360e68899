"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportSyntax = reportSyntax;
exports.nonJsonNumbers = nonJsonNumbers;
const jsonc_parser_1 = require("jsonc-parser");
const jsonPosition_1 = require("../schema/jsonPosition");
const NON_JSON_NUMBERS = new Set(['NaN', 'Infinity']);
const PYTHON_SPELLING = { NaN: 'nan', Infinity: 'inf', '-Infinity': '-inf' };
/**
 * Explains why JSON.parse refused a line: EB003 for a torn last line, EB002
 * for each NaN/Infinity token (Python writes them; JSON has no such
 * numbers), otherwise EB001 at the first position where parsing failed.
 * Runs only for lines that failed to parse, so it may be slow-ish.
 */
function reportSyntax(text, unterminated, out, parseMessage) {
    if (unterminated) {
        out.add('EB003', undefined, 'torn last line: no line end and not complete JSON (a writer is mid-append or crashed while writing); the line is kept as it is');
        return;
    }
    const nonJson = nonJsonNumbers(text);
    if (nonJson.length > 0) {
        for (const { range, token } of nonJson) {
            out.add('EB002', range, `${token} is not a JSON number (Python's json.dumps writes it for float('${PYTHON_SPELLING[token] ?? token}')); JSON readers reject the line`, { token });
        }
        return;
    }
    const errors = [];
    try {
        (0, jsonc_parser_1.parseTree)(text, errors, { disallowComments: true, allowTrailingComma: false });
    }
    catch (error) {
        // jsonc-parser descends recursively: a line nested tens of thousands deep
        // overflows the stack. V8's message (below) still says where parsing failed.
        if (!(error instanceof RangeError))
            throw error;
        errors.length = 0;
    }
    const first = errors[0];
    if (first) {
        const start = Math.min(first.offset, text.length);
        const end = Math.min(text.length, start + Math.max(first.length, start < text.length ? 1 : 0));
        out.add('EB001', { start, end }, `invalid JSON: ${(0, jsonPosition_1.describeParseError)((0, jsonc_parser_1.printParseErrorCode)(first.error))} at column ${start + 1}`);
        return;
    }
    // jsonc-parser is more lenient than JSON.parse in corners (e.g. leading zeros); fall back to V8's position.
    const position = /at position (\d+)/.exec(parseMessage);
    const at = position ? Math.min(Number(position[1]), text.length) : 0;
    out.add('EB001', position ? { start: at, end: Math.min(text.length, at + 1) } : undefined, `invalid JSON: ${parseMessage}`);
}
/** Every NaN, Infinity and -Infinity outside strings, with its range. */
function nonJsonNumbers(text) {
    const found = [];
    const scanner = (0, jsonc_parser_1.createScanner)(text, true);
    let minusAt = -1;
    for (let kind = scanner.scan(); kind !== 17 /* SyntaxKind.EOF */; kind = scanner.scan()) {
        const offset = scanner.getTokenOffset();
        if (kind === 16 /* SyntaxKind.Unknown */) {
            const value = scanner.getTokenValue();
            if (value === '-') {
                minusAt = offset + 1;
                continue;
            }
            if (NON_JSON_NUMBERS.has(value)) {
                const negative = minusAt === offset;
                const start = negative ? offset - 1 : offset;
                found.push({ range: { start, end: offset + scanner.getTokenLength() }, token: negative ? `-${value}` : value });
            }
        }
        minusAt = -1;
    }
    return found;
}
//# sourceMappingURL=jsonSyntaxRules.js.map