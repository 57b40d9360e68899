import * as vscode from 'vscode';
import type { ExplorerViews } from './explorerViews';
import { promptFilter, promptSort, pickView } from './filterPrompts';
import type { LoadMoreNode } from './model/nodes';
import { FILTERABLE_VIEWS, type FilterableView, isFilterableView, viewCommandId } from './model/viewNames';
import type { SendRequest } from './sources/requester';
import { editorErrorText } from '../errorText';
import { chooseStore } from '../commands/storeChoice';

function isLoadMore(value: unknown): value is LoadMoreNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'more';
}

/**
 * Filter, clear, sort (a generic command for the palette that asks which
 * view, and one per view for its title bar, which passes no argument),
 * and "Load more…". Refresh is the one palette command eventbus.refresh.
 */
export function registerViewCommands(views: ExplorerViews, send: SendRequest): vscode.Disposable[] {
  // The keys offered come from the selected row's store, else the one the user picks (the filter itself applies to every store).
  const storeOf = async (view: FilterableView) => views.treeView(view).selection[0]?.store ?? (await chooseStore(send, 'Filter: keys from which store?'));
  const filter = async (view: FilterableView) => {
    const source = views.filterable(view);
    const store = await storeOf(view);
    if (store === undefined) return;
    const next = await promptFilter(view, source.filter, send, store);
    if (next) views.setFilter(view, next);
  };
  const clear = (view: FilterableView) => views.setFilter(view, {});
  const sort = async (view: FilterableView) => {
    const source = views.filterable(view);
    const next = await promptSort(view, source.sort);
    if (!next) return;
    source.setSort(next);
    views.applyViewState(view);
    views.provider(view).refresh();
  };
  const viewFromArg = async (arg: unknown) => (isFilterableView(arg) ? arg : pickView());
  const fail = (error: unknown) => void vscode.window.showErrorMessage(`Event Bus: ${editorErrorText(error)}`);
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('eventbus.filterView', async (arg?: unknown) => {
      const view = await viewFromArg(arg);
      if (view) await filter(view).catch(fail);
    }),
    vscode.commands.registerCommand('eventbus.clearFilter', async (arg?: unknown) => {
      const view = await viewFromArg(arg);
      if (view) clear(view);
    }),
    vscode.commands.registerCommand('eventbus.sortView', async (arg?: unknown) => {
      const view = await viewFromArg(arg);
      if (view) await sort(view).catch(fail);
    }),
    vscode.commands.registerCommand('eventbus.loadMore', (node?: unknown) => {
      if (!isLoadMore(node)) return;
      const view = FILTERABLE_VIEWS.find((name) => views.source(name).loadMore(node));
      if (view) views.provider(view).refresh(node.parent);
    }),
  ];
  for (const view of FILTERABLE_VIEWS) {
    disposables.push(
      vscode.commands.registerCommand(viewCommandId('filterView', view), () => filter(view).catch(fail)),
      vscode.commands.registerCommand(viewCommandId('clearFilter', view), () => clear(view)),
      vscode.commands.registerCommand(viewCommandId('sortView', view), () => sort(view).catch(fail)),
    );
  }
  return disposables;
}
