import { hasMore, indexOfSequence, type StepList } from './stepList';

export type JumpResult =
  | { readonly kind: 'ok'; readonly index: number }
  /** Not loaded yet but could be on a later page: load more and ask again. */
  | { readonly kind: 'loadMore'; readonly sequence: number }
  | { readonly kind: 'invalid'; readonly message: string };

/** Checks what the person typed into "jump to sequence" against the steps (as typed, so the field can say what is wrong). */
export function validateJump(input: string, list: StepList): JumpResult {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', message: 'Type a sequence number of this aggregate.' };
  if (!/^-?\d+$/.test(text)) return { kind: 'invalid', message: `"${shorten(text)}" is not a sequence number: type a whole number such as 12.` };
  const sequence = Number(text);
  if (!Number.isSafeInteger(sequence)) return { kind: 'invalid', message: `${shorten(text)} is too large to be a sequence number.` };
  const index = indexOfSequence(list, sequence);
  if (index >= 0) return { kind: 'ok', index };
  const range = sequenceRange(list);
  if (hasMore(list) && (range === undefined || sequence > range.last)) return { kind: 'loadMore', sequence };
  if (range === undefined) return { kind: 'invalid', message: `No event of this aggregate has sequence ${sequence}.` };
  return {
    kind: 'invalid',
    message: `No event of this aggregate has sequence ${sequence}: its sequences run from ${range.first} to ${range.last}${range.gaps ? ', with gaps' : ''}.`,
  };
}

function sequenceRange(list: StepList): { first: number; last: number; gaps: boolean } | undefined {
  const sequences = list.steps.map((s) => s.sequence).filter((s): s is number => s !== null);
  if (sequences.length === 0) return undefined;
  // A loop, not Math.min(...spread): an aggregate can have more steps than a call has arguments.
  let first = sequences[0];
  let last = sequences[0];
  for (const s of sequences) {
    if (s < first) first = s;
    if (s > last) last = s;
  }
  return { first, last, gaps: last - first + 1 !== new Set(sequences).size };
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
