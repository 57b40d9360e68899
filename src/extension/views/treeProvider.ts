import * as vscode from 'vscode';
import { storeItem } from './model/basicItems';
import type { StoreNode, ViewNode } from './model/nodes';
import { NodeInterner } from './model/nodeInterner';
import type { StoreRegistry } from './sources/storeRegistry';
import type { TreeSource } from './sources/treeSource';
import { toTreeItem } from './toTreeItem';

/**
 * The thin adapter from a TreeSource to VS Code: a store heading per store
 * when the workspace has several, errors shown as a row instead of a
 * silent empty view.
 */
export class SourceTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly storeNodes = new NodeInterner();

  constructor(
    readonly source: TreeSource,
    private readonly registry: StoreRegistry,
    private readonly log: (message: string) => void,
  ) {}

  /** Re-asks VS Code for `node`'s children (the whole view when undefined). */
  refresh(node?: ViewNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.kind === 'store') return toTreeItem(storeItem(node));
    return toTreeItem(this.source.item(node, Date.now()));
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    try {
      if (node) return node.kind === 'store' ? await this.source.roots(node.store, node) : await this.source.children(node);
      const stores = this.registry.stores;
      if (stores.length === 0) return [];
      if (stores.length === 1) return await this.source.roots(stores[0].storeRoot, undefined);
      return stores.map((status) =>
        this.storeNodes.intern<StoreNode>({ kind: 'store', key: `store|${status.storeRoot}`, store: status.storeRoot, parent: undefined, status }),
      );
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.log(`${this.source.view} view: ${text}`);
      return [{ kind: 'message', key: `${node?.key ?? ''}/error`, store: node?.store, parent: node, text: `Could not list: ${text}`, severity: 'error' }];
    }
  }

  /** The top-level node with this key suffix in `store` (for reveal), fetching the top level if needed. */
  async findRoot(store: string | undefined, matches: (node: ViewNode) => boolean): Promise<ViewNode | undefined> {
    let level = await this.getChildren(undefined);
    const heading = level.find((n) => n.kind === 'store' && n.store === store);
    if (heading) level = await this.getChildren(heading);
    return level.find(matches);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
