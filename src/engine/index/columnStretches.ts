import type { EventIndexView } from '../model/indexTypes';

/** Events per stretch: 256 KiB of the two numeric columns, whatever the size of the store. */
export const STRETCH_EVENTS = 16_384;

/** An index that reads stretches of its columns where they lie (the layered index over a persisted base). */
interface StretchReader {
  numericRange(from: number, to: number, timestamps: Float64Array, sequences: Float64Array): void;
  aggregateRange(from: number, to: number, aggregates: (string | null)[], timestamps: Float64Array, sequences: Float64Array): void;
}

function readsStretches(index: EventIndexView): index is EventIndexView & StretchReader {
  const candidate = index as Partial<StretchReader>;
  return typeof candidate.numericRange === 'function' && typeof candidate.aggregateRange === 'function';
}

/** Ordinals [from, to): their timestamps, sequence numbers and (when asked for) aggregate ids, at `ordinal - from`. */
export interface ColumnStretch {
  readonly from: number;
  readonly to: number;
  readonly timestamps: Float64Array;
  readonly sequences: Float64Array;
  /** Null unless asked for. */
  readonly aggregates: readonly (string | null)[] | null;
}

/**
 * The columns of ordinals [0, count) a stretch at a time, in store order,
 * for store-wide rules: what is held at once is one stretch, never a column
 * of the whole store. The arrays are reused: a stretch is valid until the
 * next one is asked for. An index held in memory whole (no persisted base)
 * answers from its own columns.
 */
export function* columnStretches(index: EventIndexView, count: number, withAggregates: boolean, size = STRETCH_EVENTS): Generator<ColumnStretch, void, void> {
  const timestamps = new Float64Array(Math.min(size, count));
  const sequences = new Float64Array(Math.min(size, count));
  const aggregates: (string | null)[] | null = withAggregates ? new Array<string | null>(Math.min(size, count)).fill(null) : null;
  const inMemory = readsStretches(index) ? null : index.numericColumns();
  for (let from = 0; from < count; from += size) {
    const to = Math.min(count, from + size);
    const n = to - from;
    if (inMemory) {
      timestamps.set(inMemory.timestamps.subarray(from, to));
      sequences.set(inMemory.sequences.subarray(from, to));
      if (aggregates) for (let o = from; o < to; o++) aggregates[o - from] = index.event(o).aggregateId;
    } else {
      const reader = index as EventIndexView & StretchReader;
      // One decoding of the stretch's records gives all three.
      if (aggregates) reader.aggregateRange(from, to, aggregates, timestamps, sequences);
      else reader.numericRange(from, to, timestamps, sequences);
    }
    yield { from, to, timestamps: timestamps.subarray(0, n), sequences: sequences.subarray(0, n), aggregates };
  }
}
