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
exports.executeCleanup = executeCleanup;
exports.executeCleanupLocked = executeCleanupLocked;
const path = __importStar(require("node:path"));
const cleanupJournal_1 = require("../store/cleanupJournal");
const interruptedWork_1 = require("../store/interruptedWork");
const writeLock_1 = require("../store/writeLock");
/**
 * Removes what the plan lists, holding the store's writer lock, nothing else: only names inside `events/` and
 * `snapshots/` of the plan's store are touched. A file already gone counts as
 * removed; a file that cannot be removed is reported and the rest goes on.
 *
 * Crash safety: the list is journaled (durably) before the first removal and
 * the journal removed after the last, folders fsynced in between. A cleanup
 * killed midway is finished by the next cleanup or writer of the store
 * (`finishInterruptedCleanup`), so the store ends as before or as after.
 */
async function executeCleanup(plan) {
    // A writer like any other: never while a bus (Python's or ours) holds the store (WriterLockedError names it).
    const lock = await (0, writeLock_1.acquireWriterLock)(plan.storeRoot);
    try {
        return await executeCleanupLocked(plan);
    }
    finally {
        await lock.release();
    }
}
/** The same, for a caller that already holds the store's writer lock (the language server's write queue). */
async function executeCleanupLocked(plan) {
    await (0, cleanupJournal_1.finishInterruptedCleanup)(plan.storeRoot);
    const failed = [];
    const targets = [...plan.eventFiles, ...plan.snapshots];
    const accepted = targets.filter((target) => {
        if ((0, interruptedWork_1.isDirectlyInside)(target.file, cleanupJournal_1.CLEANUP_FOLDERS))
            return true;
        failed.push({ file: target.file, message: 'not a file directly inside events/ or snapshots/; not removed' });
        return false;
    });
    if (accepted.length === 0)
        return { removed: [], failed, bytes: 0 };
    const journalFile = path.join(plan.storeRoot, cleanupJournal_1.CLEANUP_JOURNAL);
    const journal = {
        kind: 'ttl-cleanup',
        pid: process.pid,
        started: new Date().toISOString(),
        remove: accepted.map((target) => target.file),
    };
    await (0, interruptedWork_1.writeJournal)(journalFile, journal);
    const outcome = await (0, cleanupJournal_1.removeFiles)(plan.storeRoot, journal.remove);
    // A file that could not be removed stays; the journal must not retry it forever.
    await (0, interruptedWork_1.removeJournal)(journalFile);
    const bytesOf = new Map(accepted.map((target) => [target.file, target.bytes]));
    return {
        removed: outcome.removed,
        failed: [...failed, ...outcome.failed],
        bytes: outcome.deleted.reduce((sum, file) => sum + (bytesOf.get(file) ?? 0), 0),
    };
}
//# sourceMappingURL=executeCleanup.js.map