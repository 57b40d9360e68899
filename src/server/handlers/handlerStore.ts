import type { IndexedEvent } from '../../engine/model/indexTypes';
import { naturalCompare } from '../../engine/model/naturalOrder';
import { formatTimestamp } from '../../engine/model/timestamp';
import type { SchemaRegistry } from '../../engine/schema/schemaRegistry';
import type { StoreEngine } from '../../engine/storeEngineTypes';
import type { EventEntry } from '../../shared/protocol';

/** What a request handler gets: one open store. Handlers never see the connection. */
export interface HandlerStore {
  readonly root: string;
  readonly engine: StoreEngine;
  readonly registry: SchemaRegistry;
  /** The document URI of a store-relative file. */
  uriOf(file: string): string;
}

// The one paging contract lives with the query (engine/query/paging.ts); handlers page through it.
export { DEFAULT_PAGE, finiteOr, MAX_PAGE, pageOf, pageWindow } from '../../engine/query';

export function timestampText(ms: number): string | null {
  return Number.isFinite(ms) ? formatTimestamp(ms) : null;
}

export function toEventEntry(store: HandlerStore, event: IndexedEvent): EventEntry {
  return {
    ordinal: event.ordinal,
    sequence: Number.isNaN(event.sequenceNumber) ? null : event.sequenceNumber,
    type: event.eventType,
    timestamp: timestampText(event.timestampMs),
    timestampMs: Number.isFinite(event.timestampMs) ? event.timestampMs : null,
    status: event.status,
    retryCount: event.retryCount,
    file: event.file,
    uri: store.uriOf(event.file),
    line: event.line,
    eventId: event.eventId,
    aggregateId: event.aggregateId,
    correlationId: event.correlationId,
    causationId: event.causationId,
    source: event.source,
    schemaVersion: event.schemaVersion,
  };
}

/** Ids in natural order (trader_2 before trader_10) for stable paging, filtered by prefix. */
export function sortedWithPrefix(ids: readonly string[], prefix: string | undefined): string[] {
  if (prefix) return ids.filter((id) => id.startsWith(prefix)).sort(naturalCompare);
  // The whole list is asked for on every page of a view: sorted once per list the index hands out.
  let sorted = naturalOrderCache.get(ids);
  if (!sorted) {
    sorted = [...ids].sort(naturalCompare);
    naturalOrderCache.set(ids, sorted);
  }
  return [...sorted];
}

const naturalOrderCache = new WeakMap<readonly string[], readonly string[]>();

