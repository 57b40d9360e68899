import type { Event } from '../engine/model/event';
import type { StoreEngine } from '../engine/storeEngineTypes';
import { numberTexts, stringifyKeepingNumbers, topLevelMemberText } from '../engine/store/jsonSpans';

/** The raw line of the event's id, when exactly one line has it. */
async function rawLineOf(engine: StoreEngine, event: Event): Promise<string | undefined> {
  const ordinals = engine.index.ordinalsOfEventId(event.metadata.event_id);
  if (ordinals.length !== 1) return undefined;
  return (await engine.readLine(ordinals[0])).replace(/\r$/, '');
}

/** Whether the line is the event as given (not upcast on read to a newer schema). */
function isStoredAs(line: string, event: Event): boolean {
  const stored = topLevelMemberText(line, 'metadata');
  if (stored === undefined) return false;
  try {
    const metadata = JSON.parse(stored) as { schema_version?: unknown; sequence_number?: unknown };
    return metadata.schema_version === event.metadata.schema_version && metadata.sequence_number === event.metadata.sequence_number;
  } catch {
    return false;
  }
}

/**
 * The event as one line of JSON: the stored line when it is the stored
 * event; an upcast one re-serialised with the stored line's number
 * spellings (`1.0`, every digit), moved values included.
 */
export async function eventTextOf(engine: StoreEngine, event: Event): Promise<string> {
  const line = await rawLineOf(engine, event);
  if (line === undefined) return JSON.stringify(event);
  return isStoredAs(line, event) ? line : stringifyKeepingNumbers(event, numberTexts(line), { spellMovedValues: true });
}

/** The event's data as written when it is the stored event, else re-serialised with the stored numbers' spellings. */
export async function dataTextOf(engine: StoreEngine, event: Event): Promise<string> {
  const line = await rawLineOf(engine, event);
  const storedData = line === undefined ? undefined : topLevelMemberText(line, 'data');
  if (storedData === undefined || line === undefined) return JSON.stringify(event.data) ?? 'null';
  return isStoredAs(line, event) ? storedData : stringifyKeepingNumbers(event.data, numberTexts(storedData), { spellMovedValues: true });
}
