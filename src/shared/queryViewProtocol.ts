/**
 * Messages between the query box (a webview view in the Event Bus container)
 * and its host. Plain JSON, checked on arrival on both sides: the page is
 * a browser context and trusts nothing it did not make.
 */

export interface SavedQuery {
  readonly name: string;
  readonly query: string;
}

/** What the box shows under the input. */
export type QueryStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'matches'; readonly matched: number; readonly total: number }
  | { readonly kind: 'problem'; readonly column: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Page → host. */
export type QueryPageMessage =
  | { readonly type: 'ready' }
  /** The text after the user paused typing (the page debounces). Empty clears the query. */
  | { readonly type: 'query'; readonly text: string }
  | { readonly type: 'save'; readonly text: string }
  | { readonly type: 'export' };

/** Host → page. */
export type QueryHostMessage =
  | { readonly type: 'status'; readonly text: string; readonly status: QueryStatus }
  | { readonly type: 'saved'; readonly queries: readonly SavedQuery[] }
  /** The host changed the query (a saved query run from the palette, a cleared filter). */
  | { readonly type: 'setText'; readonly text: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isQueryPageMessage(value: unknown): value is QueryPageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'export':
      return true;
    case 'query':
    case 'save':
      return typeof value.text === 'string' && value.text.length <= 10_000;
    default:
      return false;
  }
}

export function isSavedQuery(value: unknown): value is SavedQuery {
  return isRecord(value) && typeof value.name === 'string' && typeof value.query === 'string';
}

function isQueryStatus(value: unknown): value is QueryStatus {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'idle':
    case 'running':
      return true;
    case 'matches':
      return typeof value.matched === 'number' && typeof value.total === 'number';
    case 'problem':
      return typeof value.column === 'number' && typeof value.reason === 'string';
    case 'failed':
      return typeof value.message === 'string';
    default:
      return false;
  }
}

export function isQueryHostMessage(value: unknown): value is QueryHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'status':
      return typeof value.text === 'string' && isQueryStatus(value.status);
    case 'saved':
      return Array.isArray(value.queries) && value.queries.every(isSavedQuery);
    case 'setText':
      return typeof value.text === 'string';
    default:
      return false;
  }
}

/** The line under the input: the count, or the problem with its column. */
export function statusLine(status: QueryStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Type a query: data.quantity > 10 and type == "trade_executed"';
    case 'running':
      return 'Searching…';
    case 'matches':
      return `${status.matched.toLocaleString('en')} of ${status.total.toLocaleString('en')} events match`;
    case 'problem':
      return `Column ${status.column}: ${status.reason}`;
    case 'failed':
      return status.message;
  }
}
