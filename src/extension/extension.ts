import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerDebugCommands } from './debug/debugCommands';
import { registerReplayDebugger } from './debug/debugAdapterFactory';
import { timelineMarkerOf, watchDebugPositions } from './debug/debugPositions';
import { registerDecompressedDocuments } from './decompressedDocuments';
import { registerEventFileLanguage } from './eventFileLanguage';
import { createLanguageClient } from './languageClient';
import { registerReadOnlyViews } from './readOnlyViews';
import { registerReplayAggregateCommand } from './replayCommand';
import { registerPaletteCommands } from './commands';
import { registerInspector } from './inspector';
import { registerQuery } from './query';
import { storeChangedEvents } from './storeEvents';
import { registerExplorer } from './views';
import { registerTimeline } from './timeline';
import { linkTimelineFilter } from './timeline/filterLink';

let client: LanguageClient | undefined;

/**
 * The composition root of the client. It stays thin: the language server
 * owns the engine (indexing a 500 MB store must not stall the extension
 * host every extension shares); the client forwards and renders.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Event Bus', { log: true });
  context.subscriptions.push(log);
  registerEventFileLanguage(context);
  registerDecompressedDocuments(context);
  const views = registerReadOnlyViews(context);
  client = createLanguageClient(context, log);
  context.subscriptions.push(client);
  registerReplayAggregateCommand(context);
  const palette = registerPaletteCommands(context, client, views);
  const storeChanged = storeChangedEvents(context, client);
  // The timeline and the inspector follow the debug session's current event.
  const debugPositions = watchDebugPositions();
  context.subscriptions.push(debugPositions.disposable);
  registerInspector(context, client, storeChanged, debugPositions.onDidChange);
  const explorer = registerExplorer(context, client, views, storeChanged, log);
  const timeline = registerTimeline(context, client, storeChanged, log);
  palette.refreshViews = () => explorer.refresh();
  palette.showVerifications = (store, results) => {
    explorer.views.snapshots.setVerifications(store, results, true);
    explorer.views.provider('snapshots').refresh();
  };
  context.subscriptions.push(...linkTimelineFilter(explorer.views, timeline));
  registerQuery(context, client, explorer.views);
  registerReplayDebugger(context);
  context.subscriptions.push(debugPositions.onDidChange((position) => timeline.showDebugMarker(timelineMarkerOf(position), position?.store)));
  context.subscriptions.push(...registerDebugCommands());
  await client.start();
  log.info('Event Bus language server started');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
