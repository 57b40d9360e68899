"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeToString = writeToString;
exports.indentLines = indentLines;
/** Runs a writer over findings already at hand and returns the whole text (small outputs, tests). */
function writeToString(make, findings) {
    const parts = [];
    const writer = make((text) => parts.push(text));
    writer.write(findings);
    writer.end();
    return parts.join('');
}
/** Indents every line of a multi-line text (what JSON.stringify's nesting would have given it). */
function indentLines(text, indent) {
    return indent + text.replace(/\n/g, `\n${indent}`);
}
//# sourceMappingURL=findingWriter.js.map