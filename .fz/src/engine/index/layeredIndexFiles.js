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
exports.tailFileName = tailFileName;
exports.openLayeredIndex = openLayeredIndex;
exports.refreshLayeredIndex = refreshLayeredIndex;
exports.persistLayeredIndex = persistLayeredIndex;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const diskIndex_1 = require("./diskIndex");
const diskIndexWriter_1 = require("./diskIndexWriter");
const eventIndex_1 = require("./eventIndex");
const fileScanner_1 = require("./fileScanner");
const indexBuilder_1 = require("./indexBuilder");
const indexPersistence_1 = require("./indexPersistence");
const layeredIndex_1 = require("./layeredIndex");
const listEventFiles_1 = require("../store/listEventFiles");
const scanPlan_1 = require("./scanPlan");
const segment_1 = require("./segment");
/** Past this many appended events the tail is folded into a new base (a rebuild, amortised over the appends). */
const COMPACT_TAIL_AT = 200_000;
function tailFileName(generation) {
    return `index-tail-${generation}.bin`;
}
/**
 * Opens the index of a store: the persisted base (header only) and the tail
 * saved with it, brought up to date with the files; or a cold build when
 * there is no usable base. `dirty`: something should be persisted.
 */
async function openLayeredIndex(storeRoot, cacheDir, options) {
    const mode = options.sequenceMode;
    const base = cacheDir === null ? null : diskIndex_1.DiskIndex.open(storeRoot, cacheDir, mode);
    if (base) {
        const tail = (0, indexPersistence_1.loadIndex)(storeRoot, cacheDir, mode, tailFileName(base.header.generation));
        const index = new layeredIndex_1.LayeredIndex(base, tail, mode, (known) => rebuildOnThisThread(storeRoot, known, options));
        const delta = await refreshLayeredIndex(index, storeRoot, options);
        const dirty = delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0 || index.base === null;
        return { index, dirty };
    }
    const built = await (0, indexBuilder_1.buildIndex)(storeRoot, options);
    return { index: new layeredIndex_1.LayeredIndex(null, built, mode, (known) => rebuildOnThisThread(storeRoot, known, options)), dirty: true };
}
/** The index of these files built again at once, synchronously (when a damaged base is found in the middle of a question). */
function rebuildOnThisThread(storeRoot, known, options) {
    const planned = [];
    for (const f of known) {
        const absPath = path.join(storeRoot, f.file);
        let stat;
        try {
            stat = fs.statSync(absPath);
        }
        catch {
            continue;
        }
        planned.push({ absPath, file: f.file, size: stat.size, mtimeMs: stat.mtimeMs, compressed: f.compressed, day: f.day });
    }
    const interners = (0, fileScanner_1.newInterners)();
    return new eventIndex_1.EventIndex((0, scanPlan_1.scanFiles)(planned, interners, options.limits ?? {}), interners, options.sequenceMode);
}
/**
 * Brings the layers up to date: bytes appended to the last file and new
 * files after it go to the tail, scanned incrementally; anything else (a
 * file rewritten, shrunk or removed, a file added in the middle) rebuilds.
 */
