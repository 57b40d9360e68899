import type { EventIndexView } from '../model/indexTypes';
import type { IntegrityIssue } from './integrityIssue';

export interface SequenceChecks {
  readonly gap: boolean;
  readonly duplicate: boolean;
  readonly regression: boolean;
}

/** What a run's numbers are as a whole: which repeat, and which number follows a hole. */
interface RunShape {
  isDuplicated(sequence: number): boolean;
  /** The hole right below a number (taken when reported: a gap is reported once). */
  readonly gapBefore: Map<number, { from: number; to: number }> | undefined;
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
 * `sequences[i]` is the number of `ordinals[i]`.
 */
export function checkSequenceRun(
  index: EventIndexView,
  ordinals: ArrayLike<number>,
  sequences: ArrayLike<number>,
  scope: string | null,
  wanted: SequenceChecks,
  issues: IntegrityIssue[],
): void {
  let count = 0;
  for (let i = 0; i < ordinals.length; i++) if (Number.isInteger(sequences[i])) count++;
  const sorted = new Float64Array(count);
  for (let i = 0, j = 0; i < ordinals.length; i++) if (Number.isInteger(sequences[i])) sorted[j++] = sequences[i];
  const reporter = new RunReporter(index, shapeOfSorted(sorted.sort()), scope, wanted, issues);
  for (let i = 0; i < ordinals.length; i++) reporter.visit(ordinals[i], sequences[i]);
}

/** A stretch of the store's sequence numbers in store order: `sequences[k]` is ordinal `from + k`'s. */
export interface SequenceStretch {
  readonly from: number;
  readonly sequences: ArrayLike<number>;
}

/** Bits kept per number at most, beside a floor: numbers spread thinner than this are sorted as a column instead. */
const BITS_PER_EVENT = 8;
const MIN_BITS = 1 << 20;

/**
 * The same rules over the whole store in store order (global mode), fed a
 * stretch at a time: the first pass (`visit`) keeps a bit per number
 * between the smallest and the largest (2.5 MB for 10 million events), not
 * a number per event, and reports regressions as it goes; only when the
 * numbers repeat or leave holes does `finish` walk the stretches once more
 * to report those where they are. Numbers spread too thin for bits (a range
 * above 8 per event) are sorted as a column in two more walks.
 */
export class SequenceStream {
  private readonly seen = new GrowingBits();
  private readonly again = new GrowingBits();
  private count = 0;
  private repeats = 0;
  private sparse = false;
  private readonly regressions: IntegrityIssue[] = [];
  private readonly online: RunReporter;

  constructor(
    private readonly index: EventIndexView,
    private readonly wanted: SequenceChecks,
    private readonly issues: IntegrityIssue[],
  ) {
    // Repeats are not known yet on the first walk: it reports regressions only (a repeat is skipped, as a later walk would).
    this.online = new RunReporter(index, { isDuplicated: () => false, gapBefore: undefined }, null, { gap: false, duplicate: false, regression: wanted.regression }, this.regressions);
  }

  visit(from: number, sequences: ArrayLike<number>): void {
    if (this.sparse) return;
    for (let k = 0; k < sequences.length; k++) {
      const sequence = sequences[k];
      if (!Number.isInteger(sequence)) continue;
      this.count++;
      if (this.seen.has(sequence)) {
        this.again.set(sequence, this.limit());
        this.repeats++;
        continue;
      }
      if (!this.seen.set(sequence, this.limit())) {
        this.sparse = true;
        return;
      }
      this.online.visit(from + k, sequence);
    }
  }

  /** Reports what needs the whole run known, walking `stretches()` again when there is any. */
  *finish(stretches: () => Iterable<SequenceStretch>): Generator<void, void, void> {
    if (this.sparse) {
      yield* this.sortedWalks(stretches);
      return;
    }
    this.issues.push(...this.regressions);
    const gapBefore = this.wanted.gap ? this.seen.gapsBefore() : undefined;
    const dupes = this.repeats > 0 && this.wanted.duplicate;
    if (!dupes && (gapBefore === undefined || gapBefore.size === 0)) return;
    const shape: RunShape = { isDuplicated: (sequence) => this.again.has(sequence), gapBefore };
    const reporter = new RunReporter(this.index, shape, null, { ...this.wanted, regression: false }, this.issues);
    for (const { from, sequences } of stretches()) {
      for (let k = 0; k < sequences.length; k++) reporter.visit(from + k, sequences[k]);
      yield;
    }
  }

  private limit(): number {
    return Math.max(MIN_BITS, BITS_PER_EVENT * this.count);
  }

