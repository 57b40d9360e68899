import type { EventIndexView } from '../model/indexTypes';
import { type FindingCode, severityOf } from './codes';
import type { SeverityOverrides } from './codes';
import type { IntegrityIssue } from './integrityIssue';
import { checkSequenceRun } from './sequenceRules';

const DAY_MS = 86_400_000;

export interface IntegrityOptions {
  /** config.event_ttl_days (kept for callers; EB017's TTL excuse now follows the oldest retained event). */
  readonly eventTtlDays?: number;
  /**
   * config.time_order_tolerance_ms: an aggregate's timestamp going back by
   * at most this much is not EB018 (concurrent publishers take their clock
   * readings a few microseconds apart and persist in the other order).
   * Default 0: any step back is reported.
   */
  readonly timeOrderToleranceMs?: number;
  readonly severity?: SeverityOverrides;
}

/** What the rules read of every event, once, into flat arrays indexed by ordinal. */
interface Columns {
  readonly timestamps: Float64Array;
  readonly sequences: Float64Array;
}

/**
 * The store-wide rules, over the index only (no event bodies): EB013
 * duplicate event ids, EB014-EB016 sequence numbers (following
 * `index.sequenceMode`), EB017 unknown causes and EB018 timestamps going
 * back within an aggregate. Returns issues in no particular order; turn them
 * into findings with `issueToFinding` once the line text is at hand.
 *
 * Cost: flat copies of two columns and the index's own id lookups (ids are
 * compared as bytes there); an event is only decoded when it is reported.
 */
export function checkIntegrity(index: EventIndexView, options: IntegrityOptions = {}): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const steps = integritySteps(index, options, issues);
  while (!steps.next().done) {
    // Every step at once: nothing else waits on this caller.
  }
  return issues;
}

/**
 * The same rules for a process that serves requests meanwhile (the
 * language server): it gives the event loop a turn whenever it has run for
 * `sliceMs`, so checking a million events never holds a request up long.
 */
export async function checkIntegrityInSlices(
  index: EventIndexView,
  options: IntegrityOptions = {},
  sliceMs = 20,
  /** How to give way between slices (tests do work of their own there). */
  giveWay: () => Promise<void> = () => new Promise<void>((resolve) => setImmediate(resolve)),
): Promise<IntegrityIssue[]> {
  const issues: IntegrityIssue[] = [];
  const steps = integritySteps(index, options, issues);
  let sliceStarted = performance.now();
  while (!steps.next().done) {
    if (performance.now() - sliceStarted < sliceMs) continue;
    await giveWay();
    sliceStarted = performance.now();
  }
  return issues;
}

/**
 * The rules one piece at a time: the store-wide ones, then each aggregate,
 * with a place to pause after each. Appends during a pause are left to the
 * next check (only the events there at the start are looked at); a caller
 * that pauses must check again if `index.ordinalsVersion` changed meanwhile.
 */
function* integritySteps(index: EventIndexView, options: IntegrityOptions, issues: IntegrityIssue[]): Generator<void, void, void> {
  const on = (code: FindingCode): boolean => severityOf(code, options.severity) !== null;
  const count = index.eventCount;
  const columns: Columns = index.numericColumns();
  if (on('EB013')) checkDuplicateIds(index, issues);
  if (on('EB017')) checkCauses(index, columns, issues);
  const wanted = { gap: on('EB014'), duplicate: on('EB015'), regression: on('EB016') };
  const wantsSequences = wanted.gap || wanted.duplicate || wanted.regression;
  if (wantsSequences && index.sequenceMode === 'global') {
    const all = new Uint32Array(count);
    for (let i = 0; i < all.length; i++) all[i] = i;
    checkSequenceRun(index, all, columns.sequences, null, wanted, issues);
  }
  yield;
  if ((wantsSequences && index.sequenceMode === 'aggregate') || on('EB018')) {
    for (const aggregateId of [...index.aggregateIds()]) {
      // The index gives sequence order; these rules are about the order events were written in.
      const ordinals = index.ordinalsOfAggregate(aggregateId);
      const inStoreOrder = Uint32Array.from(index.eventCount === count ? ordinals : ordinals.filter((o) => o < count)).sort();
      if (wantsSequences && index.sequenceMode === 'aggregate') {
        checkSequenceRun(index, inStoreOrder, columns.sequences, aggregateId, wanted, issues);
      }
      if (on('EB018')) checkTimeOrder(index, inStoreOrder, columns.timestamps, aggregateId, options.timeOrderToleranceMs ?? 0, issues);
      yield;
    }
  }
}

function checkDuplicateIds(index: EventIndexView, issues: IntegrityIssue[]): void {
  for (const [ordinal, first] of index.duplicateEventIds()) {
    const event = index.event(ordinal);
    const firstEvent = index.event(first);
    issues.push({
      ordinal,
      code: 'EB013',
      field: 'event_id',
      message: `duplicate event_id ${event.eventId} (first at ${firstEvent.file}:${firstEvent.line})`,
      data: { eventId: event.eventId, firstFile: firstEvent.file, firstLine: firstEvent.line },
    });
  }
}

