"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateJump = validateJump;
const stepList_1 = require("./stepList");
/** Checks what the person typed into "jump to sequence" against the steps (as typed, so the field can say what is wrong). */
function validateJump(input, list) {
    const text = input.trim();
    if (text === '')
        return { kind: 'invalid', message: 'Type a sequence number of this aggregate.' };
    if (!/^-?\d+$/.test(text))
        return { kind: 'invalid', message: `"${shorten(text)}" is not a sequence number: type a whole number such as 12.` };
    const sequence = Number(text);
    if (!Number.isSafeInteger(sequence))
        return { kind: 'invalid', message: `${shorten(text)} is too large to be a sequence number.` };
    const index = (0, stepList_1.indexOfSequence)(list, sequence);
    if (index >= 0)
        return { kind: 'ok', index };
    const range = sequenceRange(list);
    if ((0, stepList_1.hasMore)(list) && (range === undefined || sequence > range.last))
        return { kind: 'loadMore', sequence };
    if (range === undefined)
        return { kind: 'invalid', message: `No event of this aggregate has sequence ${sequence}.` };
    return {
        kind: 'invalid',
        message: `No event of this aggregate has sequence ${sequence}: its sequences run from ${range.first} to ${range.last}${range.gaps ? ', with gaps' : ''}.`,
    };
}
function sequenceRange(list) {
    const sequences = list.steps.map((s) => s.sequence).filter((s) => s !== null);
    if (sequences.length === 0)
        return undefined;
    // A loop, not Math.min(...spread): an aggregate can have more steps than a call has arguments.
    let first = sequences[0];
    let last = sequences[0];
    for (const s of sequences) {
        if (s < first)
            first = s;
        if (s > last)
            last = s;
    }
    return { first, last, gaps: last - first + 1 !== new Set(sequences).size };
}
function shorten(text) {
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
//# sourceMappingURL=jumpToSequence.js.map