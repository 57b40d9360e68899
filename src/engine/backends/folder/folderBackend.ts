import type { Event } from '../../model/event';
import type { SequenceMode } from '../../model/indexTypes';
import type { FoldSetting } from '../../model/foldSetting';
import { type EventFilter, ordinalTestOf, selectOrdinals, startOf } from '../../query';
import { openStore, type OpenStoreExtras } from '../../openStore';
import { EventFileAppender } from '../../store/eventFileAppender';
import { FileEventStorage } from '../../store/fileStorage';
import { DEFAULT_LOCK_WAIT_MS } from '../../store/writeLock';
import type { OpenStoreOptions, StoreEngine } from '../../storeEngineTypes';
import { StorageDelegate } from '../storageDelegate';
import { aggregatePageOf, assertOneAggregate, highestSequenceOf } from '../aggregatePage';
import {
  type AggregatePageRequest,
  type AggregateSummary,
  type BackendCapabilities,
  type Cursor,
  cursorOf,
  type ExpectedAppendOutcome,
  type Page,
  type RangeRequest,
  type SequenceWindow,
  type StoreBackend,
  type StoredEvent,
  type Subscription,
} from '../storeBackend';

export interface FolderBackendOptions extends OpenStoreOptions, OpenStoreExtras {
  /** Open for writing: appends take the store's writer lock (gzip day files when `compression`). */
  readonly writable?: { readonly compression?: boolean; readonly lockWaitMs?: number };
}

/**
 * The JSONL folder behind the seam. Its index answers every question
 * natively (aggregates, correlations, types and time ranges are lookups),
 * cursors are ordinals (a file rewritten by compaction renumbers them: a
 * subscriber is told through `onError`), and an event's location is its day
 * file and line. `engine` is the folder's own fast path: validation and the
 * integrity rules read the index directly (see `folderEngineOf`).
 */
