import { closeMatches } from '../model/closeMatches';
import { BUILT_IN_EVENT_TYPES } from '../model/eventTypes';

/**
 * Publishing only what the store knows: a Python bus reads `event_type`
 * with `EventType(value)`, which raises on a type it does not have, so an
 * event of a made-up type (often a typo) breaks its reader. Known: the
 * guide's built-in types, the store's schema folder, and `event_types` in
 * eventbus.config.json. A new type is published only when asked explicitly.
 */
export class UnknownEventTypeError extends Error {
  constructor(
    readonly eventType: string,
    readonly closeMatches: readonly string[],
  ) {
    super(
      `unknown event type "${eventType}": the store knows the built-in types, its schema folder and "event_types" in eventbus.config.json` +
        (closeMatches.length > 0 ? `; did you mean ${closeMatches.map((m) => `"${m}"`).join(', ')}?` : '.') +
        ' To publish a new type, add it to "event_types" (or give it a schema folder), or pass --allow-new-type.',
    );
    this.name = 'UnknownEventTypeError';
  }
}

export interface KnownTypeSources {
  /** Types of the store's schema folder. */
  readonly schemaTypes: readonly string[];
  /** The config's `event_types`. */
  readonly configTypes: readonly string[];
}

/** Every type the store knows, sorted. */
export function knownEventTypes(sources: KnownTypeSources): string[] {
  return [...new Set([...BUILT_IN_EVENT_TYPES, ...sources.schemaTypes, ...sources.configTypes])].sort();
}

/** A gate for the bus: the refusal for a type the store does not know, or undefined. */
export function eventTypeGate(sources: KnownTypeSources): (eventType: string) => UnknownEventTypeError | undefined {
  const known = knownEventTypes(sources);
  const set = new Set(known);
  return (eventType) => (set.has(eventType) ? undefined : new UnknownEventTypeError(eventType, closeMatches(eventType, known)));
}
