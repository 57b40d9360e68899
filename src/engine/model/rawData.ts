import type { Event } from './event';

/**
 * The JSON text an event's data was given in (`publish --data`, an editor
 * publish, a migrated line), kept beside the parsed event so that writing
 * it keeps the numbers as written (`1.0`, 20-digit integers) where
 * re-serialising the parsed value would print `1` and round the digits.
 * Keyed by the event object: `withRawDataOf` carries it to a copy.
 */
const rawDataText = new WeakMap<object, string>();

export function attachRawData<E extends Event>(event: E, dataText: string): E {
  rawDataText.set(event, dataText);
  return event;
}

export function rawDataOf(event: Event): string | undefined {
  return rawDataText.get(event);
}

/** Gives `copy` the raw data text of `original` (same data, new metadata). */
export function withRawDataOf<E extends Event>(copy: E, original: Event): E {
  const text = rawDataText.get(original);
  if (text !== undefined && copy.data === original.data) rawDataText.set(copy, text);
  return copy;
}
