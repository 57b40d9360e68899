import type { EventQuery } from '../store/storage';

/**
 * The one filter: which events a CLI subcommand, a view, a group list or a
 * timeline keeps. Every field narrows; within a list the values are
 * alternatives (any of the listed types). Bounds are inclusive; times are
 * epoch ms (an event without a readable timestamp never passes a time
 * bound, nor one without a numeric sequence number a sequence bound).
 *
 * The wire shapes (the views' and timeline's filters in src/shared) say
 * `types`/`from`/`to` for compatibility with saved view state; the server
 * reads them into this type once (`server/handlers/filterOfParams.ts`).
 */
export interface EventFilter {
  readonly aggregateIds?: readonly string[];
  /** Only aggregates whose id starts with this. */
  readonly aggregatePrefix?: string;
  readonly correlationIds?: readonly string[];
  readonly eventTypes?: readonly string[];
  readonly sources?: readonly string[];
  readonly since?: number;
  readonly until?: number;
  readonly fromSequenceNumber?: number;
  readonly toSequenceNumber?: number;
  /** A content query (parseQuery's language), e.g. `data.quantity > 10`. */
  readonly where?: string;
}

/** The filter with only the fields that narrow (empty lists and blank queries dropped). */
export function narrowingFilter(filter: EventFilter): EventFilter {
  const out: { -readonly [K in keyof EventFilter]: EventFilter[K] } = {};
  const lists = ['aggregateIds', 'correlationIds', 'eventTypes', 'sources'] as const;
  for (const key of lists) if (filter[key]?.length) out[key] = filter[key];
  if (filter.aggregatePrefix) out.aggregatePrefix = filter.aggregatePrefix;
  const numbers = ['since', 'until', 'fromSequenceNumber', 'toSequenceNumber'] as const;
  for (const key of numbers) if (typeof filter[key] === 'number' && Number.isFinite(filter[key])) out[key] = filter[key];
  if (filter.where?.trim()) out.where = filter.where;
  return out;
}

/** True when the filter keeps every event. */
export function isEmptyFilter(filter: EventFilter): boolean {
  return Object.keys(narrowingFilter(filter)).length === 0;
}

/**
 * A storage lookup (`EventStorage.query`: one aggregate, correlation, type
 * or source, the bus's and replay's question, which every backend answers
 * natively) as the one filter, so the index evaluates both the same way.
 */
export function filterOfQuery(query: EventQuery): EventFilter {
  return narrowingFilter({
    ...(query.aggregateId !== undefined ? { aggregateIds: [query.aggregateId] } : {}),
    ...(query.correlationId !== undefined ? { correlationIds: [query.correlationId] } : {}),
    ...(query.eventType !== undefined ? { eventTypes: [query.eventType] } : {}),
    ...(query.source !== undefined ? { sources: [query.source] } : {}),
    ...(query.since !== undefined ? { since: query.since } : {}),
    ...(query.until !== undefined ? { until: query.until } : {}),
    ...(query.fromSequenceNumber !== undefined ? { fromSequenceNumber: query.fromSequenceNumber } : {}),
    ...(query.toSequenceNumber !== undefined ? { toSequenceNumber: query.toSequenceNumber } : {}),
  });
}
