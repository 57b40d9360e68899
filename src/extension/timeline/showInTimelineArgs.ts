/**
 * The argument of eventbus.showInTimeline: `{ store, eventId }` from a code
 * action or another command, or an event row of a tree view
 * (`{ store, entry: { eventId } }`). Without a store it is refused: the
 * caller must say which store's event it means.
 */
export function eventRefOfArgument(arg: unknown): { readonly store: string; readonly eventId: string } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as Record<string, unknown>;
  const store = typeof record.store === 'string' && record.store !== '' ? record.store : undefined;
  const entry = record.entry;
  const eventId =
    typeof record.eventId === 'string' ? record.eventId : typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).eventId : undefined;
  if (store === undefined || typeof eventId !== 'string' || eventId === '') return undefined;
  return { store, eventId };
}
