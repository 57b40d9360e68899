import { buildCausationTree, type CausationNode } from '../../engine/correlation/causationTree';
import type { IndexedEvent } from '../../engine/model/indexTypes';
import type {
  CausationTree,
  CausationTreeNode,
  CausationTreeParams,
  CorrelationsParams,
  CorrelationSummary,
  Page,
} from '../../shared/protocol';
import { type HandlerStore, pageWindow, timestampText, toEventEntry } from './handlerStore';

/** Correlation ids sorted, with event counts and time spans (computed for the page only). */
export function correlations(store: HandlerStore, params: CorrelationsParams): Page<CorrelationSummary> {
  const index = store.engine.index;
  const { offset, limit } = pageWindow(params);
  const { keys, total } = index.keyPage('correlation', params.prefix ?? '', offset, limit);
  const items = keys.map((correlationId) => {
    const { first, last } = index.timeSpanOf('correlation', correlationId);
    return { correlationId, count: index.correlationSize(correlationId), firstTimestamp: timestampText(first), lastTimestamp: timestampText(last) };
  });
  return { items, total, offset };
}

/**
 * Tree levels one answer nests. The answer is JSON-encoded by the protocol
 * library with JSON.stringify, which recurses (two JSON levels per tree
 * level: the node and its children array) and overflows the stack near 2,000
 * levels; a 100,000-event causation chain is sent in pieces of this many
 * levels instead. A node at the last level with effects below it carries
 * `hiddenDescendants`; asking again with `fromEventId` set to its event id
 * answers the next levels.
 */
export const CAUSATION_LEVELS_PER_ANSWER = 500;

/**
 * The causation forest of one correlation (engine's buildCausationTree), as JSON, built without recursion;
 * with `fromEventId`, only the subtree of that event. Null when no event has the correlation id (or that event id).
 */
export function causationTree(store: HandlerStore, params: CausationTreeParams): CausationTree | null {
  const index = store.engine.index;
  const events = index.ordinalsOfCorrelation(params.correlationId).map((ordinal) => index.event(ordinal));
  if (events.length === 0) return null;
  const forest = buildCausationTree(events);
  let roots = forest.roots;
  if (params.fromEventId !== undefined) {
    const from = findNode(forest.roots, params.fromEventId);
    if (!from) return null;
    roots = [from];
  }
  return {
    correlationId: params.correlationId,
    eventCount: forest.eventCount,
    aggregates: forest.aggregates,
    durationMs: forest.durationMs,
    brokenLinks: forest.brokenLinks,
    cycles: forest.cycles,
    duplicateIds: forest.duplicateIds,
    roots: toTreeNodes(store, roots),
  };
}

/** The nodes as protocol JSON, CAUSATION_LEVELS_PER_ANSWER levels deep, with an explicit stack. */
function toTreeNodes(store: HandlerStore, roots: readonly CausationNode<IndexedEvent>[]): CausationTreeNode[] {
  const out: CausationTreeNode[] = [];
  // Pushed in reverse, so each list is filled in the forest's (time) order.
  const stack: { node: CausationNode<IndexedEvent>; into: CausationTreeNode[]; level: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], into: out, level: 1 });
  while (stack.length > 0) {
    const { node, into, level } = stack.pop()!;
    const children: CausationTreeNode[] = [];
    const cut = level >= CAUSATION_LEVELS_PER_ANSWER && node.children.length > 0;
    into.push({
      entry: toEventEntry(store, node.event),
      sinceCauseMs: node.sinceCauseMs,
      depth: node.depth,
      ...(node.brokenCause ? { brokenCause: true as const } : {}),
      ...(node.cycle ? { cycle: true as const } : {}),
      ...(node.duplicateId ? { duplicateId: true as const } : {}),
      ...(cut ? { hiddenDescendants: countDescendants(node) } : {}),
      children,
    });
    if (!cut) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], into: children, level: level + 1 });
  }
  return out;
}

function countDescendants(node: CausationNode<IndexedEvent>): number {
  let count = 0;
  const stack = [...node.children];
  while (stack.length > 0) {
    const next = stack.pop()!;
    count++;
    for (const child of next.children) stack.push(child);
  }
  return count;
}

/** The node of an event id, searched without recursion (the first in time order when ids repeat). */
function findNode(roots: readonly CausationNode<IndexedEvent>[], eventId: string): CausationNode<IndexedEvent> | undefined {
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.event.eventId === eventId) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return undefined;
}
