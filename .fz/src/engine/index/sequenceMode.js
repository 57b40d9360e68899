"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectSequenceMode = detectSequenceMode;
/**
 * Whether a store numbers events with one bus-wide counter or one counter
 * per aggregate. In a global store consecutive events (in store order) step
 * by one while one aggregate's events jump; in a per-aggregate store it is
 * the other way round. Count both kinds of unit steps and take the larger.
 */
function detectSequenceMode(sequences, aggregateChunks, counts, aggregates) {
    const lastOfAggregate = new Float64Array(aggregates + 1).fill(Number.NaN);
    let globalSteps = 0;
    let aggregateSteps = 0;
    let previous = Number.NaN;
    let ordinal = 0;
    for (let k = 0; k < aggregateChunks.length; k++) {
        const chunk = aggregateChunks[k];
        for (let i = 0, n = counts[k]; i < n; i++, ordinal++) {
            const seq = sequences[ordinal];
            if (Number.isNaN(seq))
                continue;
            if (seq === previous + 1)
                globalSteps++;
            previous = seq;
            // Events without an aggregate share the last slot.
            const aggregate = chunk[i] >= 0 ? chunk[i] : aggregates;
            if (seq === lastOfAggregate[aggregate] + 1)
                aggregateSteps++;
            lastOfAggregate[aggregate] = seq;
        }
    }
    return aggregateSteps > globalSteps ? 'aggregate' : 'global';
}
//# sourceMappingURL=sequenceMode.js.map