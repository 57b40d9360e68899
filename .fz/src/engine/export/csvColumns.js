"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CSV_COLUMNS = void 0;
exports.parseCsvColumns = parseCsvColumns;
exports.csvRow = csvRow;
exports.columnCells = columnCells;
const evaluateQuery_1 = require("../query/evaluateQuery");
const parseQuery_1 = require("../query/parseQuery");
const queryError_1 = require("../query/queryError");
const timestamp_1 = require("../model/timestamp");
/** Columns when none are chosen: the envelope a person scans first. */
exports.DEFAULT_CSV_COLUMNS = ['seq', 'time', 'type', 'aggregate', 'source', 'id', 'correlation', 'causation'];
/** Columns are query paths (`data.price`, `metadata.tags.env`, `time`); a bad one is named with its column. */
function parseCsvColumns(texts) {
    return texts.map((text) => {
        const node = (0, parseQuery_1.parseQuery)(text.trim());
        if (node.kind !== 'path')
            throw new queryError_1.QueryError(`CSV column "${text}": expected a path such as data.price or seq`, 0, text);
        return { header: text.trim(), path: node };
    });
}
/**
 * One CSV row (RFC 4180: quoted when needed, quotes doubled). Texts that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe: event data is not the spreadsheet's code to execute.
 */
function csvRow(cells) {
    return `${cells.map(csvCell).join(',')}\r\n`;
}
function columnCells(columns, subject) {
    return columns.map(({ path }) => {
        const values = (0, evaluateQuery_1.readPath)(path, subject);
        if (values.length === 0)
            return '';
        const shown = path.root === 'time' ? values.map((v) => (typeof v === 'number' ? (0, timestamp_1.formatTimestamp)(v) : v)) : values;
        // A field of every element of a list gives several values: one cell, as a JSON list.
        return shown.length === 1 ? cellText(shown[0]) : JSON.stringify(shown);
    });
}
function cellText(value) {
    if (typeof value === 'string')
        return value;
    if (value === null)
        return 'null';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
function csvCell(text) {
    const guarded = /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
//# sourceMappingURL=csvColumns.js.map