import type { EventByIdParams, EventDetail } from '../../shared/protocol';
import { numberTexts, stringifyKeepingNumbers } from '../../engine/store/jsonSpans';
import { type HandlerStore, toEventEntry } from './handlerStore';

/** The event with that id as stored (the first one when the id is duplicated), with where it is. */
export async function eventById(store: HandlerStore, params: EventByIdParams): Promise<EventDetail | null> {
  const index = store.engine.index;
  const ordinals = index.ordinalsOfEventId(params.eventId);
  if (ordinals.length === 0) return null;
  const [first, ...others] = ordinals;
  const text = await store.engine.readLine(first);
  let event: unknown;
  let documentText: string | undefined;
  try {
    event = JSON.parse(text);
    // JSON.parse turned 1.0 into 1 and rounded big integers: the document spells them as the line does.
    documentText = `${stringifyKeepingNumbers(event, numberTexts(text), { indent: 2 })}\n`;
  } catch {
    // The index took the line, so it parses; if the file changed under us, show the text.
    event = text;
  }
  return {
    entry: toEventEntry(store, index.event(first)),
    event,
    ...(documentText !== undefined ? { documentText } : {}),
    duplicates: others.map((ordinal) => toEventEntry(store, index.event(ordinal))),
  };
}
