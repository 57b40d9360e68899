"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LatencyReservoir = void 0;
/**
 * Processing latencies (queue → all handlers done) in a fixed ring of the
 * most recent samples: bounded memory, O(1) to record, and the percentiles
 * describe how the bus behaves now rather than since it started.
 */
class LatencyReservoir {
    samples;
    next = 0;
    count = 0;
    constructor(capacity = 2048) {
        this.samples = new Float64Array(Math.max(1, capacity));
    }
    record(ms) {
        this.samples[this.next] = ms;
        this.next = (this.next + 1) % this.samples.length;
        if (this.count < this.samples.length)
            this.count++;
    }
    summary() {
        if (this.count === 0)
            return { p50: null, p99: null, samples: 0 };
        const sorted = this.samples.slice(0, this.count).sort();
        return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: this.count };
    }
}
exports.LatencyReservoir = LatencyReservoir;
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, fraction) {
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return Math.round(sorted[rank] * 1000) / 1000;
}
//# sourceMappingURL=latency.js.map