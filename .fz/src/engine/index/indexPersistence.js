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
exports.INDEX_FILE_NAME = void 0;
exports.indexFilePath = indexFilePath;
exports.saveIndex = saveIndex;
exports.loadIndex = loadIndex;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const byteInterner_1 = require("./byteInterner");
const eventIndex_1 = require("./eventIndex");
const segment_1 = require("./segment");
const tempFiles_1 = require("../store/tempFiles");
/**
 * An in-memory index saved whole: a JSON header and the typed arrays as raw
 * bytes, read back whole. The store's index proper is the on-disk format
 * (`diskIndexWriter.ts`), read in place; this one keeps the small tail of
 * events appended since that was written. It is a cache: anything odd about
 * it means "rebuild".
 */
const MAGIC = 0x58494245; // "EBIX"
const FORMAT_VERSION = 6;
exports.INDEX_FILE_NAME = 'index.bin';
const COLUMN_NAMES = [
    'line', 'offset', 'length', 'timestamp', 'sequence', 'retry', 'type', 'aggregate', 'correlation', 'source', 'status',
    'schemaVersion', 'eventId', 'eventIdKind', 'cause', 'causeKind',
];
function indexFilePath(cacheDir, fileName = exports.INDEX_FILE_NAME) {
    return path.join(cacheDir, fileName);
}
/** Writes the index next to the store (temp file + rename: a reader never sees half a cache). */
function saveIndex(index, storeRoot, cacheDir, sequenceMode, fileName = exports.INDEX_FILE_NAME) {
    const derived = index.exportDerived();
    if (derived.pendingAppends > 0)
        index.rebuildDerived();
    const fresh = index.exportDerived();
    const arrays = [];
    const entries = [];
    let offset = 0;
    const add = (array) => {
        entries.push({ kind: kindOf(array), offset, length: array.length });
        arrays.push(array);
        offset += align8(array.byteLength);
        return entries.length - 1;
    };
    const segments = index.segments.map((s) => {
        const c = s.columns;
        const columns = {};
        for (const name of COLUMN_NAMES) {
            const width = name === 'eventId' || name === 'cause' ? 16 : 1;
            columns[name] = add(c[name].subarray(0, c.count * width));
        }
        return {
            file: s.file, size: s.size, mtimeMs: s.mtimeMs, compressed: s.compressed, day: s.day, lines: s.lines,
            consumed: s.consumed, tailHash: s.tailHash, problems: s.problems, count: c.count,
            oddEventIds: [...c.oddEventIds], oddCauses: [...c.oddCauses], columns,
        };
    });
    const interners = {};
    for (const name of segment_1.INTERNED_COLUMNS) {
        const state = index.interners[name].exportState();
        interners[name] = {
            count: state.count,
            slots: add(state.slots),
            hashes: add(state.hashes),
            pool: add(state.pool),
            starts: add(state.starts),
            ends: add(state.ends),
        };
    }
    const group = (g) => ({ starts: add(g.starts), members: add(g.members) });
    const header = {
        format: FORMAT_VERSION,
        storeRoot: path.resolve(storeRoot),
        sequenceMode: sequenceMode ?? null,
        listingProblems: index.listingProblems,
        segments,
        interners,
        derived: {
            groups: { aggregate: group(fresh.aggregate), correlation: group(fresh.correlation), type: group(fresh.type), source: group(fresh.source) },
            idSlots: add(fresh.idSlots),
            idHashes: add(fresh.idHashes),
            idCount: fresh.idCount,
            duplicateIds: fresh.duplicateIds,
            detectedMode: fresh.detectedMode,
        },
        arrays: entries,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.alloc(12);
    prefix.writeUInt32LE(MAGIC, 0);
    prefix.writeUInt32LE(FORMAT_VERSION, 4);
    prefix.writeUInt32LE(headerBytes.length, 8);
    const bodyStart = align8(12 + headerBytes.length);
    fs.mkdirSync(cacheDir, { recursive: true });
    // The index is a cache: on a (nearly) full disk it is not written at all, so the space stays for events.
    if (!(0, tempFiles_1.hasRoomFor)(cacheDir, bodyStart + offset))
        throw new Error(`not enough free space in ${cacheDir} to save the index`);
    const target = indexFilePath(cacheDir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    let written = false;
    try {
        fs.writeSync(fd, prefix, 0, 12, 0);
        fs.writeSync(fd, headerBytes, 0, headerBytes.length, 12);
        arrays.forEach((array, k) => {
            const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
            if (bytes.length > 0)
                fs.writeSync(fd, bytes, 0, bytes.length, bodyStart + entries[k].offset);
        });
        fs.ftruncateSync(fd, bodyStart + offset);
        written = true;
    }
    finally {
        fs.closeSync(fd);
        // A failed write (ENOSPC) must not leave its temp behind to hold the space.
        if (!written)
            fs.rmSync(temp, { force: true });
    }
    try {
        fs.renameSync(temp, target);
    }
    catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
}
/** The saved index, or null when there is none or it does not fit this store and version. */
function loadIndex(storeRoot, cacheDir, sequenceMode, fileName = exports.INDEX_FILE_NAME) {
    // One read straight into an ArrayBuffer: the typed arrays are views on it,
    // so reopening costs a single copy from the page cache and no second one.
    let whole;
    try {
        whole = readWhole(indexFilePath(cacheDir, fileName));
    }
    catch {
        return null;
    }
    try {
        const bytes = Buffer.from(whole);
        if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT_VERSION)
            return null;
        const headerLength = bytes.readUInt32LE(8);
        const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength));
        if (header.storeRoot !== path.resolve(storeRoot) || (header.sequenceMode ?? undefined) !== sequenceMode)
            return null;
        const bodyStart = align8(12 + headerLength);
        const bodyLength = whole.byteLength - bodyStart;
        const view = (k) => {
            const e = header.arrays[k];
            if (e.offset + e.length * widthOf(e.kind) > bodyLength)
                throw new Error('index cache truncated');
            return makeView(whole, bodyStart + e.offset, e);
        };
        const segments = header.segments.map((h) => {
            const columns = { count: h.count, oddEventIds: new Map(h.oddEventIds), oddCauses: new Map(h.oddCauses) };
            for (const name of COLUMN_NAMES)
                columns[name] = view(h.columns[name]);
            return {
                file: h.file, size: h.size, mtimeMs: h.mtimeMs, compressed: h.compressed, day: h.day, lines: h.lines,
                consumed: h.consumed, tailHash: h.tailHash, problems: h.problems, columns,
            };
        });
        const interners = {};
        for (const name of segment_1.INTERNED_COLUMNS) {
            const h = header.interners[name];
            const state = {
                count: h.count,
                slots: view(h.slots),
                hashes: view(h.hashes),
                pool: view(h.pool),
                starts: view(h.starts),
                ends: view(h.ends),
            };
            interners[name] = byteInterner_1.ByteInterner.fromState(state);
        }
        const g = header.derived.groups;
        const group = (x) => ({ starts: view(x.starts), members: view(x.members) });
        const derived = {
            aggregate: group(g.aggregate),
            correlation: group(g.correlation),
            type: group(g.type),
            source: group(g.source),
            idSlots: view(header.derived.idSlots),
            idHashes: view(header.derived.idHashes),
            idCount: header.derived.idCount,
            duplicateIds: header.derived.duplicateIds,
            detectedMode: header.derived.detectedMode,
            pendingAppends: 0,
        };
        const index = new eventIndex_1.EventIndex(segments, interners, sequenceMode, derived);
        index.listingProblems = header.listingProblems;
        return index;
    }
    catch {
        return null;
    }
}
function align8(n) {
    return (n + 7) & ~7;
}
function kindOf(array) {
    if (array instanceof Float64Array)
        return 'f64';
    if (array instanceof Int32Array)
        return 'i32';
    if (array instanceof Uint32Array)
        return 'u32';
    return 'u8';
}
function widthOf(kind) {
    return kind === 'f64' ? 8 : kind === 'u8' ? 1 : 4;
}
function makeView(body, at, e) {
    switch (e.kind) {
        case 'f64':
            return new Float64Array(body, at, e.length);
        case 'i32':
            return new Int32Array(body, at, e.length);
        case 'u32':
            return new Uint32Array(body, at, e.length);
        default:
            return new Uint8Array(body, at, e.length);
    }
}
function readWhole(file) {
    const fd = fs.openSync(file, 'r');
    try {
        const size = fs.fstatSync(fd).size;
        const whole = new ArrayBuffer(size);
        const target = new Uint8Array(whole);
        let done = 0;
        while (done < size) {
            const read = fs.readSync(fd, target, done, size - done, done);
            if (read <= 0)
                throw new Error('index cache shorter than its size');
            done += read;
        }
        return whole;
    }
    finally {
        fs.closeSync(fd);
    }
}
//# sourceMappingURL=indexPersistence.js.map