/** The guide's four counters plus what else the bus counts; all cumulative since construction. */
export interface BusMetricsSnapshot {
  readonly events_processed: number;
  /** Handler deliveries that still failed after every retry (each one is dead-lettered). */
  readonly events_failed: number;
  readonly snapshots_created: number;
  readonly replays_performed: number;
  readonly events_published: number;
  readonly deliveries_retried: number;
  readonly validation_failures: number;
  readonly dead_letter_write_errors: number;
  readonly after_persist_hook_errors: number;
}

export type BusCounter = keyof BusMetricsSnapshot;

/**
 * Plain numeric fields rather than a keyed record: the two hot counters are
 * bumped once per event, and a monomorphic field increment is what keeps
 * them free on the million-events-a-second path.
 */
export class BusMetrics implements BusMetricsSnapshot {
  events_processed = 0;
  events_failed = 0;
  snapshots_created = 0;
  replays_performed = 0;
  events_published = 0;
  deliveries_retried = 0;
  validation_failures = 0;
  dead_letter_write_errors = 0;
  after_persist_hook_errors = 0;

  increment(counter: BusCounter, by = 1): void {
    this[counter] += by;
  }

  snapshot(): BusMetricsSnapshot {
    return {
      events_processed: this.events_processed,
      events_failed: this.events_failed,
      snapshots_created: this.snapshots_created,
      replays_performed: this.replays_performed,
      events_published: this.events_published,
      deliveries_retried: this.deliveries_retried,
      validation_failures: this.validation_failures,
      dead_letter_write_errors: this.dead_letter_write_errors,
      after_persist_hook_errors: this.after_persist_hook_errors,
    };
  }
}
