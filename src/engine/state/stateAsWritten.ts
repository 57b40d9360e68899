import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { StoreEngine } from '../storeEngineTypes';
import { KEY_SEPARATOR, numberTexts, stringifyKeepingNumbers, topLevelMemberText } from '../store/jsonSpans';
import { jsonPointer } from './unsafeNumbers';
import { SYSTEM_AGGREGATE } from '../model/snapshotTypes';

/** Beyond this many events since the snapshot, the state is shown as computed (reading every line would stall the view). */
export const AS_WRITTEN_EVENT_LIMIT = 5000;

export interface FoldedRange {
  readonly aggregateId: string;
  /** Store-relative snapshot file the rebuild started from, if any. */
  readonly fromSnapshot: string | null;
  /** Sequence of the snapshot (or -1) and of the last event folded. */
  readonly fromSequenceNumber: number;
  readonly toSequenceNumber: number;
}

/** A rebuilt state spelled as written: indented JSON text, and the pointers whose spelling differs from JavaScript's. */
export interface StateAsWritten {
  readonly text: string;
  /** JSON pointer → the number's text (`/quantity` → `1.0`). */
  readonly spellings: Record<string, string>;
}

/**
 * A rebuilt state with each number spelled as the store wrote it (`1.0`,
 * every digit of a 20-digit integer): the spelling of the last event (or
 * the starting snapshot) that put a number with that value at that path;
 * computed numbers (counts, increments) stay as computed. Undefined when
 * nothing is spelled otherwise, for `system` (a summary, not the events'
 * values), or past AS_WRITTEN_EVENT_LIMIT events.
 */
export async function stateAsWritten(engine: StoreEngine, state: unknown, range: FoldedRange): Promise<StateAsWritten | undefined> {
  if (range.aggregateId === SYSTEM_AGGREGATE) return undefined;
  const ordinals = engine.index
    .ordinalsOfAggregate(range.aggregateId)
    .filter((ordinal) => {
      const sequence = engine.index.event(ordinal).sequenceNumber;
      return sequence > range.fromSequenceNumber && sequence <= range.toSequenceNumber;
    })
    .sort((a, b) => engine.index.event(a).sequenceNumber - engine.index.event(b).sequenceNumber);
  if (ordinals.length > AS_WRITTEN_EVENT_LIMIT) return undefined;
  const texts = new Map<string, string>();
  if (range.fromSnapshot !== null) {
    const snapshotText = await fsp.readFile(path.join(engine.root, range.fromSnapshot), 'utf8').catch(() => undefined);
    const stateText = snapshotText === undefined ? undefined : topLevelMemberText(snapshotText, 'state');
    if (stateText !== undefined) for (const [at, text] of numberTexts(stateText)) texts.set(at, text);
  }
  for (const ordinal of ordinals) {
    const dataText = topLevelMemberText(await engine.readLine(ordinal), 'data');
    if (dataText !== undefined) for (const [at, text] of numberTexts(dataText)) texts.set(at, text);
  }
  const spellings = spellingsIn(state, texts);
  if (Object.keys(spellings).length === 0) return undefined;
  return { text: stringifyKeepingNumbers(state, texts, { indent: 2 }), spellings };
}

/** The numbers of `state` whose text in `texts` (same path, same value) is not how JavaScript prints them, by JSON pointer. */
function spellingsIn(state: unknown, texts: ReadonlyMap<string, string>): Record<string, string> {
  const spellings: Record<string, string> = {};
  const pending: Array<[value: unknown, keys: string[]]> = [[state, []]];
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    const [value, keys] = job;
    if (typeof value === 'number') {
      const text = texts.get(keys.join(KEY_SEPARATOR));
      if (text !== undefined && Number(text) === value && text !== String(value)) spellings[jsonPointer(keys)] = text;
    } else if (Array.isArray(value)) value.forEach((item, i) => pending.push([item, [...keys, String(i)]]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pending.push([item, [...keys, key]]);
  }
  return spellings;
}
