/**
 * The replay document's request: an aggregate's or a correlation's events
 * as rows a person reads (sequence, time, type, source, the change each
 * made to its aggregate's state) and, for a correlation, the causation tree
 * as `eventbus correlation` prints it. Declared once, imported by both sides.
 */
import { RequestType } from 'vscode-jsonrpc';
import type { StoreParams } from './protocol';

export interface ReplayDocumentParams extends StoreParams {
  /** Exactly one of aggregateId and correlationId. */
  readonly aggregateId?: string;
  readonly correlationId?: string;
  /** Aggregate replays only. */
  readonly fromSequence?: number;
  readonly toSequence?: number;
  readonly limit?: number;
}

export interface ReplayRow {
  readonly eventId: string;
  readonly aggregateId: string | null;
  readonly sequence: number | null;
  /** As stored. */
  readonly timestamp: string | null;
  readonly type: string;
  readonly source: string;
  /** One line per change to the aggregate's state (bookkeeping left out); null when it could not be folded. */
  readonly changes: readonly string[] | null;
  readonly moreChanges: number;
}

export interface ReplayDocumentResult {
  readonly rows: readonly ReplayRow[];
  /** More events than `limit`. */
  readonly truncated: boolean;
  /** Why the changes are missing (a projection fold, a failing reducer). */
  readonly foldProblem: string | null;
  /** For a correlation: the causation tree with the time each hop took (the CLI's text). */
  readonly causationTree: string | null;
}

/** Client → server: "Replay Aggregate…" / "Replay Correlation…" as a readable document. */
export namespace ReplayDocumentRequest {
  export const method = 'eventbus/replayDocument';
  export const type = new RequestType<ReplayDocumentParams, ReplayDocumentResult, void>(method);
}
