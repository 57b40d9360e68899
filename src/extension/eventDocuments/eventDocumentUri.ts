/**
 * One stored event as a read-only JSON document:
 *
 *     eventbus-event:/<type> #<seq> (<aggregate>).json?id=<event id>&store=<store root>
 *
 * The path is the tab's title (a UUID says nothing to a person); the id in
 * the query is what the document shows. Without a title the path is the
 * event id (`/<event id>.json`, the older form, still read). The `.json`
 * ending gives the document the JSON language; the store query names the
 * store (a URI without one is not ours: "the first store" would be a guess
 * in a multi-root workspace).
 * Pure string functions so the round trip is unit-tested.
 */
export const EVENT_DOCUMENT_SCHEME = 'eventbus-event';

export interface EventDocumentRef {
  readonly eventId: string;
  readonly store: string;
  /** The tab's title, `type #seq (aggregate)` (see eventDocumentTitle). */
  readonly title?: string;
}

/** `trade_executed #12 (trader_1)`; an event without an aggregate or sequence leaves that part out. */
export function eventDocumentTitle(event: { readonly type: string; readonly sequence?: number | null; readonly aggregateId?: string | null }): string {
  const sequence = typeof event.sequence === 'number' ? ` #${event.sequence}` : '';
  const aggregate = event.aggregateId ? ` (${event.aggregateId})` : '';
  return `${event.type}${sequence}${aggregate}`;
}

/** A title as one path segment: separators and characters file names cannot hold become `_`. */
function titleSegment(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f%]/g, '_').slice(0, 120);
}

/** The `path` and `query` of the document's vscode.Uri (Uri.from encodes them). */
export function eventDocumentUriParts(ref: EventDocumentRef): { scheme: string; path: string; query: string } {
  const store = `store=${encodeURIComponent(ref.store)}`;
  if (ref.title === undefined || ref.title === '') {
    return { scheme: EVENT_DOCUMENT_SCHEME, path: `/${encodeURIComponent(ref.eventId)}.json`, query: store };
  }
  return {
    scheme: EVENT_DOCUMENT_SCHEME,
    path: `/${titleSegment(ref.title)}.json`,
    query: [`id=${encodeURIComponent(ref.eventId)}`, store].filter((p) => p !== '').join('&'),
  };
}

/** The event a document shows, from its Uri's decoded `path` and `query`; undefined when it is not one of ours. */
export function parseEventDocumentUri(path: string, query: string): EventDocumentRef | undefined {
  const match = /^\/(.+)\.json$/.exec(path);
  if (!match) return undefined;
  try {
    const id = /(?:^|&)id=([^&]*)/.exec(query)?.[1];
    const eventId = decodeURIComponent(id ?? match[1]);
    const store = /(?:^|&)store=([^&]*)/.exec(query)?.[1];
    return store ? { eventId, store: decodeURIComponent(store) } : undefined;
  } catch {
    return undefined;
  }
}

/** The event exactly as stored, indented; a line the server could not parse again is shown as its text in a JSON string. */
export function eventDocumentText(event: unknown): string {
  return `${JSON.stringify(event, null, 2)}\n`;
}
