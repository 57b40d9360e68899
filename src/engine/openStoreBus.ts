import type { EventBusConfig } from './config/busConfig';
import { EventBus } from './bus/eventBus';
import { FileDeadLetterSink } from './bus/deadLetter';
import type { ValidateEvent } from './bus/publishValidation';
import { eventTypeGate } from './bus/knownEventTypes';
import { createAutoSnapshotter, type AutoSnapshotter } from './snapshot/autoSnapshotter';
import { EventFileAppender } from './store/eventFileAppender';
import { DEFAULT_LOCK_WAIT_MS } from './store/writeLock';
import type { FileEventStorage } from './store/fileStorage';
import type { StoreEngine } from './storeEngineTypes';

export interface StoreBus {
  readonly bus: EventBus;
  readonly snapshotter: AutoSnapshotter | null;
  /** Drains the bus, writes pending snapshots, flushes and releases the writer lock. */
  close(): Promise<void>;
}

export interface StoreBusOptions {
  readonly config: EventBusConfig;
  /** Schema validation for `publish` (used when `schema_validation` is on). */
  readonly validate?: ValidateEvent;
  /** Events the bus may hold before `publish` waits (default STORE_BUS_QUEUE_LIMIT); 0: no limit. */
  readonly maxQueueSize?: number;
  /** Types of the store's schema folder: with the built-in ones and the config's `event_types`, what publish accepts. */
  readonly schemaTypes?: readonly string[];
  /** Publish event types the store does not know yet (`--allow-new-type`). */
  readonly allowNewType?: boolean;
}

/**
 * Back-pressure for the store's bus: a caller publishing a large file
 * without awaiting each event waits here instead of holding it all in
 * memory. Safe because nothing subscribed to this bus publishes from a handler.
 */
export const STORE_BUS_QUEUE_LIMIT = 10_000;

/**
 * The bus over an opened file store: the composition the CLI's `publish`
 * and the language server use. Events go through the store's durable
 * appender (taking the writer lock on the first publish), failed deliveries
 * to the store's dead-letter file, automatic snapshots to its snapshots
 * folder, and sequence numbers continue in the store's detected mode.
 */
export function openStoreBus(engine: StoreEngine, options: StoreBusOptions): StoreBus {
  const { config } = options;
  const storage = engine.storage as FileEventStorage;
  storage.useAppender(() =>
    EventFileAppender.open(engine.root, { compression: config.compression_enabled, lockWaitMs: DEFAULT_LOCK_WAIT_MS }),
  );
  const snapshotter =
    config.enable_snapshots && config.enable_persistence
      ? createAutoSnapshotter({ storage, frequency: config.snapshot_frequency, onSnapshot: () => bus.recordSnapshotsCreated(1) })
      : null;
  const bus: EventBus = new EventBus({
    config,
    storage,
    validate: config.schema_validation ? options.validate : undefined,
    sequenceMode: engine.index.sequenceMode,
    deadLetter: new FileDeadLetterSink(engine.root),
    afterPersist: snapshotter ? [(events) => snapshotter.afterPersist(events)] : [],
    maxQueueSize: options.maxQueueSize ?? STORE_BUS_QUEUE_LIMIT,
    typeGate: options.allowNewType ? undefined : eventTypeGate({ schemaTypes: options.schemaTypes ?? [], configTypes: config.event_types }),
  });
  return {
    bus,
    snapshotter,
    async close() {
      await bus.stop();
      await snapshotter?.flush();
      await storage.close();
    },
  };
}
