"use strict";
/**
 * What a user types for sequences, checked as they type: a replay's range
 * ("from-to") and a single sequence an aggregate has. Messages say what was
 * expected and, for a bad part, which part.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseSequenceRange = parseSequenceRange;
exports.describeRange = describeRange;
exports.validateSequenceRange = validateSequenceRange;
exports.parseSequenceAt = parseSequenceAt;
exports.validateSequenceAt = validateSequenceAt;
exports.describeSequences = describeSequences;
const RANGE_EXAMPLE = 'e.g. "5-20", "5-" (from 5), "-20" (up to 20), "7", or empty for every event';
/**
 * A range "from-to" (either side may be left out), or one number; empty
 * means everything. With `bounds` the range must overlap the aggregate's.
 */
function parseSequenceRange(text, bounds) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { ok: true, value: {} };
    const match = /^([^-]*)(?:-(.*))?$/.exec(trimmed);
    // A leading "-" would be read as a negative number; sequences are never negative, so it means "up to".
    const [fromText, toText] = match ? [match[1], match[2]] : [trimmed, undefined];
    const single = toText === undefined;
    const from = fromText.trim() === '' ? undefined : wholeNumber(fromText.trim());
    if (from === null)
        return { ok: false, message: `"${fromText.trim()}" is not a sequence number: expected a whole number ≥ 0 before the "-" (${RANGE_EXAMPLE})` };
    if (single) {
        if (from === undefined)
            return { ok: true, value: {} };
        return withinBounds({ from, to: from }, bounds);
    }
    const to = toText.trim() === '' ? undefined : wholeNumber(toText.trim());
    if (to === null)
        return { ok: false, message: `"${toText.trim()}" is not a sequence number: expected a whole number ≥ 0 after the "-" (${RANGE_EXAMPLE})` };
    if (from !== undefined && to !== undefined && from > to) {
        return { ok: false, message: `the range starts after it ends (${from} > ${to}): expected from ≤ to, e.g. "${to}-${from}"` };
    }
    return withinBounds({ from, to }, bounds);
}
function withinBounds(range, bounds) {
    if (!bounds)
        return { ok: true, value: range };
    const { first, last } = bounds;
    if ((range.from !== undefined && range.from > last) || (range.to !== undefined && range.to < first)) {
        return { ok: false, message: `no events in ${describeRange(range)}: this aggregate's sequences run from ${first} to ${last}` };
    }
    return { ok: true, value: range };
}
/** "5-20", "from 5", "up to 20", "7", "every event". */
function describeRange(range) {
    if (range.from === undefined && range.to === undefined)
        return 'every event';
    if (range.from !== undefined && range.from === range.to)
        return `${range.from}`;
    if (range.from === undefined)
        return `up to ${range.to}`;
    if (range.to === undefined)
        return `from ${range.from}`;
    return `${range.from}-${range.to}`;
}
/** Input-box validation for a range: undefined when fine, else what is wrong. */
function validateSequenceRange(text, bounds) {
    const parsed = parseSequenceRange(text, bounds);
    return parsed.ok ? undefined : parsed.message;
}
/**
 * One sequence the aggregate has (rebuilding "at" a sequence it does not
 * have would silently mean the one before). `sequences` sorted ascending.
 */
function parseSequenceAt(text, sequences) {
    const trimmed = text.trim();
    const have = describeSequences(sequences);
    if (trimmed === '')
        return { ok: false, message: `expected a sequence number: this aggregate has ${have}` };
    const value = wholeNumber(trimmed);
    if (value === null)
        return { ok: false, message: `"${trimmed}" is not a sequence number: expected a whole number, one of ${have}` };
    if (!hasSequence(sequences, value))
        return { ok: false, message: `the aggregate has no event with sequence ${value}: expected one of ${have}` };
    return { ok: true, value };
}
function validateSequenceAt(text, sequences) {
    const parsed = parseSequenceAt(text, sequences);
    return parsed.ok ? undefined : parsed.message;
}
/** Sorted sequences as runs: "1-40, 42, 45-50" (at most `maxRuns`, then "and N more runs"). */
function describeSequences(sequences, maxRuns = 6) {
    if (sequences.length === 0)
        return 'no sequences';
    const runs = [];
    let start = sequences[0];
    let previous = start;
    const close = () => runs.push(start === previous ? `${start}` : `${start}-${previous}`);
    for (const sequence of sequences.slice(1)) {
        if (sequence === previous || sequence === previous + 1) {
            previous = sequence;
            continue;
        }
        close();
        start = previous = sequence;
    }
    close();
    if (runs.length <= maxRuns)
        return runs.join(', ');
    return `${runs.slice(0, maxRuns).join(', ')} and ${runs.length - maxRuns} more runs`;
}
function hasSequence(sorted, wanted) {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (sorted[mid] === wanted)
            return true;
        if (sorted[mid] < wanted)
            low = mid + 1;
        else
            high = mid - 1;
    }
    return false;
}
/** A whole number ≥ 0 written in digits, or null. */
function wholeNumber(text) {
    if (!/^\d+$/.test(text))
        return null;
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : null;
}
//# sourceMappingURL=sequenceInput.js.map