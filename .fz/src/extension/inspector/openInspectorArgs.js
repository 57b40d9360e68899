"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseOpenInspectorArgs = parseOpenInspectorArgs;
exports.subjectKey = subjectKey;
exports.openArgsOfEntry = openArgsOfEntry;
function parseOpenInspectorArgs(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    if (typeof record.aggregateId !== 'string' || record.aggregateId === '')
        return undefined;
    const sequence = record.atSequence ?? record.sequence ?? record.toSequence;
    return {
        aggregateId: record.aggregateId,
        ...(typeof record.store === 'string' && record.store !== '' ? { store: record.store } : {}),
        ...(typeof sequence === 'number' && Number.isSafeInteger(sequence) ? { atSequence: sequence } : {}),
    };
}
/** One key per open panel: the same aggregate in two stores gets two panels. */
function subjectKey(subject) {
    return `${subject.store ?? ''}\u0000${subject.aggregateId}`;
}
/** Where an event sits, as the server's entry for it says: the inspector opens at its aggregate and sequence. */
function openArgsOfEntry(entry, store) {
    if (entry.aggregateId === null || entry.aggregateId === '')
        return undefined;
    return {
        aggregateId: entry.aggregateId,
        ...(store !== undefined && store !== '' ? { store } : {}),
        ...(entry.sequence !== null && Number.isSafeInteger(entry.sequence) ? { atSequence: entry.sequence } : {}),
    };
}
//# sourceMappingURL=openInspectorArgs.js.map