"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INTERNED_COLUMNS = void 0;
exports.emptyColumns = emptyColumns;
exports.ensureCapacity = ensureCapacity;
exports.trimColumns = trimColumns;
/** The string-valued index columns, each interned to small integers. */
exports.INTERNED_COLUMNS = ['type', 'aggregate', 'correlation', 'source', 'status', 'schemaVersion'];
function emptyColumns(capacity = 1024) {
    return {
        count: 0,
        line: shared(Uint32Array, capacity),
        offset: shared(Float64Array, capacity),
        length: shared(Uint32Array, capacity),
        timestamp: shared(Float64Array, capacity),
        sequence: shared(Float64Array, capacity),
        retry: shared(Int32Array, capacity),
        type: shared(Int32Array, capacity),
        aggregate: shared(Int32Array, capacity),
        correlation: shared(Int32Array, capacity),
        source: shared(Int32Array, capacity),
        status: shared(Int32Array, capacity),
        schemaVersion: shared(Int32Array, capacity),
        eventId: shared(Uint8Array, capacity * 16),
        eventIdKind: shared(Uint8Array, capacity),
        cause: shared(Uint8Array, capacity * 16),
        causeKind: shared(Uint8Array, capacity),
        oddEventIds: new Map(),
        oddCauses: new Map(),
    };
}
/**
 * Columns live in shared memory: a cold build passes them between threads
 * by reference, neither copied nor transferred. (Transferring detaches the
 * sender's buffer, and once any buffer of a thread was detached V8 checks
 * every typed-array access of that thread for it: its scanning slows by a
 * sixth.)
 */
function shared(Ctor, length) {
    return new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
}
function resized(array, length) {
    const next = shared(array.constructor, length);
    next.set(array.subarray(0, Math.min(array.length, length)));
    return next;
}
/** Makes room for at least `needed` events. */
function ensureCapacity(c, needed) {
    if (needed <= c.line.length)
        return;
    const capacity = Math.max(needed, Math.ceil(c.line.length * 1.5), 1024);
    resizeColumns(c, capacity);
}
/** Trims the arrays to `count` when more than a tenth would be slack (a copy of every column costs more than a little slack). */
function trimColumns(c) {
    if (c.line.length - c.count > c.count / 10 + 16)
        resizeColumns(c, c.count);
}
function resizeColumns(c, capacity) {
    c.line = resized(c.line, capacity);
    c.offset = resized(c.offset, capacity);
    c.length = resized(c.length, capacity);
    c.timestamp = resized(c.timestamp, capacity);
    c.sequence = resized(c.sequence, capacity);
    c.retry = resized(c.retry, capacity);
    c.type = resized(c.type, capacity);
    c.aggregate = resized(c.aggregate, capacity);
    c.correlation = resized(c.correlation, capacity);
    c.source = resized(c.source, capacity);
    c.status = resized(c.status, capacity);
    c.schemaVersion = resized(c.schemaVersion, capacity);
    c.eventId = resized(c.eventId, capacity * 16);
    c.eventIdKind = resized(c.eventIdKind, capacity);
    c.cause = resized(c.cause, capacity * 16);
    c.causeKind = resized(c.causeKind, capacity);
}
//# sourceMappingURL=segment.js.map