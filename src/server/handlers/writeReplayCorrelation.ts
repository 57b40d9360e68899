import { replayEvents } from '../../engine/replay/replay';
import { backendOf } from './handlerBackend';
import type { ReplayCorrelationParams, ReplayCorrelationResult } from '../../shared/writeProtocol';
import { finiteOr, type HandlerStore } from './handlerStore';
import { requireText } from './writeStore';

const DEFAULT_LIMIT = 1000;

/** A correlation's events in store order (across aggregates), upcast, as `eventbus replay --correlation` hands them out. */
export async function replayCorrelation(store: HandlerStore, params: ReplayCorrelationParams): Promise<ReplayCorrelationResult> {
  const correlationId = requireText('correlationId', params.correlationId, '"corr-42"');
  const limit = Math.max(1, Math.floor(finiteOr(params.limit, DEFAULT_LIMIT)));
  const events = await replayEvents(backendOf(store), { correlationId, limit: limit + 1 });
  return { events: events.slice(0, limit), truncated: events.length > limit };
}