  private *sortedWalks(stretches: () => Iterable<SequenceStretch>): Generator<void, void, void> {
    let count = 0;
    for (const { sequences } of stretches()) {
      for (let k = 0; k < sequences.length; k++) if (Number.isInteger(sequences[k])) count++;
      yield;
    }
    const sorted = new Float64Array(count);
    let j = 0;
    for (const { sequences } of stretches()) {
      for (let k = 0; k < sequences.length; k++) if (Number.isInteger(sequences[k])) sorted[j++] = sequences[k];
      yield;
    }
    const reporter = new RunReporter(this.index, shapeOfSorted(sorted.sort()), null, this.wanted, this.issues);
    for (const { from, sequences } of stretches()) {
      for (let k = 0; k < sequences.length; k++) reporter.visit(from + k, sequences[k]);
      yield;
    }
  }
}

/** A set of integers as bits over the range seen so far, grown (by doubling) as numbers outside it come. */
class GrowingBits {
  /** The number of bit 0 (a multiple of 8). */
  private low = 0;
  private bytes = new Uint8Array(0);

  has(n: number): boolean {
    const bit = n - this.low;
    if (bit < 0 || bit >= this.bytes.length * 8) return false;
    return (this.bytes[bit >> 3] & (1 << (bit & 7))) !== 0;
  }

  /** False (nothing set) when holding `n` would take more than `maxBits`. */
  set(n: number, maxBits: number): boolean {
    let bit = n - this.low;
    if (this.bytes.length === 0 || bit < 0 || bit >= this.bytes.length * 8) {
      if (!this.grow(n, maxBits)) return false;
      bit = n - this.low;
    }
    this.bytes[bit >> 3] |= 1 << (bit & 7);
    return true;
  }

  private grow(n: number, maxBits: number): boolean {
    const empty = this.bytes.length === 0;
    const low = empty ? n : Math.min(this.low, n);
    const high = empty ? n + 1 : Math.max(this.low + this.bytes.length * 8, n + 1);
    if (high - low > maxBits) return false;
    // Room on the side that grew (doubling), so a rising counter reallocates log(n) times.
    const span = Math.max(high - low, Math.min(maxBits, Math.max(2 * this.bytes.length * 8, 1024)));
    const start = Math.floor((!empty && n < this.low ? Math.min(low, high - span) : low) / 8) * 8;
    const bytes = new Uint8Array(Math.ceil((Math.max(high, start + span) - start) / 8) + 1);
    if (!empty) bytes.set(this.bytes, (this.low - start) / 8);
    this.low = start;
    this.bytes = bytes;
    return true;
  }

  /** For each number that follows a hole in the set: the hole. */
  gapsBefore(): Map<number, { from: number; to: number }> {
    const gaps = new Map<number, { from: number; to: number }>();
    let previous = Number.NaN;
    for (let byte = 0; byte < this.bytes.length; byte++) {
      if (this.bytes[byte] === 0) continue;
      for (let b = 0; b < 8; b++) {
        if (!(this.bytes[byte] & (1 << b))) continue;
        const n = this.low + byte * 8 + b;
        if (n - previous > 1) gaps.set(n, { from: previous + 1, to: n - 1 });
        previous = n;
      }
    }
    return gaps;
  }
}

function shapeOfSorted(sorted: Float64Array): RunShape {
  let duplicated: Set<number> | undefined;
  let gapBefore: Map<number, { from: number; to: number }> | undefined;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) (duplicated ??= new Set()).add(sorted[i]);
    else if (sorted[i] - sorted[i - 1] > 1) (gapBefore ??= new Map()).set(sorted[i], { from: sorted[i - 1] + 1, to: sorted[i] - 1 });
  }
  return { isDuplicated: (sequence) => duplicated?.has(sequence) ?? false, gapBefore };
}

/** Walks a run in store order and reports what its shape says is wrong at each event. */
class RunReporter {
  private readonly where: string;
  private readonly firstAt = new Map<number, number>();
  private highest = Number.NEGATIVE_INFINITY;
  private highestOrdinal = -1;

  constructor(
    private readonly index: EventIndexView,
    private readonly shape: RunShape,
    private readonly scope: string | null,
    private readonly wanted: SequenceChecks,
    private readonly issues: IntegrityIssue[],
  ) {
    this.where = scope === null ? 'bus-wide' : `in aggregate ${scope}`;
  }

  visit(ordinal: number, sequence: number): void {
    if (!Number.isInteger(sequence)) return;
    const { index, scope, wanted, issues, where } = this;
    if (this.shape.isDuplicated(sequence)) {
      const first = this.firstAt.get(sequence);
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
        return;
      }
      this.firstAt.set(sequence, ordinal);
    }
    if (sequence < this.highest && wanted.regression) {
      const before = index.event(this.highestOrdinal);
      issues.push({
        ordinal,
        code: 'EB016',
        field: 'sequence_number',
        message: `sequence number ${sequence} ${where} comes after ${this.highest} (${before.file}:${before.line}): it goes back`,
        data: { sequenceNumber: sequence, aggregateId: scope, previous: this.highest },
      });
    }
    const gap = this.shape.gapBefore?.get(sequence);
    if (gap !== undefined && wanted.gap) {
      this.shape.gapBefore?.delete(sequence);
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
    if (sequence > this.highest) {
      this.highest = sequence;
      this.highestOrdinal = ordinal;
    }
  }
}
