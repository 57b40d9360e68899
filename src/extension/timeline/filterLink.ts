import type * as vscode from 'vscode';
import type { SharedFilter } from '../../shared/timelineProtocol';
import type { ExplorerViews } from '../views/explorerViews';
import { isLinkedView, LINKED_VIEWS, sharedFromViewFilter, viewFilterFromShared } from '../views/model/sharedFilterMapping';
import type { TimelinePanel } from './timelinePanel';

/**
 * One filter for the timeline and the trees: a person filtering a linked
 * view narrows the timeline; filtering in the timeline (legend, filter bar,
 * a brushed time window) re-filters the linked views. Each side's own
 * changes are the only ones announced, so nothing echoes back.
 */
export function linkTimelineFilter(views: ExplorerViews, timeline: TimelinePanel): vscode.Disposable[] {
  // Not sent to the timeline yet: after a window reload the trees start unfiltered, and a restored timeline's own saved filter is newer.
  let shared: SharedFilter = sharedFromViewFilter('aggregates', views.aggregates.filter, {});
  return [
    views.onDidChangeFilter(({ view, filter }) => {
      if (!isLinkedView(view)) return;
      shared = sharedFromViewFilter(view, filter, shared);
      timeline.setFilter(shared);
    }),
    timeline.onDidChangeFilter((filter) => {
      shared = filter;
      for (const view of LINKED_VIEWS) views.setFilter(view, viewFilterFromShared(view, filter, views.filterable(view).filter), false);
    }),
  ];
}
