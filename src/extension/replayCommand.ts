import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReplayAggregateCommand } from '../shared/commands';
import { ReplayRequest } from '../shared/protocol';
import type { ReadOnlyViews } from './readOnlyViews';

/**
 * "Replay aggregate to this event" (offered by the server's code actions):
 * the aggregate's events up to that sequence, upcast as replay sees them,
 * in a read-only JSON Lines document.
 */
export function registerReplayAggregateCommand(context: vscode.ExtensionContext, client: LanguageClient, views: ReadOnlyViews): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ReplayAggregateCommand.id, async (args?: ReplayAggregateCommand.Args) => {
      if (!args || typeof args.aggregateId !== 'string') {
        void vscode.window.showWarningMessage('Event Bus: replay needs an aggregate (run it from an event line).');
        return;
      }
      const result = await client.sendRequest(ReplayRequest.type, { aggregateId: args.aggregateId, toSequence: args.toSequence, limit: 10_000 });
      const lines = result.events.map((event) => JSON.stringify(event));
      if (result.truncated) void vscode.window.showInformationMessage(`Event Bus: showing the first ${lines.length} events of ${args.aggregateId}.`);
      const name = `replay ${safeName(args.aggregateId)} to ${args.toSequence}.jsonl`;
      await views.show(name, `${lines.join('\n')}\n`, 'event-jsonl');
    }),
  );
}

/** An aggregate id as a path segment of a view URI (no separators). */
function safeName(id: string): string {
  return id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
