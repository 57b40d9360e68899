/**
 * correlation_id → event ids, bounded twice so a long-running bus cannot
 * grow without limit: at most `maxCorrelations` correlations (the least
 * recently extended is forgotten first) and `maxEventsPerCorrelation` ids each
 * (the oldest dropped). The event store remains the complete record.
 */
export class CorrelationTracker {
  private readonly chains = new Map<string, string[]>();

  constructor(
    private readonly maxCorrelations = 10_000,
    private readonly maxEventsPerCorrelation = 1_000,
  ) {}

  track(correlationId: string, eventId: string): void {
    let ids = this.chains.get(correlationId);
    if (ids) {
      // Re-insert so Map order is "least recently extended first".
      this.chains.delete(correlationId);
    } else {
      ids = [];
      if (this.chains.size >= this.maxCorrelations) {
        const oldest = this.chains.keys().next().value;
        if (oldest !== undefined) this.chains.delete(oldest);
      }
    }
    ids.push(eventId);
    if (ids.length > this.maxEventsPerCorrelation) ids.shift();
    this.chains.set(correlationId, ids);
  }

  eventIds(correlationId: string): readonly string[] {
    return [...(this.chains.get(correlationId) ?? [])];
  }

  get size(): number {
    return this.chains.size;
  }
}
