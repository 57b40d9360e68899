"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unsafeNumberSegments = unsafeNumberSegments;
exports.jsonPointer = jsonPointer;
exports.unsafeNumberPaths = unsafeNumberPaths;
exports.describeUnsafeNumbers = describeUnsafeNumbers;
exports.stateNumberFinding = stateNumberFinding;
exports.formatStateNumberFinding = formatStateNumberFinding;
const codes_1 = require("../validate/codes");
/**
 * Numbers beyond 2^53 in a parsed value: JSON.parse rounded them
 * (12345678901234567890 becomes 12345678901234567000), so a state folded
 * from them is not what the writer's integers say. Rebuild and verify
 * report them (finding EB026) instead of rounding silently, and validate
 * reports the event lines that hold them. Iterative (values may nest deeply).
 */
function unsafeNumberSegments(value, limit = 20) {
    const found = [];
    const pending = [[value, []]];
    for (let job = pending.pop(); job !== undefined && found.length < limit; job = pending.pop()) {
        const [item, path] = job;
        if (typeof item === 'number') {
            if (Number.isFinite(item) && Math.abs(item) > Number.MAX_SAFE_INTEGER)
                found.push(path);
        }
        else if (Array.isArray(item)) {
            for (let i = item.length - 1; i >= 0; i--)
                pending.push([item[i], [...path, i]]);
        }
        else if (item !== null && typeof item === 'object') {
            const keys = Object.keys(item);
            for (let i = keys.length - 1; i >= 0; i--)
                pending.push([item[keys[i]], [...path, keys[i]]]);
        }
    }
    return found;
}
/** A JSON pointer (`/a/0/b`, `~` and `/` escaped); the root is `(root)`. */
function jsonPointer(segments) {
    if (segments.length === 0)
        return '(root)';
    return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
/** Paths in a computed state holding numbers beyond 2^53, as JSON pointers. */
function unsafeNumberPaths(state, limit = 20) {
    return unsafeNumberSegments(state, limit).map(jsonPointer);
}
function describeUnsafeNumbers(paths) {
    return `note: ${paths.length === 1 ? 'a number' : 'numbers'} beyond 2^53 at ${paths.join(', ')}: JSON numbers this large lose digits when computed with, so the state holds them rounded (the events keep every digit)`;
}
/** The EB026 finding of a computed state, or undefined when every number in it is exact. */
function stateNumberFinding(subject, state) {
    const paths = unsafeNumberPaths(state);
    if (paths.length === 0)
        return undefined;
    return { code: 'EB026', severity: codes_1.CODES.EB026.severity, subject, paths, message: describeUnsafeNumbers(paths).replace(/^note: /, '') };
}
/** `<subject>: warning EB026 number-beyond-2-53: <message>`, as the CLI prints it. */
function formatStateNumberFinding(finding) {
    return `${finding.subject}: ${finding.severity} ${finding.code} ${codes_1.CODES[finding.code].name}: ${finding.message}`;
}
//# sourceMappingURL=unsafeNumbers.js.map