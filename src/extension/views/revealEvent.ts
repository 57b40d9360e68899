import * as vscode from 'vscode';
import { RevealInAggregatesCommand } from '../../shared/commands';
import { EventPlaceRequest } from '../../shared/protocol';
import type { ExplorerViews } from './explorerViews';
import type { GroupNode, ViewNode } from './model/nodes';
import { eventFilterOf } from './model/viewFilter';
import type { SendRequest } from './sources/requester';

export const REVEAL_IN_AGGREGATES_COMMAND = RevealInAggregatesCommand.id;

/** The argument: an event id and its store. */
export type RevealEventArgs = RevealInAggregatesCommand.Args;

export function isRevealEventArgs(value: unknown): value is RevealEventArgs {
  if (typeof value !== 'object' || value === null) return false;
  const { eventId, store } = value as { eventId?: unknown; store?: unknown };
  return typeof eventId === 'string' && eventId.length > 0 && typeof store === 'string' && store.length > 0;
}

/**
 * Selects an event's row in the Aggregates view, however many pages in:
 * the server says where the event sits under the view's filter and sort,
 * the view loads that many pages, then VS Code reveals the row. An event
 * the filter hides is said so, and its aggregate is revealed if shown.
 */
export async function revealEventInAggregates(views: ExplorerViews, send: SendRequest, args: RevealEventArgs): Promise<void> {
  const source = views.aggregates;
  const filter = eventFilterOf(source.filter);
  const store = args.store;
  const place = await send(EventPlaceRequest.type, {
    store,
    eventId: args.eventId,
    ...(source.filter.prefix ? { prefix: source.filter.prefix } : {}),
    ...(filter ? { filter } : {}),
    sort: source.sort,
  });
  if (!place) {
    void vscode.window.showWarningMessage(`Event Bus: no event with id ${args.eventId} in the store.`);
    return;
  }
  if (place.aggregateId === null) {
    void vscode.window.showInformationMessage(`Event Bus: event ${args.eventId} has no aggregate_id, so it is in no row of the Aggregates view.`);
    return;
  }
  if (place.groupIndex === -1) {
    void vscode.window.showInformationMessage(`Event Bus: the Aggregates view's filter hides aggregate ${place.aggregateId} (clear the filter to see event ${args.eventId}).`);
    return;
  }
  const provider = views.provider('aggregates');
  source.wantGroups(store, place.groupIndex + 1);
  const aggregateId = place.aggregateId;
  const group = await provider.findRoot(store, (node) => node.kind === 'group' && node.summary.key === aggregateId);
  if (!group || group.kind !== 'group') throw new Error(`aggregate ${aggregateId} is not in the Aggregates view after loading ${place.groupIndex + 1} rows`);
  let target: ViewNode = group;
  if (place.eventIndex >= 0) {
    source.wantEvents(group as GroupNode, place.eventIndex + 1);
    const children = await provider.getChildren(group);
    target = children.find((node) => node.kind === 'event' && node.entry.eventId === args.eventId) ?? group;
  } else {
    void vscode.window.showInformationMessage(`Event Bus: the Aggregates view's filter hides event ${args.eventId}; its aggregate is selected.`);
  }
  // VS Code holds the rows it listed before: the longer lists must reach it before the reveal.
  provider.refresh();
  await views.treeView('aggregates').reveal(target, { select: true, focus: false });
}
