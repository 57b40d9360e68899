"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KEY_SEPARATOR = void 0;
exports.topLevelMemberText = topLevelMemberText;
exports.numberTexts = numberTexts;
exports.stringifyKeepingNumbers = stringifyKeepingNumbers;
const lineLocator_1 = require("./lineLocator");
/**
 * Where a member's value sits in JSON text, found by scanning (no parse),
 * so its text can be shown or spliced exactly as written: numbers keep
 * their spelling (`1.0`, 20-digit integers) where parse + stringify would
 * change them.
 */
/**
 * The text of the value of `key` in the top-level object `text` (the last
 * one when the key repeats, as JSON.parse takes it), or undefined.
 */
function topLevelMemberText(text, key) {
    const range = new lineLocator_1.LineLocator(text).valueRange([key]);
    return range === undefined ? undefined : text.slice(range.start, range.end);
}
/** Joins the keys of a path in numberTexts' map. */
exports.KEY_SEPARATOR = '\u0000';
/**
 * Every number's text in JSON text, by its path (keys and indexes joined by
 * NUL): what a rewrite needs to put numbers back as they were written.
 */
function numberTexts(text) {
    const found = new Map();
    const stack = [];
    const pointer = () => stack.map((f) => (f.kind === 'object' ? f.key : String(f.index))).join(exports.KEY_SEPARATOR);
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '"') {
            let end;
            try {
                end = (0, lineLocator_1.stringEnd)(text, i);
            }
            catch {
                return found;
            }
            const top = stack[stack.length - 1];
            if (top?.kind === 'object' && top.expectKey) {
                try {
                    top.key = JSON.parse(text.slice(i, end));
                }
                catch {
                    return found;
                }
                top.expectKey = false;
            }
            i = end - 1;
        }
        else if (ch === '{')
            stack.push({ kind: 'object', key: '', index: 0, expectKey: true });
        else if (ch === '[')
            stack.push({ kind: 'array', key: '', index: 0, expectKey: false });
        else if (ch === '}' || ch === ']')
            stack.pop();
        else if (ch === ',') {
            const top = stack[stack.length - 1];
            if (top?.kind === 'array')
                top.index++;
            else if (top)
                top.expectKey = true;
        }
        else if (ch === '-' || (ch >= '0' && ch <= '9')) {
            let end = i + 1;
            while (end < text.length && /[0-9eE+\-.]/.test(text[end]))
                end++;
            found.set(pointer(), text.slice(i, end));
            i = end - 1;
        }
    }
    return found;
}
function stringifyKeepingNumbers(value, texts, options = {}) {
    const kept = [];
    let moved;
    const mark = (n, path) => {
        let original = texts.get(path);
        if ((original === undefined || Number(original) !== n) && options.spellMovedValues === true) {
            // A value the change moved (a migration's rename) keeps its text when the line spelled that value one way only.
            moved ??= spellingsByValue(texts);
            original = moved.get(n) ?? undefined;
        }
        if (original === undefined || Number(original) !== n)
            return n;
        kept.push(original);
        return `\u0000${kept.length - 1}\u0000`;
    };
    const root = { v: value };
    const pending = [[root, 'v', '']];
    const copy = { v: undefined };
    const targets = new Map([[root, copy]]);
    for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
        const [holder, key, path] = job;
        const into = targets.get(holder);
        const item = holder[key];
        if (typeof item === 'number')
            into[key] = mark(item, path);
        else if (Array.isArray(item)) {
            const out = new Array(item.length);
            into[key] = out;
            targets.set(item, out);
            for (let i = item.length - 1; i >= 0; i--)
                pending.push([item, i, path === '' ? String(i) : `${path}${exports.KEY_SEPARATOR}${i}`]);
        }
        else if (item !== null && typeof item === 'object') {
            const out = {};
            into[key] = out;
            targets.set(item, out);
            const keys = Object.keys(item);
            for (const k of keys)
                out[k] = undefined;
            for (let i = keys.length - 1; i >= 0; i--)
                pending.push([item, keys[i], path === '' ? keys[i] : `${path}${exports.KEY_SEPARATOR}${keys[i]}`]);
        }
        else
            into[key] = item;
    }
    const text = JSON.stringify(copy.v, null, options.indent) ?? 'null';
    return kept.length === 0 ? text : text.replace(/"\\u0000(\d+)\\u0000"/g, (_, n) => kept[Number(n)]);
}
/**
 * Each number value's spelling in the texts (`1.0`, a 20-digit integer),
 * by value; null where the line spelled one value two ways, `1` and `1.0`
 * (then no spelling is guessed).
 */
function spellingsByValue(texts) {
    const byValue = new Map();
    for (const text of texts.values()) {
        const n = Number(text);
        const seen = byValue.get(n);
        byValue.set(n, seen === undefined || seen === text ? text : null);
    }
    return byValue;
}
//# sourceMappingURL=jsonSpans.js.map