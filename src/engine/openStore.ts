import * as path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import type { Event } from './model/event';
import type { IndexOptions } from './index/indexBuilder';
import type { IndexedEvent, SequenceMode } from './model/indexTypes';
import type { LayeredIndex } from './index/layeredIndex';
import { openLayeredIndex, persistLayeredIndex, refreshLayeredIndex } from './index/layeredIndexFiles';
import { filterOfQuery } from './query/eventFilter';
import { selectOrdinals } from './query/selectOrdinals';
import { EventBodyReader } from './store/eventBodyReader';
import { FileEventStorage } from './store/fileStorage';
import { snapshotFilesOf } from './snapshot/snapshotStore';
import { CACHE_DIR, EVENTS_DIR, SNAPSHOTS_DIR } from './store/layout';
import { parseEventLine } from './store/parseEventLine';
import { sweepStaleTemps } from './store/tempFiles';
import type { EventQuery } from './store/storage';
import type { IndexDelta } from './model/indexTypes';
import type { OpenStoreOptions, StoreEngine } from './storeEngineTypes';

export interface OpenStoreExtras {
  /** Applied to every event read (upcasting to the newest schema). */
  readonly upcast?: (event: Event) => Event;
  /** Save the index after opening and on close when it changed (default true unless noCache). */
  readonly persistIndex?: boolean;
}

/** How long a burst of watched changes is gathered before the index is refreshed. */
const COALESCE_MS = 30;
/** After the last watched change, one more look (chokidar drops changes within 50 ms of the previous one). */
const TRAILING_LOOK_MS = 80;

/** Opens a store folder (`event_store/`): loads or builds its index and gives lazy access to its events. */
export async function openStore(root: string, options: OpenStoreOptions & OpenStoreExtras = {}): Promise<StoreEngine> {
  const storeRoot = path.resolve(root);
  const sequenceMode: SequenceMode | undefined = options.sequenceMode === 'auto' ? undefined : options.sequenceMode;
  const cacheDir = options.cacheDir ?? path.join(storeRoot, CACHE_DIR);
  // What killed writers left: their temps would hold space (on a full disk, all of it) forever.
  sweepStaleTemps([cacheDir, storeRoot, path.join(storeRoot, EVENTS_DIR), path.join(storeRoot, SNAPSHOTS_DIR)]);
  const indexOptions: IndexOptions = { threads: options.threads, sequenceMode, onProgress: options.onProgress };
  const { index, dirty } = await openLayeredIndex(storeRoot, options.noCache ? null : cacheDir, indexOptions);
  const engine = new FileStoreEngine(storeRoot, index, cacheDir, indexOptions, options);
  if (dirty && options.persistIndex !== false && !options.noCache) engine.saveIndexQuietly();
  return engine;
}

class FileStoreEngine implements StoreEngine {
  readonly storage: FileEventStorage;
  private readonly bodies: EventBodyReader;
  private indexChanged = false;

  constructor(
    readonly root: string,
    readonly index: LayeredIndex,
    private readonly cacheDir: string,
    private readonly indexOptions: IndexOptions,
    private readonly options: OpenStoreOptions & OpenStoreExtras,
  ) {
    this.bodies = new EventBodyReader(root);
    this.storage = new FileEventStorage(root, this);
    this.storage.useSnapshots(snapshotFilesOf(root));
    this.storage.foldSetting = options.fold;
  }

  async readEvent(ordinal: number): Promise<Event> {
    return this.readEventSync(ordinal);
  }

  readEventSync(ordinal: number): Event {
    const entry = this.index.locationOf(ordinal);
    const event = parseEventLine(this.lineText(entry), `${entry.file}:${entry.line}`, this.options.maxNestingDepth);
    return this.options.upcast ? this.options.upcast(event) : event;
  }

  async readLine(ordinal: number): Promise<string> {
    return this.lineText(this.index.locationOf(ordinal));
  }

