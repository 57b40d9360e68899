import type { RequestType } from 'vscode-jsonrpc';
import { AggregateEventsRequest, EventGroupsRequest, type EventEntry, EventsQueryRequest, type StoreParams } from '../../shared/protocol';
import { type DraftVerdict, emptyDraft, type PublishDraft, type PublishField, type Suggestion } from '../../shared/publishFormProtocol';
import { PublishCheckRequest, type PublishParams } from '../../shared/writeProtocol';
import { parseJsonInput } from '../commands/jsonInput';

/** How the form reaches the language server (the LanguageClient's sendRequest, or a fake in tests). */
export type SendRequest = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

const SUGGESTIONS = 50;

/** An id field's problem (ids are taken as typed: spaces around one are almost always a slip). */
function idProblems(draft: PublishDraft): string[] {
  const names: Record<PublishField, string> = { aggregateId: 'aggregate id', correlationId: 'correlation id', causationId: 'causation id', source: 'source' };
  return (Object.keys(names) as PublishField[])
    .filter((field) => draft[field] !== draft[field].trim())
    .map((field) => `the ${names[field]} has spaces before or after it`);
}

/**
 * The draft as the publish request's parameters, or what is wrong with it
 * before the server is asked (no type, data that is not JSON, an id with
 * spaces around it).
 */
export function draftToParams(draft: PublishDraft, store: string): { ok: true; params: PublishParams } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (draft.eventType.trim() === '') problems.push('choose an event type');
  const data = parseJsonInput(draft.dataText);
  if (!data.ok) problems.push(data.message);
  problems.push(...idProblems(draft));
  if (problems.length > 0 || !data.ok) return { ok: false, problems };
  const optional = (value: string) => (value === '' ? undefined : value);
  return {
    ok: true,
    params: {
      store,
      trusted: true,
      eventType: draft.eventType,
      data: data.value,
      ...(optional(draft.aggregateId) ? { aggregateId: draft.aggregateId } : {}),
      ...(optional(draft.correlationId) ? { correlationId: draft.correlationId } : {}),
      ...(optional(draft.causationId) ? { causationId: draft.causationId } : {}),
      ...(optional(draft.source) ? { source: draft.source } : {}),
    },
  };
}

/** The verdict the form shows as the user types: the local problems, else the server's check (which writes nothing). */
export async function checkDraft(send: SendRequest, draft: PublishDraft, store: string): Promise<DraftVerdict> {
  const local = draftToParams(draft, store);
  if (!local.ok) return { schemaVersion: '', problems: local.problems };
  const { params } = local;
  const result = await send(PublishCheckRequest.type, { store, eventType: params.eventType, data: params.data });
  return { schemaVersion: result.schemaVersion, problems: [...result.problems] };
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function eventSuggestion(entry: EventEntry): Suggestion {
  const time = entry.timestamp ? ` · ${entry.timestamp}` : '';
  return { value: entry.eventId, detail: `#${entry.sequence ?? '?'} ${entry.type}${entry.aggregateId ? ` (${entry.aggregateId})` : ''}${time}` };
}

/**
 * Completion for an id field, from the store: aggregates, correlations and
 * sources by prefix (the views' own grouping, so the same order); for the
 * causation, the events of the draft's correlation, else its aggregate's
 * newest, whose ids start with what was typed.
 */
export async function suggestionsFor(send: SendRequest, field: PublishField, prefix: string, draft: PublishDraft, store: string): Promise<Suggestion[]> {
  const scope: StoreParams = { store };
  if (field !== 'causationId') {
    const groupBy = field === 'aggregateId' ? 'aggregate' : field === 'correlationId' ? 'correlation' : 'source';
    const page = await send(EventGroupsRequest.type, { ...scope, groupBy, prefix, limit: SUGGESTIONS });
    return page.items.map((g) => ({ value: g.key, detail: plural(g.count, 'event') }));
  }
  let entries: readonly EventEntry[] = [];
  if (draft.correlationId !== '') {
    entries = (await send(EventsQueryRequest.type, { ...scope, correlationId: draft.correlationId, limit: 1000 })).items;
  } else if (draft.aggregateId !== '') {
    const first = await send(AggregateEventsRequest.type, { ...scope, aggregateId: draft.aggregateId, limit: 0 });
    const offset = Math.max(0, first.total - 200);
    entries = (await send(AggregateEventsRequest.type, { ...scope, aggregateId: draft.aggregateId, offset, limit: 200 })).items;
  }
  // Newest first: the usual cause is the event just before.
  return entries
    .filter((e) => e.eventId.startsWith(prefix))
    .slice(-SUGGESTIONS)
    .reverse()
    .map(eventSuggestion);
}

/** The draft Republish as Template starts from: the stored event's type, data and ids (a new event id and time come from the bus). */
export function draftFromEvent(event: unknown): PublishDraft {
  const record = (typeof event === 'object' && event !== null ? event : {}) as { event_type?: unknown; data?: unknown; metadata?: Record<string, unknown> };
  const metadata = record.metadata ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    ...emptyDraft(text(record.event_type)),
    dataText: JSON.stringify(record.data ?? {}, null, 2),
    aggregateId: text(metadata.aggregate_id),
    correlationId: text(metadata.correlation_id),
    causationId: text(metadata.causation_id),
    source: text(metadata.source) || 'vscode',
  };
}
