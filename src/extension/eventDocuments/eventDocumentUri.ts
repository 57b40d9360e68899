/**
 * One stored event as a read-only JSON document:
 *
 *     eventbus-event:/<event id>.json?store=<store root>
 *
 * The `.json` ending gives the document the JSON language; the store query
 * picks the store in a multi-root workspace (absent: the first store).
 * Pure string functions so the round trip is unit-tested.
 */
export const EVENT_DOCUMENT_SCHEME = 'eventbus-event';

/** Opens one event's document; its argument is an EventDocumentRef (tree rows pass one). */
export const OPEN_EVENT_COMMAND = 'eventbus.openEvent';

export interface EventDocumentRef {
  readonly eventId: string;
  readonly store?: string;
}

/** The `path` and `query` of the document's vscode.Uri (Uri.from encodes them). */
export function eventDocumentUriParts(ref: EventDocumentRef): { scheme: string; path: string; query: string } {
  return {
    scheme: EVENT_DOCUMENT_SCHEME,
    path: `/${encodeURIComponent(ref.eventId)}.json`,
    query: ref.store ? `store=${encodeURIComponent(ref.store)}` : '',
  };
}

/** The event a document shows, from its Uri's decoded `path` and `query`; undefined when it is not one of ours. */
export function parseEventDocumentUri(path: string, query: string): EventDocumentRef | undefined {
  const match = /^\/(.+)\.json$/.exec(path);
  if (!match) return undefined;
  try {
    const eventId = decodeURIComponent(match[1]);
    const store = /(?:^|&)store=([^&]*)/.exec(query)?.[1];
    return store ? { eventId, store: decodeURIComponent(store) } : { eventId };
  } catch {
    return undefined;
  }
}

/** The event exactly as stored, indented; a line the server could not parse again is shown as its text in a JSON string. */
export function eventDocumentText(event: unknown): string {
  return `${JSON.stringify(event, null, 2)}\n`;
}
