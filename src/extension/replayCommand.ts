import * as vscode from 'vscode';
import { ReplayAggregateCommand } from '../shared/commands';
import { PaletteCommand } from './commands/commandIds';

/**
 * "Replay aggregate to this event" (offered by the server's code actions
 * and an event row's menu): the readable replay document of the aggregate
 * up to that sequence, the same one "Replay Aggregate…" opens.
 */
export function registerReplayAggregateCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ReplayAggregateCommand.id, async (args?: unknown) => {
      const record = (typeof args === 'object' && args !== null ? args : {}) as Partial<ReplayAggregateCommand.Args> & { entry?: { aggregateId?: unknown; sequence?: unknown }; store?: unknown; toSequence?: unknown };
      // A tree row passes its node: the event's aggregate and sequence are on its entry.
      const aggregateId = typeof record.aggregateId === 'string' ? record.aggregateId : typeof record.entry?.aggregateId === 'string' ? record.entry.aggregateId : undefined;
      const toSequence = typeof record.toSequence === 'number' ? record.toSequence : typeof record.entry?.sequence === 'number' ? record.entry.sequence : undefined;
      if (aggregateId === undefined) {
        void vscode.window.showWarningMessage('Event Bus: replay needs an aggregate (run it from an event line or row).');
        return;
      }
      // A tree row or a code action names its store; without one the palette command asks which store (never "the first").
      const store = typeof record.store === 'string' && record.store !== '' ? { store: record.store } : {};
      await vscode.commands.executeCommand(PaletteCommand.replayAggregate, { aggregateId, ...store, ...(toSequence !== undefined ? { toSequence } : {}) });
    }),
  );
}
