"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventIndex = void 0;
const grouping_1 = require("./grouping");
const ordinalTable_1 = require("./ordinalTable");
const idTable_1 = require("./idTable");
const sequenceMode_1 = require("./sequenceMode");
const uuidBytes_1 = require("./uuidBytes");
const segmentBases_1 = require("./segmentBases");
const scratchId = new Uint8Array(16);
const scratchCandidates = [];
/**
 * The index of one store: per-file column segments (what was read from each
 * file), interned string tables, and the lookups built over them. Holds no
 * event bodies: those are read lazily from file + offset.
 */
class EventIndex {
    segments;
    interners;
    modeOverride;
    bases = [];
    total = 0;
    byAggregate = new grouping_1.Grouping();
    byCorrelation = new grouping_1.Grouping();
    byType = new grouping_1.Grouping();
    bySource = new grouping_1.Grouping();
    ids = new ordinalTable_1.OrdinalTable(0);
    /** Found while filling `ids`: `[ordinal, firstOrdinal]` per repeated event id, in ordinal order. */
    duplicates = [];
    causes = null;
    timeOrder = null;
    /** The last time order and how many ordinals it covered, kept across appends so the next one only merges the new events in. */
    timeOrderBeforeAppends = null;
    ordinalsGeneration = 0;
    /** The last unknownCauses() answer and how many ordinals it had looked at (cleared when ordinals move). */
    unknownCausesSoFar = null;
    detectedMode = 'global';
    lastLocated = 0;
    /** Problems found while listing files (unreadable files, symlinks out of the store). */
    listingProblems = [];
    constructor(segments, interners, modeOverride, derived, 
    /** The event-id table is being filled elsewhere (a worker) and comes through `adoptIdTable`. */
    idTablePending = false) {
        this.segments = segments;
        this.interners = interners;
        this.modeOverride = modeOverride;
        if (derived)
            this.restoreDerived(derived);
        else
            this.rebuildDerived(idTablePending);
    }
    /** Takes in an id table filled (by a worker) from these very segments; null: fill it here after all. */
    adoptIdTable(built) {
        if (!built) {
            this.rebuildIdTable();
            return;
        }
        this.ids = ordinalTable_1.OrdinalTable.restore(built.slots, built.hashes, built.used);
        this.duplicates = built.duplicates;
    }
    /** The lookups, for the persisted index (so reopening need not rebuild them). */
    exportDerived() {
        return {
            aggregate: this.byAggregate.arrays(),
            correlation: this.byCorrelation.arrays(),
            type: this.byType.arrays(),
            source: this.bySource.arrays(),
            idSlots: this.ids.arrays().slots,
            idHashes: this.ids.arrays().hashes,
            idCount: this.ids.size,
            duplicateIds: this.duplicates,
            detectedMode: this.detectedMode,
            pendingAppends: this.pendingAppends(),
        };
    }
    /** Appended events not yet folded into the flat groups (events without aggregate or correlation count too, via type). */
    pendingAppends() {
        return this.byAggregate.pendingAppends + this.byCorrelation.pendingAppends + this.byType.pendingAppends + this.bySource.pendingAppends;
    }
    restoreDerived(derived) {
        this.bases = [];
        let total = 0;
        for (const s of this.segments) {
            this.bases.push(total);
            total += s.columns.count;
        }
        this.total = total;
        this.byAggregate.restore(derived.aggregate.starts, derived.aggregate.members);
        this.byCorrelation.restore(derived.correlation.starts, derived.correlation.members);
        this.byType.restore(derived.type.starts, derived.type.members);
        this.bySource.restore(derived.source.starts, derived.source.members);
        this.ids = ordinalTable_1.OrdinalTable.restore(derived.idSlots, derived.idHashes, derived.idCount);
        this.duplicates = derived.duplicateIds;
        this.detectedMode = derived.detectedMode;
    }
    get eventCount() {
        return this.total;
    }
    get ordinalsVersion() {
        return this.ordinalsGeneration;
    }
    get sequenceMode() {
        return this.modeOverride ?? this.detectedMode;
    }
    get files() {
        return this.segments.map((s) => ({
            file: s.file,
            size: s.size,
            mtimeMs: s.mtimeMs,
            compressed: s.compressed,
            events: s.columns.count,
            lines: s.lines,
            day: s.day,
        }));
    }
    get problems() {
        return [...this.listingProblems, ...this.segments.flatMap((s) => s.problems)];
    }
    /** Recomputes every lookup from the segments (after a cold build, or when a file other than the last changed). */
    rebuildDerived(idTablePending = false) {
        this.bases = [];
        let total = 0;
        for (const s of this.segments) {
            this.bases.push(total);
            total += s.columns.count;
        }
        this.total = total;
        const counts = this.segments.map((segment) => segment.columns.count);
        const chunks = (name) => this.segments.map((segment) => segment.columns[name]);
        this.byAggregate.rebuild(chunks('aggregate'), counts, this.interners.aggregate.size);
        this.byCorrelation.rebuild(chunks('correlation'), counts, this.interners.correlation.size);
        this.byType.rebuild(chunks('type'), counts, this.interners.type.size);
        this.bySource.rebuild(chunks('source'), counts, this.interners.source.size);
        // One flat copy of the sequence column serves both the ordering and the mode detection.
        const sequences = new Float64Array(total);
        this.segments.forEach((segment, k) => sequences.set(segment.columns.sequence.subarray(0, segment.columns.count), this.bases[k]));
        this.byAggregate.sortGroupsBy(sequences, chunks('aggregate'), counts);
        if (!idTablePending)
            this.rebuildIdTable();
        this.causes = null;
        this.timeOrder = null;
        this.timeOrderBeforeAppends = null;
        this.unknownCausesSoFar = null;
        this.detectedMode = (0, sequenceMode_1.detectSequenceMode)(sequences, chunks('aggregate'), counts, this.interners.aggregate.size);
    }
    /** Adds a new last file (a new day) and takes in its events. */
    addSegmentAtEnd(segment) {
        this.segments.push(segment);
        this.bases.push(this.total);
        this.appendedToLastSegment(0);
    }
    /** Replaces the segment list (files rewritten, removed or added in the middle) and rebuilds every lookup. */
    replaceSegments(segments) {
        this.segments.splice(0, this.segments.length, ...segments);
        this.ordinalsGeneration++;
        this.rebuildDerived();
    }
    /** Takes in events added at the end of the last segment (from local index `fromLocal`). */
    appendedToLastSegment(fromLocal) {
        const segmentIndex = this.segments.length - 1;
        const c = this.segments[segmentIndex].columns;
        const base = this.bases[segmentIndex];
        if (this.timeOrder && !this.timeOrderBeforeAppends)
            this.timeOrderBeforeAppends = { order: this.timeOrder, covered: this.total };
        for (let i = fromLocal; i < c.count; i++) {
            const ordinal = base + i;
            this.byAggregate.add(c.aggregate[i], ordinal);
            this.byCorrelation.add(c.correlation[i], ordinal);
            this.byType.add(c.type[i], ordinal);
            this.bySource.add(c.source[i], ordinal);
        }
        this.total = base + c.count;
        this.idFiller().insertRange(segmentIndex, fromLocal);
        this.causes = null;
        this.timeOrder = null;
        if (this.pendingAppends() > 100_000)
            this.rebuildDerived();
    }
    event(ordinal) {
        const s = this.locate(ordinal);
        const segment = this.segments[s];
        const c = segment.columns;
        const i = ordinal - this.bases[s];
        const n = this.interners;
        return {
            ordinal,
            file: segment.file,
            line: c.line[i],
            offset: c.offset[i],
            length: c.length[i],
            eventId: idText(c.eventIdKind[i], c.eventId, i, c.oddEventIds) ?? '',
            eventType: stringOf(n.type, c.type[i]) ?? '',
            source: stringOf(n.source, c.source[i]) ?? '',
            aggregateId: stringOf(n.aggregate, c.aggregate[i]),
            correlationId: stringOf(n.correlation, c.correlation[i]),
            causationId: idText(c.causeKind[i], c.cause, i, c.oddCauses),
            timestampMs: c.timestamp[i],
            sequenceNumber: c.sequence[i],
            retryCount: c.retry[i],
            status: stringOf(n.status, c.status[i]) ?? '',
            schemaVersion: stringOf(n.schemaVersion, c.schemaVersion[i]) ?? '',
        };
    }
    /** Where an event's line is, without building the whole entry (the hot path of reading bodies). */
    locationOf(ordinal) {
        const s = this.locate(ordinal);
        const segment = this.segments[s];
        const i = ordinal - this.bases[s];
        return { file: segment.file, line: segment.columns.line[i], offset: segment.columns.offset[i], length: segment.columns.length[i] };
    }
    /** Fast column reads for hot loops (integrity rules, binning) without building an object. */
    timestampOf(ordinal) {
        const s = this.locate(ordinal);
        return this.segments[s].columns.timestamp[ordinal - this.bases[s]];
    }
    sequenceOf(ordinal) {
        const s = this.locate(ordinal);
        return this.segments[s].columns.sequence[ordinal - this.bases[s]];
    }
    aggregateOf(ordinal) {
        const s = this.locate(ordinal);
        return this.segments[s].columns.aggregate[ordinal - this.bases[s]];
    }
    typeOf(ordinal) {
        const s = this.locate(ordinal);
        return this.segments[s].columns.type[ordinal - this.bases[s]];
    }
    ordinalsOfAggregate(aggregateId) {
        const list = this.byAggregate.list(this.interners.aggregate.lookup(aggregateId));
        if (this.byAggregate.pendingAppends > 0 && !isSortedBy(list, (o) => this.sequenceOf(o))) {
            list.sort((a, b) => this.compareSequence(a, b));
        }
        return list;
    }
    ordinalsOfCorrelation(correlationId) {
        return this.byCorrelation.list(this.interners.correlation.lookup(correlationId));
    }
    ordinalsOfType(eventType) {
        return this.byType.list(this.interners.type.lookup(eventType));
    }
    ordinalsOfSource(source) {
        return this.bySource.list(this.interners.source.lookup(source));
    }
    aggregateSize(aggregateId) {
        return this.byAggregate.size(this.interners.aggregate.lookup(aggregateId));
    }
    correlationSize(correlationId) {
        return this.byCorrelation.size(this.interners.correlation.lookup(correlationId));
    }
    ordinalsOfEventId(eventId) {
        return this.probeText(this.ids, eventId, 0 /* IdColumn.EventId */);
    }
    ordinalsCausedBy(eventId) {
        if (!this.causes)
            this.causes = this.buildCauseTable();
        return this.probeText(this.causes, eventId, 1 /* IdColumn.Cause */);
    }
    ordinalsInTimeRange(since, until) {
        const order = this.timeOrdered();
        const from = lowerBound(order, since, (o) => this.timestampOf(o));
        const result = [];
        for (let k = from; k < order.length; k++) {
            const o = order[k];
            if (this.timestampOf(o) > until)
                break;
            result.push(o);
        }
        return result;
    }
    aggregateIds() {
        return this.presentStrings(this.interners.aggregate, this.byAggregate);
    }
    correlationIds() {
        return this.presentStrings(this.interners.correlation, this.byCorrelation);
    }
    aggregateCount() {
        return this.presentCount(this.interners.aggregate, this.byAggregate);
    }
    correlationCount() {
        return this.presentCount(this.interners.correlation, this.byCorrelation);
    }
    keyPage(kind, prefix, offset, limit) {
        const all = (kind === 'aggregate' ? this.aggregateIds() : this.correlationIds()).filter((k) => k.startsWith(prefix)).sort();
        return { keys: all.slice(offset, offset + limit), total: all.length };
    }
    timeSpanOf(kind, key) {
        const ordinals = kind === 'aggregate' ? this.ordinalsOfAggregate(key) : kind === 'correlation' ? this.ordinalsOfCorrelation(key) : kind === 'type' ? this.ordinalsOfType(key) : this.ordinalsOfSource(key);
        let first = Number.NaN;
        let last = Number.NaN;
        for (const ordinal of ordinals) {
            const t = this.timestampOf(ordinal);
            if (Number.isNaN(t))
                continue;
            if (!(t >= first))
                first = t;
            if (!(t <= last))
                last = t;
        }
        return { first, last };
    }
    highestSequence() {
        let highest = -1;
        for (const segment of this.segments) {
            const c = segment.columns;
            for (let i = 0; i < c.count; i++)
                if (c.sequence[i] > highest)
                    highest = c.sequence[i];
        }
        return highest;
    }
    sources() {
        return this.presentStrings(this.interners.source, this.bySource);
    }
    eventTypeCounts() {
        const counts = new Map();
        const types = this.interners.type;
        for (let id = 0; id < types.size; id++) {
            const size = this.byType.size(id);
            if (size > 0)
                counts.set(types.stringOf(id), size);
        }
        return counts;
    }
    numericColumns() {
        const timestamps = new Float64Array(this.total);
        const sequences = new Float64Array(this.total);
        this.segments.forEach((segment, k) => {
            const c = segment.columns;
            timestamps.set(c.timestamp.subarray(0, c.count), this.bases[k]);
            sequences.set(c.sequence.subarray(0, c.count), this.bases[k]);
        });
        return { timestamps, sequences };
    }
    duplicateEventIds() {
        return [...this.duplicates].sort((x, y) => x[0] - y[0]);
    }
    /**
     * Ordinals whose causation_id names no event. Kept across appends: an
     * append only adds ids, so the earlier unknown ones are checked again (a
     * new event may be their cause) and only the new events are scanned.
     */
    unknownCauses() {
        const known = this.unknownCausesSoFar;
        const unknown = known ? known.ordinals.filter((ordinal) => !this.causeFound(ordinal)) : [];
        const from = known ? known.covered : 0;
        for (let s = this.segmentContaining(from); s < this.segments.length; s++) {
            const c = this.segments[s].columns;
            const base = this.bases[s];
            for (let i = Math.max(0, from - base); i < c.count; i++) {
                if (c.causeKind[i] !== 2 /* IdKind.Absent */ && !this.causeFoundAt(c, i))
                    unknown.push(base + i);
            }
        }
        this.unknownCausesSoFar = { ordinals: unknown, covered: this.total };
        return [...unknown];
    }
    causeFound(ordinal) {
        const s = this.locate(ordinal);
        return this.causeFoundAt(this.segments[s].columns, ordinal - this.bases[s]);
    }
    causeFoundAt(c, i) {
        return c.causeKind[i] === 0 /* IdKind.Uuid */ ? this.hasUuid(this.ids, c.cause, i * 16) : this.ordinalsOfEventId(c.oddCauses.get(i) ?? '').length > 0;
    }
    /** The first segment holding ordinals at or after `ordinal` (the number of segments when none). */
    segmentContaining(ordinal) {
        if (ordinal >= this.total)
            return this.segments.length;
        return this.locate(ordinal);
    }
    firstTimestamp() {
        const order = this.timeOrdered();
        return order.length ? this.timestampOf(order[0]) : Number.NaN;
    }
    lastTimestamp() {
        const order = this.timeOrdered();
        return order.length ? this.timestampOf(order[order.length - 1]) : Number.NaN;
    }
    /** Ordinals with a parseable timestamp, in time order (ties in store order). */
    timeOrdered() {
        if (this.timeOrder)
            return this.timeOrder;
        const before = this.timeOrderBeforeAppends;
        this.timeOrderBeforeAppends = null;
        this.timeOrder = before ? this.withAppended(before.order, before.covered) : this.sortedByTime();
        return this.timeOrder;
    }
    /**
     * The old order with the ordinals from `covered` on merged in: the
     * appended events are sorted alone (few), then one linear merge; an
     * append that is all later than the old last event is a plain concat.
     */
    withAppended(old, covered) {
        const added = [];
        for (let o = covered; o < this.total; o++)
            if (!Number.isNaN(this.timestampOf(o)))
                added.push(o);
        if (added.length === 0)
            return old;
        added.sort((a, b) => this.timestampOf(a) - this.timestampOf(b) || a - b);
        const merged = new Int32Array(old.length + added.length);
        const lastOld = old.length > 0 ? this.timestampOf(old[old.length - 1]) : -Infinity;
        if (this.timestampOf(added[0]) >= lastOld) {
            merged.set(old);
            merged.set(added, old.length);
            return merged;
        }
        // Equal timestamps keep store order: every old ordinal is below every added one, so the old goes first.
        let i = 0;
        let j = 0;
        let k = 0;
        while (i < old.length && j < added.length) {
            merged[k++] = this.timestampOf(old[i]) <= this.timestampOf(added[j]) ? old[i++] : added[j++];
        }
        while (i < old.length)
            merged[k++] = old[i++];
        while (j < added.length)
            merged[k++] = added[j++];
        return merged;
    }
    sortedByTime() {
        const ordinals = [];
        let sorted = true;
        let previous = -Infinity;
        for (let o = 0; o < this.total; o++) {
            const ts = this.timestampOf(o);
            if (Number.isNaN(ts))
                continue;
            if (ts < previous)
                sorted = false;
            previous = ts;
            ordinals.push(o);
        }
        const order = Int32Array.from(ordinals);
        if (sorted)
            return order;
        const times = Float64Array.from(order, (o) => this.timestampOf(o));
        const positions = Int32Array.from(order.keys());
        positions.sort((a, b) => times[a] - times[b] || order[a] - order[b]);
        return Int32Array.from(positions, (p) => order[p]);
    }
    /** Segment index holding `ordinal`. */
    locate(ordinal) {
        const bases = this.bases;
        let s = this.lastLocated;
        if (s < bases.length && ordinal >= bases[s] && (s + 1 === bases.length || ordinal < bases[s + 1]))
            return s;
        if (ordinal < 0 || ordinal >= this.total)
            throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.total})`);
        s = (0, segmentBases_1.segmentAt)(bases, ordinal);
        this.lastLocated = s;
        return s;
    }
    baseOf(segmentIndex) {
        return this.bases[segmentIndex];
    }
    compareSequence(a, b) {
        const sa = this.sequenceOf(a);
        const sb = this.sequenceOf(b);
        if (sa === sb || (Number.isNaN(sa) && Number.isNaN(sb)))
            return a - b;
        if (Number.isNaN(sa))
            return 1;
        if (Number.isNaN(sb))
            return -1;
        return sa - sb;
    }
    presentCount(interner, grouping) {
        let count = 0;
        for (let id = 0; id < interner.size; id++)
            if (grouping.size(id) > 0)
                count++;
        return count;
    }
    presentStrings(interner, grouping) {
        const present = [];
        for (let id = 0; id < interner.size; id++)
            if (grouping.size(id) > 0)
                present.push(interner.stringOf(id));
        return present;
    }
    rebuildIdTable() {
        this.ids = new ordinalTable_1.OrdinalTable(this.total);
        this.duplicates = [];
        this.idFiller().insertAll();
    }
    idFiller() {
        return new idTable_1.IdTableFiller(this.ids, this.segments.map((segment) => segment.columns), this.bases, this.duplicates);
    }
    buildCauseTable() {
        const table = new ordinalTable_1.OrdinalTable(this.total);
        this.segments.forEach((segment, s) => {
            const c = segment.columns;
            const base = this.bases[s];
            for (let i = 0; i < c.count; i++) {
                const kind = c.causeKind[i];
                if (kind === 2 /* IdKind.Absent */)
                    continue;
                table.insert(kind === 0 /* IdKind.Uuid */ ? (0, uuidBytes_1.uuidHash)(c.cause, i * 16) : (0, idTable_1.stringHash)(c.oddCauses.get(i) ?? ''), base + i);
            }
        });
        return table;
    }
    /** Ordinals in a table (of ids or of causes) whose id is `id`. */
    probeText(table, id, column) {
        if ((0, uuidBytes_1.uuidBytesFromString)(id, scratchId, 0))
            return this.uuidOrdinals(table, scratchId, 0, column);
        const found = [];
        const n = table.candidates((0, idTable_1.stringHash)(id), scratchCandidates);
        for (let k = 0; k < n; k++) {
            const ordinal = scratchCandidates[k];
            const s = this.locate(ordinal);
            const c = this.segments[s].columns;
            const i = ordinal - this.bases[s];
            const odd = column === 0 /* IdColumn.EventId */ ? c.oddEventIds.get(i) : c.oddCauses.get(i);
            if (odd === id)
                found.push(ordinal);
        }
        return found.sort((a, b) => a - b);
    }
    /** Ordinals in a table whose id (event id or cause, by `column`) has these UUID bytes. */
    uuidOrdinals(table, bytes, at, column) {
        const found = [];
        const n = table.candidates((0, uuidBytes_1.uuidHash)(bytes, at), scratchCandidates);
        for (let k = 0; k < n; k++)
            if (this.holdsUuid(scratchCandidates[k], bytes, at, column))
                found.push(scratchCandidates[k]);
        return found.sort((a, b) => a - b);
    }
    hasUuid(table, bytes, at) {
        const n = table.candidates((0, uuidBytes_1.uuidHash)(bytes, at), scratchCandidates);
        for (let k = 0; k < n; k++)
            if (this.holdsUuid(scratchCandidates[k], bytes, at, 0 /* IdColumn.EventId */))
                return true;
        return false;
    }
    holdsUuid(ordinal, bytes, at, column) {
        const s = this.locate(ordinal);
        const c = this.segments[s].columns;
        const i = ordinal - this.bases[s];
        return column === 0 /* IdColumn.EventId */
            ? c.eventIdKind[i] === 0 /* IdKind.Uuid */ && (0, uuidBytes_1.sameUuid)(c.eventId, i * 16, bytes, at)
            : c.causeKind[i] === 0 /* IdKind.Uuid */ && (0, uuidBytes_1.sameUuid)(c.cause, i * 16, bytes, at);
    }
}
exports.EventIndex = EventIndex;
function stringOf(interner, id) {
    return id >= 0 && id < interner.size ? interner.stringOf(id) : null;
}
function idText(kind, bytes, i, odd) {
    if (kind === 0 /* IdKind.Uuid */)
        return (0, uuidBytes_1.uuidStringFromBytes)(bytes, i * 16);
    if (kind === 1 /* IdKind.Odd */)
        return odd.get(i) ?? null;
    return null;
}
function isSortedBy(list, key) {
    for (let k = 1; k < list.length; k++)
        if (key(list[k - 1]) > key(list[k]))
            return false;
    return true;
}
function lowerBound(order, value, key) {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (key(order[mid]) < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
//# sourceMappingURL=eventIndex.js.map