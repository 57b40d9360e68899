"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareVersions = compareVersions;
exports.sortVersions = sortVersions;
/**
 * Schema versions are dotted numbers compared numerically per part, so
 * "1.0" < "1.9" < "1.10" < "2.0". Missing parts count as 0 ("1" and "1.0"
 * sort together, then by text so the order stays total). A non-numeric part
 * ("1.0-beta") compares as text after the numeric parts of the same position.
 */
function compareVersions(a, b) {
    if (a === b)
        return 0;
    const left = a.split('.');
    const right = b.split('.');
    const parts = Math.max(left.length, right.length);
    for (let i = 0; i < parts; i++) {
        const x = left[i] ?? '0';
        const y = right[i] ?? '0';
        if (x === y)
            continue;
        const xNumeric = /^\d+$/.test(x);
        const yNumeric = /^\d+$/.test(y);
        if (xNumeric && yNumeric) {
            const diff = Number(x) - Number(y);
            if (diff !== 0)
                return diff < 0 ? -1 : 1;
            continue;
        }
        if (xNumeric !== yNumeric)
            return xNumeric ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}
function sortVersions(versions) {
    return [...versions].sort(compareVersions);
}
//# sourceMappingURL=versionOrder.js.map