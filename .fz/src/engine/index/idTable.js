"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdTableFiller = void 0;
exports.buildIdTable = buildIdTable;
exports.stringHash = stringHash;
const byteInterner_1 = require("./byteInterner");
const ordinalTable_1 = require("./ordinalTable");
const uuidBytes_1 = require("./uuidBytes");
const segmentBases_1 = require("./segmentBases");
/** Equal-hash entries met while inserting one id (more than a few would mean a flood of one id). */
const sameHashScratch = new Int32Array(4096);
/** Slots per region when filling a whole table (2^14 slots: 64 KB of ordinals and 64 KB of hashes, within L2). */
const REGION_SLOT_BITS = 14;
/** Inserts ids of `segments` (ordinal = `bases[s]` + position) into `table`, recording repeats in `duplicates`. */
class IdTableFiller {
    table;
    segments;
    bases;
    duplicates;
    constructor(table, segments, bases, duplicates) {
        this.table = table;
        this.segments = segments;
        this.bases = bases;
        this.duplicates = duplicates;
    }
    /**
     * Every event of every segment into an empty table sized for them all.
     * A million inserts at random slots of a 16 MB table wait on memory at
     * each one; inserting in order of slot region instead (a counting sort by
     * the slot's top bits, stable so equal ids still meet in store order)
     * keeps the slots being written in cache.
     */
    insertAll() {
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
                const hash = kind === 0 /* IdKind.Uuid */ ? (0, uuidBytes_1.uuidHash)(ids, i * 16) : kind === 1 /* IdKind.Odd */ ? stringHash(c.oddEventIds.get(i) ?? '') : -1;
                hashes[ordinal] = hash;
                regionSizes[hash < 0 ? absentRegion : (hash & (capacity - 1)) >>> regionBits]++;
            }
        }
        const next = new Int32Array(regionSizes.length);
        for (let r = 1; r < regionSizes.length; r++)
            next[r] = next[r - 1] + regionSizes[r - 1];
        const order = new Int32Array(total - regionSizes[absentRegion]);
        for (let ordinal = 0; ordinal < total; ordinal++) {
            const hash = hashes[ordinal];
            if (hash >= 0)
                order[next[(hash & (capacity - 1)) >>> regionBits]++] = ordinal;
        }
        for (let k = 0; k < order.length; k++) {
            const ordinal = order[k];
            this.insertHashed(hashes[ordinal], ordinal);
        }
        // Found region by region; reported in store order.
        this.duplicates.sort((a, b) => a[0] - b[0]);
    }
    /** The events of segment `s` from position `from` on. */
    insertRange(s, from) {
        const base = this.bases[s];
        for (let i = from, n = this.segments[s].count; i < n; i++)
            this.insert(s, i, base + i);
    }
    insert(s, i, ordinal) {
        const hash = this.hashOf(this.segments[s], i);
        if (hash >= 0)
            this.insertHashed(hash, ordinal);
    }
    /** The id's table hash, or -1 for an event without id. */
    hashOf(c, i) {
        const kind = c.eventIdKind[i];
        if (kind === 0 /* IdKind.Uuid */)
            return (0, uuidBytes_1.uuidHash)(c.eventId, i * 16);
        return kind === 1 /* IdKind.Odd */ ? stringHash(c.oddEventIds.get(i) ?? '') : -1;
    }
    insertHashed(hash, ordinal) {
        const met = this.table.insert(hash, ordinal, sameHashScratch);
        if (met === 0)
            return;
        // Equal hashes are rare (a repeated id, or one collision in thousands): only now find the segment.
        const s = this.segmentOf(ordinal);
        const i = ordinal - this.bases[s];
        const c = this.segments[s];
        const kind = c.eventIdKind[i];
        const odd = kind === 1 /* IdKind.Odd */ ? (c.oddEventIds.get(i) ?? '') : '';
        let first = -1;
        for (let k = 0; k < met; k++) {
            const other = sameHashScratch[k];
            const same = kind === 0 /* IdKind.Uuid */ ? this.holdsUuid(other, c.eventId, i * 16) : this.oddIdOf(other) === odd;
            if (same && (first === -1 || other < first))
                first = other;
        }
        if (first !== -1)
            this.duplicates.push([ordinal, first]);
    }
    holdsUuid(ordinal, bytes, at) {
        const s = this.segmentOf(ordinal);
        const c = this.segments[s];
        const i = ordinal - this.bases[s];
        return c.eventIdKind[i] === 0 /* IdKind.Uuid */ && (0, uuidBytes_1.sameUuid)(c.eventId, i * 16, bytes, at);
    }
    oddIdOf(ordinal) {
        const s = this.segmentOf(ordinal);
        return this.segments[s].oddEventIds.get(ordinal - this.bases[s]);
    }
    segmentOf(ordinal) {
        return (0, segmentBases_1.segmentAt)(this.bases, ordinal);
    }
}
exports.IdTableFiller = IdTableFiller;
/** A new table holding every event id of `segments`, in store order. */
function buildIdTable(segments) {
    const bases = [];
    let total = 0;
    for (const segment of segments) {
        bases.push(total);
        total += segment.count;
    }
    const table = new ordinalTable_1.OrdinalTable(total);
    const duplicates = [];
    // Plain objects of one shape (what arrives from another thread may not be): the loops read them a million times.
    const columns = segments.map((c) => ({ count: c.count, eventId: c.eventId, eventIdKind: c.eventIdKind, oddEventIds: c.oddEventIds }));
    new IdTableFiller(table, columns, bases, duplicates).insertAll();
    const { slots, hashes } = table.arrays();
    return { slots, hashes, used: table.size, duplicates };
}
/** Hash of an id that is not a UUID (by its UTF-8 bytes). */
function stringHash(text) {
    const bytes = Buffer.from(text, 'utf8');
    return (0, byteInterner_1.hashBytes)(bytes, 0, bytes.length);
}
//# sourceMappingURL=idTable.js.map