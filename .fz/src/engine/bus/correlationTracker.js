"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CorrelationTracker = void 0;
/**
 * correlation_id → event ids, bounded three ways so a long-running bus
 * cannot grow without limit: at most `maxCorrelations` correlations (the
 * least recently extended is forgotten first), `maxEventsPerCorrelation`
 * ids each (the oldest dropped), and `maxTrackedIds` ids in all — the bus
 * passes `max_history`, so the tracker covers the same recent window as the
 * history. The event store remains the complete record.
 */
class CorrelationTracker {
    maxCorrelations;
    maxEventsPerCorrelation;
    chains = new Map();
    /** The chain of each tracked id, in tracking order: the oldest is evicted when `maxTrackedIds` is reached. */
    ring;
    ringNext = 0;
    ringCount = 0;
    constructor(maxCorrelations = 10_000, maxEventsPerCorrelation = 1_000, maxTrackedIds = 10_000_000) {
        this.maxCorrelations = maxCorrelations;
        this.maxEventsPerCorrelation = maxEventsPerCorrelation;
        this.ring = new Array(Math.max(0, Math.floor(Math.min(maxTrackedIds, 10_000_000))));
    }
    track(correlationId, eventId) {
        if (this.ring.length === 0)
            return;
        let chain = this.chains.get(correlationId);
        if (chain) {
            // Re-insert so Map order is "least recently extended first".
            this.chains.delete(correlationId);
        }
        else {
            chain = { correlationId, ids: [], head: 0, skips: 0 };
            if (this.chains.size >= this.maxCorrelations) {
                const oldest = this.chains.keys().next().value;
                if (oldest !== undefined)
                    this.chains.delete(oldest);
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
    eventIds(correlationId) {
        const chain = this.chains.get(correlationId);
        return chain ? chain.ids.slice(chain.head) : [];
    }
    get size() {
        return this.chains.size;
    }
    remember(chain) {
        const capacity = this.ring.length;
        if (this.ringCount === capacity) {
            const evicted = this.ring[this.ringNext];
            if (evicted)
                this.forgetOldestOf(evicted);
        }
        else {
            this.ringCount++;
        }
        this.ring[this.ringNext] = chain;
        this.ringNext = this.ringNext + 1 === capacity ? 0 : this.ringNext + 1;
    }
    forgetOldestOf(chain) {
        if (chain.skips > 0) {
            chain.skips--;
            return;
        }
        dropOldest(chain);
        // Emptied: forget the correlation, unless it was evicted already and has started over with a new chain.
        if (chain.ids.length === chain.head && this.chains.get(chain.correlationId) === chain)
            this.chains.delete(chain.correlationId);
    }
}
exports.CorrelationTracker = CorrelationTracker;
function dropOldest(chain) {
    chain.head++;
    if (chain.head === chain.ids.length) {
        chain.ids = [];
        chain.head = 0;
    }
    else if (chain.head >= 64 && chain.head * 2 >= chain.ids.length) {
        chain.ids = chain.ids.slice(chain.head);
        chain.head = 0;
    }
}
//# sourceMappingURL=correlationTracker.js.map