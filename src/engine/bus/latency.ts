export interface LatencySummary {
  readonly p50: number | null;
  readonly p99: number | null;
  /** Samples the percentiles are computed from (the most recent ones). */
  readonly samples: number;
}

/**
 * Processing latencies (queue → all handlers done) in a fixed ring of the
 * most recent samples: bounded memory, O(1) to record, and the percentiles
 * describe how the bus behaves now rather than since it started.
 */
export class LatencyReservoir {
  private readonly samples: Float64Array;
  private next = 0;
  private count = 0;

  constructor(capacity = 2048) {
    this.samples = new Float64Array(Math.max(1, capacity));
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count++;
  }

  summary(): LatencySummary {
    if (this.count === 0) return { p50: null, p99: null, samples: 0 };
    const sorted = this.samples.slice(0, this.count).sort();
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: this.count };
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, fraction: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[rank] * 1000) / 1000;
}