export class FolderBackend extends StorageDelegate implements StoreBackend {
  readonly kind = 'folder' as const;
  readonly description: string;
  protected readonly storage: FileEventStorage;
  /** Expected-version appends run one at a time: check and write under the same held lock. */
  private appending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly engine: StoreEngine,
    private readonly writable: boolean,
  ) {
    super();
    this.description = engine.root;
    if (!(engine.storage instanceof FileEventStorage)) throw new Error(`${engine.root}: a folder backend needs the folder's file storage`);
    this.storage = engine.storage;
  }

  get foldSetting(): FoldSetting | undefined {
    return this.storage.foldSetting;
  }

  capabilities(): BackendCapabilities {
    const native = { how: 'native' } as const;
    return {
      aggregateReads: native,
      correlationReads: native,
      timeRanges: native,
      countsByType: native,
      subscribe: native,
      snapshots: native,
      append: this.writable ? native : { how: 'unsupported', why: 'opened read-only' },
      lineLocations: native,
      notes: [],
    };
  }

  sequenceMode(): SequenceMode {
    return this.engine.index.sequenceMode;
  }

  async listAggregates(request: AggregatePageRequest): Promise<Page<AggregateSummary>> {
    await this.current();
    const index = this.engine.index;
    return aggregatePageOf(index.aggregateIds(), request, (aggregateId) => {
      let last = -1;
      for (const ordinal of index.ordinalsOfAggregate(aggregateId)) {
        const sequence = index.sequenceOf(ordinal);
        if (sequence > last) last = sequence;
      }
      const span = index.timeSpanOf('aggregate', aggregateId);
      return {
        aggregateId,
        events: index.aggregateSize(aggregateId),
        lastSequenceNumber: last,
        ...(Number.isFinite(span.first) ? { firstTime: span.first } : {}),
        ...(Number.isFinite(span.last) ? { lastTime: span.last } : {}),
      };
    });
  }

  async *readAggregate(aggregateId: string, window: SequenceWindow = {}): AsyncIterable<StoredEvent> {
    await this.current();
    const filter: EventFilter = { aggregateIds: [aggregateId], fromSequenceNumber: window.fromSequenceNumber, toSequenceNumber: window.toSequenceNumber };
    yield* this.stored(selectOrdinals(this.engine.index, filter, window.limit));
  }

  async *readCorrelation(correlationId: string): AsyncIterable<StoredEvent> {
    await this.current();
    yield* this.stored(this.engine.index.ordinalsOfCorrelation(correlationId));
  }

  async *readRange(request: RangeRequest): AsyncIterable<StoredEvent> {
    await this.current();
    const index = this.engine.index;
    const filter: EventFilter = { since: request.since, until: request.until, eventTypes: request.eventTypes };
    const { ordinals, rest } = startOf(index, filter);
    const test = ordinalTestOf(index, rest);
    const after = request.after === undefined ? -1 : ordinalOfCursor(request.after);
    let left = request.limit ?? Number.POSITIVE_INFINITY;
    if (left <= 0) return;
    for (const ordinal of ordinals) {
      if (ordinal <= after || (test && !test(ordinal))) continue;
      yield await this.storedEvent(ordinal);
      if (--left <= 0) return;
    }
  }

  async countByType(): Promise<ReadonlyMap<string, number>> {
    await this.current();
    return new Map(this.engine.index.eventTypeCounts());
  }


  subscribe(from: Cursor | 'start' | 'end', onEvents: (events: readonly StoredEvent[]) => void | Promise<void>, onError?: (error: Error) => void): Subscription {
    let seen = from === 'start' ? 0 : from === 'end' ? -1 : ordinalOfCursor(from) + 1;
    let delivering: Promise<void> = Promise.resolve();
    let stopped = false;
    const deliver = (): void => {
      delivering = delivering.then(async () => {
        if (stopped) return;
        try {
          await this.current();
          const count = this.engine.index.eventCount;
          if (seen === -1) seen = count;
          if (count < seen) {
            // A day file was rewritten (compaction, a repair): ordinals after it moved.
            onError?.(new Error(`${this.description}: the store was rewritten; following on from its new end`));
            seen = count;
          }
          if (count === seen) return;
          const ordinals: number[] = [];
          for (let ordinal = seen; ordinal < count; ordinal++) ordinals.push(ordinal);
          seen = count;
          const batch: StoredEvent[] = [];
          for await (const event of this.stored(ordinals)) batch.push(event);
          await onEvents(batch);
        } catch (error) {
          onError?.(error as Error);
        }
      });
    };
    const unwatch = this.engine.watch(() => deliver());
    deliver();
    return {
      async stop() {
        stopped = true;
        await unwatch();
        await delivering;
      },
    };
  }

  appendExpecting(aggregateId: string, expectedVersion: number, events: readonly Event[]): Promise<ExpectedAppendOutcome> {
    const run = async (): Promise<ExpectedAppendOutcome> => {
      if (!this.writable) return { ok: false, reason: 'read-only', detail: `${this.description} was opened read-only` };
      assertOneAggregate(aggregateId, events);
      // The lock is held from here on: no other writer can add to the aggregate between the check and the write.
      await this.storage.prepareWrite();
      const actualVersion = await this.storage.lastSequence(aggregateId);
      if (actualVersion !== expectedVersion) return { ok: false, reason: 'version-mismatch', actualVersion };
      await this.storage.append(events);
      return { ok: true, lastSequenceNumber: highestSequenceOf(events, actualVersion) };
    };
    const outcome = this.appending.then(run, run);
    this.appending = outcome.catch(() => undefined);
    return outcome;
  }

  // The rest of EventStorage: the folder's file storage answers (StorageDelegate).
  writerGeneration(): number {
    return this.storage.writerGeneration();
  }
  prepareWrite(): Promise<number> {
    return this.storage.prepareWrite();
  }
  close(): Promise<void> {
    return this.engine.close();
  }

  /** Brings the index up to what this backend appended (reads catch up once, when they come). */
  private current(): Promise<void> {
    return this.storage.catchUp();
  }

  private async *stored(ordinals: Iterable<number>): AsyncGenerator<StoredEvent> {
    for (const ordinal of ordinals) yield await this.storedEvent(ordinal);
  }

  private async storedEvent(ordinal: number): Promise<StoredEvent> {
    const { file, line } = this.engine.index.locationOf(ordinal);
    const raw = (await this.engine.readLine(ordinal)).replace(/\r$/, '');
    return { event: await this.engine.readEvent(ordinal), raw, cursor: cursorOf(ordinal), location: { file, line } };
  }
}

/** Opens a store folder as a backend (indexing it, or loading its saved index). */
export async function openFolderBackend(root: string, options: FolderBackendOptions = {}): Promise<FolderBackend> {
  const { writable, ...openOptions } = options;
  const engine = await openStore(root, openOptions);
  if (writable) {
    (engine.storage as FileEventStorage).useAppender(() =>
      EventFileAppender.open(engine.root, { compression: writable.compression ?? false, lockWaitMs: writable.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS }),
    );
  }
  return new FolderBackend(engine, writable !== undefined);
}

/**
 * The folder's own engine when the backend is a folder: the typed way for
 * validation, the integrity rules and the editor's line locations to use
 * the index directly, where no other backend has one.
 */
export function folderEngineOf(backend: StoreBackend): StoreEngine | undefined {
  return backend instanceof FolderBackend ? backend.engine : undefined;
}

function ordinalOfCursor(cursor: Cursor): number {
  const ordinal = Number(cursor);
  if (!Number.isInteger(ordinal) || ordinal < -1) throw new Error(`not a folder store's cursor: ${JSON.stringify(cursor)} (expected an event ordinal)`);
  return ordinal;
}
