import type { EventFilter } from '../engine/query';
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

/** The filter options as the engine's one filter (engine/query); a window given backwards is a usage error. */
export function filterOfOptions(values: FilterValues): EventFilter {
  const since = timestampOption('since', values.since);
  const until = timestampOption('until', values.until);
  const fromSequenceNumber = integerOption('from', values.from);
  const toSequenceNumber = integerOption('to', values.to);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${values.since} is after --until ${values.until}`);
  if (fromSequenceNumber !== undefined && toSequenceNumber !== undefined && fromSequenceNumber > toSequenceNumber) {
    throw new UsageError(`--from ${fromSequenceNumber} is after --to ${toSequenceNumber}`);
  }
  return {
    ...(values.aggregate !== undefined ? { aggregateIds: [values.aggregate] } : {}),
    ...(values.correlation !== undefined ? { correlationIds: [values.correlation] } : {}),
    ...(values.type !== undefined ? { eventTypes: [values.type] } : {}),
    ...(values.source !== undefined ? { sources: [values.source] } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(fromSequenceNumber !== undefined ? { fromSequenceNumber } : {}),
    ...(toSequenceNumber !== undefined ? { toSequenceNumber } : {}),
  };
}
