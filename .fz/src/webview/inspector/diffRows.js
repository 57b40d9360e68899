"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rowsFromDelta = rowsFromDelta;
exports.diffView = diffView;
exports.topLevelKey = topLevelKey;
exports.splitBookkeeping = splitBookkeeping;
const escape_1 = require("../shared/escape");
function pointerToken(token) {
    return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Every row of a delta (undefined: no difference), arrays' removals and moves first, then by new index. */
function rowsFromDelta(delta) {
    const rows = [];
    collect(delta, '', rows);
    return rows;
}
function collect(delta, path, rows) {
    if (delta === undefined)
        return;
    if (Array.isArray(delta)) {
        rows.push(leafRow(delta, path));
        return;
    }
    if (!isRecord(delta))
        throw new Error(`not a jsondiffpatch delta at "${path}": expected an array or an object, got ${typeof delta}`);
    if (delta._t === 'a') {
        const oldKeys = Object.keys(delta).filter((k) => /^_\d+$/.test(k)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
        const newKeys = Object.keys(delta).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
        for (const key of oldKeys)
            collect(delta[key], `${path}/${key.slice(1)}`, rows);
        for (const key of newKeys)
            collect(delta[key], `${path}/${key}`, rows);
        return;
    }
    for (const key of Object.keys(delta))
        collect(delta[key], `${path}/${pointerToken(key)}`, rows);
}
function leafRow(delta, path) {
    if (delta.length === 1)
        return { path, kind: 'added', after: delta[0] };
    if (delta.length === 2)
        return { path, kind: 'changed', before: delta[0], after: delta[1] };
    if (delta.length === 3 && delta[1] === 0 && delta[2] === 0)
        return { path, kind: 'removed', before: delta[0] };
    if (delta.length === 3 && delta[2] === 3 && typeof delta[1] === 'number') {
        return { path, kind: 'moved', movedTo: delta[1], ...(delta[0] === '' ? {} : { before: delta[0] }) };
    }
    if (delta.length === 3 && delta[1] === 0 && delta[2] === 2 && typeof delta[0] === 'string')
        return { path, kind: 'text', patch: delta[0] };
    throw new Error(`not a jsondiffpatch delta at "${path}": unknown leaf ${(0, escape_1.previewValue)(delta, 60)}`);
}
const LABELS = {
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    moved: 'moved',
    text: 'text changed',
};
/** A cell's text: a number as the store spelled it at that path, else the value's preview. */
function cellText(value, path, spellings) {
    const written = typeof value === 'number' ? spellings?.[path] : undefined;
    return written !== undefined && Number(written) === value ? written : (0, escape_1.previewValue)(value);
}
/** Rows as strings for the table (each becomes a text node), at most `limit` of them. */
function diffView(rows, limit = 1000, spellings = {}) {
    const counts = new Map();
    for (const row of rows)
        counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
    const summary = rows.length === 0
        ? 'no differences'
        : ['added', 'removed', 'changed', 'text', 'moved']
            .filter((kind) => counts.has(kind))
            .map((kind) => `${counts.get(kind)} ${LABELS[kind]}`)
            .join(', ');
    return {
        rows: rows.slice(0, limit).map((row) => ({
            path: row.path === '' ? '(whole state)' : row.path,
            kind: row.kind,
            label: LABELS[row.kind],
            before: row.kind === 'added' ? '' : row.kind === 'text' ? '' : row.kind === 'moved' ? (0, escape_1.previewValue)(row.before ?? '(same value)') : cellText(row.before, row.path, spellings.before),
            after: row.kind === 'removed'
                ? ''
                : row.kind === 'moved'
                    ? `to index ${row.movedTo}`
                    : row.kind === 'text'
                        ? (row.patch ?? '')
                        : cellText(row.after, row.path, spellings.after),
        })),
        hidden: Math.max(0, rows.length - limit),
        summary,
    };
}
/** The top-level key of a JSON pointer (unescaped), or undefined for the whole state. */
function topLevelKey(pointer) {
    if (!pointer.startsWith('/'))
        return undefined;
    const end = pointer.indexOf('/', 1);
    return (end === -1 ? pointer.slice(1) : pointer.slice(1, end)).replace(/~1/g, '/').replace(/~0/g, '~');
}
/** Rows under the writer's bookkeeping keys apart from the rest: the page folds them away. */
function splitBookkeeping(rows, bookkeepingKeys) {
    const keys = new Set(bookkeepingKeys);
    const data = [];
    const bookkeeping = [];
    for (const row of rows) {
        const key = topLevelKey(row.path);
        (key !== undefined && keys.has(key) ? bookkeeping : data).push(row);
    }
    return { data, bookkeeping };
}
//# sourceMappingURL=diffRows.js.map