import * as vscode from 'vscode';
import { AggregatesRequest } from '../../shared/protocol';
import type { SendRequest } from './inspectorBackend';
import { aggregatePickItems, aggregatePickPlaceholder, type AggregatePickItem } from './aggregatePickItems';

const FIRST_PAGE = 5000;

/**
 * A quick pick of the store's aggregates with their event counts. The first
 * page is filtered by VS Code as the person types; when the store has more
 * aggregates than that page, typing also asks the server by id prefix.
 */
export async function pickAggregate(send: SendRequest, store: string): Promise<string | undefined> {
  const scope = { store };
  const first = await send(AggregatesRequest.type, { ...scope, offset: 0, limit: FIRST_PAGE });
  if (first.total === 0) {
    void vscode.window.showInformationMessage('Event Bus: the store has no aggregates to inspect.');
    return undefined;
  }
  const pick = vscode.window.createQuickPick<AggregatePickItem & vscode.QuickPickItem>();
  pick.title = 'Open Time-Travel Inspector';
  pick.placeholder = aggregatePickPlaceholder(first);
  pick.matchOnDescription = false;
  pick.items = aggregatePickItems(first);
  let searching: ReturnType<typeof setTimeout> | undefined;
  let latestQuery = '';
  if (first.items.length < first.total) {
    pick.onDidChangeValue((value) => {
      latestQuery = value;
      if (searching !== undefined) clearTimeout(searching);
      searching = setTimeout(() => {
        pick.busy = true;
        send(AggregatesRequest.type, { ...scope, prefix: value, offset: 0, limit: FIRST_PAGE }).then(
          (page) => {
            if (value !== latestQuery) return;
            pick.items = aggregatePickItems(value === '' ? first : page);
            pick.busy = false;
          },
          () => {
            pick.busy = false;
          },
        );
      }, 150);
    });
  }
  return new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.aggregateId);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
