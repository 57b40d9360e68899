import * as vscode from 'vscode';
import type { RequestParam, RequestType } from 'vscode-jsonrpc';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StoreChangedNotification, type StoreChangedParams } from '../../shared/protocol';
import { INSPECTOR_VIEW_TYPE, subjectOfSavedState, type InspectorSubject } from '../../shared/webviewProtocol';
import { pickAggregate } from './aggregatePick';
import { createInspectorBackend, type SendRequest } from './inspectorBackend';
import { createInspectorWebviewPanel, InspectorPanel } from './inspectorPanel';
import { parseOpenInspectorArgs, subjectKey } from './openInspectorArgs';

export const OPEN_INSPECTOR_COMMAND = 'eventbus.openInspector';

/**
 * The time-travel inspector: the `eventbus.openInspector` command (a quick
 * pick of aggregates, or `{aggregateId, atSequence?, store?}` from other
 * commands), the serializer that revives panels after a reload, and live
 * appends. `storeChanged` should be the extension's shared event for
 * StoreChangedNotification: the language client keeps one handler per
 * notification method, so when absent the inspector registers its own and
 * would replace any other.
 */
export function registerInspector(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  storeChanged?: vscode.Event<StoreChangedParams>,
): void {
  // RequestParam<P> widens only `null` params; none of ours are null, so P is what it takes.
  const send: SendRequest = <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> =>
    client.sendRequest<P, R, void>(type, params as RequestParam<P>);
  const panels = new Map<string, InspectorPanel>();
  const log = (message: string) => client.outputChannel.appendLine(message);

  const adopt = (panel: vscode.WebviewPanel, subject: InspectorSubject, atSequence: number | undefined): InspectorPanel => {
    const inspector = new InspectorPanel(panel, subject, createInspectorBackend(send, subject), context.extensionUri, atSequence, log);
    const key = subjectKey(subject);
    panels.set(key, inspector);
    inspector.onDidDispose(() => {
      if (panels.get(key) === inspector) panels.delete(key);
    });
    return inspector;
  };

  const open = (subject: InspectorSubject, atSequence: number | undefined): void => {
    const existing = panels.get(subjectKey(subject));
    if (existing) existing.focus(atSequence);
    else adopt(createInspectorWebviewPanel(subject, context.extensionUri), subject, atSequence);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_INSPECTOR_COMMAND, async (args?: unknown) => {
      const given = parseOpenInspectorArgs(args);
      if (given) {
        open(given, given.atSequence);
        return;
      }
      const aggregateId = await pickAggregate(send, undefined);
      if (aggregateId !== undefined) open({ aggregateId }, undefined);
    }),
    vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const subject = subjectOfSavedState(state);
        if (!subject) {
          // Saved by a page that never got an aggregate (or by an older version): nothing to show.
          panel.dispose();
          return;
        }
        if (panels.has(subjectKey(subject))) panel.dispose();
        else adopt(panel, subject, undefined);
      },
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );

  const onStoreChanged = (change: StoreChangedParams): void => {
    for (const inspector of panels.values()) {
      inspector.storeChanged(change).catch((error: unknown) => log(`inspector: live update failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  context.subscriptions.push(storeChanged ? storeChanged(onStoreChanged) : client.onNotification(StoreChangedNotification.type, onStoreChanged));
}