function checkCauses(index: EventIndexView, columns: Columns, issues: IntegrityIssue[]): void {
  const excused = causeExcuse(index, columns);
  for (const ordinal of index.unknownCauses()) {
    if (excused(ordinal)) continue;
    const cause = index.event(ordinal).causationId as string;
    issues.push({
      ordinal,
      code: 'EB017',
      field: 'causation_id',
      message: `causation_id ${cause} names no event in the store`,
      data: { causationId: cause },
    });
  }
}

/**
 * When a missing cause may have been removed by TTL cleanup, so that EB017
 * would be a false alarm. A removed cause is older than the oldest retained
 * event, so the excuse covers only effects that could have such a cause:
 *  1. If nothing can have been removed, every missing cause is reported.
 *     Something was removed only if a sequence counter does not start at
 *     its beginning (0 or 1) in the remaining days: bus-wide in global mode,
 *     for some aggregate in aggregate mode.
 *  2. An effect with a correlation id is excused only when it is the
 *     earliest retained event of its correlation: its cause came before
 *     every retained event of the flow. A missing cause in the middle of a
 *     retained flow is reported.
 *  3. An effect without one is excused only within a day of the oldest
 *     retained event (causes are published just before their effects).
 * event_ttl_days is not a window here: with the default 30 days it would
 * excuse every effect of most stores.
 */
function causeExcuse(index: EventIndexView, columns: Columns): (ordinal: number) => boolean {
  if (!somethingRemoved(index, columns.sequences)) return () => false;
  const oldest = index.firstTimestamp();
  return (ordinal) => {
    const correlationId = index.event(ordinal).correlationId;
    if (correlationId) {
      const timestamp = columns.timestamps[ordinal];
      return index.ordinalsOfCorrelation(correlationId).every((other) => {
        if (other === ordinal) return true;
        const time = columns.timestamps[other];
        return Number.isNaN(time) || time > timestamp || (time === timestamp && other > ordinal);
      });
    }
    return Number.isFinite(oldest) && columns.timestamps[ordinal] < oldest + DAY_MS;
  };
}

function somethingRemoved(index: EventIndexView, sequences: Float64Array): boolean {
  const lowestOf = (ordinals: ArrayLike<number>): number => {
    let lowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < ordinals.length; i++) if (sequences[ordinals[i]] < lowest) lowest = sequences[ordinals[i]];
    return lowest;
  };
  if (index.sequenceMode === 'global') {
    let lowest = Number.POSITIVE_INFINITY;
    for (const sequence of sequences) if (sequence < lowest) lowest = sequence;
    return lowest !== Number.POSITIVE_INFINITY && lowest > 1;
  }
  return index.aggregateIds().some((aggregateId) => {
    const lowest = lowestOf(index.ordinalsOfAggregate(aggregateId));
    return lowest !== Number.POSITIVE_INFINITY && lowest > 1;
  });
}

function checkTimeOrder(
  index: EventIndexView,
  inStoreOrder: Uint32Array,
  timestamps: Float64Array,
  aggregateId: string,
  toleranceMs: number,
  issues: IntegrityIssue[],
): void {
  let previous = Number.NaN;
  let previousOrdinal = -1;
  // One finding per run of steps back: the first, counting the ones that follow it.
  let run: { issue: IntegrityIssue; more: number } | undefined;
  const closeRun = (): void => {
    if (run && run.more > 0) {
      const { issue, more } = run;
      issues[issues.indexOf(issue)] = { ...issue, message: `${issue.message}; ${more} more event${more === 1 ? '' : 's'} right after it go${more === 1 ? 'es' : ''} back too`, data: { ...issue.data, moreInRun: more } };
    }
    run = undefined;
  };
  for (const ordinal of inStoreOrder) {
    const timestamp = timestamps[ordinal];
    if (Number.isNaN(timestamp)) continue;
    if (previous - timestamp > toleranceMs) {
      if (run) run.more++;
      else {
        const before = index.event(previousOrdinal);
        const tolerated = toleranceMs > 0 ? ` (beyond the ${formatDelta(toleranceMs)} tolerated)` : '';
        const issue: IntegrityIssue = {
          ordinal,
          code: 'EB018',
          field: 'timestamp',
          message: `timestamp is ${formatDelta(previous - timestamp)} earlier than the previous event of aggregate ${aggregateId} (${before.file}:${before.line})${tolerated}`,
          data: { aggregateId, previousFile: before.file, previousLine: before.line },
        };
        issues.push(issue);
        run = { issue, more: 0 };
      }
    } else closeRun();
    previous = timestamp;
    previousOrdinal = ordinal;
  }
  closeRun();
}

function formatDelta(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
