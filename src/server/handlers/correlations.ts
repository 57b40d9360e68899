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

/** The causation forest of one correlation (engine's buildCausationTree), as JSON; null when no event has the id. */
export function causationTree(store: HandlerStore, params: CausationTreeParams): CausationTree | null {
  const index = store.engine.index;
  const events = index.ordinalsOfCorrelation(params.correlationId).map((ordinal) => index.event(ordinal));
  if (events.length === 0) return null;
  const forest = buildCausationTree(events);
  const toNode = (node: CausationNode<IndexedEvent>): CausationTreeNode => ({
    entry: toEventEntry(store, node.event),
    sinceCauseMs: node.sinceCauseMs,
    depth: node.depth,
    ...(node.brokenCause ? { brokenCause: true as const } : {}),
    ...(node.cycle ? { cycle: true as const } : {}),
    ...(node.duplicateId ? { duplicateId: true as const } : {}),
    children: node.children.map(toNode),
  });
  return {
    correlationId: params.correlationId,
    eventCount: forest.eventCount,
    aggregates: forest.aggregates,
    durationMs: forest.durationMs,
    brokenLinks: forest.brokenLinks,
    cycles: forest.cycles,
    duplicateIds: forest.duplicateIds,
    roots: forest.roots.map(toNode),
  };
}
