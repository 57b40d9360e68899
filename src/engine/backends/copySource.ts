import { openStore } from '../openStore';
import type { Event } from '../model/event';
import { NatsEventStorage } from './nats/natsStorage';
import { PostgresEventStorage } from './postgres/postgresStorage';
import type { RawEvent } from './rawEvent';
import { parseStoreLocation, redactUrl } from './storeLocation';

/** Where a copy reads from: events in store order, each with its line as written. */
export interface CopySource {
  readonly description: string;
  /** Events it will yield (for progress). */
  readonly total: number;
  /** Lines of the source that are not events (left out of a copy; `eventbus validate` names them). */
  readonly notEvents: number;
  read(): AsyncIterable<RawEvent>;
  close(): Promise<void>;
}

/** Opens a folder store (through its index), a PostgreSQL or a JetStream store, read-only. */
export async function openCopySource(location: string): Promise<CopySource> {
  const parsed = parseStoreLocation(location);
  if (parsed.kind === 'postgres') {
    const storage = await PostgresEventStorage.open(parsed.url);
    const total = await storage.total();
    return {
      description: redactUrl(parsed.url),
      total,
      notEvents: 0,
      read: () => storage.queryRaw({}),
      close: () => storage.close(),
    };
  }
  if (parsed.kind === 'nats') {
    const storage = await NatsEventStorage.open(parsed.url);
    return {
      description: storage.describe(),
      total: await storage.total(),
      notEvents: 0,
      read: () => storage.queryRaw({}),
      close: () => storage.close(),
    };
  }
  const engine = await openStore(parsed.path);
  return {
    description: parsed.path,
    total: engine.index.eventCount,
    notEvents: engine.index.problems.length,
    async *read() {
      for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
        const raw = await engine.readLine(ordinal);
        yield { event: JSON.parse(raw) as Event, raw };
      }
    },
    close: () => engine.close(),
  };
}
