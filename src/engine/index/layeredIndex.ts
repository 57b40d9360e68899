import type { DiskIndex } from './diskIndex';
import type { EventIndex } from './eventIndex';
import { DamagedIndexError } from './pagedIndexFile';
import type { EventLocation, GroupKind, IndexedEvent, IndexedFile, LineProblem, SequenceMode, StoreIndex } from '../model/indexTypes';

/**
 * The index of an opened store: a persisted base read in place (or none,
 * when the store cannot keep a cache) and an in-memory tail holding what was
 * appended since the base was written. Tail ordinals follow the base's. A
 * rebuild swaps both, and `ordinalsVersion` says so.
 */
export class LayeredIndex implements StoreIndex {
  private generation = 0;
  /** Cross-layer answers kept while the layers do not change (appends only add to them). */
  private crossDuplicates: { pairs: Array<[number, number]>; covered: number } = { pairs: [], covered: 0 };
  private causeInBase = new Map<number, boolean>();
  /** Base aggregate table id → id, filled as stretches are read (one entry per aggregate, not per event). */
  private aggregateNames = new Map<number, string>();

  /** Set when the base turned out damaged and was replaced by an index built in memory: it should be persisted again. */
  rebuiltAfterDamage = false;

  constructor(
    public base: DiskIndex | null,
    public tail: EventIndex | null,
    private readonly modeOverride?: SequenceMode,
    /** Builds the whole index again, on this thread, from the files the layers describe. */
    private readonly rebuildNow?: (files: readonly IndexedFile[]) => EventIndex,
  ) {}

  /**
   * Runs a question; when the base proves damaged on the way (a page not
   * matching its checksum), the index is built again from the files and the
   * question asked again: a damaged cache costs time, never a wrong answer.
   */
  private guard<T>(ask: () => T): T {
    try {
      return ask();
    } catch (error) {
      if (!(error instanceof DamagedIndexError) || !this.rebuildNow || !this.base) throw error;
      const files = this.files;
      const listing = this.listingProblems;
      const rebuilt = this.rebuildNow(files);
      if (listing) rebuilt.listingProblems = listing;
      this.replace(null, rebuilt, false);
      this.rebuiltAfterDamage = true;
      return ask();
    }
  }

  /** Puts new layers in place (after a rebuild or when a built index was persisted). */
  replace(base: DiskIndex | null, tail: EventIndex | null, ordinalsMoved: boolean): void {
    if (this.base && this.base !== base) this.base.close();
    this.base = base;
    this.tail = tail;
    this.crossDuplicates = { pairs: [], covered: 0 };
    this.causeInBase = new Map();
    this.aggregateNames = new Map();
    if (ordinalsMoved) this.generation++;
  }

  private get baseCount(): number {
    return this.base?.eventCount ?? 0;
  }

  get eventCount(): number {
    return this.baseCount + (this.tail?.eventCount ?? 0);
  }

  get ordinalsVersion(): number {
    return this.generation * 1_000_000 + (this.tail?.ordinalsVersion ?? 0);
  }

  get sequenceMode(): SequenceMode {
    if (this.modeOverride) return this.modeOverride;
    if (this.base) return this.base.sequenceMode;
    return this.tail?.sequenceMode ?? 'global';
  }

  get files(): readonly IndexedFile[] {
    const baseFiles = this.base?.files ?? [];
    const tailFiles = this.tail?.files ?? [];
    if (baseFiles.length === 0) return tailFiles;
    const last = baseFiles[baseFiles.length - 1];
    const continued = tailFiles[0]?.file === last.file ? tailFiles[0] : null;
    if (!continued) return [...baseFiles, ...tailFiles];
    return [...baseFiles.slice(0, -1), { ...continued, events: last.events + continued.events }, ...tailFiles.slice(1)];
  }

  /** Problems found listing files at the last refresh (those of the base are replaced by them). */
  listingProblems: LineProblem[] | null = null;

  get problems(): readonly LineProblem[] {
    return this.guard(() => {
      if (!this.base) return this.tail?.problems ?? [];
      const persisted = this.base.persistedProblems();
      const tailSegments = this.tail?.segments ?? [];
      const continued = tailSegments[0]?.file;
      // A torn last line of the base's last file is read again by the tail (completed or still torn).
      const fileProblems = persisted.files.filter((p) => !(p.file === continued && p.kind === 'torn-line'));
      return [...(this.listingProblems ?? persisted.listing), ...fileProblems, ...tailSegments.flatMap((s) => s.problems)];
    });
  }

