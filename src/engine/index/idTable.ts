import { hashBytes } from './byteInterner';
import { OrdinalTable } from './ordinalTable';
import { IdKind } from './segment';
import { sameUuid, uuidHash } from './uuidBytes';
import { segmentAt } from './segmentBases';

/**
 * Filling the event-id table, and finding repeated ids while doing it. It
 * needs only the id columns, so a worker thread can fill the table of a
 * whole store while the main thread builds the other lookups.
 */

/** The event-id columns of one file segment. */
export interface IdColumns {
  readonly count: number;
  readonly eventId: Uint8Array;
  readonly eventIdKind: Uint8Array;
  readonly oddEventIds: ReadonlyMap<number, string>;
}

/** A filled table as plain arrays (what crosses threads and what the persisted index holds). */
export interface BuiltIdTable {
  readonly slots: Int32Array;
  readonly hashes: Int32Array;
  readonly used: number;
  /** `[ordinal, firstOrdinal]` per repeated event id, in ordinal order. */
  readonly duplicates: Array<[number, number]>;
}

/** Equal-hash entries met while inserting one id (more than a few would mean a flood of one id). */
const sameHashScratch = new Int32Array(4096);
/** Slots per region when filling a whole table (2^14 slots: 64 KB of ordinals and 64 KB of hashes, within L2). */
const REGION_SLOT_BITS = 14;

/** Inserts ids of `segments` (ordinal = `bases[s]` + position) into `table`, recording repeats in `duplicates`. */
export class IdTableFiller {
  constructor(
    private readonly table: OrdinalTable,
    private readonly segments: readonly IdColumns[],
    private readonly bases: readonly number[],
    private readonly duplicates: Array<[number, number]>,
  ) {}

  /**
   * Every event of every segment into an empty table sized for them all.
   * A million inserts at random slots of a 16 MB table wait on memory at
   * each one; inserting in order of slot region instead (a counting sort by
   * the slot's top bits, stable so equal ids still meet in store order)
   * keeps the slots being written in cache.
   */
  insertAll(): void {
    const segments = this.segments;
    const total = segments.reduce((sum, segment) => sum + segment.count, 0);
    const capacity = this.table.arrays().slots.length;
    const regionBits = Math.min(REGION_SLOT_BITS, Math.log2(capacity));
    const hashes = new Int32Array(total);
    // Absent ids (hash -1) are counted in a last region, and skipped.
    const regionSizes = new Int32Array((capacity >>> regionBits) + 1);
    const absentRegion = regionSizes.length - 1;
    for (let s = 0, ordinal = 0; s < segments.length; s++) {
      const c = segments[s];
      const kinds = c.eventIdKind;
      const ids = c.eventId;
      for (let i = 0, n = c.count; i < n; i++, ordinal++) {
        const kind = kinds[i];
        const hash = kind === IdKind.Uuid ? uuidHash(ids, i * 16) : kind === IdKind.Odd ? stringHash(c.oddEventIds.get(i) ?? '') : -1;
        hashes[ordinal] = hash;
        regionSizes[hash < 0 ? absentRegion : (hash & (capacity - 1)) >>> regionBits]++;
      }
    }
    const next = new Int32Array(regionSizes.length);
    for (let r = 1; r < regionSizes.length; r++) next[r] = next[r - 1] + regionSizes[r - 1];
    const order = new Int32Array(total - regionSizes[absentRegion]);
    for (let ordinal = 0; ordinal < total; ordinal++) {
      const hash = hashes[ordinal];
      if (hash >= 0) order[next[(hash & (capacity - 1)) >>> regionBits]++] = ordinal;
    }
    for (let k = 0; k < order.length; k++) {
      const ordinal = order[k];
      this.insertHashed(hashes[ordinal], ordinal);
    }
    // Found region by region; reported in store order.
    this.duplicates.sort((a, b) => a[0] - b[0]);
  }

  /** The events of segment `s` from position `from` on. */
  insertRange(s: number, from: number): void {
    const base = this.bases[s];
    for (let i = from, n = this.segments[s].count; i < n; i++) this.insert(s, i, base + i);
  }

  private insert(s: number, i: number, ordinal: number): void {
    const hash = this.hashOf(this.segments[s], i);
    if (hash >= 0) this.insertHashed(hash, ordinal);
  }

  /** The id's table hash, or -1 for an event without id. */
  private hashOf(c: IdColumns, i: number): number {
    const kind = c.eventIdKind[i];
    if (kind === IdKind.Uuid) return uuidHash(c.eventId, i * 16);
    return kind === IdKind.Odd ? stringHash(c.oddEventIds.get(i) ?? '') : -1;
  }

  private insertHashed(hash: number, ordinal: number): void {
    const met = this.table.insert(hash, ordinal, sameHashScratch);
    if (met === 0) return;
    // Equal hashes are rare (a repeated id, or one collision in thousands): only now find the segment.
    const s = this.segmentOf(ordinal);
    const i = ordinal - this.bases[s];
    const c = this.segments[s];
    const kind = c.eventIdKind[i];
    const odd = kind === IdKind.Odd ? (c.oddEventIds.get(i) ?? '') : '';
    let first = -1;
    for (let k = 0; k < met; k++) {
      const other = sameHashScratch[k];
      const same = kind === IdKind.Uuid ? this.holdsUuid(other, c.eventId, i * 16) : this.oddIdOf(other) === odd;
      if (same && (first === -1 || other < first)) first = other;
    }
    if (first !== -1) this.duplicates.push([ordinal, first]);
  }

  private holdsUuid(ordinal: number, bytes: Uint8Array, at: number): boolean {
    const s = this.segmentOf(ordinal);
    const c = this.segments[s];
    const i = ordinal - this.bases[s];
    return c.eventIdKind[i] === IdKind.Uuid && sameUuid(c.eventId, i * 16, bytes, at);
  }

  private oddIdOf(ordinal: number): string | undefined {
    const s = this.segmentOf(ordinal);
    return this.segments[s].oddEventIds.get(ordinal - this.bases[s]);
  }

  private segmentOf(ordinal: number): number {
    return segmentAt(this.bases, ordinal);
  }
}

/** A new table holding every event id of `segments`, in store order. */
export function buildIdTable(segments: readonly IdColumns[]): BuiltIdTable {
  const bases: number[] = [];
  let total = 0;
  for (const segment of segments) {
    bases.push(total);
    total += segment.count;
  }
  const table = new OrdinalTable(total);
  const duplicates: Array<[number, number]> = [];
  // Plain objects of one shape (what arrives from another thread may not be): the loops read them a million times.
  const columns: IdColumns[] = segments.map((c) => ({ count: c.count, eventId: c.eventId, eventIdKind: c.eventIdKind, oddEventIds: c.oddEventIds }));
  new IdTableFiller(table, columns, bases, duplicates).insertAll();
  const { slots, hashes } = table.arrays();
  return { slots, hashes, used: table.size, duplicates };
}

/** Hash of an id that is not a UUID (by its UTF-8 bytes). */
export function stringHash(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  return hashBytes(bytes, 0, bytes.length);
}
