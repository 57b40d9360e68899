import { type CausationTree, type CausationTreeNode, CausationTreeRequest } from '../../../shared/protocol';
import { eventNode, type EventNode, type GroupNode, type ViewNode } from '../model/nodes';
import { pageOfArray } from '../model/pagedCache';
import { GroupedSource } from './groupedSource';
import type { SourceOptions } from './treeSource';

/**
 * Correlations → their causation forest across aggregates. The filter picks
 * which correlations are listed; a tree is always shown whole, since a
 * chain with steps left out would read as broken.
 */
export class CorrelationsSource extends GroupedSource {
  readonly view = 'correlations' as const;
  protected readonly groupBy = 'correlation' as const;
  protected readonly eventStyle = 'aggregate' as const;
  private readonly trees = new Map<string, { stamp: string; tree: Promise<CausationTree | null> }>();

  constructor(options: SourceOptions) {
    super(options, 'lastActivity');
  }

  override invalidate(full: boolean): void {
    super.invalidate(full);
    if (full) this.trees.clear();
  }

  protected override reset(): void {
    super.reset();
    this.trees.clear();
  }

  async children(node: ViewNode): Promise<ViewNode[]> {
    if (node.kind === 'event') return this.effects(node);
    if (node.kind !== 'group') return [];
    const listKey = `${node.key}/tree`;
    const stamp = this.groupStamp(node);
    const list = await this.get<CausationTreeNode>(listKey, stamp, async (offset, limit) => {
      const tree = await this.treeOf(node, stamp);
      return pageOfArray(tree?.roots ?? [], offset, limit);
    });
    if (list.items.length === 0) return [this.message(`${listKey}/empty`, 'No events (the correlation is no longer in the store)', node.store, node)];
    const nodes = list.items.map((step, i) => this.nodes.intern(eventNode(step.entry, `${listKey}/${i}`, node.store, node, step)));
    return this.withLoadMore(listKey, list, nodes, node.store, node);
  }

  /** The events a step caused (shown whole: fan-out is small next to an aggregate's history). */
  private effects(node: EventNode): ViewNode[] {
    const steps = node.causation?.children ?? [];
    return steps.map((step, i) => this.nodes.intern(eventNode(step.entry, `${node.key}.${i}`, node.store, node, step)));
  }

  private treeOf(node: GroupNode, stamp: string): Promise<CausationTree | null> {
    const known = this.trees.get(node.key);
    if (known && known.stamp === stamp) return known.tree;
    const tree = this.options.send(CausationTreeRequest.type, { store: node.store, correlationId: node.summary.key });
    this.trees.set(node.key, { stamp, tree });
    tree.catch(() => this.trees.delete(node.key));
    return tree;
  }
}
