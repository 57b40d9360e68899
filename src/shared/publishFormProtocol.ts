/**
 * Messages between the Publish Event form (a webview panel) and its host.
 * Plain JSON, checked on arrival on both sides: the page is a browser
 * context and trusts nothing it did not make, and the host publishes only
 * what passes these guards and the server's check.
 */

/** What the user has typed: kept by the page across failures and reloads. */
export interface PublishDraft {
  readonly eventType: string;
  /** The data as typed (JSON text); parsed by the page for syntax and by the host before it is sent. */
  readonly dataText: string;
  readonly aggregateId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: string;
}

export type PublishField = 'aggregateId' | 'correlationId' | 'causationId' | 'source';
export const PUBLISH_FIELDS: readonly PublishField[] = ['aggregateId', 'correlationId', 'causationId', 'source'];

export interface Suggestion {
  readonly value: string;
  /** Shown beside the value ("12 events", "#4 trade_executed · 10:30:00"). */
  readonly detail: string;
}

/** The check's verdict on the draft's data and type. */
export interface DraftVerdict {
  /** Schema version the event would get. */
  readonly schemaVersion: string;
  /** Empty when publishing would be accepted. */
  readonly problems: readonly string[];
}

/** Page → host. */
export type PublishPageMessage =
  | { readonly type: 'ready' }
  /** The draft after the user paused typing (the page debounces); answered with `verdict`. */
  | { readonly type: 'check'; readonly ticket: number; readonly draft: PublishDraft }
  /** Completion for one id field, from the store. */
  | { readonly type: 'suggest'; readonly field: PublishField; readonly prefix: string; readonly draft: PublishDraft }
  /** Replace the data with the type's template. */
  | { readonly type: 'template'; readonly eventType: string }
  | { readonly type: 'publish'; readonly draft: PublishDraft };

/** Host → page. */
export type PublishHostMessage =
  /** The form's start: the types publish accepts, the store's name, and a draft to fill (a republished event, or the template). */
  | { readonly type: 'init'; readonly storeName: string; readonly types: readonly string[]; readonly draft: PublishDraft | null }
  | { readonly type: 'verdict'; readonly ticket: number; readonly verdict: DraftVerdict }
  | { readonly type: 'suggestions'; readonly field: PublishField; readonly prefix: string; readonly values: readonly Suggestion[] }
  | { readonly type: 'template'; readonly eventType: string; readonly dataText: string; readonly required: readonly string[]; readonly schemaFile: string | null }
  /** The outcome of `publish`: the form keeps the draft either way. */
  | { readonly type: 'published'; readonly message: string }
  | { readonly type: 'failed'; readonly message: string };

const MAX_TEXT = 1_000_000;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 10_000): value is string => typeof value === 'string' && value.length <= max;

export function isPublishDraft(value: unknown): value is PublishDraft {
  return (
    isRecord(value) &&
    isText(value.eventType, 500) &&
    isText(value.dataText, MAX_TEXT) &&
    isText(value.aggregateId) &&
    isText(value.correlationId) &&
    isText(value.causationId) &&
    isText(value.source)
  );
}

const isField = (value: unknown): value is PublishField => PUBLISH_FIELDS.includes(value as PublishField);
const isSuggestion = (value: unknown): value is Suggestion => isRecord(value) && isText(value.value) && isText(value.detail);

export function isPublishPageMessage(value: unknown): value is PublishPageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'check':
      return Number.isSafeInteger(value.ticket) && isPublishDraft(value.draft);
    case 'suggest':
      return isField(value.field) && isText(value.prefix) && isPublishDraft(value.draft);
    case 'template':
      return isText(value.eventType, 500);
    case 'publish':
      return isPublishDraft(value.draft);
    default:
      return false;
  }
}

export function isPublishHostMessage(value: unknown): value is PublishHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init':
      return isText(value.storeName) && Array.isArray(value.types) && value.types.every((t) => isText(t)) && (value.draft === null || isPublishDraft(value.draft));
    case 'verdict':
      return Number.isSafeInteger(value.ticket) && isRecord(value.verdict) && isText(value.verdict.schemaVersion) && Array.isArray(value.verdict.problems) && value.verdict.problems.every((p) => isText(p, MAX_TEXT));
    case 'suggestions':
      return isField(value.field) && isText(value.prefix) && Array.isArray(value.values) && value.values.every(isSuggestion);
    case 'template':
      return isText(value.eventType, 500) && isText(value.dataText, MAX_TEXT) && Array.isArray(value.required) && value.required.every((r) => isText(r)) && (value.schemaFile === null || isText(value.schemaFile));
    case 'published':
    case 'failed':
      return isText(value.message, MAX_TEXT);
    default:
      return false;
  }
}

/** An empty draft of a type (the form's start without a republished event). */
export function emptyDraft(eventType = ''): PublishDraft {
  return { eventType, dataText: '{}', aggregateId: '', correlationId: '', causationId: '', source: 'vscode' };
}