async function refreshLayeredIndex(index, storeRoot, options = {}) {
    const base = index.base;
    if (!base) {
        if (!index.tail) {
            const built = await (0, indexBuilder_1.buildIndex)(storeRoot, options);
            index.replace(null, built, true);
            return { appendedEvents: built.eventCount, rebuiltFiles: [], removedFiles: [], newProblems: [...built.problems] };
        }
        return (0, indexBuilder_1.refreshIndex)(index.tail, storeRoot, options);
    }
    const { files, problems } = await (0, listEventFiles_1.listEventFiles)(storeRoot);
    const known = index.files;
    const before = index.eventCount;
    const limits = options.limits ?? {};
    const appendable = appendPlan(files, known);
    if (!appendable)
        return rebuild(index, storeRoot, options, files, known, before);
    index.listingProblems = problems;
    const result = { appendedEvents: 0, rebuiltFiles: [], removedFiles: [], newProblems: [] };
    let tail = index.tail;
    const interners = tail?.interners ?? (0, fileScanner_1.newInterners)();
    const fresh = [];
    const planned = appendable.grownLast;
    if (planned) {
        const lastTail = tail?.segments[tail.segments.length - 1];
        if (tail && lastTail && lastTail.file === planned.file) {
            if (planned.size < lastTail.consumed || (0, fileScanner_1.readTailHash)(planned.absPath, lastTail.consumed) !== lastTail.tailHash) {
                return rebuild(index, storeRoot, options, files, known, before);
            }
            const count = lastTail.columns.count;
            const problemsBefore = lastTail.problems.length;
            lastTail.problems = lastTail.problems.filter((p) => p.line <= lastTail.lines);
            lastTail.size = planned.size;
            lastTail.mtimeMs = planned.mtimeMs;
            (0, fileScanner_1.scanFileInto)(planned.absPath, lastTail, interners, limits);
            result.newProblems.push(...lastTail.problems.slice(Math.min(problemsBefore, lastTail.problems.length)));
            if (lastTail.columns.count > count)
                tail.appendedToLastSegment(count);
        }
        else {
            // The base's last file grew: its continuation (from where the base stopped reading) is a tail segment.
            const persisted = base.header.files[base.header.files.length - 1];
            if ((0, fileScanner_1.readTailHash)(planned.absPath, persisted.consumed) !== persisted.tailHash)
                return rebuild(index, storeRoot, options, files, known, before);
            const segment = {
                file: planned.file, size: planned.size, mtimeMs: planned.mtimeMs, compressed: false, day: planned.day,
                lines: persisted.lines, consumed: persisted.consumed, tailHash: persisted.tailHash, problems: [], columns: (0, segment_1.emptyColumns)(64),
            };
            (0, fileScanner_1.scanFileInto)(planned.absPath, segment, interners, limits);
            (0, segment_1.trimColumns)(segment.columns);
            result.newProblems.push(...segment.problems);
            fresh.push(segment);
        }
    }
    for (const planned of appendable.added) {
        const segment = (0, scanPlan_1.scanOneFile)(planned, interners, limits);
        result.newProblems.push(...segment.problems);
        fresh.push(segment);
    }
    if (fresh.length > 0) {
        if (tail)
            for (const segment of fresh)
                tail.addSegmentAtEnd(segment);
        else
            tail = new eventIndex_1.EventIndex(fresh, interners, options.sequenceMode);
        index.replace(base, tail, false);
    }
    const appended = index.eventCount - before;
    if ((index.tail?.eventCount ?? 0) > COMPACT_TAIL_AT) {
        const built = await (0, indexBuilder_1.buildIndex)(storeRoot, options);
        index.replace(null, built, false);
    }
    return { ...result, appendedEvents: appended };
}
/** What changed, when it is only appends: the last known file grown and files added after it. Null: anything else. */
function appendPlan(files, known) {
    if (files.length < known.length)
        return null;
    let grownLast = null;
    for (let k = 0; k < known.length; k++) {
        const planned = files[k];
        const was = known[k];
        if (planned.file !== was.file)
            return null;
        if (planned.size === was.size && planned.mtimeMs === was.mtimeMs)
            continue;
        if (k !== known.length - 1 || planned.compressed || planned.size < was.size)
            return null;
        grownLast = planned;
    }
    const added = files.slice(known.length);
    const last = known[known.length - 1];
    for (const planned of added)
        if (last && !isAfter(planned, last))
            return null;
    return { grownLast, added };
}
function isAfter(planned, last) {
    if (planned.day && last.day)
        return planned.day > last.day;
    return !planned.day && (last.day !== null || planned.file > last.file);
}
/** Rebuilds from the files (the layers no longer describe them), telling which files changed. */
async function rebuild(index, storeRoot, options, files, known, before) {
    const built = await (0, indexBuilder_1.buildIndex)(storeRoot, options);
    const now = new Map(files.map((f) => [f.file, f]));
    const rebuiltFiles = known.filter((f) => {
        const planned = now.get(f.file);
        return planned && (planned.size !== f.size || planned.mtimeMs !== f.mtimeMs);
    }).map((f) => f.file);
    const removedFiles = known.filter((f) => !now.has(f.file)).map((f) => f.file);
    const changed = new Set([...rebuiltFiles, ...known.map((f) => f.file).filter((f) => !now.has(f))]);
    const knownNames = new Set(known.map((f) => f.file));
    index.replace(null, built, true);
    return {
        appendedEvents: Math.max(0, built.eventCount - before),
        rebuiltFiles,
        removedFiles,
        newProblems: built.problems.filter((p) => changed.has(p.file) || !knownNames.has(p.file)),
    };
}
/**
 * Saves what the index holds that is not on disk yet: a whole in-memory
 * index becomes the base (and the index then reads it in place, letting go
 * of the memory); a tail over a base is saved beside it. Throws when the
 * cache folder cannot be written (the caller treats the cache as optional).
 */
function persistLayeredIndex(index, storeRoot, cacheDir, sequenceMode) {
    if (!index.base && index.tail) {
        const target = (0, diskIndex_1.diskIndexPath)(cacheDir);
        const header = (0, diskIndexWriter_1.writeDiskIndex)(index.tail, storeRoot, target, sequenceMode);
        removeOtherFiles(cacheDir, null);
        const base = diskIndex_1.DiskIndex.open(storeRoot, cacheDir, sequenceMode);
        if (base && base.header.generation === header.generation)
            index.replace(base, null, false);
        return;
    }
    if (index.base && index.tail) {
        (0, indexPersistence_1.saveIndex)(index.tail, storeRoot, cacheDir, sequenceMode, tailFileName(index.base.header.generation));
        removeOtherFiles(cacheDir, tailFileName(index.base.header.generation));
    }
}
/** Tails of earlier bases and the whole-array index of earlier versions: never read again. */
function removeOtherFiles(cacheDir, keepTail) {
    let names;
    try {
        names = fs.readdirSync(cacheDir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const stale = name === indexPersistence_1.INDEX_FILE_NAME || (name.startsWith('index-tail-') && name !== keepTail);
        if (stale)
            fs.rmSync(path.join(cacheDir, name), { force: true });
    }
}
//# sourceMappingURL=layeredIndexFiles.js.map