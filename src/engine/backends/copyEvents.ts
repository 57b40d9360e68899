import type { CopySource } from './copySource';
import type { PostgresEventStorage, RawEvent } from './postgres/postgresStorage';

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
  /** Events per insert (default 1,000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}

const KEPT_CONFLICTS = 20;

/**
 * Streams every event of the source into the target in batches, in store
 * order, each batch one statement. Idempotent by event id, so a copy killed
 * part way is resumed by running it again: nothing is lost or doubled.
 */
export async function copyEvents(source: CopySource, target: PostgresEventStorage, options: CopyOptions = {}): Promise<CopySummary> {
  const batchSize = options.batchSize ?? 1_000;
  let read = 0;
  let inserted = 0;
  let alreadyThere = 0;
  let conflictCount = 0;
  const conflicts: RawEvent[] = [];
  let batch: RawEvent[] = [];
  const flush = async (): Promise<void> => {
    const outcome = await target.appendRaw(batch);
    inserted += outcome.inserted;
    alreadyThere += outcome.alreadyThere;
    conflictCount += outcome.conflicts.length;
    for (const conflict of outcome.conflicts) if (conflicts.length < KEPT_CONFLICTS) conflicts.push(conflict);
    batch = [];
    options.onProgress?.({ read, total: source.total });
  };
  for await (const record of source.read()) {
    batch.push(record);
    read++;
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { read, inserted, alreadyThere, conflicts, conflictCount, notEvents: source.notEvents };
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
export async function verifyCopy(source: CopySource, target: PostgresEventStorage, batchSize = 1_000): Promise<VerifyReport> {
  let compared = 0;
  let differenceCount = 0;
  let matched = 0;
  const differences: CopyDifference[] = [];
  let batch: RawEvent[] = [];
  const check = async (): Promise<void> => {
    const stored = await target.rawsOf(batch.map((r) => r.event.metadata.event_id));
    for (const { event, raw } of batch) {
      const there = stored.get(event.metadata.event_id);
      if (there === raw) {
        matched++;
        continue;
      }
      differenceCount++;
      if (differences.length < KEPT_CONFLICTS) differences.push({ eventId: event.metadata.event_id, problem: there === undefined ? 'missing' : 'different' });
    }
    batch = [];
  };
  for await (const record of source.read()) {
    batch.push(record);
    compared++;
    if (batch.length >= batchSize) await check();
  }
  if (batch.length > 0) await check();
  const targetTotal = await target.total();
  return { compared, targetTotal, differenceCount, differences, extraInTarget: Math.max(0, targetTotal - matched) };
}
