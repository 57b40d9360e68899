import * as vscode from 'vscode';
import { requesterOf } from '../clientRequests';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EventByIdRequest, StoreChangedNotification, type StoreChangedParams } from '../../shared/protocol';
import { EVENT_DOCUMENT_SCHEME, parseEventDocumentUri } from '../eventDocuments/eventDocumentUri';
import type { DebugPosition } from '../../shared/debugPosition';
import { INSPECTOR_VIEW_TYPE, subjectOfSavedState, type InspectorSubject } from '../../shared/webviewProtocol';
import { OpenInspectorCommand } from '../../shared/commands';
import { chooseStore } from '../commands/storeChoice';
import { pickAggregate } from './aggregatePick';
import { createInspectorBackend } from './inspectorBackend';
import { createInspectorWebviewPanel, InspectorPanel } from './inspectorPanel';
import { openArgsOfEntry, parseOpenInspectorArgs, subjectKey, type OpenInspectorArgs } from './openInspectorArgs';


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
  debugPositions?: vscode.Event<DebugPosition | undefined>,
): void {
  const send = requesterOf(client);
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

  /**
   * An event document (the editor title's button passes its URI; from the
   * palette, the active editor's): the inspector opens at that event's
   * aggregate and sequence, as the server's index places it.
   */
  const fromEventDocument = async (uri: vscode.Uri | undefined): Promise<OpenInspectorArgs | 'no aggregate' | undefined> => {
    if (!uri || uri.scheme !== EVENT_DOCUMENT_SCHEME) return undefined;
    const ref = parseEventDocumentUri(uri.path, uri.query);
    if (!ref) return undefined;
    const detail = await send(EventByIdRequest.type, { eventId: ref.eventId, store: ref.store });
    if (!detail) return undefined;
    return openArgsOfEntry(detail.entry, ref.store) ?? 'no aggregate';
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OpenInspectorCommand.id, async (args?: unknown) => {
      const given = parseOpenInspectorArgs(args);
      if (given) {
        open(given, given.atSequence);
        return;
      }
      const document = await fromEventDocument(args instanceof vscode.Uri ? args : vscode.window.activeTextEditor?.document.uri);
      if (document === 'no aggregate') {
        void vscode.window.showInformationMessage('Event Bus: this event has no aggregate id, so it has no state to step through.');
        return;
      }
      if (document) {
        open(document, document.atSequence);
        return;
      }
      // From the palette: the store the user picks (never "the first"), then its aggregate.
      const store = await chooseStore(send, 'Open Time-Travel Inspector');
      if (store === undefined) return;
      const aggregateId = await pickAggregate(send, store);
      if (aggregateId !== undefined) open({ aggregateId, store }, undefined);
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
  // An open inspector of the aggregate a debug session stopped in goes to that step (none is opened for it).
  if (debugPositions) {
    context.subscriptions.push(
      debugPositions((position) => {
        if (!position || position.aggregateId === null || position.sequence === null) return;
        for (const inspector of panels.values()) {
          const { aggregateId, store } = inspector.subject;
          if (aggregateId === position.aggregateId && (store === undefined || store === position.store)) inspector.followDebugPosition(position.sequence);
        }
      }),
    );
  }
}
