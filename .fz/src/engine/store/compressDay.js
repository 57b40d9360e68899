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
exports.compressDayFile = compressDayFile;
const readIfExists_1 = require("./readIfExists");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_util_1 = require("node:util");
const zlib = __importStar(require("node:zlib"));
const atomicWrite_1 = require("./atomicWrite");
const layout_1 = require("./layout");
const gzip = (0, node_util_1.promisify)(zlib.gzip);
const gunzip = (0, node_util_1.promisify)(zlib.gunzip);
/**
 * Gzips the closed day `events_<day>.jsonl` into `events_<day>.jsonl.gz`,
 * then removes the plain file. The caller must make sure nobody appends to
 * that day's plain file meanwhile (the file appender does).
 *
 * Crash safety: the `.gz` is written through a temp file, fsynced, renamed
 * and the folder fsynced, so a crash leaves either the old `.gz` or the new
 * one. Only then is the plain file removed. If a crash comes between the two,
 * both exist; the next run sees the plain bytes already at the end of the
 * `.gz` and only removes the plain file (so no events are duplicated).
 *
 * When a `.gz` of the day already exists (lines appended to a closed day
 * later), its bytes are kept as they are and a new gzip member is added after
 * them: readers see the concatenation, and existing data is never rewritten.
 */
async function compressDayFile(eventsDir, day) {
    const plainFile = path.join(eventsDir, (0, layout_1.eventFileName)(day));
    const gzipFile = path.join(eventsDir, (0, layout_1.eventFileName)(day, true));
    const plain = await (0, readIfExists_1.readIfExists)(plainFile);
    if (plain === undefined)
        return { day, outcome: 'nothing', plainBytes: 0, gzipBytes: 0 };
    if (plain.length === 0) {
        await removeDurably(plainFile);
        return { day, outcome: 'removed-empty', plainBytes: 0, gzipBytes: 0 };
    }
    const existing = await (0, readIfExists_1.readIfExists)(gzipFile);
    let memberSource = plain;
    if (existing !== undefined) {
        let old;
        try {
            old = await gunzip(existing);
        }
        catch (error) {
            throw new Error(`Cannot add ${plainFile} to ${gzipFile}: the existing gzip file is unreadable (${error.message}). ` +
                'Both files were left untouched.');
        }
        if (endsWith(old, plain)) {
            await removeDurably(plainFile);
            return { day, outcome: 'already-compressed', plainBytes: plain.length, gzipBytes: existing.length };
        }
        // Keep the line boundary: if the old content ends mid-line (a torn tail),
        // the new member starts on a line of its own. The torn bytes stay as they are.
        if (old.length > 0 && old[old.length - 1] !== 0x0a)
            memberSource = Buffer.concat([Buffer.from('\n'), plain]);
    }
    const member = await gzip(memberSource);
    const content = existing === undefined ? member : Buffer.concat([existing, member]);
    await (0, atomicWrite_1.writeFileAtomic)(gzipFile, content);
    await removeDurably(plainFile);
    return {
        day,
        outcome: existing === undefined ? 'compressed' : 'appended-member',
        plainBytes: plain.length,
        gzipBytes: content.length,
    };
}
function endsWith(whole, tail) {
    if (tail.length > whole.length)
        return false;
    return whole.subarray(whole.length - tail.length).equals(tail);
}
async function removeDurably(file) {
    await fs.promises.rm(file, { force: true });
    await (0, atomicWrite_1.fsyncDirectory)(path.dirname(file));
}
//# sourceMappingURL=compressDay.js.map