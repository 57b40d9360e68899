"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deepFreeze = void 0;
exports.isForbiddenKey = isForbiddenKey;
exports.isPlainObject = isPlainObject;
exports.safeClone = safeClone;
exports.mergeInto = mergeInto;
var deepFreeze_1 = require("./deepFreeze");
Object.defineProperty(exports, "deepFreeze", { enumerable: true, get: function () { return deepFreeze_1.deepFreeze; } });
/**
 * Deep merge and deep copy for state built from untrusted event data.
 * Keys that could reach a prototype (`__proto__`, `constructor`,
 * `prototype`) are skipped everywhere: `JSON.parse` turns `"__proto__"` into
 * an own key, and assigning it would re-parent the state object.
 *
 * Every walk here uses an explicit stack, not recursion: JSON.parse accepts
 * data nested 100,000 deep, and a recursive walk would overflow the call
 * stack on it.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function isForbiddenKey(key) {
    return FORBIDDEN_KEYS.has(key);
}
function isPlainObject(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** A fresh empty container of the same kind as `value`, or the value itself when it is a scalar. */
function shell(value) {
    if (value === null || typeof value !== 'object')
        return value;
    return Array.isArray(value) ? new Array(value.length) : {};
}
/**
 * A mutable copy of JSON-like data (objects, arrays, scalars), without
 * forbidden keys. Event data is deep-frozen, so merged values must be copies
 * or a later merge into them would throw.
 */
function safeClone(value) {
    const root = shell(value);
    if (root === value)
        return value;
    const pending = [[value, root]];
    for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
        const [source, copy] = job;
        if (Array.isArray(source)) {
            const out = copy;
            for (let i = 0; i < source.length; i++)
                out[i] = copyChild(source[i], pending);
            continue;
        }
        const out = copy;
        for (const key of Object.keys(source)) {
            if (FORBIDDEN_KEYS.has(key))
                continue;
            out[key] = copyChild(source[key], pending);
        }
    }
    return root;
}
function copyChild(child, pending) {
    const copy = shell(child);
    if (copy !== child)
        pending.push([child, copy]);
    return copy;
}
/**
 * Merges `source` into `target` in place: objects merge recursively, arrays
 * and scalars replace. `target` must be a mutable object the caller owns.
 * `skipKey` is skipped at the top level only.
 */
function mergeInto(target, source, skipKey) {
    const pending = [[target, source, skipKey]];
    for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
        const [into, from, skip] = job;
        for (const key of Object.keys(from)) {
            if (FORBIDDEN_KEYS.has(key) || key === skip)
                continue;
            const incoming = from[key];
            const current = Object.prototype.hasOwnProperty.call(into, key) ? into[key] : undefined;
            if (isPlainObject(incoming) && isPlainObject(current))
                pending.push([current, incoming, undefined]);
            else
                into[key] = safeClone(incoming);
        }
    }
}
//# sourceMappingURL=safeMerge.js.map