import type { SequenceMode } from '../model/indexTypes';

/**
 * The persisted index, laid out to be queried where it lies:
 *
 *   [prefix 20 B: magic, version, header length, header CRC-32, reserved]
 *   [header: JSON, small: counts, files, mode, time range, section table]
 *   [body: sections, checked page by page (4 KiB) against a CRC table]
 *   [CRC table: one CRC-32 per body page, itself checked per 1,024 pages from the header]
 *
 * Opening reads the prefix and the header only; a query reads the pages of
 * the sections it needs. It is a cache: a wrong magic, version, length or
 * checksum means "rebuild it", never "trust it".
 */
export const DISK_INDEX_MAGIC = 0x32584245; // "EBX2"
export const DISK_INDEX_VERSION = 1;
export const DISK_INDEX_FILE_NAME = 'index.ebx';
export const PREFIX_BYTES = 20;
export const PAGE_BYTES = 1024;
/** CRC table entries covered by one CRC in the header. */
export const CRC_CHUNK_PAGES = 1024;
/** Events per record block (a block is the unit read to answer `event(ordinal)`). */
export const BLOCK_EVENTS = 32;
/** Entries of the time order between two checkpoints. */
export const TIME_CHECKPOINT_EVERY = 128;
/** Bytes of one time checkpoint: timestamp f64, ordinal u32, byte offset u32. */
export const TIME_CHECKPOINT_BYTES = 16;

/** Flags byte of an event record. */
export const enum RecordFlag {
  TimestampRaw = 1,
  TimestampNaN = 2,
  SequenceRaw = 4,
  SequenceNaN = 8,
  /** Line right after the previous one, starting where it ended (+1 for the LF). */
  Contiguous = 16,
  RetryZero = 32,
  HasAggregate = 64,
}

/** The string columns persisted as sorted tables (ids in the index are positions in them). */
export const STRING_TABLES = ['type', 'source', 'status', 'schemaVersion', 'aggregate', 'correlation'] as const;
export type StringTableName = (typeof STRING_TABLES)[number];
export const GROUPINGS = ['aggregate', 'correlation', 'type', 'source'] as const;
export type GroupingName = (typeof GROUPINGS)[number];

export const enum StringTableMode {
  /** u32 end offsets, then UTF-8 bytes. */
  Pool = 0,
  /** Every string a lower-case UUID: 16 bytes each. */
  Uuid = 1,
}

export interface SectionRef {
  /** Byte offset in the body. */
  readonly offset: number;
  readonly length: number;
}

export interface HashTableRef extends SectionRef {
  /** Top bits of the 31-bit hash choosing the bucket. */
  readonly bits: number;
  readonly entries: number;
  readonly ordinalWidth: number;
}

export interface PersistedFile {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly compressed: boolean;
  readonly day: string | null;
  readonly lines: number;
  readonly consumed: number;
  readonly tailHash: number;
  readonly events: number;
}

export interface DiskIndexHeader {
  readonly format: number;
  readonly storeRoot: string;
  /** The mode asked for when built (null: detected); an index built for another is not used. */
  readonly sequenceModeOverride: SequenceMode | null;
  /** Random per build: ties a tail file (appends since) to this base. */
  readonly generation: string;
  readonly eventCount: number;
  readonly files: readonly PersistedFile[];
  readonly detectedMode: SequenceMode;
  readonly firstTimestamp: number | null;
  readonly lastTimestamp: number | null;
  readonly maxSequence: number | null;
  readonly typeCounts: Readonly<Record<string, number>>;
  readonly problemCount: number;
  /** Timestamps are stored as integers of ms × scale; 0: as raw doubles. */
  readonly timestampScale: number;
  readonly timedEvents: number;
  readonly tables: Readonly<Record<StringTableName, SectionRef & { readonly count: number }>>;
  readonly groupings: Readonly<Record<GroupingName, SectionRef & { readonly groups: number }>>;
  readonly shapes: SectionRef & { readonly count: number };
  readonly records: SectionRef & { readonly blocks: number };
  readonly timeOrder: SectionRef & { readonly checkpoints: number };
  readonly eventIds: HashTableRef;
  readonly causes: HashTableRef;
  readonly duplicates: SectionRef & { readonly count: number };
  readonly unknownCauses: SectionRef & { readonly count: number };
  readonly problems: SectionRef;
  readonly bodyLength: number;
  readonly crcTableOffset: number;
  readonly crcChunks: readonly number[];
  readonly totalLength: number;
}

/** How many top bits choose the bucket of a hash table of `entries` (about 8 entries a bucket). */
export function bucketBitsFor(entries: number): number {
  let bits = 0;
  while (bits < 24 && entries / 2 ** bits > 8) bits++;
  return bits;
}

export function bucketOf(hash: number, bits: number): number {
  return bits === 0 ? 0 : hash >>> (31 - bits);
}

export function fingerprintOf(hash: number): number {
  return hash & 0xffff;
}

/** The timestamp scale that stores every timestamp exactly (1: whole ms, 1000: µs, 1e6: ns), or 0. */
export function timestampScaleFor(isExactAt: (scale: number) => boolean): number {
  for (const scale of [1, 1000, 1_000_000]) if (isExactAt(scale)) return scale;
  return 0;
}

export function scaledExactly(ts: number, scale: number): boolean {
  const scaled = ts * scale;
  return Math.abs(scaled) < 2 ** 52 && Math.round(scaled) / scale === ts;
}
