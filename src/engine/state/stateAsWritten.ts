import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { StoreEngine } from '../storeEngineTypes';
import { numberTexts, stringifyKeepingNumbers, topLevelMemberText } from '../store/jsonSpans';
import { SYSTEM_AGGREGATE } from '../snapshot/snapshotTypes';

/** Beyond this many events since the snapshot, the state is shown as computed (reading every line would stall the view). */
export const AS_WRITTEN_EVENT_LIMIT = 5000;

export interface FoldedRange {
  readonly aggregateId: string;
  /** Store-relative snapshot file the rebuild started from, if any. */
  readonly fromSnapshot: string | null;
  /** Sequence of the snapshot (or -1) and of the last event folded. */
  readonly fromSequence: number;
  readonly toSequence: number;
}

/**
 * A rebuilt state as JSON with each number spelled as the store wrote it
 * (`1.0`, every digit of a 20-digit integer): the spelling of the last
 * event (or the starting snapshot) that put a number with that value at
 * that path; computed numbers (counts, increments) stay as computed.
 * Undefined when nothing differs from JSON.stringify, for `system` (a
 * summary, not the events' values), or past AS_WRITTEN_EVENT_LIMIT events.
 */
export async function stateTextAsWritten(engine: StoreEngine, state: unknown, range: FoldedRange): Promise<string | undefined> {
  if (range.aggregateId === SYSTEM_AGGREGATE) return undefined;
  const ordinals = engine.index
    .ordinalsOfAggregate(range.aggregateId)
    .filter((ordinal) => {
      const sequence = engine.index.event(ordinal).sequenceNumber;
      return sequence > range.fromSequence && sequence <= range.toSequence;
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
  if (texts.size === 0) return undefined;
  const written = stringifyKeepingNumbers(state, texts);
  return written === JSON.stringify(state) ? undefined : written;
}
