import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StoreChangedNotification, type StoreChangedParams } from '../shared/protocol';

/**
 * One subscription to the server's `storeChanged` notification, fanned out
 * as a VS Code event: the language client keeps a single handler per
 * notification, so every view, panel and the status bar listen here instead.
 */
export function storeChangedEvents(context: vscode.ExtensionContext, client: LanguageClient): vscode.Event<StoreChangedParams> {
  const emitter = new vscode.EventEmitter<StoreChangedParams>();
  context.subscriptions.push(emitter, client.onNotification(StoreChangedNotification.type, (params) => emitter.fire(params)));
  return emitter.event;
}
