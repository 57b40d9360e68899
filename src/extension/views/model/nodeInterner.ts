import type { ViewNode } from './nodes';

/**
 * One object per key: TreeView.reveal and onDidChangeTreeData.fire(node)
 * find elements by identity, so a refresh copies new data into the object
 * VS Code already holds. Forget everything when the view's meaning changes
 * (a filter, a reopened store).
 */
export class NodeInterner {
  private readonly nodes = new Map<string, ViewNode>();

  intern<N extends ViewNode>(node: N): N {
    const known = this.nodes.get(node.key);
    if (known && known.kind === node.kind) {
      for (const key of Object.keys(known)) if (!(key in node)) delete (known as unknown as Record<string, unknown>)[key];
      Object.assign(known, node);
      return known as N;
    }
    this.nodes.set(node.key, node);
    return node;
  }

  get(key: string): ViewNode | undefined {
    return this.nodes.get(key);
  }

  clear(): void {
    this.nodes.clear();
  }

  get size(): number {
    return this.nodes.size;
  }
}
