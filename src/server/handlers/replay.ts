import { replayEvents } from '../../engine/replay/replay';
import { rebuildFromEvents } from '../../engine/state/rebuild';
import type { RebuildParams, RebuildResultJson, ReplayParams, ReplayResult } from '../../shared/protocol';
import { finiteOr, type HandlerStore } from './handlerStore';

const DEFAULT_REPLAY_LIMIT = 1000;

function wholeOrUndefined(name: string, value: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got ${String(value)}`);
  return value;
}

/** An aggregate's events in sequence order, upcast, as the bus's replay hands them out (`eventbus replay`). */
export async function replay(store: HandlerStore, params: ReplayParams): Promise<ReplayResult> {
  const limit = Math.max(1, Math.floor(finiteOr(params.limit, DEFAULT_REPLAY_LIMIT)));
  const events = await replayEvents(store.engine.storage, {
    aggregateId: params.aggregateId,
    fromSequence: wholeOrUndefined('fromSequence', params.fromSequence),
    toSequence: wholeOrUndefined('toSequence', params.toSequence),
    limit: limit + 1,
  });
  return { events: events.slice(0, limit), truncated: events.length > limit };
}

/** The state of an aggregate at a sequence: latest snapshot at or before it plus the events after (`eventbus rebuild`). */
export async function rebuild(store: HandlerStore, params: RebuildParams): Promise<RebuildResultJson> {
  const result = await rebuildFromEvents(store.engine.storage, params.aggregateId, { atSequence: wholeOrUndefined('atSequence', params.atSequence) });
  return {
    aggregateId: params.aggregateId,
    state: result.state,
    lastSequence: result.lastSequence,
    eventsApplied: result.eventsApplied,
    fromSnapshot: result.fromSnapshot?.file ?? null,
    skippedSnapshots: result.skippedSnapshots.map((s) => ({ file: s.ref.file, reason: s.reason })),
  };
}
