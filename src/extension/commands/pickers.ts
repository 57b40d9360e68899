import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BUILT_IN_EVENT_TYPES } from '../../engine/model/eventTypes';
import { AggregateEventsRequest, AggregatesRequest, CorrelationsRequest, EventTypesRequest, type SnapshotSummary } from '../../shared/protocol';
import type { SequenceBounds } from './sequenceInput';
import { aggregateItem, correlationItem, eventTypeItems, snapshotItem, validateEventTypeName } from './pickItems';
import { pickWithSearch, toQuickItem } from './searchPick';

/** Results per search: enough to scroll, small enough to arrive at once. */
const SEARCH_PAGE = 200;
/** Largest page the server answers (protocol.ts MAX_PAGE). */
const SERVER_PAGE = 10_000;

export function pickAggregate(client: LanguageClient, store: string, title: string): Promise<string | undefined> {
  return pickWithSearch({
    title,
    placeholder: 'Aggregate id (type the start of it to search)',
    noun: 'aggregate',
    search: async (prefix, token) => {
      const page = await client.sendRequest(AggregatesRequest.type, { store, prefix, limit: SEARCH_PAGE }, token);
      return { items: page.items.map(aggregateItem), total: page.total };
    },
  });
}

export function pickCorrelation(client: LanguageClient, store: string, title: string): Promise<string | undefined> {
  return pickWithSearch({
    title,
    placeholder: 'Correlation id (type the start of it to search)',
    noun: 'correlation',
    search: async (prefix, token) => {
      const page = await client.sendRequest(CorrelationsRequest.type, { store, prefix, limit: SEARCH_PAGE }, token);
      return { items: page.items.map(correlationItem), total: page.total };
    },
  });
}

/**
 * The event type to publish: the store's types and the built-in ones
 * (a list of names, not the store: the client still parses nothing), or
 * whatever new type the user types.
 */
export async function pickEventType(client: LanguageClient, store: string): Promise<string | undefined> {
  const storeTypes = await client.sendRequest(EventTypesRequest.type, { store });
  return new Promise<string | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { value?: string }>();
    pick.title = 'Publish Event: event type';
    pick.placeholder = 'Pick an event type, or type a new one';
    const refill = (typed: string) => {
      pick.items = eventTypeItems(storeTypes, BUILT_IN_EVENT_TYPES, typed).map(toQuickItem);
    };
    refill('');
    let chosen: string | undefined;
    pick.onDidChangeValue(refill);
    pick.onDidAccept(() => {
      const typed = pick.value.trim();
      // With nothing selected, Enter takes the typed text when it can be a type (the list shows why when not).
      const value = pick.selectedItems[0]?.value ?? (typed && validateEventTypeName(typed) === undefined ? typed : undefined);
      if (value === undefined) return;
      chosen = value;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

export async function pickSnapshot(snapshots: readonly SnapshotSummary[], aggregateId: string): Promise<SnapshotSummary | undefined> {
  const items = snapshots
    .filter((s) => s.aggregateId === aggregateId)
    .sort((a, b) => b.sequenceNumber - a.sequenceNumber)
    .map((s) => toQuickItem(snapshotItem(s)));
  const picked = await vscode.window.showQuickPick(items, { title: `Restore ${aggregateId} from snapshot`, placeHolder: 'The snapshot to start from' });
  return picked?.value;
}

/** The aggregate's first and last sequence (its events come in sequence order). */
export async function aggregateBounds(client: LanguageClient, store: string, aggregateId: string): Promise<SequenceBounds | undefined> {
  const first = await client.sendRequest(AggregateEventsRequest.type, { store, aggregateId, limit: 1 });
  if (first.total === 0 || first.items[0].sequence === null) return undefined;
  const last = await client.sendRequest(AggregateEventsRequest.type, { store, aggregateId, offset: first.total - 1, limit: 1 });
  const lastSequence = last.items[0]?.sequence;
  return { first: first.items[0].sequence, last: lastSequence ?? first.items[0].sequence };
}

/** Every sequence the aggregate has, ascending, a page at a time. */
export async function aggregateSequences(client: LanguageClient, store: string, aggregateId: string, token?: vscode.CancellationToken): Promise<number[]> {
  const sequences: number[] = [];
  for (let offset = 0; ; offset += SERVER_PAGE) {
    const page = await client.sendRequest(AggregateEventsRequest.type, { store, aggregateId, offset, limit: SERVER_PAGE }, token);
    for (const entry of page.items) if (entry.sequence !== null) sequences.push(entry.sequence);
    if (offset + page.items.length >= page.total || page.items.length === 0 || token?.isCancellationRequested) break;
  }
  return sequences;
}