  async readLineBytes(ordinal: number): Promise<Buffer> {
    const entry = this.index.locationOf(ordinal);
    return this.bodies.readLine(entry.file, entry.offset, entry.length);
  }

  select(query: EventQuery): readonly IndexedEvent[] {
    return this.selectOrdinals(query).map((o) => this.index.event(o));
  }

  selectOrdinals(query: EventQuery): number[] {
    return selectOrdinals(this.index, filterOfQuery(query), query.limit);
  }

  async *query(query: EventQuery): AsyncIterable<Event> {
    for (const ordinal of this.selectOrdinals(query)) yield this.readEventSync(ordinal);
  }

  async refresh(): Promise<IndexDelta> {
    const delta = await refreshLayeredIndex(this.index, this.root, this.indexOptions);
    for (const file of [...delta.rebuiltFiles, ...delta.removedFiles]) {
      this.bodies.forget(file);
      this.index.base?.forgetFile(file);
    }
    if (delta.appendedEvents > 0 || delta.rebuiltFiles.length || delta.removedFiles.length) {
      this.indexChanged = true;
      // Appended bytes of a gzip day are only visible after re-reading it.
      for (const f of this.index.files) if (f.compressed) this.bodies.forget(f.file);
    }
    return delta;
  }

  watch(onChange: (delta: IndexDelta) => void): () => Promise<void> {
    const watcher = chokidarWatch([path.join(this.root, EVENTS_DIR), path.join(this.root, SNAPSHOTS_DIR)], {
      ignoreInitial: true,
      depth: 0,
    });
    let timer: NodeJS.Timeout | undefined;
    let trailing: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const refreshNow = (tellEvenIfNothing: boolean) => {
      running = running.then(async () => {
        try {
          const delta = await this.refresh();
          if (tellEvenIfNothing || delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0 || delta.newProblems.length > 0) onChange(delta);
        } catch (error) {
          onChange({ appendedEvents: 0, rebuiltFiles: [], removedFiles: [], newProblems: [{ kind: 'unreadable', file: EVENTS_DIR, line: 1, column: 1, message: `refresh failed: ${(error as Error).message}` }] });
        }
      });
    };
    const schedule = () => {
      if (!timer) {
        // Coalesce bursts of appends into one refresh; short enough to stay well within 500 ms.
        timer = setTimeout(() => {
          timer = undefined;
          refreshNow(true);
        }, COALESCE_MS);
      }
      // chokidar drops a file's change that comes within 50 ms of its previous one: once that window
      // has passed without events, look once more, so the last append of a burst is never missed.
      if (trailing) clearTimeout(trailing);
      trailing = setTimeout(() => {
        trailing = undefined;
        refreshNow(false);
      }, TRAILING_LOOK_MS);
    };
    watcher.on('add', schedule).on('change', schedule).on('unlink', schedule);
    // Appends made before chokidar finished its first scan raise no event (a busy machine takes seconds): look once when it is ready.
    watcher.on('ready', () => refreshNow(false));
    return async () => {
      if (timer) clearTimeout(timer);
      if (trailing) clearTimeout(trailing);
      await watcher.close();
      await running;
    };
  }

  saveIndexQuietly(): void {
    try {
      persistLayeredIndex(this.index, this.root, this.cacheDir, this.indexOptions.sequenceMode);
      this.indexChanged = false;
    } catch {
      // The index is a cache: a read-only store simply gets no saved index.
    }
  }

  async close(): Promise<void> {
    await this.storage.close();
    this.bodies.close();
    const changed = this.indexChanged || this.index.rebuiltAfterDamage;
    if (changed && this.options.persistIndex !== false && !this.options.noCache) this.saveIndexQuietly();
    this.index.close();
  }

  private lineText(entry: { file: string; offset: number; length: number }): string {
    return this.bodies.readLine(entry.file, entry.offset, entry.length).toString('utf8');
  }
}

export type { FileStoreEngine };
