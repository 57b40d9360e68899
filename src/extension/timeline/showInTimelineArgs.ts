/**
 * The argument of eventbus.showInTimeline: `{ eventId }` from a code action
 * or another command, or an event item of a tree view (`{ entry: { eventId } }`).
 */
export function eventIdOfArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.length > 0) return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as Record<string, unknown>;
  if (typeof record.eventId === 'string') return record.eventId;
  const entry = record.entry;
  if (typeof entry === 'object' && entry !== null && typeof (entry as Record<string, unknown>).eventId === 'string') {
    return (entry as Record<string, unknown>).eventId as string;
  }
  return undefined;
}
