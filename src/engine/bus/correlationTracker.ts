/** One correlation's ids, oldest first from `head` (dropping the oldest is O(1)). */
interface Chain {
  readonly correlationId: string;
  ids: string[];
  head: number;
  /** Ring entries of ids the per-correlation cap already dropped: the ring skips that many of this chain's entries. */
  skips: number;
}

/**
 * correlation_id → event ids, bounded three ways so a long-running bus
 * cannot grow without limit: at most `maxCorrelations` correlations (the
 * least recently extended is forgotten first), `maxEventsPerCorrelation`
 * ids each (the oldest dropped), and `maxTrackedIds` ids in all — the bus
 * passes `max_history`, so the tracker covers the same recent window as the
 * history. The event store remains the complete record.
 */
export class CorrelationTracker {
  private readonly chains = new Map<string, Chain>();
  /** The chain of each tracked id, in tracking order: the oldest is evicted when `maxTrackedIds` is reached. */
  private readonly ring: (Chain | undefined)[];
  private ringNext = 0;
  private ringCount = 0;

  constructor(
    private readonly maxCorrelations = 10_000,
    private readonly maxEventsPerCorrelation = 1_000,
    maxTrackedIds = 10_000_000,
  ) {
    this.ring = new Array<Chain | undefined>(Math.max(0, Math.floor(Math.min(maxTrackedIds, 10_000_000))));
  }

  track(correlationId: string, eventId: string): void {
    if (this.ring.length === 0) return;
    let chain = this.chains.get(correlationId);
    if (chain) {
      // Re-insert so Map order is "least recently extended first".
      this.chains.delete(correlationId);
    } else {
      chain = { correlationId, ids: [], head: 0, skips: 0 };
      if (this.chains.size >= this.maxCorrelations) {
        const oldest = this.chains.keys().next().value;
        if (oldest !== undefined) this.chains.delete(oldest);
      }
    }
    chain.ids.push(eventId);
    if (chain.ids.length - chain.head > this.maxEventsPerCorrelation) {
      dropOldest(chain);
      chain.skips++;
    }
    this.chains.set(correlationId, chain);
    this.remember(chain);
  }

  eventIds(correlationId: string): readonly string[] {
    const chain = this.chains.get(correlationId);
    return chain ? chain.ids.slice(chain.head) : [];
  }

  get size(): number {
    return this.chains.size;
  }

  private remember(chain: Chain): void {
    const capacity = this.ring.length;
    if (this.ringCount === capacity) {
      const evicted = this.ring[this.ringNext];
      if (evicted) this.forgetOldestOf(evicted);
    } else {
      this.ringCount++;
    }
    this.ring[this.ringNext] = chain;
    this.ringNext = this.ringNext + 1 === capacity ? 0 : this.ringNext + 1;
  }

  private forgetOldestOf(chain: Chain): void {
    if (chain.skips > 0) {
      chain.skips--;
      return;
    }
    dropOldest(chain);
    // Emptied: forget the correlation, unless it was evicted already and has started over with a new chain.
    if (chain.ids.length === chain.head && this.chains.get(chain.correlationId) === chain) this.chains.delete(chain.correlationId);
  }
}

function dropOldest(chain: Chain): void {
  chain.head++;
  if (chain.head === chain.ids.length) {
    chain.ids = [];
    chain.head = 0;
  } else if (chain.head >= 64 && chain.head * 2 >= chain.ids.length) {
    chain.ids = chain.ids.slice(chain.head);
    chain.head = 0;
  }
}
