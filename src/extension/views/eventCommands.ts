import * as vscode from 'vscode';
import { RebuildRequest } from '../../shared/protocol';
import type { ReadOnlyViews } from '../readOnlyViews';
import { SHOW_STATUS_COMMAND } from '../status/statusBarItem';
import type { ExplorerViews } from './explorerViews';
import type { EventNode } from './model/nodes';
import { VIEW_CONTAINER_ID, viewId } from './model/viewNames';
import { isRevealEventArgs, REVEAL_IN_AGGREGATES_COMMAND, revealEventInAggregates } from './revealEvent';
import type { SendRequest } from './sources/requester';
import { editorErrorText } from '../errorText';

function isEventNode(value: unknown): value is EventNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'event';
}

/** An id as a path segment of a view URI (no separators). */
function safeName(id: string): string {
  return id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/**
 * The event rows' context menu (rebuild to here, copy id, show correlation;
 * replay is eventbus.replayAggregate, registered elsewhere), opening a
 * snapshot, verifying snapshots from the view, and "Show Status".
 */
export function registerEventCommands(views: ExplorerViews, send: SendRequest, readOnly: ReadOnlyViews): vscode.Disposable[] {
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus: ${editorErrorText(error)}`);
  const needEvent = (what: string) => void vscode.window.showWarningMessage(`Event Bus: ${what} works on an event row of the Event Bus views.`);

  const rebuildToHere = async (node: EventNode) => {
    if (node.aggregateId === undefined || node.toSequence === undefined) {
      void vscode.window.showWarningMessage('Event Bus: Rebuild to Here needs an event with an aggregate id and a sequence number.');
      return;
    }
    const result = await send(RebuildRequest.type, { store: node.store, aggregateId: node.aggregateId, atSequence: node.toSequence });
    await readOnly.show(`state ${safeName(node.aggregateId)} at ${node.toSequence}.json`, `${JSON.stringify(result, null, 2)}\n`, 'json');
  };

  const showCorrelation = async (node: EventNode) => {
    const correlationId = node.entry.correlationId;
    if (!correlationId) {
      void vscode.window.showInformationMessage('Event Bus: this event has no correlation id.');
      return;
    }
    // A correlation may sit on a page not loaded yet: filtering by its id puts it at the top (the clear button undoes it).
    views.setFilter('correlations', { prefix: correlationId });
    await vscode.commands.executeCommand(`${viewId('correlations')}.focus`);
    const target = await views.provider('correlations').findRoot(node.store, (n) => n.kind === 'group' && n.summary.key === correlationId);
    if (target) await views.treeView('correlations').reveal(target, { select: true, focus: true, expand: true });
  };

  return [
    vscode.commands.registerCommand('eventbus.rebuildToHere', (node?: unknown) => (isEventNode(node) ? rebuildToHere(node).catch(fail) : needEvent('Rebuild to Here'))),
    vscode.commands.registerCommand('eventbus.copyEventId', async (node?: unknown) => {
      if (!isEventNode(node)) return needEvent('Copy Event Id');
      await vscode.env.clipboard.writeText(node.entry.eventId);
      vscode.window.setStatusBarMessage(`Copied event id ${node.entry.eventId}`, 3000);
    }),
    vscode.commands.registerCommand('eventbus.showCorrelation', (node?: unknown) => (isEventNode(node) ? showCorrelation(node).catch(fail) : needEvent('Show Correlation'))),
    vscode.commands.registerCommand('eventbus.openSnapshot', async (uri?: unknown) => {
      if (typeof uri !== 'string') return;
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true }).then(undefined, fail);
    }),
    vscode.commands.registerCommand(REVEAL_IN_AGGREGATES_COMMAND, async (args?: unknown) => {
      if (!isRevealEventArgs(args)) return needEvent('Reveal in Aggregates View');
      await revealEventInAggregates(views, send, args).catch(fail);
    }),
    vscode.commands.registerCommand(SHOW_STATUS_COMMAND, async () => {
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER_ID}`);
      await vscode.commands.executeCommand(`${viewId('status')}.focus`);
      // Feedback that something happened: the view's progress bar while the status is asked again, then the counts.
      await vscode.window
        .withProgress({ location: { viewId: viewId('status') }, title: 'Reading the store status' }, async () => {
          await views.registry.refresh();
          views.provider('status').refresh();
        })
        .then(undefined, fail);
      const stores = views.registry.stores;
      const events = stores.reduce((sum, s) => sum + s.eventCount, 0);
      vscode.window.setStatusBarMessage(
        stores.length === 0 ? 'Event Bus: no event store found' : `$(pulse) Event Bus: ${stores.length === 1 ? 'the store holds' : `${stores.length} stores hold`} ${events.toLocaleString('en-US')} events`,
        5000,
      );
    }),
  ];
}
