"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rangeOnLine = rangeOnLine;
exports.wholeLine = wholeLine;
/** An offset range within one line as an LSP range on that (0-based) line. */
function rangeOnLine(line, range) {
    return { start: { line, character: range.start }, end: { line, character: range.end } };
}
/** The whole of one line's text. */
function wholeLine(line, lineText) {
    return { start: { line, character: 0 }, end: { line, character: lineText.length } };
}
//# sourceMappingURL=lspRanges.js.map