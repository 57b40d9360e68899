import * as vscode from 'vscode';
import { storeItem } from './model/basicItems';
import type { MessageNode, StoreNode, ViewNode } from './model/nodes';
import { indexingRowText, isIndexing } from './model/storeProgress';
import type { StoreStatus } from '../../shared/protocol';
import { NodeInterner } from './model/nodeInterner';
import type { StoreRegistry } from './sources/storeRegistry';
import type { TreeSource } from './sources/treeSource';
import { toTreeItem } from './toTreeItem';
import { editorErrorText } from '../errorText';

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
      if (node) {
        if (node.kind !== 'store') return await this.source.children(node);
        const status = this.registry.statusOf(node.store);
        return status && isIndexing(status) ? [this.indexingRow(status, node)] : await this.source.roots(node.store, node);
      }
      const stores = this.registry.stores;
      if (stores.length === 0) return [];
      // While the index is built a request would wait for it: say how far it is instead.
      if (stores.length === 1) return isIndexing(stores[0]) ? [this.indexingRow(stores[0], undefined)] : await this.source.roots(stores[0].storeRoot, undefined);
      return stores.map((status) =>
        this.storeNodes.intern<StoreNode>({ kind: 'store', key: `store|${status.storeRoot}`, store: status.storeRoot, parent: undefined, status }),
      );
    } catch (error) {
      const text = editorErrorText(error);
      this.log(`${this.source.view} view: ${text}`);
      return [{ kind: 'message', key: `${node?.key ?? ''}/error`, store: node?.store, parent: node, text: `Could not list: ${text}`, severity: 'error' }];
    }
  }

  private indexingRow(status: StoreStatus, parent: ViewNode | undefined): MessageNode {
    return { kind: 'message', key: `indexing|${status.storeRoot}`, store: status.storeRoot, parent, text: indexingRowText(status), severity: 'info' };
  }

  /** The top-level node with this key suffix in `store` (for reveal), fetching the top level if needed. */
  async findRoot(store: string, matches: (node: ViewNode) => boolean): Promise<ViewNode | undefined> {
    let level = await this.getChildren(undefined);
    const heading = level.find((n) => n.kind === 'store' && n.store === store);
    if (heading) level = await this.getChildren(heading);
    return level.find(matches);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
