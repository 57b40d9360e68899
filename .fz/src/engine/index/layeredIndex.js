"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LayeredIndex = void 0;
const pagedIndexFile_1 = require("./pagedIndexFile");
/**
 * The index of an opened store: a persisted base read in place (or none,
 * when the store cannot keep a cache) and an in-memory tail holding what was
 * appended since the base was written. Tail ordinals follow the base's. A
 * rebuild swaps both, and `ordinalsVersion` says so.
 */
class LayeredIndex {
    base;
    tail;
    modeOverride;
    rebuildNow;
    generation = 0;
    /** Cross-layer answers kept while the layers do not change (appends only add to them). */
    crossDuplicates = { pairs: [], covered: 0 };
    causeInBase = new Map();
    /** Base aggregate table id → id, filled as stretches are read (one entry per aggregate, not per event). */
    aggregateNames = new Map();
    /** Set when the base turned out damaged and was replaced by an index built in memory: it should be persisted again. */
    rebuiltAfterDamage = false;
    constructor(base, tail, modeOverride, 
    /** Builds the whole index again, on this thread, from the files the layers describe. */
    rebuildNow) {
        this.base = base;
        this.tail = tail;
        this.modeOverride = modeOverride;
        this.rebuildNow = rebuildNow;
    }
    /**
     * Runs a question; when the base proves damaged on the way (a page not
     * matching its checksum), the index is built again from the files and the
     * question asked again: a damaged cache costs time, never a wrong answer.
     */
    guard(ask) {
        try {
            return ask();
        }
        catch (error) {
            if (!(error instanceof pagedIndexFile_1.DamagedIndexError) || !this.rebuildNow || !this.base)
                throw error;
            const files = this.files;
            const listing = this.listingProblems;
            const rebuilt = this.rebuildNow(files);
            if (listing)
                rebuilt.listingProblems = listing;
            this.replace(null, rebuilt, false);
            this.rebuiltAfterDamage = true;
            return ask();
        }
    }
    /** Puts new layers in place (after a rebuild or when a built index was persisted). */
    replace(base, tail, ordinalsMoved) {
        if (this.base && this.base !== base)
            this.base.close();
        this.base = base;
        this.tail = tail;
        this.crossDuplicates = { pairs: [], covered: 0 };
        this.causeInBase = new Map();
        this.aggregateNames = new Map();
        if (ordinalsMoved)
            this.generation++;
    }
    get baseCount() {
        return this.base?.eventCount ?? 0;
    }
    get eventCount() {
        return this.baseCount + (this.tail?.eventCount ?? 0);
    }
    get ordinalsVersion() {
        return this.generation * 1_000_000 + (this.tail?.ordinalsVersion ?? 0);
    }
    get sequenceMode() {
        if (this.modeOverride)
            return this.modeOverride;
        if (this.base)
            return this.base.sequenceMode;
        return this.tail?.sequenceMode ?? 'global';
    }
    get files() {
        const baseFiles = this.base?.files ?? [];
        const tailFiles = this.tail?.files ?? [];
        if (baseFiles.length === 0)
            return tailFiles;
        const last = baseFiles[baseFiles.length - 1];
        const continued = tailFiles[0]?.file === last.file ? tailFiles[0] : null;
        if (!continued)
            return [...baseFiles, ...tailFiles];
        return [...baseFiles.slice(0, -1), { ...continued, events: last.events + continued.events }, ...tailFiles.slice(1)];
    }
    /** Problems found listing files at the last refresh (those of the base are replaced by them). */
    listingProblems = null;
    get problems() {
        return this.guard(() => {
            if (!this.base)
                return this.tail?.problems ?? [];
            const persisted = this.base.persistedProblems();
            const tailSegments = this.tail?.segments ?? [];
            const continued = tailSegments[0]?.file;
            // A torn last line of the base's last file is read again by the tail (completed or still torn).
            const fileProblems = persisted.files.filter((p) => !(p.file === continued && p.kind === 'torn-line'));
            return [...(this.listingProblems ?? persisted.listing), ...fileProblems, ...tailSegments.flatMap((s) => s.problems)];
        });
    }
    event(ordinal) {
        return this.guard(() => {
            const bc = this.baseCount;
            if (ordinal < bc && this.base)
                return this.base.event(ordinal);
            if (!this.tail)
                throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
            if (bc === 0)
                return this.tail.event(ordinal);
            return { ...this.tail.event(ordinal - bc), ordinal };
        });
    }
    locationOf(ordinal) {
        return this.guard(() => {
            const bc = this.baseCount;
            return ordinal < bc && this.base ? this.base.locationOf(ordinal) : this.needTail(ordinal).locationOf(ordinal - bc);
        });
    }
    timestampOf(ordinal) {
        return this.guard(() => {
            const bc = this.baseCount;
            return ordinal < bc && this.base ? this.base.timestampOf(ordinal) : this.needTail(ordinal).timestampOf(ordinal - bc);
        });
    }
    sequenceOf(ordinal) {
        return this.guard(() => {
            const bc = this.baseCount;
            return ordinal < bc && this.base ? this.base.sequenceOf(ordinal) : this.needTail(ordinal).sequenceOf(ordinal - bc);
        });
    }
    keyPage(kind, prefix, offset, limit) {
        return this.guard(() => {
            if (!this.base)
                return this.tail?.keyPage(kind, prefix, offset, limit) ?? { keys: [], total: 0 };
            const { from, to } = this.base.prefixRange(kind, prefix);
            const tailOnly = this.tail ? this.tailOnlyKeys(kind, kind === 'aggregate' ? this.tail.aggregateIds() : this.tail.correlationIds()).filter((k) => k.startsWith(prefix)) : [];
            const total = to - from + tailOnly.length;
            if (tailOnly.length === 0)
                return { keys: this.base.keysFrom(kind, from + offset, Math.max(0, Math.min(limit, to - from - offset))), total };
            // Keys only the tail has (new since the base was written; few): merged into the base's range.
            const merged = this.base.keysFrom(kind, from, to - from).concat(tailOnly).sort();
            return { keys: merged.slice(offset, offset + limit), total };
        });
    }
    timeSpanOf(kind, key) {
        return this.guard(() => {
            const base = this.base?.timeSpanOf(kind, key) ?? { first: Number.NaN, last: Number.NaN };
            const tail = this.tail?.timeSpanOf(kind, key) ?? { first: Number.NaN, last: Number.NaN };
            return { first: extreme(base.first, tail.first, Math.min), last: extreme(base.last, tail.last, Math.max) };
        });
    }
    highestSequence() {
        return Math.max(this.base?.maxSequence() ?? -1, this.tail?.highestSequence() ?? -1);
    }
    needTail(ordinal) {
        if (!this.tail || ordinal < 0)
            throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
        return this.tail;
    }
    shifted(list) {
        const bc = this.baseCount;
        return bc === 0 ? [...list] : list.map((o) => o + bc);
    }
    ordinalsOfAggregate(aggregateId) {
        return this.guard(() => {
            const base = this.base?.ordinalsOf('aggregate', aggregateId) ?? [];
            const tail = this.tail ? this.shifted(this.tail.ordinalsOfAggregate(aggregateId)) : [];
            if (tail.length === 0)
                return base;
            if (base.length === 0)
                return tail;
            const joined = base.concat(tail);
            const lastBase = this.sequenceOf(base[base.length - 1]);
            if (lastBase <= this.sequenceOf(tail[0]))
                return joined;
            const sequences = new Map(joined.map((o) => [o, this.sequenceOf(o)]));
            return joined.sort((a, b) => compareSequences(sequences.get(a), sequences.get(b)) || a - b);
        });
    }
    ordinalsOfCorrelation(correlationId) {
        return this.both((b) => b.ordinalsOf('correlation', correlationId), (t) => t.ordinalsOfCorrelation(correlationId));
    }
    ordinalsOfType(eventType) {
        return this.both((b) => b.ordinalsOf('type', eventType), (t) => t.ordinalsOfType(eventType));
    }
    ordinalsOfSource(source) {
        return this.both((b) => b.ordinalsOf('source', source), (t) => t.ordinalsOfSource(source));
    }
    ordinalsCausedBy(eventId) {
        return this.both((b) => b.ordinalsCausedBy(eventId), (t) => t.ordinalsCausedBy(eventId));
    }
    ordinalsOfEventId(eventId) {
        return this.both((b) => b.ordinalsOfEventId(eventId), (t) => t.ordinalsOfEventId(eventId));
    }
    /** Base answers then tail answers (every base ordinal is below every tail one). */
    both(fromBase, fromTail) {
        return this.guard(() => {
            const base = this.base ? fromBase(this.base) : [];
            if (!this.tail)
                return [...base];
            return base.concat(this.shifted(fromTail(this.tail)));
        });
    }
    ordinalsInTimeRange(since, until) {
        return this.guard(() => {
            const base = this.base?.ordinalsInTimeRange(since, until) ?? [];
            const tail = this.tail ? this.shifted(this.tail.ordinalsInTimeRange(since, until)) : [];
            return this.mergeByTime(base, tail);
        });
    }
    timeOrdered() {
        return this.guard(() => {
            const base = this.base?.timeOrdered() ?? new Int32Array(0);
            if (!this.tail)
                return base;
            const tail = Int32Array.from(this.shifted(Array.from(this.tail.timeOrdered())));
            if (base.length === 0)
                return tail;
            return Int32Array.from(this.mergeByTime(Array.from(base), Array.from(tail)));
        });
    }
    /** Two lists in time order merged; equal timestamps keep store order (base first). */
    mergeByTime(base, tail) {
        if (tail.length === 0)
            return base;
        if (base.length === 0)
            return tail;
        if (this.timestampOf(base[base.length - 1]) <= this.timestampOf(tail[0]))
            return base.concat(tail);
        const merged = [];
        let i = 0;
        let j = 0;
        while (i < base.length && j < tail.length)
            merged.push(this.timestampOf(base[i]) <= this.timestampOf(tail[j]) ? base[i++] : tail[j++]);
        while (i < base.length)
            merged.push(base[i++]);
        while (j < tail.length)
            merged.push(tail[j++]);
        return merged;
    }
    aggregateIds() {
        return this.keys('aggregate', (t) => t.aggregateIds());
    }
    correlationIds() {
        return this.keys('correlation', (t) => t.correlationIds());
    }
    sources() {
        return this.keys('source', (t) => t.sources());
    }
    aggregateCount() {
        return this.keyCount('aggregate', (t) => t.aggregateIds());
    }
    correlationCount() {
        return this.keyCount('correlation', (t) => t.correlationIds());
    }
    keys(grouping, ofTail) {
        return this.guard(() => {
            const base = this.base ? this.base.keysOf(grouping) : [];
            if (!this.tail)
                return base;
            return base.concat(this.tailOnlyKeys(grouping, ofTail(this.tail)));
        });
    }
    keyCount(grouping, ofTail) {
        return this.guard(() => {
            const base = this.base ? this.base.groupCount(grouping) : 0;
            return base + (this.tail ? this.tailOnlyKeys(grouping, ofTail(this.tail)).length : 0);
        });
    }
    tailOnlyKeys(grouping, keys) {
        const base = this.base;
        return base ? keys.filter((k) => base.table(grouping).lookup(k) < 0) : [...keys];
    }
    aggregateSize(aggregateId) {
        return this.guard(() => {
            return (this.base?.sizeOf('aggregate', aggregateId) ?? 0) + (this.tail?.aggregateSize(aggregateId) ?? 0);
        });
    }
    correlationSize(correlationId) {
        return this.guard(() => {
            return (this.base?.sizeOf('correlation', correlationId) ?? 0) + (this.tail?.correlationSize(correlationId) ?? 0);
        });
    }
    eventTypeCounts() {
        const counts = new Map(this.base?.eventTypeCounts() ?? []);
        for (const [type, n] of this.tail?.eventTypeCounts() ?? [])
            counts.set(type, (counts.get(type) ?? 0) + n);
        return counts;
    }
    numericColumns() {
        return this.guard(() => {
            if (!this.base)
                return this.tail?.numericColumns() ?? { timestamps: new Float64Array(0), sequences: new Float64Array(0) };
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
    numericRange(from, to, timestamps, sequences) {
        this.guard(() => {
            const bc = this.baseCount;
            if (this.base && from < bc)
                this.base.numericRange(from, Math.min(to, bc), timestamps, sequences);
            for (let o = Math.max(from, bc); o < to; o++) {
                const tail = this.needTail(o);
                timestamps[o - from] = tail.timestampOf(o - bc);
                sequences[o - from] = tail.sequenceOf(o - bc);
            }
        });
    }
    /** Aggregate ids (null: none), timestamps and sequence numbers of ordinals [from, to), at `ordinal - from`; names are kept per base table id. */
    aggregateRange(from, to, aggregates, timestamps, sequences) {
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
    duplicateEventIds() {
        return this.guard(() => {
            if (!this.base)
                return this.tail?.duplicateEventIds() ?? [];
            const base = this.base.duplicateEventIds();
            if (!this.tail)
                return base;
            const bc = this.baseCount;
            const cross = this.crossDuplicates;
            for (let local = cross.covered; local < this.tail.eventCount; local++) {
                const id = this.tail.event(local).eventId;
                const inBase = id === '' ? [] : this.base.ordinalsOfEventId(id);
                if (inBase.length > 0)
                    cross.pairs.push([bc + local, inBase[0]]);
            }
            cross.covered = this.tail.eventCount;
            const firstInBase = new Map(cross.pairs.map(([o, first]) => [o, first]));
            const pairs = [...base, ...cross.pairs];
            for (const [local, firstLocal] of this.tail.duplicateEventIds()) {
                if (firstInBase.has(bc + local))
                    continue;
                pairs.push([bc + local, bc + firstLocal]);
            }
            return pairs.sort((x, y) => x[0] - y[0]);
        });
    }
    unknownCauses() {
        return this.guard(() => {
            if (!this.base)
                return this.tail?.unknownCauses() ?? [];
            const base = this.base;
            const baseUnknown = base.unknownCauses();
            if (!this.tail)
                return baseUnknown;
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
                if (!known)
                    stillUnknown.push(bc + local);
            }
            return stillUnknown;
        });
    }
    firstTimestamp() {
        return extreme(this.base?.firstTimestamp(), this.tail?.firstTimestamp(), Math.min);
    }
    lastTimestamp() {
        return extreme(this.base?.lastTimestamp(), this.tail?.lastTimestamp(), Math.max);
    }
    close() {
        this.base?.close();
    }
}
exports.LayeredIndex = LayeredIndex;
function extreme(a, b, pick) {
    const values = [a, b].filter((v) => v !== undefined && !Number.isNaN(v));
    return values.length === 0 ? Number.NaN : values.reduce((x, y) => pick(x, y));
}
/** Sequence order: NaN last. */
function compareSequences(a, b) {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b)))
        return 0;
    if (Number.isNaN(a))
        return 1;
    if (Number.isNaN(b))
        return -1;
    return a - b;
}
//# sourceMappingURL=layeredIndex.js.map