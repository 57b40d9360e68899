import type { Event } from '../engine/model/event';
import type { StoreEngine } from '../engine/storeEngineTypes';
import { topLevelMemberText } from '../engine/store/jsonSpans';

/**
 * The stored line of an event, as written (numbers keep their text), when
 * the event is what is stored: an event upcast to a newer schema on read is
 * no longer that line, and undefined is returned.
 */
export async function storedLineOf(engine: StoreEngine, event: Event): Promise<string | undefined> {
  const ordinals = engine.index.ordinalsOfEventId(event.metadata.event_id);
  if (ordinals.length !== 1) return undefined;
  const line = (await engine.readLine(ordinals[0])).replace(/\r$/, '');
  const stored = topLevelMemberText(line, 'metadata');
  if (stored === undefined) return undefined;
  try {
    const metadata = JSON.parse(stored) as { schema_version?: unknown; sequence_number?: unknown };
    if (metadata.schema_version !== event.metadata.schema_version || metadata.sequence_number !== event.metadata.sequence_number) return undefined;
  } catch {
    return undefined;
  }
  return line;
}

/** The event's data as written when it is the stored event, else re-serialised. */
export async function dataTextOf(engine: StoreEngine, event: Event): Promise<string> {
  const line = await storedLineOf(engine, event);
  const text = line === undefined ? undefined : topLevelMemberText(line, 'data');
  return text ?? JSON.stringify(event.data) ?? 'null';
}
