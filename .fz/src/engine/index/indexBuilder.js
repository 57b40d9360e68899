"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildIndex = buildIndex;
exports.refreshIndex = refreshIndex;
const eventIndex_1 = require("./eventIndex");
const fileScanner_1 = require("./fileScanner");
const listEventFiles_1 = require("../store/listEventFiles");
const parallelScan_1 = require("./parallelScan");
const scanPlan_1 = require("./scanPlan");
/** Indexes every event file of the store from scratch, on every core. */
async function buildIndex(storeRoot, options = {}) {
    const { files, problems } = await (0, listEventFiles_1.listEventFiles)(storeRoot);
    const interners = (0, fileScanner_1.newInterners)();
    const scanStarted = performance.now();
    let scan;
    try {
        scan = await (0, parallelScan_1.scanInParallel)(files, interners, options);
    }
    catch (error) {
        // A worker lost mid-scan (out of memory, killed): the files are read again here.
        if (options.threads === 1)
            throw error;
        options.onWorkerFailure?.(error);
        return buildIndex(storeRoot, { ...options, threads: 1 });
    }
    const { segments, idTable } = scan;
    const derivedStarted = performance.now();
    const index = new eventIndex_1.EventIndex(segments, interners, options.sequenceMode, undefined, idTable !== null);
    const ownLookupsDone = performance.now();
    if (idTable)
        index.adoptIdTable(await idTable);
    if (process.env.EVENTBUS_TRACE_INDEX) {
        const now = performance.now();
        process.stderr.write(`index: scan ${(derivedStarted - scanStarted).toFixed(0)} ms, lookups ${(ownLookupsDone - derivedStarted).toFixed(0)} ms, id table waited ${(now - ownLookupsDone).toFixed(0)} ms\n`);
    }
    index.listingProblems = problems;
    return index;
}
/**
 * Brings the index up to date with the files: appended bytes are read
 * incrementally, a file that shrank or was rewritten is read again, new and
 * removed files are taken in. Cheap when nothing changed (one stat per file).
 */
async function refreshIndex(index, storeRoot, options = {}) {
    const { files, problems } = await (0, listEventFiles_1.listEventFiles)(storeRoot);
    const limits = options.limits ?? {};
    const result = { appendedEvents: 0, rebuiltFiles: [], removedFiles: [], newProblems: [] };
    const existing = new Map(index.segments.map((segment, position) => [segment.file, { segment, position }]));
    const lastFile = index.segments.length ? index.segments[index.segments.length - 1].file : null;
    const next = [];
    let structural = false;
    let appendedToLast = -1;
    let newAtEnd = [];
    const eventsBefore = index.eventCount;
    for (const planned of files) {
        const known = existing.get(planned.file);
        existing.delete(planned.file);
        if (!known) {
            const segment = (0, scanPlan_1.scanOneFile)(planned, index.interners, limits);
            result.newProblems.push(...segment.problems);
            if (!structural && planned.file > (lastFile ?? '') && isAfterAll(planned, index))
                newAtEnd.push(segment);
            else
                structural = true;
            next.push(segment);
            continue;
        }
        const segment = known.segment;
        if (planned.size === segment.size && planned.mtimeMs === segment.mtimeMs) {
            next.push(segment);
            continue;
        }
        if (!planned.compressed && planned.size >= segment.consumed && (0, fileScanner_1.readTailHash)(planned.absPath, segment.consumed) === segment.tailHash) {
            const before = segment.columns.count;
            const problemsBefore = segment.problems.length;
            segment.problems = segment.problems.filter((p) => p.line <= segment.lines);
            segment.size = planned.size;
            segment.mtimeMs = planned.mtimeMs;
            (0, fileScanner_1.scanFileInto)(planned.absPath, segment, index.interners, limits);
            result.newProblems.push(...segment.problems.slice(Math.min(problemsBefore, segment.problems.length)));
            if (segment.columns.count > before) {
                if (known.position === index.segments.length - 1)
                    appendedToLast = before;
                else
                    structural = true;
            }
            next.push(segment);
            continue;
        }
        const rescanned = (0, scanPlan_1.scanOneFile)(planned, index.interners, limits);
        result.rebuiltFiles.push(planned.file);
        result.newProblems.push(...rescanned.problems);
        next.push(rescanned);
        structural = true;
    }
    for (const gone of existing.keys()) {
        result.removedFiles.push(gone);
        structural = true;
    }
    index.listingProblems = problems;
    if (structural) {
        index.replaceSegments(next);
    }
    else {
        if (appendedToLast >= 0)
            index.appendedToLastSegment(appendedToLast);
        for (const segment of newAtEnd)
            index.addSegmentAtEnd(segment);
    }
    newAtEnd = [];
    return { ...result, appendedEvents: Math.max(0, index.eventCount - eventsBefore) };
}
function isAfterAll(planned, index) {
    const last = index.segments[index.segments.length - 1];
    if (!last)
        return true;
    if (planned.day && last.day)
        return planned.day > last.day;
    return !planned.day && (last.day !== null || planned.file > last.file);
}
//# sourceMappingURL=indexBuilder.js.map