import type { RequestType } from 'vscode-jsonrpc';
import {
  AggregateEventsRequest,
  RebuildRequest,
  SnapshotsRequest,
  SnapshotVerifyRequest,
  type EventEntry,
  type SnapshotVerification,
} from '../../shared/protocol';
import type {
  InspectorStep,
  InspectorSubject,
  SnapshotDrift,
  SnapshotDriftParams,
  SnapshotsResult,
  StateAtSequence,
  StateParams,
  StepsPage,
  StepsParams,
} from '../../shared/webviewProtocol';

/** How the host reaches the language server (the LanguageClient's sendRequest, or a fake in tests). */
export type SendRequest = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

/** What the inspector page may ask about its one aggregate; every answer comes from the server. */
export interface InspectorBackend {
  steps(params: StepsParams): Promise<StepsPage>;
  state(params: StateParams): Promise<StateAtSequence>;
  snapshots(): Promise<SnapshotsResult>;
  snapshotDrift(params: SnapshotDriftParams): Promise<SnapshotDrift>;
}

export function toInspectorStep(entry: EventEntry): InspectorStep {
  return {
    ordinal: entry.ordinal,
    sequence: entry.sequence,
    type: entry.type,
    timestamp: entry.timestamp,
    eventId: entry.eventId,
    status: entry.status,
    source: entry.source,
    retryCount: entry.retryCount,
    correlationId: entry.correlationId,
  };
}

export function createInspectorBackend(send: SendRequest, subject: InspectorSubject): InspectorBackend {
  const scope = { aggregateId: subject.aggregateId, store: subject.store };
  const rebuild = (atSequence: number) => send(RebuildRequest.type, { ...scope, atSequence });
  return {
    async steps({ offset, limit }) {
      const page = await send(AggregateEventsRequest.type, { ...scope, offset, limit });
      return { offset: page.offset, total: page.total, steps: page.items.map(toInspectorStep) };
    },
    async state({ atSequence }) {
      const result = await rebuild(atSequence);
      return {
        atSequence,
        state: result.state,
        lastSequence: result.lastSequence,
        eventsApplied: result.eventsApplied,
        fromSnapshot: result.fromSnapshot,
        ...(result.stateText !== undefined ? { stateText: result.stateText } : {}),
        ...(result.numberSpellings !== undefined ? { numberSpellings: result.numberSpellings } : {}),
        ...(result.roundedNumbers !== undefined ? { roundedNumbers: result.roundedNumbers } : {}),
        ...(result.bookkeepingKeys !== undefined ? { bookkeepingKeys: result.bookkeepingKeys } : {}),
      };
    },
    async snapshots() {
      const list = await send(SnapshotsRequest.type, scope);
      return {
        snapshots: list.snapshots
          .filter((s) => s.aggregateId === subject.aggregateId)
          .map((s) => ({ sequenceNumber: s.sequenceNumber, file: s.file })),
      };
    },
    async snapshotDrift(params) {
      const [verifications, atSnapshot] = await Promise.all([send(SnapshotVerifyRequest.type, scope), rebuild(params.sequenceNumber)]);
      return driftOf(params, verifications, atSnapshot);
    },
  };
}

/**
 * One snapshot's drift from the verify results, plus its own state: a
 * rebuild at the snapshot's sequence that started from that very file and
 * applied no event is the snapshot's state (the server reads it; the client
 * never parses the store).
 */
export function driftOf(
  snapshot: SnapshotDriftParams,
  verifications: readonly SnapshotVerification[],
  atSnapshot: { readonly state: unknown; readonly fromSnapshot: string | null; readonly eventsApplied: number },
): SnapshotDrift {
  const found = verifications.find((v) => v.file === snapshot.file) ?? verifications.find((v) => v.sequenceNumber === snapshot.sequenceNumber);
  const known = atSnapshot.fromSnapshot === snapshot.file && atSnapshot.eventsApplied === 0;
  if (!found) {
    return {
      ...snapshot,
      ok: false,
      differences: [],
      error: `the server did not verify ${snapshot.file} (is it still in snapshots/?)`,
      snapshotState: known ? atSnapshot.state : null,
      snapshotStateKnown: known,
    };
  }
  return {
    sequenceNumber: found.sequenceNumber,
    file: found.file,
    ok: found.ok,
    differences: [...found.differences],
    error: found.error ?? null,
    snapshotState: known ? atSnapshot.state : null,
    snapshotStateKnown: known,
  };
}

