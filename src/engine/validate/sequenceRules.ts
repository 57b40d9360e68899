import type { EventIndexView } from '../model/indexTypes';
import type { IntegrityIssue } from './integrityIssue';

export interface SequenceChecks {
  readonly gap: boolean;
  readonly duplicate: boolean;
  readonly regression: boolean;
}

/**
 * EB014-EB016 over one run of sequence numbers: the whole store in store
 * order (global mode) or one aggregate's events in store order (aggregate
 * mode). Sound against reordering:
 *  - a gap is a number truly absent from the run (between its smallest and
 *    largest number), reported once, at the first event after the hole; a
 *    number merely written later is a regression, not a gap;
 *  - a duplicate is reported at every repeat after the first;
 *  - a regression is a number lower than one seen before it.
 * Numbers before the run's smallest are never gaps: TTL cleanup removes the
 * oldest days. Non-integers are skipped (EB006 reports them).
 *
 * `sequences[ordinal]` holds every event's number (read once by the caller).
 */
export function checkSequenceRun(
  index: EventIndexView,
  ordinals: ArrayLike<number>,
  sequences: Float64Array,
  scope: string | null,
  wanted: SequenceChecks,
  issues: IntegrityIssue[],
): void {
  let count = 0;
  for (let i = 0; i < ordinals.length; i++) if (Number.isInteger(sequences[ordinals[i]])) count++;
  const sorted = new Float64Array(count);
  for (let i = 0, j = 0; i < ordinals.length; i++) {
    const sequence = sequences[ordinals[i]];
    if (Number.isInteger(sequence)) sorted[j++] = sequence;
  }
  sorted.sort();

  let duplicated: Set<number> | undefined;
  let gapBefore: Map<number, { from: number; to: number }> | undefined;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) (duplicated ??= new Set()).add(sorted[i]);
    else if (sorted[i] - sorted[i - 1] > 1) (gapBefore ??= new Map()).set(sorted[i], { from: sorted[i - 1] + 1, to: sorted[i] - 1 });
  }

  const where = scope === null ? 'bus-wide' : `in aggregate ${scope}`;
  const firstAt = new Map<number, number>();
  let highest = Number.NEGATIVE_INFINITY;
  let highestOrdinal = -1;
  for (let i = 0; i < ordinals.length; i++) {
    const ordinal = ordinals[i];
    const sequence = sequences[ordinal];
    if (!Number.isInteger(sequence)) continue;
    if (duplicated?.has(sequence)) {
      const first = firstAt.get(sequence);
      if (first !== undefined) {
        if (wanted.duplicate) {
          const firstEvent = index.event(first);
          issues.push({
            ordinal,
            code: 'EB015',
            field: 'sequence_number',
            message: `duplicate sequence number ${sequence} ${where} (first at ${firstEvent.file}:${firstEvent.line})`,
            data: { sequenceNumber: sequence, aggregateId: scope, firstFile: firstEvent.file, firstLine: firstEvent.line },
          });
        }
        continue;
      }
      firstAt.set(sequence, ordinal);
    }
    if (sequence < highest && wanted.regression) {
      const before = index.event(highestOrdinal);
      issues.push({
        ordinal,
        code: 'EB016',
        field: 'sequence_number',
        message: `sequence number ${sequence} ${where} comes after ${highest} (${before.file}:${before.line}): it goes back`,
        data: { sequenceNumber: sequence, aggregateId: scope, previous: highest },
      });
    }
    const gap = gapBefore?.get(sequence);
    if (gap !== undefined && wanted.gap) {
      gapBefore?.delete(sequence);
      const missing = gap.to - gap.from + 1;
      const range = missing === 1 ? `${gap.from} is` : `${gap.from}..${gap.to} (${missing} numbers) are`;
      issues.push({
        ordinal,
        code: 'EB014',
        field: 'sequence_number',
        message: `sequence gap ${where}: ${range} missing before ${sequence}`,
        data: { aggregateId: scope, missingFrom: gap.from, missingTo: gap.to },
      });
    }
    if (sequence > highest) {
      highest = sequence;
      highestOrdinal = ordinal;
    }
  }
}
