import * as vscode from 'vscode';
import { requesterOf } from '../clientRequests';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { type StoreChangedParams, StoreProgressNotification } from '../../shared/protocol';
import { isIndexing, openingMessage } from './model/storeProgress';
import { registerEventDocuments } from '../eventDocuments/eventDocuments';
import type { ReadOnlyViews } from '../readOnlyViews';
import { registerStatusBarItem } from '../status/statusBarItem';
import { registerEventCommands } from './eventCommands';
import { ExplorerViews } from './explorerViews';
import { LiveRefresh } from './liveRefresh';
import { VIEW_NAMES } from './model/viewNames';
import { StoreRegistry } from './sources/storeRegistry';
import { registerStoreCommands } from './storeCommands';
import { registerViewCommands } from './viewCommands';
import { editorErrorText } from '../errorText';

/** The handle the composition root keeps; the palette's Verify Snapshots can feed `views.snapshots.setVerifications`. */
export interface Explorer extends vscode.Disposable {
  readonly views: ExplorerViews;
  /** Asks the server for the stores again and refreshes every view. */
  refresh(): Promise<void>;
}

/**
 * The Event Bus activity-bar container: five tree views over the server's
 * custom requests, their commands, the event documents, the status bar
 * item and live refresh on StoreChangedNotification. Safe to call before
 * the client has started: requests wait until it runs.
 */
export function registerExplorer(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  readOnly: ReadOnlyViews,
  storeChanged: vscode.Event<StoreChangedParams>,
  log?: vscode.LogOutputChannel,
): Explorer {
  const send = requesterOf(client);
  const write = (message: string) => log?.warn(message);
  const registry = new StoreRegistry(send);
  const views = new ExplorerViews(send, registry, write);
  const documents = registerEventDocuments(context, send);
  const live = new LiveRefresh(views, () => documents.refreshOpen(), write);

  let shownStores = '';
  const onStores = () => {
    void vscode.commands.executeCommand('setContext', 'eventbus.storesKnown', registry.answered);
    void vscode.commands.executeCommand('setContext', 'eventbus.storeFound', registry.stores.length > 0);
    views.showOpening(openingMessage(registry.stores));
    // A store appearing or going, or its index becoming ready, changes every view's top level; counts alone are the live refresh's business.
    const stores = registry.stores.map((s) => `${s.storeRoot}|${isIndexing(s) ? `indexing ${s.progress?.percent ?? 0}` : 'indexed'}`).join('\n');
    if (stores !== shownStores) {
      shownStores = stores;
      for (const name of VIEW_NAMES) views.source(name).invalidate(true);
      views.refreshAll();
    }
  };

  const refresh = async () => {
    await registry.refresh();
    for (const name of VIEW_NAMES) views.source(name).invalidate(true);
    views.refreshAll();
  };
  const refreshLogged = () =>
    void refresh().catch((error: unknown) => write(`Event Bus views: ${editorErrorText(error)}`));

  const disposables: vscode.Disposable[] = [
    views,
    live,
    registry.onDidChange(onStores),
    registerStatusBarItem(registry),
    storeChanged((params) => live.push(params)),
    client.onNotification(StoreProgressNotification.type, (params) => registry.applyStatus(params.status)),
    // (Re)started servers know nothing of what the views show: start over.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) refreshLogged();
    }),
    ...registerViewCommands(views, send),
    ...registerEventCommands(views, send, readOnly),
    ...registerStoreCommands(views, send),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('eventbus.pageSize')) refreshLogged();
    }),
  ];
  if (client.isRunning()) refreshLogged();
  const explorer: Explorer = {
    views,
    refresh,
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
  context.subscriptions.push(explorer);
  return explorer;
}
