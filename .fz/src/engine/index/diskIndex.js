"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DiskIndex = void 0;
exports.diskIndexPath = diskIndexPath;
const path = __importStar(require("node:path"));
const eventBodyReader_1 = require("../store/eventBodyReader");
const diskIndexFormat_1 = require("./diskIndexFormat");
const envelopeScanner_1 = require("./envelopeScanner");
const idTable_1 = require("./idTable");
const pagedIndexFile_1 = require("./pagedIndexFile");
const segmentBases_1 = require("./segmentBases");
const uuidBytes_1 = require("./uuidBytes");
const varintBytes_1 = require("./varintBytes");
const DECODED_BLOCKS = 16;
/** String tables up to this size are read whole once; larger ones string by string. */
const SMALL_TABLE_BYTES = 64 * 1024;
const scratchUuid = new Uint8Array(16);
function diskIndexPath(cacheDir) {
    return path.join(cacheDir, diskIndexFormat_1.DISK_INDEX_FILE_NAME);
}
/**
 * The persisted index, queried where it lies: opening reads its header;
 * each question reads the postings, records or buckets it needs through
 * checksummed positioned reads, and event lines for the ids. Holds nothing
 * that grows with the number of events.
 */
class DiskIndex {
    paged;
    storeRoot;
    bodies;
    modeOverride;
    header;
    bases = [];
    /** First ordinal of each file holding events (where record deltas restart). */
    fileStarts = [];
    blocks = new Map();
    /** The block last decoded: a lookup in the block after it is a walk in store order, which wants whole blocks. */
    lastDecoded = -2;
    cursor = new varintBytes_1.ByteCursor(Buffer.alloc(0));
    tables = new Map();
    shapeList = null;
    problemList = null;
    scanner = new envelopeScanner_1.EnvelopeScanner();
    found = new envelopeScanner_1.ScannedEnvelope();
    constructor(paged, storeRoot, bodies, modeOverride) {
        this.paged = paged;
        this.storeRoot = storeRoot;
        this.bodies = bodies;
        this.modeOverride = modeOverride;
        this.header = paged.header;
        let total = 0;
        for (const f of this.header.files) {
            this.bases.push(total);
            if (f.events > 0)
                this.fileStarts.push(total);
            total += f.events;
        }
    }
    /** The persisted index of this store, or null when there is none fit for it (missing, foreign, damaged, another mode). */
    static open(storeRoot, cacheDir, sequenceMode) {
        const paged = pagedIndexFile_1.PagedIndexFile.open(diskIndexPath(cacheDir));
        if (!paged)
            return null;
        const h = paged.header;
        if (h.storeRoot !== path.resolve(storeRoot) || (h.sequenceModeOverride ?? undefined) !== sequenceMode) {
            paged.close();
            return null;
        }
        return new DiskIndex(paged, path.resolve(storeRoot), new eventBodyReader_1.EventBodyReader(path.resolve(storeRoot)), sequenceMode);
    }
    close() {
        this.paged.close();
        this.bodies.close();
    }
    get eventCount() {
        return this.header.eventCount;
    }
    get sequenceMode() {
        return this.modeOverride ?? this.header.detectedMode;
    }
    get files() {
        return this.header.files.map((f) => ({ file: f.file, size: f.size, mtimeMs: f.mtimeMs, compressed: f.compressed, events: f.events, lines: f.lines, day: f.day }));
    }
    get problems() {
        const { listing, files } = this.persistedProblems();
        return [...listing, ...files];
    }
    /** Problems found listing the files (when built) and those of lines in files, apart. */
    persistedProblems() {
        if (this.problemList === null) {
            const ref = this.header.problems;
            this.problemList = this.header.problemCount === 0 ? { listing: [], files: [] } : JSON.parse(this.paged.read(ref.offset, ref.length).toString('utf8'));
        }
        return this.problemList;
    }
    /** The file index holding `ordinal`. */
    fileOf(ordinal) {
        if (ordinal < 0 || ordinal >= this.eventCount)
            throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
        return (0, segmentBases_1.segmentAt)(this.bases, ordinal);
    }
    event(ordinal) {
        const block = this.block(ordinal);
        const k = ordinal - block.first;
        const [type, source, status, schema] = this.shape(block.shape[k]);
        const aggregate = block.aggregate[k];
        let ids;
        const body = () => (ids ??= this.bodyIds(ordinal));
        return {
            ordinal,
            file: this.header.files[this.fileOf(ordinal)].file,
            line: block.line[k],
            offset: block.offset[k],
            length: block.length[k],
            get eventId() {
                return body().eventId;
            },
            eventType: type < 0 ? '' : this.string('type', type),
            source: source < 0 ? '' : this.string('source', source),
            aggregateId: aggregate < 0 ? null : this.string('aggregate', aggregate),
            get correlationId() {
                return body().correlationId;
            },
            get causationId() {
                return body().causationId;
            },
            timestampMs: block.timestamp[k],
            sequenceNumber: block.sequence[k],
            retryCount: block.retry[k],
            status: status < 0 ? '' : this.string('status', status),
            schemaVersion: schema < 0 ? '' : this.string('schemaVersion', schema),
        };
    }
    locationOf(ordinal) {
        // One aggregate's or correlation's events lie a block apart each: decoding a block only up to the event halves the work.
        const block = this.block(ordinal, true);
        const k = ordinal - block.first;
        return { file: this.header.files[this.fileOf(ordinal)].file, line: block.line[k], offset: block.offset[k], length: block.length[k] };
    }
    timestampOf(ordinal) {
        const block = this.block(ordinal);
        return block.timestamp[ordinal - block.first];
    }
    sequenceOf(ordinal) {
        const block = this.block(ordinal);
        return block.sequence[ordinal - block.first];
    }
    /** Members of a group (aggregate in sequence order; the others in store order); [] for an unknown key. */
    ordinalsOf(grouping, key) {
        const id = this.table(grouping).lookup(key);
        return id < 0 ? [] : this.postings(grouping, id, Infinity);
    }
    sizeOf(grouping, key) {
        const id = this.table(grouping).lookup(key);
        return id < 0 ? 0 : this.postingCount(grouping, id);
    }
    /** How many distinct keys the grouping has. */
    groupCount(grouping) {
        return this.header.groupings[grouping].groups;
    }
    /** Every key of a grouping, sorted. */
    keysOf(grouping) {
        return this.table(grouping).all();
    }
    /** Keys from sorted position `from`, at most `count` (for paging through 270,000 correlations). */
    keysFrom(grouping, from, count) {
        const table = this.table(grouping);
        const out = [];
        for (let id = from; id < Math.min(table.count, from + count); id++)
            out.push(table.at(id));
        return out;
    }
    /** Sorted positions [from, to) of the keys starting with `prefix`. */
    prefixRange(grouping, prefix) {
        const table = this.table(grouping);
        const from = table.lowerBound(prefix);
        let lo = from;
        let hi = table.count;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (table.at(mid).startsWith(prefix))
                lo = mid + 1;
            else
                hi = mid;
        }
        return { from, to: lo };
    }
    eventTypeCounts() {
        return new Map(Object.entries(this.header.typeCounts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    firstTimestamp() {
        return this.header.firstTimestamp ?? Number.NaN;
    }
    lastTimestamp() {
        return this.header.lastTimestamp ?? Number.NaN;
    }
    /** Ordinals with timestamps in [since, until], in time order (ties in store order). */
    ordinalsInTimeRange(since, until) {
        const result = [];
        const checkpoints = this.header.timeOrder.checkpoints;
        if (checkpoints === 0 || !(since <= until))
            return result;
        // The last checkpoint before `since`: every entry at or after `since` lies at or after it.
        let lo = 0;
        let hi = checkpoints - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.checkpoint(mid).timestamp < since)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.timeChunks(lo, (ordinal, ts) => {
            if (ts > until)
                return false;
            if (ts >= since)
                result.push(ordinal);
            return true;
        });
        return result;
    }
    /** Every timed ordinal in time order (a store-wide answer: callers that can, page with `timeChunks`). */
    timeOrdered() {
        const order = new Int32Array(this.header.timedEvents);
        let k = 0;
        this.timeChunks(0, (ordinal) => {
            order[k++] = ordinal;
            return true;
        });
        return order;
    }
    /**
     * Walks the time order from checkpoint `from` on, calling `visit` with each
     * ordinal and timestamp until it returns false. Reads one checkpoint's
     * stretch at a time.
     */
    timeChunks(from, visit) {
        const ref = this.header.timeOrder;
        const scale = this.header.timestampScale;
        const dataStart = ref.offset + ref.checkpoints * diskIndexFormat_1.TIME_CHECKPOINT_BYTES;
        const dataEnd = ref.offset + ref.length;
        for (let j = from; j < ref.checkpoints; j++) {
            const cp = this.checkpoint(j);
            const end = j + 1 < ref.checkpoints ? this.checkpoint(j + 1).byteOffset : dataEnd - dataStart;
            if (!visit(cp.ordinal, cp.timestamp))
                return;
            const cursor = this.cursor;
            this.cursorAt(dataStart + cp.byteOffset, end - cp.byteOffset);
            let ordinal = cp.ordinal;
            let scaled = scale === 0 ? 0 : Math.round(cp.timestamp * scale);
            while (!cursor.done) {
                ordinal += cursor.zigzag();
                let ts;
                if (scale === 0)
                    ts = cursor.f64();
                else {
                    scaled += cursor.varint();
                    ts = scaled / scale;
                }
                if (!visit(ordinal, ts))
                    return;
            }
        }
    }
    checkpoint(j) {
        const bytes = this.paged.locate(this.header.timeOrder.offset + j * diskIndexFormat_1.TIME_CHECKPOINT_BYTES, diskIndexFormat_1.TIME_CHECKPOINT_BYTES);
        const at = this.paged.start;
        return { timestamp: bytes.readDoubleLE(at), ordinal: bytes.readUInt32LE(at + 8), byteOffset: bytes.readUInt32LE(at + 12) };
    }
    /** Timestamps and sequence numbers of ordinals [from, to), block by block, into the given arrays at `ordinal - from`. */
    numericRange(from, to, timestamps, sequences) {
        for (let o = from; o < to;) {
            const block = this.block(o);
            const k = o - block.first;
            const n = Math.min(block.count - k, to - o);
            timestamps.set(block.timestamp.subarray(k, k + n), o - from);
            sequences.set(block.sequence.subarray(k, k + n), o - from);
            o += n;
        }
    }
    /** Aggregate table ids of ordinals [from, to) (-1: none), with their timestamps and sequence numbers, block by block, at `ordinal - from`. */
    aggregateRange(from, to, aggregates, timestamps, sequences) {
        for (let o = from; o < to;) {
            const block = this.block(o);
            const k = o - block.first;
            const n = Math.min(block.count - k, to - o);
            aggregates.set(block.aggregate.subarray(k, k + n), o - from);
            timestamps.set(block.timestamp.subarray(k, k + n), o - from);
            sequences.set(block.sequence.subarray(k, k + n), o - from);
            o += n;
        }
    }
    numericColumns() {
        const timestamps = new Float64Array(this.eventCount);
        const sequences = new Float64Array(this.eventCount);
        this.numericRange(0, this.eventCount, timestamps, sequences);
        return { timestamps, sequences };
    }
    maxSequence() {
        return this.header.maxSequence ?? -1;
    }
    duplicateEventIds() {
        const ref = this.header.duplicates;
        const cursor = this.cursorAt(ref.offset, ref.length);
        const pairs = [];
        let ordinal = 0;
        for (let k = 0; k < ref.count; k++) {
            ordinal += cursor.varint();
            pairs.push([ordinal, cursor.varint()]);
        }
        return pairs;
    }
    unknownCauses() {
        const ref = this.header.unknownCauses;
        const cursor = this.cursorAt(ref.offset, ref.length);
        const ordinals = [];
        let ordinal = 0;
        for (let k = 0; k < ref.count; k++)
            ordinals.push((ordinal += cursor.varint()));
        return ordinals;
    }
    ordinalsOfEventId(eventId) {
        return this.probe(this.header.eventIds, eventId).filter((o) => this.bodyIds(o).eventId === eventId);
    }
    ordinalsCausedBy(eventId) {
        return this.probe(this.header.causes, eventId).filter((o) => this.bodyIds(o).causationId === eventId);
    }
    /** The ids of an event, from its line. */
    bodyIds(ordinal) {
        const where = this.locationOf(ordinal);
        const line = this.bodies.readLine(where.file, where.offset, where.length);
        const found = this.found;
        found.reset();
        this.scanner.scan(line, 0, line.length, found);
        return { eventId: found.text(line, 1 /* Field.EventId */) ?? '', correlationId: found.text(line, 3 /* Field.CorrelationId */), causationId: found.text(line, 4 /* Field.CausationId */) };
    }
    /** Forgets open descriptors of event files that changed (their lines are read again). */
    forgetFile(file) {
        this.bodies.forget(file);
    }
    /** Candidate ordinals of an id in a hash table (same 16-bit fingerprint), in ordinal order. */
    probe(ref, id) {
        if (ref.entries === 0)
            return [];
        const hash = (0, uuidBytes_1.uuidBytesFromString)(id, scratchUuid, 0) ? (0, uuidBytes_1.uuidHash)(scratchUuid, 0) : (0, idTable_1.stringHash)(id);
        const bucket = (0, diskIndexFormat_1.bucketOf)(hash, ref.bits);
        const start = this.paged.u32(ref.offset + bucket * 4);
        const end = this.paged.u32(ref.offset + bucket * 4 + 4);
        const width = 2 + ref.ordinalWidth;
        const entriesAt = ref.offset + (2 ** ref.bits + 1) * 4;
        const cursor = this.cursorAt(entriesAt + start * width, (end - start) * width);
        const want = (0, diskIndexFormat_1.fingerprintOf)(hash);
        const found = [];
        for (let k = start; k < end; k++) {
            const fingerprint = cursor.fixed(2);
            const ordinal = cursor.fixed(ref.ordinalWidth);
            if (fingerprint === want)
                found.push(ordinal);
        }
        return found.sort((a, b) => a - b);
    }
    postingCount(grouping, id) {
        const ref = this.header.groupings[grouping];
        const start = this.paged.u32(ref.offset + id * 4);
        const end = this.paged.u32(ref.offset + id * 4 + 4);
        const listsAt = ref.offset + (ref.groups + 1) * 4;
        return this.cursorAt(listsAt + start, Math.min(10, end - start)).varint();
    }
    /** First and last timestamp of a group's events (NaN when none has one), without reading its members. */
    timeSpanOf(grouping, key) {
        const id = this.table(grouping).lookup(key);
        if (id < 0)
            return { first: Number.NaN, last: Number.NaN };
        const ref = this.header.groupings[grouping];
        const start = this.paged.u32(ref.offset + id * 4);
        const end = this.paged.u32(ref.offset + id * 4 + 4);
        const cursor = this.cursorAt(ref.offset + (ref.groups + 1) * 4 + start, Math.min(40, end - start));
        cursor.varint();
        return this.readSpan(cursor);
    }
    readSpan(cursor) {
        const marker = cursor.varint();
        if (marker === 0)
            return { first: Number.NaN, last: Number.NaN };
        const scale = this.header.timestampScale;
        if (scale === 0)
            return { first: cursor.f64(), last: cursor.f64() };
        const scaledFirst = marker - 1 + Math.round((this.header.firstTimestamp ?? 0) * scale);
        const scaledLast = scaledFirst + cursor.varint();
        return { first: scaledFirst / scale, last: scaledLast / scale };
    }
    /** A group's members (at most `limit`; 0: none, only validating the id). */
    postings(grouping, id, limit) {
        if (limit === 0)
            return [];
        const ref = this.header.groupings[grouping];
        const start = this.paged.u32(ref.offset + id * 4);
        const end = this.paged.u32(ref.offset + id * 4 + 4);
        const listsAt = ref.offset + (ref.groups + 1) * 4;
        const cursor = this.cursorAt(listsAt + start, end - start);
        const count = Math.min(cursor.varint(), limit);
        this.readSpan(cursor);
        const out = new Array(count);
        let ordinal = 0;
        for (let k = 0; k < count; k++)
            out[k] = ordinal += cursor.zigzag();
        return out;
    }
    /** A cursor over `length` bytes of the body at `offset` (valid until the next read). */
    cursorAt(offset, length) {
        const buffer = this.paged.locate(offset, length);
        this.cursor.reset(buffer, this.paged.start, this.paged.start + length);
        return this.cursor;
    }
    string(name, id) {
        return this.table(name).at(id);
    }
    table(name) {
        let table = this.tables.get(name);
        if (!table) {
            const ref = this.header.tables[name];
            table = new StringTable(this.paged, ref.offset, ref.length, ref.count);
            this.tables.set(name, table);
        }
        return table;
    }
    /** (type, source, status, schema) ids of a shape, -1 where absent. */
    shape(id) {
        if (!this.shapeList) {
            const ref = this.header.shapes;
            const cursor = this.cursorAt(ref.offset, ref.length);
            const list = new Int32Array(ref.count * 4);
            for (let k = 0; k < list.length; k++)
                list[k] = cursor.varint() - 1;
            this.shapeList = list;
        }
        const s = this.shapeList;
        return [s[id * 4], s[id * 4 + 1], s[id * 4 + 2], s[id * 4 + 3]];
    }
    /**
     * The decoded block holding `ordinal` (its records decoded at least up to
     * it). `scattered`: a lookup that is likely alone in its block may decode
     * only up to it, unless the lookups walk the blocks in order.
     */
    block(ordinal, scattered = false) {
        if (ordinal < 0 || ordinal >= this.eventCount || !Number.isInteger(ordinal)) {
            throw new RangeError(`no event with ordinal ${ordinal} (the index holds ${this.eventCount})`);
        }
        const b = Math.floor(ordinal / diskIndexFormat_1.BLOCK_EVENTS);
        const cached = this.blocks.get(b);
        if (cached && ordinal - cached.first < cached.count)
            return cached;
        if (cached)
            this.blocks.delete(b);
        const block = cached ?? (this.blocks.size >= DECODED_BLOCKS ? this.reuseOldestBlock(b) : newBlock(b));
        const walking = b === this.lastDecoded + 1 || b === this.lastDecoded;
        this.decodeBlock(b, block, scattered && !walking ? ordinal - b * diskIndexFormat_1.BLOCK_EVENTS + 1 : diskIndexFormat_1.BLOCK_EVENTS);
        this.lastDecoded = b;
        this.blocks.set(b, block);
        return block;
    }
    reuseOldestBlock(b) {
        const [oldest, block] = this.blocks.entries().next().value;
        this.blocks.delete(oldest);
        return { ...block, first: b * diskIndexFormat_1.BLOCK_EVENTS };
    }
    /** Decodes the first `upTo` records of block `b` (all when it has fewer). */
    decodeBlock(b, block, upTo) {
        const ref = this.header.records;
        const start = this.paged.u32(ref.offset + b * 4);
        const end = this.paged.u32(ref.offset + b * 4 + 4);
        const dataAt = ref.offset + (ref.blocks + 1) * 4;
        const cursor = this.cursorAt(dataAt + start, end - start);
        const scale = this.header.timestampScale;
        const first = b * diskIndexFormat_1.BLOCK_EVENTS;
        const count = Math.min(upTo, diskIndexFormat_1.BLOCK_EVENTS, this.eventCount - first);
        let prevLine = cursor.varint();
        let prevEnd = cursor.varint();
        let prevTs = 0;
        let prevSeq = 0;
        let nextFileStart = this.nextFileStartAfter(first);
        for (let k = 0; k < count; k++) {
            const ordinal = first + k;
            if (ordinal === nextFileStart) {
                if (k > 0) {
                    prevLine = 0;
                    prevEnd = 0;
                }
                nextFileStart = this.nextFileStartAfter(ordinal + 1);
            }
            const flags = cursor.u8();
            let line = prevLine + 1;
            let offset = prevEnd;
            if (!(flags & 16 /* RecordFlag.Contiguous */)) {
                line += cursor.varint();
                offset += cursor.varint();
            }
            const length = cursor.varint();
            let ts = Number.NaN;
            if (flags & 1 /* RecordFlag.TimestampRaw */)
                ts = cursor.f64();
            else if (!(flags & 2 /* RecordFlag.TimestampNaN */)) {
                prevTs += cursor.zigzag();
                ts = prevTs / scale;
            }
            let seq = Number.NaN;
            if (flags & 4 /* RecordFlag.SequenceRaw */)
                seq = cursor.f64();
            else if (!(flags & 8 /* RecordFlag.SequenceNaN */))
                seq = prevSeq += cursor.zigzag();
            block.retry[k] = flags & 32 /* RecordFlag.RetryZero */ ? 0 : cursor.zigzag();
            block.shape[k] = cursor.varint();
            block.aggregate[k] = flags & 64 /* RecordFlag.HasAggregate */ ? cursor.varint() : -1;
            block.line[k] = line;
            block.offset[k] = offset;
            block.length[k] = length;
            block.timestamp[k] = ts;
            block.sequence[k] = seq;
            prevLine = line;
            prevEnd = offset + length + 1;
        }
        block.count = count;
    }
    /** The first file start at or after `ordinal` (Infinity when none). */
    nextFileStartAfter(ordinal) {
        const starts = this.fileStarts;
        let lo = 0;
        let hi = starts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (starts[mid] < ordinal)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < starts.length ? starts[lo] : Infinity;
    }
}
exports.DiskIndex = DiskIndex;
function newBlock(b) {
    return {
        first: b * diskIndexFormat_1.BLOCK_EVENTS,
        count: 0,
        line: new Float64Array(diskIndexFormat_1.BLOCK_EVENTS),
        offset: new Float64Array(diskIndexFormat_1.BLOCK_EVENTS),
        length: new Float64Array(diskIndexFormat_1.BLOCK_EVENTS),
        timestamp: new Float64Array(diskIndexFormat_1.BLOCK_EVENTS),
        sequence: new Float64Array(diskIndexFormat_1.BLOCK_EVENTS),
        retry: new Int32Array(diskIndexFormat_1.BLOCK_EVENTS),
        shape: new Int32Array(diskIndexFormat_1.BLOCK_EVENTS),
        aggregate: new Int32Array(diskIndexFormat_1.BLOCK_EVENTS),
    };
}
/** A sorted string table read in place: by position, or by binary search for a string. */
class StringTable {
    paged;
    offset;
    count;
    mode;
    whole = null;
    wholeIds = null;
    constructor(paged, offset, length, count) {
        this.paged = paged;
        this.offset = offset;
        this.count = count;
        this.mode = count === 0 ? 0 /* StringTableMode.Pool */ : paged.locate(offset, 1)[paged.start];
        if (length <= SMALL_TABLE_BYTES) {
            this.whole = [];
            for (let id = 0; id < count; id++)
                this.whole.push(this.readAt(id));
            this.wholeIds = new Map(this.whole.map((s, id) => [s, id]));
        }
    }
    at(id) {
        if (this.whole)
            return this.whole[id];
        return this.readAt(id);
    }
    all() {
        if (this.whole)
            return [...this.whole];
        const out = [];
        if (this.mode === 1 /* StringTableMode.Uuid */) {
            // In stretches of 4,096 ids: one read each, not one per id.
            for (let from = 0; from < this.count; from += 4096) {
                const n = Math.min(4096, this.count - from);
                const bytes = this.paged.locate(this.offset + 1 + from * 16, n * 16);
                const at = this.paged.start;
                for (let k = 0; k < n; k++)
                    out.push((0, uuidBytes_1.uuidStringFromBytes)(bytes, at + k * 16));
            }
            return out;
        }
        for (let id = 0; id < this.count; id++)
            out.push(this.readAt(id));
        return out;
    }
    lookup(text) {
        if (this.wholeIds)
            return this.wholeIds.get(text) ?? -1;
        const at = this.lowerBound(text);
        return at < this.count && this.readAt(at) === text ? at : -1;
    }
    /** The first position whose string is not below `text`. */
    lowerBound(text) {
        let lo = 0;
        let hi = this.count;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.at(mid) < text)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    readAt(id) {
        if (id < 0 || id >= this.count)
            throw new RangeError(`no string ${id} in a table of ${this.count}`);
        if (this.mode === 1 /* StringTableMode.Uuid */)
            return (0, uuidBytes_1.uuidStringFromBytes)(this.paged.locate(this.offset + 1 + id * 16, 16), this.paged.start);
        const endsAt = this.offset + 1;
        const start = id === 0 ? 0 : this.paged.u32(endsAt + (id - 1) * 4);
        const end = this.paged.u32(endsAt + id * 4);
        const bytes = this.paged.locate(endsAt + this.count * 4 + start, end - start);
        return bytes.toString('utf8', this.paged.start, this.paged.start + end - start);
    }
}
//# sourceMappingURL=diskIndex.js.map