import * as vscode from 'vscode';
import { requesterOf } from '../clientRequests';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EventByIdRequest } from '../../shared/protocol';
import type { QueryStatus } from '../../shared/queryViewProtocol';
import type { ExplorerViews } from '../views/explorerViews';
import { eventFilterOf, withField } from '../views/model/viewFilter';
import { LINKED_VIEWS } from '../views/model/sharedFilterMapping';
import { chooseStore } from '../commands/storeChoice';
import { type ExportChoices, exportSelection } from './exportCommand';
import { countMatches, humanError } from './queryAnswers';
import { QUERY_VIEW_ID, QueryViewProvider } from './queryView';
import { eventRowOf, groupQuery, groupRowOf } from './rowArgs';
import { savedQueries } from './savedQueries';

export const QueryCommand = {
  /** Runs a query as if typed in the box: `(text: string) => QueryStatus`. */
  apply: 'eventbus.query.apply',
  focus: 'eventbus.focusQuery',
  runSaved: 'eventbus.runSavedQuery',
  exportEvents: 'eventbus.exportEvents',
  copyEventJson: 'eventbus.copyEventJson',
  openInInspector: 'eventbus.openGroupInInspector',
  showGroupInTimeline: 'eventbus.showGroupInTimeline',
  replayGroup: 'eventbus.replayGroup',
} as const;

/**
 * The query box and what hangs off it: the query filters the Aggregates,
 * Correlations and Event Types views (and through their link, the
 * timeline); saved queries; export of a query result or a row; the row
 * commands that act on an aggregate or correlation.
 */
export function registerQuery(context: vscode.ExtensionContext, client: LanguageClient, views: ExplorerViews): void {
  const send = requesterOf(client);
  const current = () => views.aggregates.filter.where ?? '';

  /** The views (and the timeline through the Aggregates view's link) take a query only once the server could read it. */
  const run = async (text: string): Promise<QueryStatus> => {
    const status = await countMatches(send, views.registry, text);
    if (status.kind === 'idle' || status.kind === 'matches') {
      const where = status.kind === 'idle' ? undefined : text.trim();
      for (const view of LINKED_VIEWS) {
        const filter = views.filterable(view).filter;
        if ((filter.where ?? undefined) !== where) views.setFilter(view, withField(filter, 'where', where), view === 'aggregates');
      }
    }
    return status;
  };

  const exportResult = async (choices?: ExportChoices) => {
    const filter = eventFilterOf(views.aggregates.filter);
    // The views list every store; an export writes one store's events, the one the user picks.
    const store = await chooseStore(send, 'Export Query Result');
    if (store === undefined) return undefined;
    return exportSelection(client, { store, ...(filter ? { filter } : {}), label: filter?.where ? 'query result' : 'all events' }, choices);
  };

  const provider = new QueryViewProvider(context.extensionUri, { run, current, exportResult: async () => void (await exportResult()) });
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus: ${humanError(error)}`);

  const applyAndShow = async (text: string): Promise<QueryStatus> => {
    const status = await run(text);
    provider.showText(text, status);
    if (status.kind === 'problem') void vscode.window.showWarningMessage(`Event Bus: the query cannot be read at column ${status.column}: ${status.reason}`);
    return status;
  };

  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(QUERY_VIEW_ID, provider),
    // A filter cleared or changed from a view's title bar shows in the box.
    views.onDidChangeFilter(({ view, filter }) => {
      if (view === 'aggregates') provider.showText(filter.where ?? '');
    }),
    vscode.commands.registerCommand(QueryCommand.apply, (text?: unknown) => applyAndShow(typeof text === 'string' ? text : '')),
    vscode.commands.registerCommand(QueryCommand.focus, () => vscode.commands.executeCommand(`${QUERY_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(QueryCommand.runSaved, async () => {
      const queries = savedQueries();
      if (queries.length === 0) {
        void vscode.window.showInformationMessage('Event Bus: no saved queries yet. Type one in the Query view and press Save.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        queries.map((q) => ({ label: q.name, detail: q.query, query: q.query })),
        { title: 'Run Saved Query', matchOnDetail: true },
      );
      if (pick) await applyAndShow(pick.query);
    }),
    vscode.commands.registerCommand(QueryCommand.exportEvents, async (row?: unknown, choices?: ExportChoices) => {
      const group = groupRowOf(row);
      const event = eventRowOf(row);
      const filter = eventFilterOf(views.aggregates.filter);
      if (group) {
        return exportSelection(client, {
          store: group.store,
          ...(group.groupBy === 'aggregate' ? { aggregateId: group.key } : { correlationId: group.key }),
          ...(filter ? { filter } : {}),
          label: group.key,
        }, choices);
      }
      if (event) return exportSelection(client, { store: event.store, eventIds: [event.eventId], label: `${event.type} ${event.eventId.slice(0, 8)}` }, choices);
      return exportResult(choices);
    }),
    vscode.commands.registerCommand(QueryCommand.copyEventJson, async (row?: unknown) => {
      const event = eventRowOf(row);
      if (!event) return void vscode.window.showWarningMessage('Event Bus: Copy as JSON works on an event row of the Event Bus views.');
      try {
        const detail = await send(EventByIdRequest.type, { store: event.store, eventId: event.eventId });
        if (!detail) return void vscode.window.showWarningMessage('Event Bus: that event is no longer in the store.');
        await vscode.env.clipboard.writeText(`${JSON.stringify(detail.event, null, 2)}\n`);
        vscode.window.setStatusBarMessage(`Copied ${event.type} as JSON`, 3000);
      } catch (error) {
        fail(error);
      }
    }),
    vscode.commands.registerCommand(QueryCommand.openInInspector, async (row?: unknown) => {
      const group = groupRowOf(row);
      if (!group || group.groupBy !== 'aggregate') return void vscode.window.showWarningMessage('Event Bus: Open in Inspector works on an aggregate row.');
      await vscode.commands.executeCommand('eventbus.openInspector', { aggregateId: group.key, store: group.store });
    }),
    vscode.commands.registerCommand(QueryCommand.showGroupInTimeline, async (row?: unknown) => {
      const group = groupRowOf(row);
      if (!group) return void vscode.window.showWarningMessage('Event Bus: Show in Timeline works on an aggregate or correlation row.');
      // One query language for every filter: the row becomes a query the box shows, the views and the timeline apply.
      await applyAndShow(groupQuery(group));
      await vscode.commands.executeCommand('eventbus.openTimeline');
    }),
    vscode.commands.registerCommand(QueryCommand.replayGroup, async (row?: unknown) => {
      const group = groupRowOf(row);
      if (!group) return void vscode.window.showWarningMessage('Event Bus: Replay works on an aggregate or correlation row.');
      const store = group.store !== undefined ? { store: group.store } : {};
      if (group.groupBy === 'aggregate') await vscode.commands.executeCommand('eventbus.replayAggregatePick', { aggregateId: group.key, ...store });
      else await vscode.commands.executeCommand('eventbus.replayCorrelation', { correlationId: group.key, ...store });
    }),
  );
}
