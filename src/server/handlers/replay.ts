import { replayEvents } from '../../engine/replay/replay';
import { backendOf } from './handlerBackend';
import { rebuildFromEvents } from '../../engine/state/rebuild';
import { resolveStoreFold } from '../../engine/state/fold/storeFold';
import { META_KEY } from '../../engine/state/defaultReducer';
import { stateAsWritten } from '../../engine/state/stateAsWritten';
import { unsafeNumberPaths } from '../../engine/state/unsafeNumbers';
import type { RebuildParams, RebuildResultJson, ReplayParams, ReplayResult } from '../../shared/protocol';
import { finiteOr, type HandlerStore } from './handlerStore';
import { requireProjection } from './projections';

const DEFAULT_REPLAY_LIMIT = 1000;

function wholeOrUndefined(name: string, value: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got ${String(value)}`);
  return value;
}

/** An aggregate's events in sequence order, upcast, as the bus's replay hands them out (`eventbus replay`). */
export async function replay(store: HandlerStore, params: ReplayParams): Promise<ReplayResult> {
  const limit = Math.max(1, Math.floor(finiteOr(params.limit, DEFAULT_REPLAY_LIMIT)));
  const events = await replayEvents(backendOf(store), {
    aggregateId: params.aggregateId,
    fromSequenceNumber: wholeOrUndefined('fromSequence', params.fromSequence),
    toSequenceNumber: wholeOrUndefined('toSequence', params.toSequence),
    limit: limit + 1,
  });
  return { events: events.slice(0, limit), truncated: events.length > limit };
}

/** The state of an aggregate at a sequence: latest snapshot at or before it plus the events after, or a projection's fold (`eventbus rebuild`). */
export async function rebuild(store: HandlerStore, params: RebuildParams, projectionsEnabled = false): Promise<RebuildResultJson> {
  const atSequence = wholeOrUndefined('atSequence', params.atSequence);
  // A named projection runs store code in a time- and memory-limited worker, behind the setting and trust gates.
  const through =
    params.projection !== undefined && params.projection !== null && params.projection !== ''
      ? await requireProjection(store.root, params, projectionsEnabled)
      : undefined;
  const result = await rebuildFromEvents(backendOf(store), params.aggregateId, {
    atSequence,
    ...(through ? { projection: through.projection, projectionLimits: through.limits } : {}),
  });
  // A projection's state is its own computation: only the reducers' fold carries the events' numbers.
  const written = through
    ? undefined
    : await stateAsWritten(store.engine, result.state, {
        aggregateId: params.aggregateId,
        fromSnapshot: result.fromSnapshot?.file ?? null,
        fromSequenceNumber: result.fromSnapshot?.sequence_number ?? Number.NEGATIVE_INFINITY,
        toSequenceNumber: result.lastSequence,
      });
  const roundedNumbers = unsafeNumberPaths(result.state);
  const fold = await resolveStoreFold(backendOf(store));
  return {
    aggregateId: params.aggregateId,
    state: result.state,
    ...(written ? { stateText: written.text, numberSpellings: written.spellings } : {}),
    ...(roundedNumbers.length > 0 ? { roundedNumbers } : {}),
    bookkeepingKeys: [META_KEY, ...Object.keys(fold.bookkeeping)],
    lastSequence: result.lastSequence,
    eventsApplied: result.eventsApplied,
    fromSnapshot: result.fromSnapshot?.file ?? null,
    skippedSnapshots: result.skippedSnapshots.map((s) => ({ file: s.ref.file, reason: s.reason })),
  };
}
