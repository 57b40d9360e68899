import type { Location, Range } from 'vscode-languageserver-protocol';
import type { IndexedEvent } from '../../engine/model/indexTypes';
import type { FeatureContext } from './featureContext';

/**
 * The range of an indexed event's whole line. The index stores the line's
 * length in UTF-8 bytes, which is never less than its UTF-16 length, so the
 * range always covers the line; clients clamp an end past the line's end.
 * (Reading every line to measure it would make references on a large
 * aggregate read thousands of lines for nothing.)
 */
export function lineRangeOf(event: Pick<IndexedEvent, 'line' | 'length'>): Range {
  return { start: { line: event.line - 1, character: 0 }, end: { line: event.line - 1, character: event.length } };
}

export function locationOfOrdinal(ctx: FeatureContext, ordinal: number): Location {
  const event = ctx.engine.index.event(ordinal);
  return { uri: ctx.uriOf(event.file), range: lineRangeOf(event) };
}

/** `events/events_2024-01-15.jsonl:42`: how hovers name where an event is. */
export function placeOf(event: Pick<IndexedEvent, 'file' | 'line'>): string {
  return `${event.file}:${event.line}`;
}

/** The ordinal of an event id, preferring the first in store order when the id is duplicated. */
export function ordinalOfEventId(ctx: FeatureContext, eventId: string): number | undefined {
  const ordinals = ctx.engine.index.ordinalsOfEventId(eventId);
  return ordinals.length > 0 ? Math.min(...ordinals) : undefined;
}
