import type { Event } from '../model/event';

/** An event with the line it was read from: what a copy writes, so number text and key order survive. */
export interface RawEvent {
  readonly event: Event;
  readonly raw: string;
}

/** What one batch of a backend's `appendRaw` did. */
export interface AppendOutcome {
  readonly inserted: number;
  /** Not inserted: the store already holds that event id (a resumed copy, or a duplicate id in the source). */
  readonly alreadyThere: number;
  /** Refused: another event holds the same (aggregate, sequence). */
  readonly conflicts: readonly RawEvent[];
}
