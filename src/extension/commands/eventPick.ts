import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type EventEntry, EventsQueryRequest } from '../../shared/protocol';
import { eventPickItems } from './eventPickItems';

const PAGE = 10_000;

/** Every event of the aggregate (paged from the server), in sequence order. */
async function aggregateEntries(client: LanguageClient, store: string, aggregateId: string, token?: vscode.CancellationToken): Promise<EventEntry[]> {
  const entries: EventEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.sendRequest(EventsQueryRequest.type, { store, aggregateId, offset, limit: PAGE }, token);
    entries.push(...page.items);
    if (entries.length >= page.total || page.items.length === 0) return entries;
  }
}

/**
 * "Pick the event, then see the state": a searchable list of the aggregate's
 * events (type, time, source, by sequence, newest first). Resolves with the
 * chosen sequence, undefined when cancelled or the aggregate has none.
 */
export async function pickAggregateEvent(client: LanguageClient, store: string, aggregateId: string, title: string): Promise<number | undefined> {
  const items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the events of ${aggregateId}` }, (_p, token) =>
    aggregateEntries(client, store, aggregateId, token).then(eventPickItems),
  );
  if (items.length === 0) {
    void vscode.window.showWarningMessage(`Event Bus: ${aggregateId} has no events with a sequence number to rebuild at.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: `The state of ${aggregateId} after which event? Type to search by sequence, type, time or source`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.sequence;
}
