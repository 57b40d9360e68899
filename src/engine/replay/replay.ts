import type { Event } from '../model/event';
import { parseTimestamp } from '../model/timestamp';
import type { EventQuery, EventStorage } from '../store/storage';

/**
 * Replay: the stored events of an aggregate (sequence order), a correlation
 * or a time range (store order), read back as they were written. The bus
 * counts `replays_performed`; the caller increments it once per replay.
 */
export interface ReplayOptions {
  readonly aggregateId?: string;
  readonly fromSequenceNumber?: number;
  readonly toSequenceNumber?: number;
  readonly correlationId?: string;
  /** Inclusive; epoch ms or any ISO 8601 form the store accepts. */
  readonly since?: number | string;
  readonly until?: number | string;
  readonly eventType?: string;
  readonly limit?: number;
}

/** What the bus offers for re-dispatch (EventBus.replayIntoSubscribers, which counts `replays_performed` itself). */
export interface ReplayTarget {
  replayIntoSubscribers(events: AsyncIterable<Event>): Promise<unknown>;
}

function toEpoch(value: number | string | undefined, option: string): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  const parsed = parseTimestamp(value);
  if (Number.isNaN(parsed)) {
    throw new RangeError(`${option}: "${value}" is not an ISO 8601 timestamp (expected e.g. 2024-01-15T10:30:00Z)`);
  }
  return parsed;
}

/** The storage query a replay runs; throws a RangeError naming the option for a bad bound. */
export function replayQuery(options: ReplayOptions): EventQuery {
  const from = options.fromSequenceNumber;
  const to = options.toSequenceNumber;
  if (from !== undefined && to !== undefined && from > to) {
    throw new RangeError(`fromSequenceNumber ${from} is after toSequenceNumber ${to}`);
  }
  const since = toEpoch(options.since, 'since');
  const until = toEpoch(options.until, 'until');
  if (since !== undefined && until !== undefined && since > until) {
    throw new RangeError(`since (${options.since}) is after until (${options.until})`);
  }
  return {
    aggregateId: options.aggregateId,
    correlationId: options.correlationId,
    eventType: options.eventType,
    fromSequenceNumber: from,
    toSequenceNumber: to,
    since,
    until,
    limit: options.limit,
  };
}

/** The events to replay, streamed in order (bounds are validated before the first read). */
export function replayEventStream(storage: EventStorage, options: ReplayOptions = {}): AsyncIterable<Event> {
  return storage.query(replayQuery(options));
}

/** The events to replay, collected in order. */
export async function replayEvents(storage: EventStorage, options: ReplayOptions = {}): Promise<Event[]> {
  const events: Event[] = [];
  for await (const event of replayEventStream(storage, options)) events.push(event);
  return events;
}

/**
 * Re-dispatches stored events to the bus's subscribers (the bus marks them
 * as replayed so handlers can tell and counts the replay once). Events are
 * streamed, so a long replay never holds every event at once. Returns how
 * many were handed over.
 */
export async function replayIntoSubscribers(storage: EventStorage, bus: ReplayTarget, options: ReplayOptions = {}): Promise<number> {
  const source = replayEventStream(storage, options);
  let count = 0;
  async function* counted(): AsyncGenerator<Event> {
    for await (const event of source) {
      count++;
      yield event;
    }
  }
  await bus.replayIntoSubscribers(counted());
  return count;
}
