"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapePointerToken = escapePointerToken;
exports.structuralDiff = structuralDiff;
exports.deepEqualJson = deepEqualJson;
function escapePointerToken(token) {
    return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function sameScalar(a, b) {
    return a === b || Object.is(a, b);
}
/** Every difference from `before` to `after`, in a stable order (keys of `before` first). */
function structuralDiff(before, after, limit = Number.POSITIVE_INFINITY) {
    const out = [];
    // An explicit stack: states can nest deeper than the call stack allows.
    const stack = [{ path: '', a: before, b: after }];
    while (stack.length > 0 && out.length < limit) {
        const { path, a, b } = stack.pop();
        if (Array.isArray(a) && Array.isArray(b)) {
            const pending = [];
            const shared = Math.min(a.length, b.length);
            for (let i = 0; i < shared; i++)
                pending.push({ path: `${path}/${i}`, a: a[i], b: b[i] });
            for (let i = shared; i < a.length; i++)
                out.push({ path: `${path}/${i}`, kind: 'removed', before: a[i] });
            for (let i = shared; i < b.length; i++)
                out.push({ path: `${path}/${i}`, kind: 'added', after: b[i] });
            for (let i = pending.length - 1; i >= 0; i--)
                stack.push(pending[i]);
        }
        else if (isObject(a) && isObject(b)) {
            const pending = [];
            for (const key of Object.keys(a)) {
                const child = `${path}/${escapePointerToken(key)}`;
                if (!Object.prototype.hasOwnProperty.call(b, key))
                    out.push({ path: child, kind: 'removed', before: a[key] });
                else
                    pending.push({ path: child, a: a[key], b: b[key] });
            }
            for (const key of Object.keys(b)) {
                if (!Object.prototype.hasOwnProperty.call(a, key)) {
                    out.push({ path: `${path}/${escapePointerToken(key)}`, kind: 'added', after: b[key] });
                }
            }
            for (let i = pending.length - 1; i >= 0; i--)
                stack.push(pending[i]);
        }
        else if (!sameScalar(a, b)) {
            out.push({ path, kind: 'changed', before: a, after: b });
        }
    }
    return out.length > limit ? out.slice(0, limit) : out;
}
function deepEqualJson(a, b) {
    return structuralDiff(a, b, 1).length === 0;
}
//# sourceMappingURL=structuralDiff.js.map