"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPEN_EVENT_COMMAND = exports.EVENT_DOCUMENT_SCHEME = void 0;
exports.eventDocumentTitle = eventDocumentTitle;
exports.eventDocumentUriParts = eventDocumentUriParts;
exports.parseEventDocumentUri = parseEventDocumentUri;
exports.eventDocumentText = eventDocumentText;
/**
 * One stored event as a read-only JSON document:
 *
 *     eventbus-event:/<type> #<seq> (<aggregate>).json?id=<event id>&store=<store root>
 *
 * The path is the tab's title (a UUID says nothing to a person); the id in
 * the query is what the document shows. Without a title the path is the
 * event id (`/<event id>.json`, the older form, still read). The `.json`
 * ending gives the document the JSON language; the store query picks the
 * store in a multi-root workspace (absent: the first store).
 * Pure string functions so the round trip is unit-tested.
 */
exports.EVENT_DOCUMENT_SCHEME = 'eventbus-event';
/** Opens one event's document; its argument is an EventDocumentRef (tree rows pass one). */
exports.OPEN_EVENT_COMMAND = 'eventbus.openEvent';
/** `trade_executed #12 (trader_1)`; an event without an aggregate or sequence leaves that part out. */
function eventDocumentTitle(event) {
    const sequence = typeof event.sequence === 'number' ? ` #${event.sequence}` : '';
    const aggregate = event.aggregateId ? ` (${event.aggregateId})` : '';
    return `${event.type}${sequence}${aggregate}`;
}
/** A title as one path segment: separators and characters file names cannot hold become `_`. */
function titleSegment(title) {
    return title.replace(/[\\/:*?"<>|\u0000-\u001f%]/g, '_').slice(0, 120);
}
/** The `path` and `query` of the document's vscode.Uri (Uri.from encodes them). */
function eventDocumentUriParts(ref) {
    const store = ref.store ? `store=${encodeURIComponent(ref.store)}` : '';
    if (ref.title === undefined || ref.title === '') {
        return { scheme: exports.EVENT_DOCUMENT_SCHEME, path: `/${encodeURIComponent(ref.eventId)}.json`, query: store };
    }
    return {
        scheme: exports.EVENT_DOCUMENT_SCHEME,
        path: `/${titleSegment(ref.title)}.json`,
        query: [`id=${encodeURIComponent(ref.eventId)}`, store].filter((p) => p !== '').join('&'),
    };
}
/** The event a document shows, from its Uri's decoded `path` and `query`; undefined when it is not one of ours. */
function parseEventDocumentUri(path, query) {
    const match = /^\/(.+)\.json$/.exec(path);
    if (!match)
        return undefined;
    try {
        const id = /(?:^|&)id=([^&]*)/.exec(query)?.[1];
        const eventId = decodeURIComponent(id ?? match[1]);
        const store = /(?:^|&)store=([^&]*)/.exec(query)?.[1];
        return store ? { eventId, store: decodeURIComponent(store) } : { eventId };
    }
    catch {
        return undefined;
    }
}
/** The event exactly as stored, indented; a line the server could not parse again is shown as its text in a JSON string. */
function eventDocumentText(event) {
    return `${JSON.stringify(event, null, 2)}\n`;
}
//# sourceMappingURL=eventDocumentUri.js.map