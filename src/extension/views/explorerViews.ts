import * as vscode from 'vscode';
import type { ViewNode } from './model/nodes';
import type { ViewFilter } from './model/viewFilter';
import { FILTERABLE_VIEWS, type FilterableView, filteredContextKey, VIEW_NAMES, type ViewName, viewId } from './model/viewNames';
import { AggregatesSource, EventTypesSource } from './sources/groupedSource';
import { CorrelationsSource } from './sources/correlationsSource';
import type { SendRequest } from './sources/requester';
import { SnapshotsSource } from './sources/snapshotsSource';
import { StatusSource } from './sources/statusSource';
import type { StoreRegistry } from './sources/storeRegistry';
import type { FilterableSource, TreeSource } from './sources/treeSource';
import { SourceTreeProvider } from './treeProvider';

export const PAGE_SIZE_SETTING = 'pageSize';
const DEFAULT_PAGE_SIZE = 200;

function pageSize(): number {
  const value = vscode.workspace.getConfiguration('eventbus').get<number>(PAGE_SIZE_SETTING, DEFAULT_PAGE_SIZE);
  return Number.isFinite(value) && value > 0 ? Math.min(10_000, Math.floor(value)) : DEFAULT_PAGE_SIZE;
}

interface ViewParts {
  readonly source: TreeSource;
  readonly provider: SourceTreeProvider;
  readonly treeView: vscode.TreeView<ViewNode>;
}

/** The five tree views, their sources and providers, created once. */
export class ExplorerViews implements vscode.Disposable {
  readonly aggregates: AggregatesSource;
  readonly correlations: CorrelationsSource;
  readonly eventTypes: EventTypesSource;
  readonly snapshots: SnapshotsSource;
  readonly status: StatusSource;
  private readonly parts = new Map<ViewName, ViewParts>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly filterChanged = new vscode.EventEmitter<{ readonly view: FilterableView; readonly filter: ViewFilter }>();
  /** A person changed a view's filter (not fired for filters set by setFilter with `announce` false). */
  readonly onDidChangeFilter = this.filterChanged.event;

  constructor(send: SendRequest, readonly registry: StoreRegistry, log: (message: string) => void) {
    const options = { send, pageSize };
    this.aggregates = new AggregatesSource(options);
    this.correlations = new CorrelationsSource(options);
    this.eventTypes = new EventTypesSource(options);
    this.snapshots = new SnapshotsSource(options);
    this.status = new StatusSource(send, (store) => registry.statusOf(store));
    const sources: Record<ViewName, TreeSource> = {
      aggregates: this.aggregates,
      correlations: this.correlations,
      eventTypes: this.eventTypes,
      snapshots: this.snapshots,
      status: this.status,
    };
    for (const name of VIEW_NAMES) {
      const provider = new SourceTreeProvider(sources[name], registry, log);
      const treeView = vscode.window.createTreeView(viewId(name), { treeDataProvider: provider, showCollapseAll: name !== 'status' });
      this.parts.set(name, { source: sources[name], provider, treeView });
      this.disposables.push(provider, treeView);
    }
    for (const name of FILTERABLE_VIEWS) this.applyViewState(name);
  }

  /** The line above every view while a store opens (undefined clears it). */
  showOpening(message: string | undefined): void {
    for (const { treeView } of this.parts.values()) if (treeView.message !== message) treeView.message = message;
  }

  filterable(name: FilterableView): FilterableSource {
    return this[name];
  }

  provider(name: ViewName): SourceTreeProvider {
    return this.get(name).provider;
  }

  treeView(name: ViewName): vscode.TreeView<ViewNode> {
    return this.get(name).treeView;
  }

  source(name: ViewName): TreeSource {
    return this.get(name).source;
  }

  isVisible(name: ViewName): boolean {
    return this.get(name).treeView.visible;
  }

  /** Sets a view's filter and shows it: the description, the clear button, a fresh top level. */
  setFilter(view: FilterableView, filter: ViewFilter, announce = true): void {
    this.filterable(view).setFilter(filter);
    this.applyViewState(view);
    this.provider(view).refresh();
    if (announce) this.filterChanged.fire({ view, filter });
  }

  /** After a filter or sort change: the description, the clear button's context key, a fresh top level. */
  applyViewState(name: FilterableView): void {
    const source = this.filterable(name);
    this.treeView(name).description = source.description() || undefined;
    void vscode.commands.executeCommand('setContext', filteredContextKey(name), source.isFiltered());
  }

  refreshAll(): void {
    for (const { provider } of this.parts.values()) provider.refresh();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.filterChanged.dispose();
  }

  private get(name: ViewName): ViewParts {
    const parts = this.parts.get(name);
    if (!parts) throw new Error(`no view named ${name}`);
    return parts;
  }
}
