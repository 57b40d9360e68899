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
exports.DEFAULT_MAX_DECOMPRESSED_BYTES = void 0;
exports.isGzipPath = isGzipPath;
exports.readFileBytes = readFileBytes;
exports.readFileBytesTolerant = readFileBytesTolerant;
exports.readFileBytesTolerantSync = readFileBytesTolerantSync;
exports.gunzipTolerant = gunzipTolerant;
exports.forEachLine = forEachLine;
exports.hasBom = hasBom;
const fs = __importStar(require("node:fs"));
const zlib = __importStar(require("node:zlib"));
/** A decompressed event file larger than this is a gzip bomb, not a day of events. */
exports.DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;
function isGzipPath(file) {
    return file.endsWith('.gz');
}
/**
 * A whole event file as bytes: plain, or gzip (several members, as appending
 * to a gzip file produces, are read as one stream). Throws on damage; use
 * `readFileBytesTolerant` to keep what could be read.
 */
async function readFileBytes(absPath, limits = {}) {
    const result = await readFileBytesTolerant(absPath, limits);
    if (result.problem)
        throw new Error(`${absPath}: ${result.problem}`);
    return result.bytes;
}
async function readFileBytesTolerant(absPath, limits = {}) {
    const raw = await fs.promises.readFile(absPath);
    return isGzipPath(absPath) ? gunzipTolerant(raw, limits) : { bytes: raw };
}
function readFileBytesTolerantSync(absPath, limits = {}) {
    const raw = fs.readFileSync(absPath);
    return isGzipPath(absPath) ? gunzipTolerant(raw, limits) : { bytes: raw };
}
function gunzipTolerant(raw, limits = {}) {
    const maxOutputLength = limits.maxDecompressedBytes ?? exports.DEFAULT_MAX_DECOMPRESSED_BYTES;
    const options = { chunkSize: 1024 * 1024, maxOutputLength };
    try {
        return { bytes: zlib.gunzipSync(raw, options) };
    }
    catch (error) {
        const reason = error.message;
        if (error.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(reason)) {
            return { bytes: Buffer.alloc(0), problem: `decompresses to more than ${maxOutputLength} bytes (gzip bomb?); not read` };
        }
        // A truncated or damaged gzip: keep what decompresses before the damage.
        let salvaged = Buffer.alloc(0);
        try {
            salvaged = zlib.gunzipSync(raw, { ...options, finishFlush: zlib.constants.Z_SYNC_FLUSH });
        }
        catch {
            // Nothing usable before the damage.
        }
        return { bytes: salvaged, problem: `damaged gzip (${reason}); ${salvaged.length} bytes read before the damage` };
    }
}
/**
 * Visits every line of `buf`: `start`/`end` exclude the line end (LF or
 * CRLF) and a leading UTF-8 BOM; blank lines are visited too; line numbers
 * are 1-based.
 */
function forEachLine(buf, visit) {
    let start = hasBom(buf, 0) ? 3 : 0;
    let lineNumber = 0;
    const length = buf.length;
    while (start < length) {
        const newline = buf.indexOf(10, start);
        lineNumber++;
        if (newline === -1) {
            visit(start, length, lineNumber);
            return { tornLastLine: true, lines: lineNumber };
        }
        const end = newline > start && buf[newline - 1] === 13 ? newline - 1 : newline;
        visit(start, end, lineNumber);
        start = newline + 1;
    }
    return { tornLastLine: false, lines: lineNumber };
}
function hasBom(buf, at) {
    return buf.length >= at + 3 && buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}
//# sourceMappingURL=lineReader.js.map