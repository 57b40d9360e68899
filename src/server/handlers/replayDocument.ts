import { buildCausationTree } from '../../engine/correlation/causationTree';
import { backendOf } from './handlerBackend';
import { renderCausationTree } from '../../engine/correlation/renderCausationTree';
import { aggregateReplaySteps, correlationReplaySteps, describeChange, type ReplayStep } from '../../engine/replay/replaySteps';
import type { ReplayDocumentParams, ReplayDocumentResult, ReplayRow } from '../../shared/replayProtocol';
import { finiteOr, type HandlerStore } from './handlerStore';
import { optionalWhole } from './writeStore';

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
/** A correlation rebuilds each event's aggregate: fewer rows than an aggregate's replay. */
const MAX_CORRELATION_LIMIT = 2000;

/** The replay document's rows (and, for a correlation, the causation tree as `eventbus correlation` prints it). */
export async function replayDocument(store: HandlerStore, params: ReplayDocumentParams): Promise<ReplayDocumentResult> {
  const aggregateId = typeof params.aggregateId === 'string' && params.aggregateId !== '' ? params.aggregateId : undefined;
  const correlationId = typeof params.correlationId === 'string' && params.correlationId !== '' ? params.correlationId : undefined;
  if ((aggregateId === undefined) === (correlationId === undefined)) throw new Error('a replay needs exactly one of an aggregate id or a correlation id');
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(finiteOr(params.limit, DEFAULT_LIMIT))));
  if (aggregateId !== undefined) {
    const replay = await aggregateReplaySteps(backendOf(store), aggregateId, {
      fromSequenceNumber: optionalWhole('fromSequence', params.fromSequence),
      toSequenceNumber: optionalWhole('toSequence', params.toSequence),
      limit,
    });
    return { rows: replay.steps.map(toRow), truncated: replay.truncated, foldProblem: replay.foldProblem, causationTree: null };
  }
  const id = correlationId as string;
  const replay = await correlationReplaySteps(backendOf(store), id, Math.min(limit, MAX_CORRELATION_LIMIT));
  const indexed = store.engine.select({ correlationId: id });
  const causationTree = indexed.length === 0 ? null : renderCausationTree(buildCausationTree(indexed));
  return { rows: replay.steps.map(toRow), truncated: replay.truncated, foldProblem: replay.foldProblem, causationTree };
}

function toRow(step: ReplayStep): ReplayRow {
  const { event } = step;
  const sequence = event.metadata.sequence_number;
  return {
    eventId: event.metadata.event_id,
    aggregateId: event.metadata.aggregate_id ?? null,
    sequence: typeof sequence === 'number' && Number.isFinite(sequence) ? sequence : null,
    timestamp: typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : null,
    type: event.event_type,
    source: event.metadata.source,
    changes: step.changes === null ? null : step.changes.map((c) => describeChange(c)),
    moreChanges: step.moreChanges,
  };
}
