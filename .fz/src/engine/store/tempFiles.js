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
exports.sweepStaleTemps = sweepStaleTemps;
exports.hasRoomFor = hasRoomFor;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const writeLock_1 = require("./writeLock");
/**
 * Temp files the writers leave beside their targets while writing:
 * `index.bin.<pid>.tmp`, `.<name>.<pid>.<ms>.tmp` (atomic writes),
 * `writer.lock.<pid>.<hex>.tmp`. Migration temps (`.migrate-<pid>.tmp`) are
 * not matched: their journal decides whether they are finished or undone.
 */
const TEMP_NAME = /^(?!.*\.migrate-)(.+?)\.(\d{1,10})(?:\.[0-9a-f]+)?\.tmp$/;
/** A temp file of a process that is not running here, or older than this (its writer may be on another host), is stale. */
const STALE_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * Removes stale temp files from `dirs`: those of a process that no longer
 * runs on this host, and any older than a day (a writer on another host is
 * never that slow). A write that failed removes its own temp; these are
 * what a killed process left. Never throws: sweeping is housekeeping.
 */
function sweepStaleTemps(dirs, now = Date.now()) {
    const removed = [];
    for (const dir of dirs) {
        let names;
        try {
            names = fs.readdirSync(dir);
        }
        catch {
            continue;
        }
        for (const name of names) {
            const match = TEMP_NAME.exec(name);
            if (!match)
                continue;
            const file = path.join(dir, name);
            try {
                const pid = Number(match[2]);
                const stale = (pid > 0 && pid !== process.pid && !(0, writeLock_1.isProcessAlive)(pid)) || now - fs.lstatSync(file).mtimeMs > STALE_AGE_MS;
                if (!stale)
                    continue;
                fs.rmSync(file, { force: true });
                removed.push(file);
            }
            catch {
                // Gone already, or not ours to remove (permissions): leave it.
            }
        }
    }
    return removed;
}
/**
 * Whether `bytes` can be written in `dir` and still leave as much free
 * again (at least 1 MiB): a cache must never take the space the next
 * appended events need. Unknown (no statfs) counts as room.
 */
function hasRoomFor(dir, bytes) {
    try {
        const stats = fs.statfsSync(dir);
        return stats.bavail * stats.bsize >= 2 * bytes + 1024 * 1024;
    }
    catch {
        return true;
    }
}
//# sourceMappingURL=tempFiles.js.map