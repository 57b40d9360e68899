"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkUnsafeNumbers = checkUnsafeNumbers;
const unsafeNumbers_1 = require("../state/unsafeNumbers");
/** An integer beyond 2^53 has at least 16 digits: lines without such a run are not walked. */
const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER_LITERAL = /^-?\d+$/;
/**
 * EB026: integers in `data` beyond 2^53, which every state computed here
 * holds rounded. Only integer literals count: `1e20` is a float in Python
 * too, so nothing is lost that the writer kept.
 */
function checkUnsafeNumbers(text, data, out) {
    if (!LONG_DIGIT_RUN.test(text) || !out.wants('EB026'))
        return;
    for (const segments of (0, unsafeNumbers_1.unsafeNumberSegments)(data, 5)) {
        const range = out.locator.valueRange(['data', ...segments]);
        const literal = range === undefined ? undefined : text.slice(range.start, range.end);
        if (literal === undefined || !INTEGER_LITERAL.test(literal))
            continue;
        const where = `data${(0, unsafeNumbers_1.jsonPointer)(segments) === '(root)' ? '' : (0, unsafeNumbers_1.jsonPointer)(segments)}`;
        out.add('EB026', range, `${where} is ${literal}, beyond 2^53: the event keeps every digit, but a state computed from it (rebuild, verify, the inspector) holds ${String(Number(literal))}`, { path: where });
    }
}
//# sourceMappingURL=numberRules.js.map