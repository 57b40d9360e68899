"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerIdMapper = void 0;
exports.newSegment = newSegment;
exports.scanFiles = scanFiles;
exports.scanOneFile = scanOneFile;
exports.scanClaimedFiles = scanClaimedFiles;
const fileScanner_1 = require("./fileScanner");
const segment_1 = require("./segment");
function newSegment(planned) {
    return {
        file: planned.file,
        size: planned.size,
        mtimeMs: planned.mtimeMs,
        compressed: planned.compressed,
        day: planned.day,
        lines: 0,
        consumed: 0,
        tailHash: 0,
        problems: [],
        // Room for the first chunk only: after it the scanner knows the line length and reserves for the whole file once.
        columns: (0, segment_1.emptyColumns)(Math.max(16, Math.min(4096, Math.ceil(planned.size / 256)))),
    };
}
/** Scans whole files into fresh segments, interning into `interners`. */
function scanFiles(files, interners, limits, onFileDone) {
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    return files.map((planned, k) => {
        const segment = scanOneFile(planned, interners, limits);
        if (k === 0)
            (0, fileScanner_1.reserveInterners)(interners, segment, totalBytes);
        onFileDone?.(planned.size);
        return segment;
    });
}
/** One whole file into a fresh segment; an unreadable file becomes a problem, never an exception. */
function scanOneFile(planned, interners, limits) {
    const segment = newSegment(planned);
    try {
        (0, fileScanner_1.scanFileInto)(planned.absPath, segment, interners, limits);
    }
    catch (error) {
        segment.problems.push({ kind: 'unreadable', file: planned.file, line: 1, column: 1, message: `cannot read: ${error.message}` });
    }
    (0, segment_1.trimColumns)(segment.columns);
    return segment;
}
/**
 * A worker's loop: claims files (an atomic counter shared by every thread,
 * so the threads end together whatever their speed) and sends each file's
 * segment as soon as it is scanned.
 */
function scanClaimedFiles(files, claim, 
/** About how many bytes this thread will scan (its interners are sized from it). */
expectedBytes, limits, send) {
    const interners = (0, fileScanner_1.newInterners)();
    const sent = Object.fromEntries(segment_1.INTERNED_COLUMNS.map((name) => [name, 0]));
    let first = true;
    for (let k = Atomics.add(claim, 0, 1); k < files.length; k = Atomics.add(claim, 0, 1)) {
        const segment = scanOneFile(files[k], interners, limits);
        if (first)
            (0, fileScanner_1.reserveInterners)(interners, segment, expectedBytes);
        first = false;
        const strings = {};
        for (const name of segment_1.INTERNED_COLUMNS) {
            strings[name] = newStrings(interners[name], sent[name]);
            sent[name] = interners[name].size;
        }
        // Posted without a transfer list: the columns are shared memory, the new strings a small copy (see segment.ts).
        send({ segment, strings });
    }
}
function newStrings(interner, first) {
    const state = interner.exportState();
    const count = state.count - first;
    const from = count > 0 ? state.starts[first] : 0;
    // A copy of the new bytes only (Buffer's `slice` would be a view, and posting a view copies its whole buffer).
    const pool = new Uint8Array(state.pool.subarray(from, count > 0 ? state.ends[state.count - 1] : 0));
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    for (let k = 0; k < count; k++) {
        starts[k] = state.starts[first + k] - from;
        ends[k] = state.ends[first + k] - from;
    }
    return { first, pool, starts, ends };
}
/** Maps a worker's interned ids to the store's, file by file as its segments arrive. */
class WorkerIdMapper {
    interners;
    maps = Object.fromEntries(segment_1.INTERNED_COLUMNS.map((name) => [name, new Int32Array(256)]));
    /** How many of the worker's ids each map holds. */
    mapped = Object.fromEntries(segment_1.INTERNED_COLUMNS.map((name) => [name, 0]));
    constructor(interners) {
        this.interners = interners;
    }
    /** Interns the file's new strings and rewrites its segment's ids to the store's. */
    take(file) {
        for (const name of segment_1.INTERNED_COLUMNS) {
            const { first, pool, starts, ends } = file.strings[name];
            let map = this.maps[name];
            if (first + starts.length > map.length) {
                const grown = new Int32Array(Math.max(map.length * 2, first + starts.length));
                grown.set(map);
                this.maps[name] = map = grown;
            }
            // As a Buffer view (no copy): the interner then reads one kind of array only.
            const bytes = Buffer.from(pool.buffer, pool.byteOffset, pool.byteLength);
            const interner = this.interners[name];
            for (let k = 0; k < starts.length; k++)
                map[first + k] = interner.internBytes(bytes, starts[k], ends[k]);
            this.mapped[name] = first + starts.length;
        }
        remapSegment(file.segment, this.maps, this.mapped);
        return file.segment;
    }
}
exports.WorkerIdMapper = WorkerIdMapper;
/** Rewrites a segment's interned ids from a worker's to the store's. */
function remapSegment(segment, maps, mapped) {
    for (const name of segment_1.INTERNED_COLUMNS) {
        const map = maps[name];
        // Columns of few values (status, schema version…) often got the same ids on both threads: nothing to rewrite.
        if (isIdentity(map, mapped[name]))
            continue;
        const column = segment.columns[name];
        for (let i = 0, n = segment.columns.count; i < n; i++) {
            const id = column[i];
            if (id >= 0)
                column[i] = map[id];
        }
    }
}
function isIdentity(map, count) {
    for (let id = 0; id < count; id++)
        if (map[id] !== id)
            return false;
    return true;
}
//# sourceMappingURL=scanPlan.js.map