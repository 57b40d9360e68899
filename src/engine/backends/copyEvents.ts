import type { CopySource } from './copySource';
import type { CopyTarget } from './copyTarget';
import type { RawEvent } from './rawEvent';

export interface CopyProgress {
  readonly read: number;
  readonly total: number;
}

export interface CopySummary {
  readonly read: number;
  readonly inserted: number;
  /** Already in the target with the same event id: a resumed copy skips them. */
  readonly alreadyThere: number;
  /** Refused by the target: another event holds the same (aggregate, sequence). First ones only. */
  readonly conflicts: readonly RawEvent[];
  readonly conflictCount: number;
  readonly notEvents: number;
}

export interface CopyOptions {
  /** Events per batch (default 1,000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}

const KEPT = 20;

/**
 * Streams every event of the source into the target in batches, in store
 * order. Idempotent by event id, so a copy killed part way is resumed by
 * running it again: nothing is lost or doubled. For a target that forgets
 * ids (JetStream's duplicate window) the copy also skips the source's
 * events up to the target's newest one: the target holds what an earlier
 * run copied, in the same order.
 */
export async function copyEvents(source: CopySource, target: CopyTarget, options: CopyOptions = {}): Promise<CopySummary> {
  const batchSize = options.batchSize ?? 1_000;
  const resumeAfter = target.lastEventId ? await target.lastEventId() : undefined;
  let skipping = resumeAfter !== undefined && (await sourceHolds(source, resumeAfter));
  let read = 0;
  let inserted = 0;
  let alreadyThere = 0;
  let conflictCount = 0;
  const conflicts: RawEvent[] = [];
  let batch: RawEvent[] = [];
  // One batch is written while the next is read: the source's parsing and the
  // target's insert overlap (two cores, two halves of the work), and batches
  // still go in one after another, in store order.
  let inFlight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const send = async (records: readonly RawEvent[], readSoFar: number): Promise<void> => {
    const outcome = await target.appendRaw(records);
    inserted += outcome.inserted;
    alreadyThere += outcome.alreadyThere;
    conflictCount += outcome.conflicts.length;
    for (const conflict of outcome.conflicts) if (conflicts.length < KEPT) conflicts.push(conflict);
    options.onProgress?.({ read: readSoFar, total: source.total });
  };
  const settle = async (): Promise<void> => {
    await inFlight;
    const failed = failure as { error: unknown } | null;
    if (failed) throw failed.error;
  };
  for await (const record of source.read()) {
    read++;
    if (skipping) {
      alreadyThere++;
      if (record.event.metadata.event_id === resumeAfter) skipping = false;
      continue;
    }
    batch.push(record);
    if (batch.length >= batchSize) {
      await settle();
      // Caught here and thrown by settle(), so a failed write is never an unhandled rejection.
      inFlight = send(batch, read).catch((error: unknown) => {
        failure = { error };
      });
      batch = [];
    }
  }
  await settle();
  if (batch.length > 0) await send(batch, read);
  return { read, inserted, alreadyThere, conflicts, conflictCount, notEvents: source.notEvents };
}

async function sourceHolds(source: CopySource, eventId: string): Promise<boolean> {
  for await (const record of source.read()) if (record.event.metadata.event_id === eventId) return true;
  return false;
}

export interface CopyDifference {
  readonly eventId: string;
  readonly problem: 'missing' | 'different';
}

export interface VerifyReport {
  readonly compared: number;
  readonly targetTotal: number;
  readonly differenceCount: number;
  /** The first differences, in source order. */
  readonly differences: readonly CopyDifference[];
  /** Events in the target that the source does not hold. */
  readonly extraInTarget: number;
}

/** Compares both sides event by event: the same ids, each with the identical line. */
export async function verifyCopy(source: CopySource, target: CopyTarget, batchSize = 1_000): Promise<VerifyReport> {
  const outcome = target.lookup.kind === 'by-id' ? await compareById(source, target.lookup.rawsOf, batchSize) : await compareInOrder(source, target.lookup.read());
  const targetTotal = await target.total();
  return { ...outcome, targetTotal, extraInTarget: Math.max(0, targetTotal - outcome.matched) };
}

interface Comparison {
  compared: number;
  matched: number;
  differenceCount: number;
  differences: CopyDifference[];
}

function comparison(): Comparison & { note(eventId: string, there: string | undefined, raw: string): void } {
  const result = {
    compared: 0,
    matched: 0,
    differenceCount: 0,
    differences: [] as CopyDifference[],
    note(eventId: string, there: string | undefined, raw: string) {
      result.compared++;
      if (there === raw) {
        result.matched++;
        return;
      }
      result.differenceCount++;
      if (result.differences.length < KEPT) result.differences.push({ eventId, problem: there === undefined ? 'missing' : 'different' });
    },
  };
  return result;
}

async function compareById(source: CopySource, rawsOf: (ids: readonly string[]) => Promise<Map<string, string>>, batchSize: number): Promise<Comparison> {
  const result = comparison();
  let batch: RawEvent[] = [];
  const check = async (): Promise<void> => {
    const stored = await rawsOf(batch.map((r) => r.event.metadata.event_id));
    for (const { event, raw } of batch) result.note(event.metadata.event_id, stored.get(event.metadata.event_id), raw);
    batch = [];
  };
  for await (const record of source.read()) {
    batch.push(record);
    if (batch.length >= batchSize) await check();
  }
  if (batch.length > 0) await check();
  return result;
}

/** Both sides in order: the target's n-th event must be the source's n-th, line for line. */
async function compareInOrder(source: CopySource, target: AsyncIterable<RawEvent>): Promise<Comparison> {
  const result = comparison();
  const targetEvents = target[Symbol.asyncIterator]();
  for await (const record of source.read()) {
    const next = await targetEvents.next();
    const there = next.done ? undefined : next.value;
    // Another id at this place: the source's event is missing there (or out of order).
    const sameEvent = there !== undefined && there.event.metadata.event_id === record.event.metadata.event_id;
    result.note(record.event.metadata.event_id, sameEvent ? there.raw : undefined, record.raw);
  }
  await targetEvents.return?.();
  return result;
}
