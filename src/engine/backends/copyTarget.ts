import { NatsEventStorage } from './nats/natsStorage';
import { PostgresEventStorage } from './postgres/postgresStorage';
import type { AppendOutcome, RawEvent } from './rawEvent';
import { parseStoreLocation } from './storeLocation';

/** Where a copy writes: a backend that takes lines as written, idempotent by event id. */
export interface CopyTarget {
  readonly description: string;
  appendRaw(batch: readonly RawEvent[]): Promise<AppendOutcome>;
  /** Events the target holds. */
  total(): Promise<number>;
  /**
   * How verify finds the target's side: by event id where the backend has an
   * index of ids (PostgreSQL), else by reading it in order beside the source
   * (JetStream keeps the order the copy wrote).
   */
  readonly lookup: { readonly kind: 'by-id'; rawsOf(eventIds: readonly string[]): Promise<Map<string, string>> } | { readonly kind: 'in-order'; read(): AsyncIterable<RawEvent> };
  /** The id of the newest event, when resuming needs it (JetStream drops repeats only within its duplicate window). */
  lastEventId?(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Opens a PostgreSQL or JetStream store for a copy; with `create`, its tables or stream are made when missing. */
export async function openCopyTarget(location: string, options: { readonly create: boolean }): Promise<CopyTarget> {
  const parsed = parseStoreLocation(location);
  if (parsed.kind === 'postgres') {
    const storage = await PostgresEventStorage.open(parsed.url, { create: options.create });
    return {
      description: storage.describe(),
      appendRaw: (batch) => storage.appendRaw(batch),
      total: () => storage.total(),
      lookup: { kind: 'by-id', rawsOf: (ids) => storage.rawsOf(ids) },
      close: () => storage.close(),
    };
  }
  if (parsed.kind === 'nats') {
    const storage = await NatsEventStorage.open(parsed.url, { create: options.create });
    return {
      description: `${storage.describe()} (server ${storage.serverVersion()})`,
      appendRaw: (batch) => storage.appendRaw(batch),
      total: () => storage.total(),
      lookup: { kind: 'in-order', read: () => storage.queryRaw({}) },
      lastEventId: () => storage.lastEventId(),
      close: () => storage.close(),
    };
  }
  throw new Error(`${parsed.path}: a copy writes into postgres://… or nats://… for now, not into a folder`);
}
