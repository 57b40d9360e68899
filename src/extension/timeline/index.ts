import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ShowInTimelineCommand } from '../../shared/commands';
import { type StoreChangedParams, StoreChangedNotification } from '../../shared/protocol';
import { TIMELINE_VIEW_TYPE } from '../../shared/timelineProtocol';
import { eventIdOfArgument } from './showInTimelineArgs';
import { TimelinePanel } from './timelinePanel';

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
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
  context.subscriptions.push(
    timeline,
    vscode.commands.registerCommand(OPEN_TIMELINE_COMMAND, () => timeline.show()),
    vscode.commands.registerCommand(ShowInTimelineCommand.id, (arg?: unknown) => {
      const eventId = eventIdOfArgument(arg);
      if (!eventId) {
        void vscode.window.showInformationMessage('Show in Timeline needs an event: run it on an event in the Aggregates view or from a code action.');
        return;
      }
      timeline.reveal(eventId).catch(fail);
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => timeline.restore(panel),
    }),
    storeChanged ? storeChanged((change) => timeline.storeChanged(change)) : client.onNotification(StoreChangedNotification.type, (change) => timeline.storeChanged(change)),
  );
  return timeline;
}