  event(ordinal: number): IndexedEvent {
    return this.guard(() => {
      const bc = this.baseCount;
      if (ordinal < bc && this.base) return this.base.event(ordinal);
      if (!this.tail) throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
      if (bc === 0) return this.tail.event(ordinal);
      return { ...this.tail.event(ordinal - bc), ordinal };
    });
  }

  locationOf(ordinal: number): EventLocation {
    return this.guard(() => {
      const bc = this.baseCount;
      return ordinal < bc && this.base ? this.base.locationOf(ordinal) : this.needTail(ordinal).locationOf(ordinal - bc);
    });
  }

  timestampOf(ordinal: number): number {
    return this.guard(() => {
      const bc = this.baseCount;
      return ordinal < bc && this.base ? this.base.timestampOf(ordinal) : this.needTail(ordinal).timestampOf(ordinal - bc);
    });
  }

  sequenceOf(ordinal: number): number {
    return this.guard(() => {
      const bc = this.baseCount;
      return ordinal < bc && this.base ? this.base.sequenceOf(ordinal) : this.needTail(ordinal).sequenceOf(ordinal - bc);
    });
  }

  keyPage(kind: 'aggregate' | 'correlation', prefix: string, offset: number, limit: number): { keys: string[]; total: number } {
    return this.guard(() => {
      if (!this.base) return this.tail?.keyPage(kind, prefix, offset, limit) ?? { keys: [], total: 0 };
      const { from, to } = this.base.prefixRange(kind, prefix);
      const tailOnly = this.tail ? this.tailOnlyKeys(kind, kind === 'aggregate' ? this.tail.aggregateIds() : this.tail.correlationIds()).filter((k) => k.startsWith(prefix)) : [];
      const total = to - from + tailOnly.length;
      if (tailOnly.length === 0) return { keys: this.base.keysFrom(kind, from + offset, Math.max(0, Math.min(limit, to - from - offset))), total };
      // Keys only the tail has (new since the base was written; few): merged into the base's range.
      const merged = this.base.keysFrom(kind, from, to - from).concat(tailOnly).sort();
      return { keys: merged.slice(offset, offset + limit), total };
    });
  }

  timeSpanOf(kind: GroupKind, key: string): { first: number; last: number } {
    return this.guard(() => {
      const base = this.base?.timeSpanOf(kind, key) ?? { first: Number.NaN, last: Number.NaN };
      const tail = this.tail?.timeSpanOf(kind, key) ?? { first: Number.NaN, last: Number.NaN };
      return { first: extreme(base.first, tail.first, Math.min), last: extreme(base.last, tail.last, Math.max) };
    });
  }

  highestSequence(): number {
    return Math.max(this.base?.maxSequence() ?? -1, this.tail?.highestSequence() ?? -1);
  }

  private needTail(ordinal: number): EventIndex {
    if (!this.tail || ordinal < 0) throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
    return this.tail;
  }

  private shifted(list: readonly number[]): number[] {
    const bc = this.baseCount;
    return bc === 0 ? [...list] : list.map((o) => o + bc);
  }

  ordinalsOfAggregate(aggregateId: string): readonly number[] {
    return this.guard(() => {
      const base = this.base?.ordinalsOf('aggregate', aggregateId) ?? [];
      const tail = this.tail ? this.shifted(this.tail.ordinalsOfAggregate(aggregateId)) : [];
      if (tail.length === 0) return base;
      if (base.length === 0) return tail;
      const joined = base.concat(tail);
      const lastBase = this.sequenceOf(base[base.length - 1]);
      if (lastBase <= this.sequenceOf(tail[0])) return joined;
      const sequences = new Map(joined.map((o) => [o, this.sequenceOf(o)]));
      return joined.sort((a, b) => compareSequences(sequences.get(a) as number, sequences.get(b) as number) || a - b);
    });
  }

  ordinalsOfCorrelation(correlationId: string): readonly number[] {
    return this.both((b) => b.ordinalsOf('correlation', correlationId), (t) => t.ordinalsOfCorrelation(correlationId));
  }

  ordinalsOfType(eventType: string): readonly number[] {
    return this.both((b) => b.ordinalsOf('type', eventType), (t) => t.ordinalsOfType(eventType));
  }

  ordinalsOfSource(source: string): readonly number[] {
    return this.both((b) => b.ordinalsOf('source', source), (t) => t.ordinalsOfSource(source));
  }

  ordinalsCausedBy(eventId: string): readonly number[] {
    return this.both((b) => b.ordinalsCausedBy(eventId), (t) => t.ordinalsCausedBy(eventId));
  }

  ordinalsOfEventId(eventId: string): readonly number[] {
    return this.both((b) => b.ordinalsOfEventId(eventId), (t) => t.ordinalsOfEventId(eventId));
  }

