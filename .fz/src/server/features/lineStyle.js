"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.styleOfLine = styleOfLine;
exports.toJson = toJson;
exports.colonOf = colonOf;
exports.commaOf = commaOf;
const PYTHON_START = /^\s*\{\s*"(?:[^"\\]|\\.)*": /;
function styleOfLine(lineText) {
    return PYTHON_START.test(lineText) ? 'python' : 'compact';
}
/** JSON text of a value in the given style (undefined values in objects are dropped, as JSON.stringify does). */
function toJson(value, style) {
    if (style === 'compact')
        return JSON.stringify(value) ?? 'null';
    return pythonDumps(value);
}
/** Separator between a key and its value. */
function colonOf(style) {
    return style === 'python' ? ': ' : ':';
}
/** Separator between members. */
function commaOf(style) {
    return style === 'python' ? ', ' : ',';
}
function pythonDumps(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => pythonDumps(v === undefined ? null : v)).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
        const members = Object.entries(value)
            .filter(([, v]) => v !== undefined && typeof v !== 'function')
            .map(([k, v]) => `${asciiString(k)}: ${pythonDumps(v)}`);
        return `{${members.join(', ')}}`;
    }
    if (typeof value === 'string')
        return asciiString(value);
    return JSON.stringify(value) ?? 'null';
}
/** A JSON string with every non-ASCII code unit escaped, as Python's ensure_ascii does. */
function asciiString(text) {
    return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
//# sourceMappingURL=lineStyle.js.map