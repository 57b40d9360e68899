/**
 * What a user types for sequences, checked as they type: a replay's range
 * ("from-to") and a single sequence an aggregate has. Messages say what was
 * expected and, for a bad part, which part.
 */

export interface SequenceBounds {
  /** The aggregate's first and last sequence. */
  readonly first: number;
  readonly last: number;
}

export interface SequenceRange {
  readonly from?: number;
  readonly to?: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const RANGE_EXAMPLE = 'e.g. "5-20", "5-" (from 5), "-20" (up to 20), "7", or empty for every event';

/**
 * A range "from-to" (either side may be left out), or one number; empty
 * means everything. With `bounds` the range must overlap the aggregate's.
 */
export function parseSequenceRange(text: string, bounds?: SequenceBounds): Parsed<SequenceRange> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: {} };
  const match = /^([^-]*)(?:-(.*))?$/.exec(trimmed);
  // A leading "-" would be read as a negative number; sequences are never negative, so it means "up to".
  const [fromText, toText] = match ? [match[1], match[2]] : [trimmed, undefined];
  const single = toText === undefined;
  const from = fromText.trim() === '' ? undefined : wholeNumber(fromText.trim());
  if (from === null) return { ok: false, message: `"${fromText.trim()}" is not a sequence number: expected a whole number ≥ 0 before the "-" (${RANGE_EXAMPLE})` };
  if (single) {
    if (from === undefined) return { ok: true, value: {} };
    return withinBounds({ from, to: from }, bounds);
  }
  const to = toText.trim() === '' ? undefined : wholeNumber(toText.trim());
  if (to === null) return { ok: false, message: `"${toText.trim()}" is not a sequence number: expected a whole number ≥ 0 after the "-" (${RANGE_EXAMPLE})` };
  if (from !== undefined && to !== undefined && from > to) {
    return { ok: false, message: `the range starts after it ends (${from} > ${to}): expected from ≤ to, e.g. "${to}-${from}"` };
  }
  return withinBounds({ from, to }, bounds);
}

function withinBounds(range: SequenceRange, bounds: SequenceBounds | undefined): Parsed<SequenceRange> {
  if (!bounds) return { ok: true, value: range };
  const { first, last } = bounds;
  if ((range.from !== undefined && range.from > last) || (range.to !== undefined && range.to < first)) {
    return { ok: false, message: `no events in ${describeRange(range)}: this aggregate's sequences run from ${first} to ${last}` };
  }
  return { ok: true, value: range };
}

/** "5-20", "from 5", "up to 20", "7", "every event". */
export function describeRange(range: SequenceRange): string {
  if (range.from === undefined && range.to === undefined) return 'every event';
  if (range.from !== undefined && range.from === range.to) return `${range.from}`;
  if (range.from === undefined) return `up to ${range.to}`;
  if (range.to === undefined) return `from ${range.from}`;
  return `${range.from}-${range.to}`;
}

/** Input-box validation for a range: undefined when fine, else what is wrong. */
export function validateSequenceRange(text: string, bounds?: SequenceBounds): string | undefined {
  const parsed = parseSequenceRange(text, bounds);
  return parsed.ok ? undefined : parsed.message;
}

/**
 * One sequence the aggregate has (rebuilding "at" a sequence it does not
 * have would silently mean the one before). `sequences` sorted ascending.
 */
export function parseSequenceAt(text: string, sequences: readonly number[]): Parsed<number> {
  const trimmed = text.trim();
  const have = describeSequences(sequences);
  if (trimmed === '') return { ok: false, message: `expected a sequence number: this aggregate has ${have}` };
  const value = wholeNumber(trimmed);
  if (value === null) return { ok: false, message: `"${trimmed}" is not a sequence number: expected a whole number, one of ${have}` };
  if (!hasSequence(sequences, value)) return { ok: false, message: `the aggregate has no event with sequence ${value}: expected one of ${have}` };
  return { ok: true, value };
}

export function validateSequenceAt(text: string, sequences: readonly number[]): string | undefined {
  const parsed = parseSequenceAt(text, sequences);
  return parsed.ok ? undefined : parsed.message;
}

/** Sorted sequences as runs: "1-40, 42, 45-50" (at most `maxRuns`, then "and N more runs"). */
export function describeSequences(sequences: readonly number[], maxRuns = 6): string {
  if (sequences.length === 0) return 'no sequences';
  const runs: string[] = [];
  let start = sequences[0];
  let previous = start;
  const close = () => runs.push(start === previous ? `${start}` : `${start}-${previous}`);
  for (const sequence of sequences.slice(1)) {
    if (sequence === previous || sequence === previous + 1) {
      previous = sequence;
      continue;
    }
    close();
    start = previous = sequence;
  }
  close();
  if (runs.length <= maxRuns) return runs.join(', ');
  return `${runs.slice(0, maxRuns).join(', ')} and ${runs.length - maxRuns} more runs`;
}

function hasSequence(sorted: readonly number[], wanted: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === wanted) return true;
    if (sorted[mid] < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** A whole number ≥ 0 written in digits, or null. */
function wholeNumber(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
