import type { StoreIndex } from '../engine/model/indexTypes';
import { replayQuery } from '../engine/replay/replay';
import type { ReplayLaunchArguments } from './launchArguments';

/**
 * The events a session walks through, as ordinals in the session's order:
 * an aggregate's in sequence order, a correlation's in store order, a time
 * range's in time order, the whole store in store order. Recomputed when
 * events are appended (attach mode); ordinals already walked keep their place.
 */
/** The session's events by position. */
export interface SessionEvents {
  readonly length: number;
  /** The ordinal at a position. */
  at(position: number): number;
  /** The position of an ordinal, -1 when the session does not hold it. */
  positionOf(ordinal: number): number;
}

export interface ReplayPlan {
  readonly label: string;
  /** Where the session starts (the first event at or after fromSequence). */
  readonly start: number;
  events(): SessionEvents;
  /** Re-reads the index (appends arrived); returns how many events were added. */
  refresh(): number;
}

export function planReplay(index: StoreIndex, args: ReplayLaunchArguments): ReplayPlan {
  // The engine's replay bounds: the same errors for a bad time or an inverted range as `eventbus replay`.
  const query = replayQuery({ aggregateId: args.aggregateId, correlationId: args.correlationId, since: args.since, until: args.until, fromSequenceNumber: args.fromSequence });
  const select = (): SessionEvents => {
    let ordinals: readonly number[];
    if (query.aggregateId !== undefined) ordinals = index.ordinalsOfAggregate(query.aggregateId);
    else if (query.correlationId !== undefined) ordinals = index.ordinalsOfCorrelation(query.correlationId);
    else if (query.since !== undefined || query.until !== undefined) ordinals = index.ordinalsInTimeRange(query.since ?? Number.NEGATIVE_INFINITY, query.until ?? Number.POSITIVE_INFINITY);
    else return wholeStore(index.eventCount);
    if ((query.aggregateId !== undefined || query.correlationId !== undefined) && (query.since !== undefined || query.until !== undefined)) {
      const since = query.since ?? Number.NEGATIVE_INFINITY;
      const until = query.until ?? Number.POSITIVE_INFINITY;
      ordinals = ordinals.filter((o) => index.timestampOf(o) >= since && index.timestampOf(o) <= until);
    }
    return listed(ordinals);
  };
  let current = select();
  const startOf = (events: SessionEvents): number => {
    if (args.fromSequence === undefined) return 0;
    for (let i = 0; i < events.length; i++) if (index.sequenceOf(events.at(i)) >= args.fromSequence) return i;
    return events.length;
  };
  const label =
    args.aggregateId !== undefined
      ? `aggregate ${args.aggregateId}`
      : args.correlationId !== undefined
        ? `correlation ${args.correlationId}`
        : args.since !== undefined || args.until !== undefined
          ? `events ${args.since ?? '…'} to ${args.until ?? '…'}`
          : 'the whole store';
  return {
    label,
    start: startOf(current),
    events: () => current,
    refresh: () => {
      const before = current.length;
      current = select();
      return current.length - before;
    },
  };
}

/** The whole store is every ordinal in order: no million-entry array. */
function wholeStore(count: number): SessionEvents {
  return { length: count, at: (position) => position, positionOf: (ordinal) => (ordinal >= 0 && ordinal < count ? ordinal : -1) };
}

function listed(ordinals: readonly number[]): SessionEvents {
  let positions: Map<number, number> | undefined;
  return {
    length: ordinals.length,
    at: (position) => ordinals[position],
    positionOf: (ordinal) => {
      positions ??= new Map(ordinals.map((o, i) => [o, i]));
      return positions.get(ordinal) ?? -1;
    },
  };
}
