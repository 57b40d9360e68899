import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ShowInTimelineCommand, storeOfArgument } from '../../shared/commands';
import { type StoreChangedParams, StoreChangedNotification } from '../../shared/protocol';
import { TIMELINE_VIEW_TYPE } from '../../shared/timelineProtocol';
import { chooseStore } from '../commands/storeChoice';
import { eventRefOfArgument } from './showInTimelineArgs';
import { TimelinePanel } from './timelinePanel';
import { requesterOf } from '../clientRequests';

export const OPEN_TIMELINE_COMMAND = 'eventbus.openTimeline';

/**
 * The timeline: commands eventbus.openTimeline and eventbus.showInTimeline
 * ({ eventId } or an event item), the serializer that revives the panel
 * after a reload, and live updates. Pass `storeChanged` when the
 * composition root fans StoreChangedNotification out to several parts (the
 * language client keeps one handler per notification); without it the
 * timeline registers its own handler.
 */
export function registerTimeline(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  storeChanged?: vscode.Event<StoreChangedParams>,
  log?: vscode.LogOutputChannel,
): TimelinePanel {
  const timeline = new TimelinePanel(context.extensionUri, client, (message) => log?.warn(message));
  const send = requesterOf(client);
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
  context.subscriptions.push(
    timeline,
    vscode.commands.registerCommand(OPEN_TIMELINE_COMMAND, async (arg?: unknown) => {
      const store = storeOfArgument(arg) ?? (await chooseStore(send, 'Open Timeline').catch(fail));
      if (store) timeline.show(store);
    }),
    vscode.commands.registerCommand(ShowInTimelineCommand.id, (arg?: unknown) => {
      const event = eventRefOfArgument(arg);
      if (!event) {
        void vscode.window.showInformationMessage('Show in Timeline needs an event and its store: run it on an event in the Aggregates view or from a code action.');
        return;
      }
      timeline.reveal(event.store, event.eventId).catch(fail);
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        // The page saved the store it showed; a page saved before it did so shows the store the user picks.
        const saved = storeOfArgument(state) ?? (await chooseStore(send, 'Restore Timeline').catch(fail));
        if (saved) timeline.restore(panel, saved);
        else panel.dispose();
      },
    }),
    storeChanged ? storeChanged((change) => timeline.storeChanged(change)) : client.onNotification(StoreChangedNotification.type, (change) => timeline.storeChanged(change)),
  );
  return timeline;
}
