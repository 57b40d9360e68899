// The extension keeps its TreeDataProviders to itself (activate() returns
// nothing). This suite lives inside the extension's folder, so the extension
// host hands it the very `vscode` API object the extension gets; wrapping
// window.createTreeView before the extension activates records each view's
// provider. The tests then ask the provider VS Code itself renders from:
// the same getChildren/getTreeItem calls, the same rows.
import * as vscode from 'vscode';

export interface CapturedView {
  readonly id: string;
  readonly provider: vscode.TreeDataProvider<unknown>;
  readonly view: vscode.TreeView<unknown>;
  /** How many times the provider said its data changed. */
  changes: number;
}

/** One row as the tree shows it. */
export interface Row {
  readonly node: unknown;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly contextValue: string;
  readonly collapsible: boolean;
  readonly command: vscode.Command | undefined;
}

const captured = new Map<string, CapturedView>();

export function installTreeCapture(): void {
  const window = vscode.window as { createTreeView: typeof vscode.window.createTreeView };
  const original = window.createTreeView.bind(vscode.window);
  const capture = <T>(viewId: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> => {
    const view = original(viewId, options);
    const entry: CapturedView = {
      id: viewId,
      provider: options.treeDataProvider as vscode.TreeDataProvider<unknown>,
      view: view as vscode.TreeView<unknown>,
      changes: 0,
    };
    options.treeDataProvider.onDidChangeTreeData?.(() => entry.changes++);
    captured.set(viewId, entry);
    return view;
  };
  window.createTreeView = capture;
  if (vscode.window.createTreeView !== capture) {
    throw new Error('vscode.window.createTreeView could not be wrapped: the extension host gave this suite a read-only API object');
  }
}

export function capturedView(viewId: string): CapturedView {
  const entry = captured.get(viewId);
  if (!entry) throw new Error(`the extension created no tree view ${viewId} (created: ${[...captured.keys()].join(', ') || 'none'})`);
  return entry;
}

function text(value: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return value;
  if (value instanceof vscode.MarkdownString) return value.value;
  return (value as vscode.TreeItemLabel).label;
}

/** The rows under `parent` (the top level when undefined), as VS Code would render them. */
export async function rowsOf(viewId: string, parent?: unknown): Promise<Row[]> {
  const { provider } = capturedView(viewId);
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await provider.getTreeItem(node);
      return {
        node,
        label: text(item.label),
        description: text(item.description),
        tooltip: text(item.tooltip),
        contextValue: item.contextValue ?? '',
        collapsible: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
        command: item.command,
      };
    }),
  );
}

/** Every row of the top level, following "Load more" rows (as a user clicking them would). */
export async function allRootRows(viewId: string, maxPages = 50): Promise<Row[]> {
  for (let page = 0; page < maxPages; page++) {
    const rows = await rowsOf(viewId);
    const more = rows.find((row) => row.command?.command === 'eventbus.loadMore');
    if (!more) return rows;
    await vscode.commands.executeCommand(more.command!.command, ...(more.command!.arguments ?? []));
  }
  throw new Error(`${viewId}: still a "Load more" row after ${maxPages} pages`);
}

/** Polls a view until its top level holds rows of `contextValue` (the store opens after activation). */
export async function waitForRows(viewId: string, contextValue: string, timeoutMs = 30_000): Promise<Row[]> {
  let rows: Row[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    rows = await rowsOf(viewId);
    if (rows.some((row) => row.contextValue.split(/\s+/).includes(contextValue))) return rows;
    if (Date.now() > deadline) throw new Error(`${viewId} showed no ${contextValue} rows within ${timeoutMs / 1000} s; it shows: ${rows.map((r) => r.label).join(' | ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
