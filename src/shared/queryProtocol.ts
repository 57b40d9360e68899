/**
 * The content query and export messages between the client and the server
 * (the query language itself is src/engine/query). Declared once, imported by
 * both sides, as the other custom messages are.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { EventFilter, StoreParams } from './protocol';

export interface QueryMatchesParams extends StoreParams {
  /** The content query as typed (`data.quantity > 10 and type == "trade_executed"`). */
  readonly where: string;
}

/** A query that could not be read: where (1-based column) and what was expected there. */
export interface QueryProblem {
  readonly column: number;
  readonly reason: string;
}

export type QueryMatches =
  | { readonly ok: true; readonly matched: number; readonly total: number }
  | { readonly ok: false; readonly problem: QueryProblem };

/** Client → server: how many events of the store a content query matches (or why it cannot be read). The query box asks it as the user types. */
export namespace QueryMatchesRequest {
  export const method = 'eventbus/queryMatches';
  export const type = new RequestType<QueryMatchesParams, QueryMatches, void>(method);
}

export type ExportFormatName = 'jsonl' | 'json' | 'csv';

export interface ExportParams extends StoreParams {
  /** What to export: one aggregate's events (sequence order), one correlation's, or the whole store (store order); then narrowed by `filter` (its `where` included). */
  readonly aggregateId?: string;
  readonly correlationId?: string;
  readonly eventIds?: readonly string[];
  readonly filter?: EventFilter;
  readonly format: ExportFormatName;
  /** CSV columns as query paths (default: the envelope). */
  readonly columns?: readonly string[];
  /** Absolute path of the file to write (the user chose it in a save dialog, which asked before replacing). */
  readonly target: string;
  /** Ties the progress notifications to this export. */
  readonly progressToken: string;
}

export interface ExportResult {
  readonly events: number;
  readonly bytes: number;
}

/** Client → server: writes the selected events to a file (JSONL byte for byte, JSON array, CSV), through a temp file. */
export namespace ExportRequest {
  export const method = 'eventbus/export';
  export const type = new RequestType<ExportParams, ExportResult, void>(method);
}

export interface ExportProgressParams {
  readonly progressToken: string;
  readonly done: number;
  readonly total: number;
}

/** Server → client: events written so far by an export, for its progress notification. */
export namespace ExportProgressNotification {
  export const method = 'eventbus/exportProgress';
  export const type = new NotificationType<ExportProgressParams>(method);
}
