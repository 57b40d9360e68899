import type { Event } from '../model/event';
import { structuralDiff, type Difference } from '../snapshot/structuralDiff';
import { META_KEY } from '../state/defaultReducer';
import { resolveStoreFold } from '../state/fold/storeFold';
import { foldEvent, reducersForRebuild, rebuildWorking } from '../state/rebuild';
import { safeClone } from '../model/safeMerge';
import type { EventStorage } from '../store/storage';
import { replayEvents } from './replay';

/**
 * Replay as a reader follows it: each event beside the change it made to
 * its aggregate's state (the store's own fold, as rebuild uses it). The
 * bookkeeping keys the fold maintains (`_meta`, or the store's own) change
 * on every event and are left out: they would hide the change that matters.
 */
export interface ReplayStep {
  readonly event: Event;
  /** Null when the state could not be folded (see `foldProblem`), or the event has no aggregate. */
  readonly changes: readonly Difference[] | null;
  /** More changes than were listed. */
  readonly moreChanges: number;
}

export interface ReplaySteps {
  readonly steps: readonly ReplayStep[];
  readonly truncated: boolean;
  /** Why no change is shown (a projection fold needs code to run; a reducer failed). */
  readonly foldProblem: string | null;
}

/** Changes listed per event; the rest are counted. */
const CHANGES_PER_EVENT = 12;

export interface AggregateReplayOptions {
  readonly fromSequenceNumber?: number;
  readonly toSequenceNumber?: number;
  readonly limit: number;
}

/** One aggregate's events in sequence order, each with the change it made (folded from the state just before the range). */
export async function aggregateReplaySteps(storage: EventStorage, aggregateId: string, options: AggregateReplayOptions): Promise<ReplaySteps> {
  const events = await replayEvents(storage, { aggregateId, fromSequenceNumber: options.fromSequenceNumber, toSequenceNumber: options.toSequenceNumber, limit: options.limit + 1 });
  const listed = events.slice(0, options.limit);
  const skip = await bookkeepingKeys(storage);
  let foldProblem: string | null = null;
  let steps: ReplayStep[];
  try {
    const reducers = await reducersForRebuild(storage, aggregateId, undefined);
    const first = listed[0]?.metadata.sequence_number;
    const working =
      typeof first === 'number' && Number.isFinite(first)
        ? await rebuildWorking(storage, aggregateId, { atSequence: first - 1 })
        : await rebuildWorking(storage, aggregateId, { atSequence: -1 });
    steps = listed.map((event) => {
      const before = safeClone(working.state);
      foldEvent(working, event, reducers);
      return stepOf(event, before, working.state, skip);
    });
  } catch (error) {
    foldProblem = error instanceof Error ? error.message : String(error);
    steps = listed.map((event) => ({ event, changes: null, moreChanges: 0 }));
  }
  return { steps, truncated: events.length > options.limit, foldProblem };
}

/**
 * A correlation's events in store order, each with the change it made to
 * its own aggregate: that aggregate rebuilt to just before the event (from
 * its latest snapshot), then the event folded in.
 */
export async function correlationReplaySteps(storage: EventStorage, correlationId: string, limit: number): Promise<ReplaySteps> {
  const events = await replayEvents(storage, { correlationId, limit: limit + 1 });
  const listed = events.slice(0, limit);
  const skip = await bookkeepingKeys(storage);
  let foldProblem: string | null = null;
  const steps: ReplayStep[] = [];
  for (const event of listed) {
    const aggregateId = event.metadata.aggregate_id;
    const sequence = event.metadata.sequence_number;
    if (foldProblem !== null || typeof aggregateId !== 'string' || aggregateId === '' || typeof sequence !== 'number') {
      steps.push({ event, changes: null, moreChanges: 0 });
      continue;
    }
    try {
      const reducers = await reducersForRebuild(storage, aggregateId, undefined);
      const working = await rebuildWorking(storage, aggregateId, { atSequence: sequence - 1 });
      const before = safeClone(working.state);
      foldEvent(working, event, reducers);
      steps.push(stepOf(event, before, working.state, skip));
    } catch (error) {
      foldProblem = error instanceof Error ? error.message : String(error);
      steps.push({ event, changes: null, moreChanges: 0 });
    }
  }
  return { steps, truncated: events.length > limit, foldProblem };
}

function stepOf(event: Event, before: unknown, after: unknown, skip: ReadonlySet<string>): ReplayStep {
  const all = structuralDiff(before, after).filter((d) => !skip.has(topKey(d.path)));
  return { event, changes: all.slice(0, CHANGES_PER_EVENT), moreChanges: Math.max(0, all.length - CHANGES_PER_EVENT) };
}

function topKey(path: string): string {
  const slash = path.indexOf('/', 1);
  return (slash < 0 ? path.slice(1) : path.slice(1, slash)).replace(/~1/g, '/').replace(/~0/g, '~');
}

async function bookkeepingKeys(storage: EventStorage): Promise<ReadonlySet<string>> {
  try {
    const fold = await resolveStoreFold(storage);
    return new Set([META_KEY, ...Object.keys(fold.bookkeeping)]);
  } catch {
    return new Set([META_KEY]);
  }
}

/** One change as a line: `/position/qty: 1 → 2`, `+ /alerts/0: {…}`, `− /pending`. */
export function describeChange(change: Difference, maxValue = 60): string {
  const show = (value: unknown): string => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > maxValue ? `${text.slice(0, maxValue - 1)}…` : text;
  };
  const where = change.path === '' ? '(state)' : change.path;
  if (change.kind === 'added') return `+ ${where}: ${show(change.after)}`;
  if (change.kind === 'removed') return `− ${where} (was ${show(change.before)})`;
  return `${where}: ${show(change.before)} → ${show(change.after)}`;
}
