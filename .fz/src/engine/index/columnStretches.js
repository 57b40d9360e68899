"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STRETCH_EVENTS = void 0;
exports.columnStretches = columnStretches;
/** Events per stretch: 256 KiB of the two numeric columns, whatever the size of the store. */
exports.STRETCH_EVENTS = 16_384;
function readsStretches(index) {
    const candidate = index;
    return typeof candidate.numericRange === 'function' && typeof candidate.aggregateRange === 'function';
}
/**
 * The columns of ordinals [0, count) a stretch at a time, in store order,
 * for store-wide rules: what is held at once is one stretch, never a column
 * of the whole store. The arrays are reused: a stretch is valid until the
 * next one is asked for. An index held in memory whole (no persisted base)
 * answers from its own columns.
 */
function* columnStretches(index, count, withAggregates, size = exports.STRETCH_EVENTS) {
    const timestamps = new Float64Array(Math.min(size, count));
    const sequences = new Float64Array(Math.min(size, count));
    const aggregates = withAggregates ? new Array(Math.min(size, count)).fill(null) : null;
    const inMemory = readsStretches(index) ? null : index.numericColumns();
    for (let from = 0; from < count; from += size) {
        const to = Math.min(count, from + size);
        const n = to - from;
        if (inMemory) {
            timestamps.set(inMemory.timestamps.subarray(from, to));
            sequences.set(inMemory.sequences.subarray(from, to));
            if (aggregates)
                for (let o = from; o < to; o++)
                    aggregates[o - from] = index.event(o).aggregateId;
        }
        else {
            const reader = index;
            // One decoding of the stretch's records gives all three.
            if (aggregates)
                reader.aggregateRange(from, to, aggregates, timestamps, sequences);
            else
                reader.numericRange(from, to, timestamps, sequences);
        }
        yield { from, to, timestamps: timestamps.subarray(0, n), sequences: sequences.subarray(0, n), aggregates };
    }
}
//# sourceMappingURL=columnStretches.js.map