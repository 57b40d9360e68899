import type { Event } from './model/event';
import type { IndexDelta, IndexedEvent, StoreIndex } from './model/indexTypes';
import type { FoldSetting } from './model/foldSetting';
import type { EventQuery, EventStorage } from './store/storage';

/** How `openStore` behaves; every field optional. */
export interface OpenStoreOptions {
  /** Where the persisted index lives; default `<store>/.eventbus`. */
  readonly cacheDir?: string;
  /** Do not read or write the persisted index (always index from scratch). */
  readonly noCache?: boolean;
  /** Override the detected sequence mode. */
  readonly sequenceMode?: 'auto' | 'global' | 'aggregate';
  /** Worker threads for indexing and validation; default: one per core. */
  readonly threads?: number;
  /** The config's `fold` (default: detected from the store's snapshots). */
  readonly fold?: FoldSetting;
  /** The config's `max_nesting_depth`: a line nested deeper is refused when read (NestingTooDeepError). */
  readonly maxNestingDepth?: number;
  /** Called with progress while indexing (bytes done / total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * One opened store: the index plus lazy access to event bodies. The CLI and
 * the language server hold one of these per store.
 */
export interface StoreEngine {
  readonly root: string;
  readonly index: StoreIndex;
  /** The file-backed `EventStorage` (query, snapshots, append) over this store. */
  readonly storage: EventStorage;
  /** The event body of an indexed event (upcast to the newest schema when a registry is set). */
  readEvent(ordinal: number): Promise<Event>;
  /** The raw line text of an indexed event, exactly as on disk. */
  readLine(ordinal: number): Promise<string>;
  /** The raw line's bytes, exactly as on disk (export keeps them byte for byte, whatever their encoding). */
  readLineBytes(ordinal: number): Promise<Buffer>;
  /** Matching events, bodies read lazily; aggregate queries in sequence order. */
  query(query: EventQuery): AsyncIterable<Event>;
  /** Index entries matching the query without reading bodies. */
  select(query: EventQuery): readonly IndexedEvent[];
  /** The ordinals `select` would give, without building an index entry for each (decoding a block of the index per event). */
  selectOrdinals(query: EventQuery): number[];
  /** Re-scan changed files: appended bytes are indexed incrementally; shrunk or rewritten files are re-indexed. */
  refresh(): Promise<IndexDelta>;
  /** Watches the store (chokidar) and refreshes on change; returns a function that stops watching. */
  watch(onChange: (delta: IndexDelta) => void): () => Promise<void>;
  close(): Promise<void>;
}
