"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.naturalCompare = naturalCompare;
/**
 * Ids in the order people count: `trader_2` before `trader_10`, `v1.9`
 * before `v1.10`. Runs of digits compare as numbers (leading zeros only
 * break a tie), everything else by UTF-16 code unit, so the order is the
 * same on every machine (no locale). No allocation per comparison: it runs
 * inside sorts of hundreds of thousands of correlation ids.
 */
function naturalCompare(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const ca = a.charCodeAt(i);
        const cb = b.charCodeAt(j);
        if (isDigit(ca) && isDigit(cb)) {
            // Skip leading zeros, then the longer run is the larger number.
            let si = i;
            let sj = j;
            while (si < a.length && a.charCodeAt(si) === 48)
                si++;
            while (sj < b.length && b.charCodeAt(sj) === 48)
                sj++;
            let ei = si;
            let ej = sj;
            while (ei < a.length && isDigit(a.charCodeAt(ei)))
                ei++;
            while (ej < b.length && isDigit(b.charCodeAt(ej)))
                ej++;
            const lengths = ei - si - (ej - sj);
            if (lengths !== 0)
                return lengths;
            for (let k = 0; k < ei - si; k++) {
                const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
                if (d !== 0)
                    return d;
            }
            // Equal numbers: fewer leading zeros first.
            const zeros = si - i - (sj - j);
            if (zeros !== 0)
                return zeros;
            i = ei;
            j = ej;
            continue;
        }
        if (ca !== cb)
            return ca - cb;
        i++;
        j++;
    }
    return a.length - i - (b.length - j);
}
function isDigit(code) {
    return code >= 48 && code <= 57;
}
//# sourceMappingURL=naturalOrder.js.map