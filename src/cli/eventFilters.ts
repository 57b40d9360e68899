import type { EventQuery } from '../engine/store/storage';
import { integerOption, timestampOption } from './args';
import { UsageError } from './output';

/** The filter options of `events` and `tail`, as parsed by parseArgs. */
export interface FilterValues {
  readonly aggregate?: string;
  readonly correlation?: string;
  readonly type?: string;
  readonly source?: string;
  readonly since?: string;
  readonly until?: string;
  readonly from?: string;
  readonly to?: string;
}

export const FILTER_USAGE = `  --aggregate A     only events of aggregate A (then in sequence order)
  --correlation C   only events of correlation C
  --type T          only events of type T
  --source S        only events published by S
  --since ISO       at or after this time
  --until ISO       at or before this time
  --from N          sequence number N or later
  --to N            sequence number N or earlier`;

export function filterQuery(values: FilterValues, limit?: number): EventQuery {
  const since = timestampOption('since', values.since);
  const until = timestampOption('until', values.until);
  const fromSequence = integerOption('from', values.from);
  const toSequence = integerOption('to', values.to);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${values.since} is after --until ${values.until}`);
  if (fromSequence !== undefined && toSequence !== undefined && fromSequence > toSequence) {
    throw new UsageError(`--from ${fromSequence} is after --to ${toSequence}`);
  }
  return {
    ...(values.aggregate !== undefined ? { aggregateId: values.aggregate } : {}),
    ...(values.correlation !== undefined ? { correlationId: values.correlation } : {}),
    ...(values.type !== undefined ? { eventType: values.type } : {}),
    ...(values.source !== undefined ? { source: values.source } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(fromSequence !== undefined ? { fromSequence } : {}),
    ...(toSequence !== undefined ? { toSequence } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}
