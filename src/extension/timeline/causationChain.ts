/**
 * The server's causation tree flattened into the list the timeline draws
 * arrows from (parents before children), with the correlation's time span.
 */
import type { CausationTree, CausationTreeNode } from '../../shared/protocol';
import type { CausationChain, ChainEvent } from '../../shared/timelineProtocol';

/** Enough for any real workflow; a runaway tree is cut rather than posted whole to the page. */
export const MAX_CHAIN_EVENTS = 5000;

export function flattenCausationTree(tree: CausationTree, limit = MAX_CHAIN_EVENTS): CausationChain {
  const events: ChainEvent[] = [];
  let from = Infinity;
  let to = -Infinity;
  const visit = (node: CausationTreeNode, causeId: string | null) => {
    if (events.length >= limit) return;
    const t = node.entry.timestampMs;
    if (t !== null) {
      from = Math.min(from, t);
      to = Math.max(to, t);
    }
    events.push({
      eventId: node.entry.eventId,
      causeId,
      timestampMs: t,
      sinceCauseMs: node.sinceCauseMs,
      type: node.entry.type,
      aggregateId: node.entry.aggregateId,
      source: node.entry.source,
    });
    // A cycle is reported by the server and not expanded further; children of a node are its effects.
    for (const child of node.children) visit(child, node.entry.eventId);
  };
  for (const root of tree.roots) visit(root, root.brokenCause ? root.entry.causationId : null);
  return { correlationId: tree.correlationId, events, range: Number.isFinite(from) ? { from, to } : null };
}
