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
exports.WHOLE_FILE = void 0;
exports.validateBuffer = validateBuffer;
exports.validateBufferFrom = validateBufferFrom;
exports.validateFile = validateFile;
const fs = __importStar(require("node:fs"));
const lineReader_1 = require("../store/lineReader");
const finding_1 = require("./finding");
const findingBuilder_1 = require("./findingBuilder");
const lineRules_1 = require("./lineRules");
const repeatedCauses_1 = require("./repeatedCauses");
exports.WHOLE_FILE = Object.freeze({ index: 0, count: 1 });
/**
 * Runs the per-line rules over one file's bytes (already decompressed), or
 * over one chunk of them: a chunk starts after a line end and ends after
 * one, and its line numbers continue from the lines before it.
 */
function validateBuffer(buf, file, settings, chunk = exports.WHOLE_FILE) {
    const start = chunk.index === 0 ? 0 : cutAfter(buf, chunk.index, chunk.count);
    const end = chunk.index === chunk.count - 1 ? buf.length : cutAfter(buf, chunk.index + 1, chunk.count);
    return validateSpan(buf, file, settings, start, end, start === 0 ? 0 : countLineEnds(buf, start));
}
/**
 * The per-line rules over the lines from `fromLine` (1-based) to the end:
 * what changed when a file was only appended to (its earlier lines, and
 * their findings, are as they were).
 */
function validateBufferFrom(buf, file, settings, fromLine) {
    let start = 0;
    for (let line = 1; line < fromLine && start < buf.length; line++) {
        const newline = buf.indexOf(10, start);
        if (newline === -1) {
            start = buf.length;
            break;
        }
        start = newline + 1;
    }
    return validateSpan(buf, file, settings, start, buf.length, Math.max(0, fromLine - 1));
}
function validateSpan(buf, file, settings, start, end, linesBefore) {
    const findings = [];
    if (start >= end)
        return { file, findings, lines: 0, eventLines: 0, bytes: 0 };
    const part = start === 0 && end === buf.length ? buf : buf.subarray(start, end);
    // Only the file's last line can lack its line end; forEachLine reports that after the walk, so find it first.
    const unterminatedEnd = end === buf.length && buf[buf.length - 1] !== 10 ? part.length : -1;
    let eventLines = 0;
    // A million events of an unknown type are one cause: counted here, so no finding per event is kept or sent.
    const tally = settings.repeats !== undefined && settings.repeats !== 'each' ? new repeatedCauses_1.CauseTally(settings.repeats) : undefined;
    const walk = (0, lineReader_1.forEachLine)(part, (lineStart, lineEnd, lineNumber) => {
        if (lineEnd === lineStart)
            return;
        const found = (0, lineRules_1.validateLine)(part.toString('utf8', lineStart, lineEnd), {
            file,
            line: lineNumber + linesBefore,
            unterminated: lineEnd === unterminatedEnd,
            registry: settings.registry,
            maxRetryCount: settings.maxRetryCount,
            maxNestingDepth: settings.maxNestingDepth,
            severity: settings.severity,
            knownEventTypes: settings.knownEventTypes,
            knownStatuses: settings.knownStatuses,
        });
        eventLines++;
        for (const finding of found)
            if (!tally?.add(finding))
                findings.push(finding);
    });
    if (tally && tally.size > 0) {
        for (const summary of tally.findings())
            findings.push(summary);
        (0, finding_1.sortFindings)(findings);
    }
    return { file, findings, lines: walk.lines, eventLines, bytes: end - start };
}
/** The offset just after the first line end at or after the chunk's nominal boundary. */
function cutAfter(buf, boundary, count) {
    const newline = buf.indexOf(10, Math.floor((buf.length * boundary) / count));
    return newline === -1 ? buf.length : newline + 1;
}
function countLineEnds(buf, end) {
    let count = 0;
    for (let at = buf.indexOf(10); at !== -1 && at < end; at = buf.indexOf(10, at + 1))
        count++;
    return count;
}
/**
 * Reads and checks one event file (or one chunk of it, or with `fromLine`
 * above 1 only its lines from there on; the chunk is then ignored). An unreadable file,
 * or a damaged gzip, is EB021 (reported by the first chunk only); whatever
 * decompressed before the damage is still checked.
 */
async function validateFile(absPath, file, settings, chunk = exports.WHOLE_FILE, fromLine = 1) {
    let read;
    try {
        read = (0, lineReader_1.isGzipPath)(absPath) ? await (0, lineReader_1.readFileBytesTolerant)(absPath) : { bytes: readIntoThreadBuffer(absPath) };
    }
    catch (error) {
        const finding = chunk.index === 0 ? (0, findingBuilder_1.fileFinding)(file, 'EB021', `cannot read the file: ${error.message}`, settings.severity) : undefined;
        return { file, findings: finding ? [finding] : [], lines: 0, eventLines: 0, bytes: 0 };
    }
    const result = fromLine > 1 ? validateBufferFrom(read.bytes, file, settings, fromLine) : validateBuffer(read.bytes, file, settings, chunk);
    if (read.problem !== undefined && chunk.index === 0) {
        const finding = (0, findingBuilder_1.fileFinding)(file, 'EB021', `cannot read the whole file: ${read.problem}`, settings.severity);
        if (finding)
            result.findings.unshift(finding);
    }
    return result;
}
/**
 * One read buffer per thread for plain files, grown when a file is bigger.
 * Every piece of a file reads the whole file (its line numbers count from
 * the start), and a fresh 18 MB buffer per 4 MiB piece left a validating
 * worker at ~250 MB of RSS: freed big buffers are not handed back to the
 * system. The bytes are valid until the next read on this thread, so the
 * caller checks them before it awaits anything (validateBuffer is
 * synchronous and keeps no part of them: each line becomes a string).
 */
let threadBuffer;
function readIntoThreadBuffer(absPath) {
    const fd = fs.openSync(absPath, 'r');
    try {
        const size = fs.fstatSync(fd).size;
        if (!threadBuffer || threadBuffer.length < size)
            threadBuffer = Buffer.allocUnsafeSlow(Math.max(size, Math.ceil((threadBuffer?.length ?? 0) * 1.25)));
        let filled = 0;
        // A file that grows meanwhile is read up to the size it had (its appended lines are the next check's).
        while (filled < size) {
            const n = fs.readSync(fd, threadBuffer, filled, size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        return threadBuffer.subarray(0, filled);
    }
    finally {
        fs.closeSync(fd);
    }
}
//# sourceMappingURL=validateFile.js.map