  /** Base answers then tail answers (every base ordinal is below every tail one). */
  private both(fromBase: (b: DiskIndex) => readonly number[], fromTail: (t: EventIndex) => readonly number[]): number[] {
    return this.guard(() => {
      const base = this.base ? fromBase(this.base) : [];
      if (!this.tail) return [...base];
      return base.concat(this.shifted(fromTail(this.tail)));
    });
  }

  ordinalsInTimeRange(since: number, until: number): readonly number[] {
    return this.guard(() => {
      const base = this.base?.ordinalsInTimeRange(since, until) ?? [];
      const tail = this.tail ? this.shifted(this.tail.ordinalsInTimeRange(since, until)) : [];
      return this.mergeByTime(base, tail);
    });
  }

  timeOrdered(): Int32Array {
    return this.guard(() => {
      const base = this.base?.timeOrdered() ?? new Int32Array(0);
      if (!this.tail) return base;
      const tail = Int32Array.from(this.shifted(Array.from(this.tail.timeOrdered())));
      if (base.length === 0) return tail;
      return Int32Array.from(this.mergeByTime(Array.from(base), Array.from(tail)));
    });
  }

  /** Two lists in time order merged; equal timestamps keep store order (base first). */
  private mergeByTime(base: number[], tail: number[]): number[] {
    if (tail.length === 0) return base;
    if (base.length === 0) return tail;
    if (this.timestampOf(base[base.length - 1]) <= this.timestampOf(tail[0])) return base.concat(tail);
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < base.length && j < tail.length) merged.push(this.timestampOf(base[i]) <= this.timestampOf(tail[j]) ? base[i++] : tail[j++]);
    while (i < base.length) merged.push(base[i++]);
    while (j < tail.length) merged.push(tail[j++]);
    return merged;
  }

  aggregateIds(): readonly string[] {
    return this.keys('aggregate', (t) => t.aggregateIds());
  }

  correlationIds(): readonly string[] {
    return this.keys('correlation', (t) => t.correlationIds());
  }

  sources(): readonly string[] {
    return this.keys('source', (t) => t.sources());
  }

  aggregateCount(): number {
    return this.keyCount('aggregate', (t) => t.aggregateIds());
  }

  correlationCount(): number {
    return this.keyCount('correlation', (t) => t.correlationIds());
  }

  private keys(grouping: 'aggregate' | 'correlation' | 'source', ofTail: (t: EventIndex) => readonly string[]): string[] {
    return this.guard(() => {
      const base = this.base ? this.base.keysOf(grouping) : [];
      if (!this.tail) return base;
      return base.concat(this.tailOnlyKeys(grouping, ofTail(this.tail)));
    });
  }

  private keyCount(grouping: 'aggregate' | 'correlation', ofTail: (t: EventIndex) => readonly string[]): number {
    return this.guard(() => {
      const base = this.base ? this.base.groupCount(grouping) : 0;
      return base + (this.tail ? this.tailOnlyKeys(grouping, ofTail(this.tail)).length : 0);
    });
  }

  private tailOnlyKeys(grouping: 'aggregate' | 'correlation' | 'source', keys: readonly string[]): string[] {
    const base = this.base;
    return base ? keys.filter((k) => base.table(grouping).lookup(k) < 0) : [...keys];
  }

  aggregateSize(aggregateId: string): number {
    return this.guard(() => {
      return (this.base?.sizeOf('aggregate', aggregateId) ?? 0) + (this.tail?.aggregateSize(aggregateId) ?? 0);
    });
  }

  correlationSize(correlationId: string): number {
    return this.guard(() => {
      return (this.base?.sizeOf('correlation', correlationId) ?? 0) + (this.tail?.correlationSize(correlationId) ?? 0);
    });
  }

  eventTypeCounts(): ReadonlyMap<string, number> {
    const counts = new Map(this.base?.eventTypeCounts() ?? []);
    for (const [type, n] of this.tail?.eventTypeCounts() ?? []) counts.set(type, (counts.get(type) ?? 0) + n);
    return counts;
  }

  numericColumns(): { timestamps: Float64Array; sequences: Float64Array } {
    return this.guard(() => {
      if (!this.base) return this.tail?.numericColumns() ?? { timestamps: new Float64Array(0), sequences: new Float64Array(0) };
      const timestamps = new Float64Array(this.eventCount);
      const sequences = new Float64Array(this.eventCount);
      this.base.numericRange(0, this.baseCount, timestamps, sequences);
      if (this.tail) {
        const t = this.tail.numericColumns();
        timestamps.set(t.timestamps, this.baseCount);
        sequences.set(t.sequences, this.baseCount);
      }
      return { timestamps, sequences };
    });
  }

  /**
   * Timestamps and sequence numbers of ordinals [from, to) into the given
   * arrays at `ordinal - from`: a store-wide rule reads the columns a
   * stretch at a time instead of holding them whole.
   */
  numericRange(from: number, to: number, timestamps: Float64Array, sequences: Float64Array): void {
    this.guard(() => {
      const bc = this.baseCount;
      if (this.base && from < bc) this.base.numericRange(from, Math.min(to, bc), timestamps, sequences);
      for (let o = Math.max(from, bc); o < to; o++) {
        const tail = this.needTail(o);
        timestamps[o - from] = tail.timestampOf(o - bc);
        sequences[o - from] = tail.sequenceOf(o - bc);
      }
    });
  }

  /** Aggregate ids (null: none), timestamps and sequence numbers of ordinals [from, to), at `ordinal - from`; names are kept per base table id. */
  aggregateRange(from: number, to: number, aggregates: (string | null)[], timestamps: Float64Array, sequences: Float64Array): void {
    this.guard(() => {
      const bc = this.baseCount;
      const base = this.base;
      if (base && from < bc) {
        const end = Math.min(to, bc);
        const ids = new Int32Array(end - from);
        base.aggregateRange(from, end, ids, timestamps, sequences);
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k];
          if (id < 0) {
            aggregates[k] = null;
            continue;
          }
          let name = this.aggregateNames.get(id);
          if (name === undefined) {
            name = base.string('aggregate', id);
            this.aggregateNames.set(id, name);
          }
          aggregates[k] = name;
        }
      }
      for (let o = Math.max(from, bc); o < to; o++) {
        const event = this.needTail(o).event(o - bc);
        aggregates[o - from] = event.aggregateId;
        timestamps[o - from] = event.timestampMs;
        sequences[o - from] = event.sequenceNumber;
      }
    });
  }

  /**
   * Base pairs, then per tail event the first earlier holder of its id: in
   * the base when there is one (probed once per appended event), else in the tail.
   */
  duplicateEventIds(): ReadonlyArray<readonly [number, number]> {
    return this.guard(() => {
      if (!this.base) return this.tail?.duplicateEventIds() ?? [];
      const base = this.base.duplicateEventIds();
      if (!this.tail) return base;
      const bc = this.baseCount;
      const cross = this.crossDuplicates;
      for (let local = cross.covered; local < this.tail.eventCount; local++) {
        const id = this.tail.event(local).eventId;
        const inBase = id === '' ? [] : this.base.ordinalsOfEventId(id);
        if (inBase.length > 0) cross.pairs.push([bc + local, inBase[0]]);
      }
      cross.covered = this.tail.eventCount;
      const firstInBase = new Map(cross.pairs.map(([o, first]) => [o, first]));
      const pairs: Array<[number, number]> = [...base, ...cross.pairs];
      for (const [local, firstLocal] of this.tail.duplicateEventIds()) {
        if (firstInBase.has(bc + local)) continue;
        pairs.push([bc + local, bc + firstLocal]);
      }
      return pairs.sort((x, y) => x[0] - y[0]);
    });
  }

  unknownCauses(): readonly number[] {
    return this.guard(() => {
      if (!this.base) return this.tail?.unknownCauses() ?? [];
      const base = this.base;
      const baseUnknown = base.unknownCauses();
      if (!this.tail) return baseUnknown;
      const tail = this.tail;
      const bc = this.baseCount;
      const stillUnknown = baseUnknown.filter((o) => {
        const cause = base.bodyIds(o).causationId;
        return cause === null || tail.ordinalsOfEventId(cause).length === 0;
      });
      for (const local of tail.unknownCauses()) {
        let known = this.causeInBase.get(local);
        if (known === undefined) {
          const cause = tail.event(local).causationId;
          known = cause !== null && base.ordinalsOfEventId(cause).length > 0;
          this.causeInBase.set(local, known);
        }
        if (!known) stillUnknown.push(bc + local);
      }
      return stillUnknown;
    });
  }

  firstTimestamp(): number {
    return extreme(this.base?.firstTimestamp(), this.tail?.firstTimestamp(), Math.min);
  }

  lastTimestamp(): number {
    return extreme(this.base?.lastTimestamp(), this.tail?.lastTimestamp(), Math.max);
  }

  close(): void {
    this.base?.close();
  }
}

function extreme(a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number): number {
  const values = [a, b].filter((v): v is number => v !== undefined && !Number.isNaN(v));
  return values.length === 0 ? Number.NaN : values.reduce((x, y) => pick(x, y));
}

/** Sequence order: NaN last. */
function compareSequences(a: number, b: number): number {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (Number.isNaN(a)) return 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}
