import type { EventByIdParams, EventDetail } from '../../shared/protocol';
import { type HandlerStore, toEventEntry } from './handlerStore';

/** The event with that id as stored (the first one when the id is duplicated), with where it is. */
export async function eventById(store: HandlerStore, params: EventByIdParams): Promise<EventDetail | null> {
  const index = store.engine.index;
  const ordinals = index.ordinalsOfEventId(params.eventId);
  if (ordinals.length === 0) return null;
  const [first, ...others] = ordinals;
  const text = await store.engine.readLine(first);
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    // The index took the line, so it parses; if the file changed under us, show the text.
    event = text;
  }
  return {
    entry: toEventEntry(store, index.event(first)),
    event,
    duplicates: others.map((ordinal) => toEventEntry(store, index.event(ordinal))),
  };
}
