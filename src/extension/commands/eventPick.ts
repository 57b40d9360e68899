import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type EventEntry, EventsQueryRequest } from '../../shared/protocol';

const PAGE = 10_000;

/** One row of the pick: `#42 trade_executed · 2024-01-15 10:30:00`, newest first. */
export interface EventPickItem extends vscode.QuickPickItem {
  readonly sequence: number;
}

export function eventPickItems(entries: readonly EventEntry[]): EventPickItem[] {
  return entries
    .filter((e): e is EventEntry & { sequence: number } => e.sequence !== null)
    .map((e) => ({
      label: `#${e.sequence} ${e.type}`,
      description: e.timestamp ? e.timestamp.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : 'no timestamp',
      detail: e.source ? `from ${e.source}${e.correlationId ? ` · correlation ${e.correlationId}` : ''}` : undefined,
      sequence: e.sequence,
    }))
    .reverse();
}

/** Every event of the aggregate (paged from the server), in sequence order. */
async function aggregateEntries(client: LanguageClient, store: string | undefined, aggregateId: string, token?: vscode.CancellationToken): Promise<EventEntry[]> {
  const entries: EventEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.sendRequest(EventsQueryRequest.type, { ...(store !== undefined ? { store } : {}), aggregateId, offset, limit: PAGE }, token);
    entries.push(...page.items);
    if (entries.length >= page.total || page.items.length === 0) return entries;
  }
}

/**
 * "Pick the event, then see the state": a searchable list of the aggregate's
 * events (type, time, source, by sequence, newest first). Resolves with the
 * chosen sequence, undefined when cancelled or the aggregate has none.
 */
export async function pickAggregateEvent(client: LanguageClient, store: string | undefined, aggregateId: string, title: string): Promise<number | undefined> {
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
