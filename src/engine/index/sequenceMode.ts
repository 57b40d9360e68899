import type { SequenceMode } from './indexTypes';

interface SequenceSource {
  readonly eventCount: number;
  sequenceOf(ordinal: number): number;
  aggregateOf(ordinal: number): number;
}

/**
 * Whether a store numbers events with one bus-wide counter or one counter
 * per aggregate. In a global store consecutive events (in store order) step
 * by one while one aggregate's events jump; in a per-aggregate store it is
 * the other way round. Count both kinds of unit steps and take the larger.
 */
export function detectSequenceMode(source: SequenceSource): SequenceMode {
  const lastOfAggregate = new Map<number, number>();
  let globalSteps = 0;
  let aggregateSteps = 0;
  let previous = Number.NaN;
  for (let o = 0; o < source.eventCount; o++) {
    const seq = source.sequenceOf(o);
    if (Number.isNaN(seq)) continue;
    if (seq === previous + 1) globalSteps++;
    previous = seq;
    const aggregate = source.aggregateOf(o);
    const last = lastOfAggregate.get(aggregate);
    if (last !== undefined && seq === last + 1) aggregateSteps++;
    lastOfAggregate.set(aggregate, seq);
  }
  return aggregateSteps > globalSteps ? 'aggregate' : 'global';
}
