"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.segmentAt = segmentAt;
/**
 * The last segment whose base (first ordinal) is at or below `ordinal`, by
 * binary search over ascending bases; empty segments share their base with
 * the next one, so the last of equal bases is the one holding events.
 */
function segmentAt(bases, ordinal) {
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bases[mid] <= ordinal)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
//# sourceMappingURL=segmentBases.js.map