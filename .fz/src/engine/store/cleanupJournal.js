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
exports.CLEANUP_FOLDERS = exports.CLEANUP_JOURNAL = void 0;
exports.finishInterruptedCleanup = finishInterruptedCleanup;
exports.removeFiles = removeFiles;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const atomicWrite_1 = require("./atomicWrite");
const interruptedWork_1 = require("./interruptedWork");
const layout_1 = require("./layout");
/*
 * The journal of a TTL cleanup (`ttl/executeCleanup.ts` writes it). It lives
 * with the store because every writer of the store finishes an interrupted
 * cleanup before it appends.
 */
/** In the store root while a cleanup runs: what it removes. */
exports.CLEANUP_JOURNAL = 'cleanup.pending.json';
/** The only folders a cleanup removes from. */
exports.CLEANUP_FOLDERS = [layout_1.EVENTS_DIR, layout_1.SNAPSHOTS_DIR];
/**
 * Finishes a cleanup that was killed midway (its journal is still there):
 * removes what it listed and the journal. Returns the files it removed.
 * Safe to run while another cleanup is running: removal is idempotent.
 */
async function finishInterruptedCleanup(storeRoot) {
    const journalFile = path.join(storeRoot, exports.CLEANUP_JOURNAL);
    const value = await (0, interruptedWork_1.readJournal)(journalFile);
    if (value === undefined)
        return [];
    const remove = value.remove;
    if (!Array.isArray(remove) || !remove.every((file) => typeof file === 'string' && (0, interruptedWork_1.isDirectlyInside)(file, exports.CLEANUP_FOLDERS))) {
        throw new Error(`${journalFile}: expected {"remove": [files directly inside events/ or snapshots/]}; nothing was removed.`);
    }
    const outcome = await removeFiles(storeRoot, remove);
    if (outcome.failed.length > 0) {
        const first = outcome.failed[0];
        throw new Error(`${journalFile}: could not finish an interrupted cleanup: ${first.file}: ${first.message}`);
    }
    await (0, interruptedWork_1.removeJournal)(journalFile);
    return outcome.deleted;
}
/** Removes the listed store-relative files; one already gone counts as removed, one that cannot be removed is reported. */
async function removeFiles(storeRoot, files) {
    const removed = [];
    const deleted = [];
    const failed = [];
    const folders = new Set();
    for (const file of files) {
        const [folder, name] = file.split('/');
        try {
            await fs.promises.unlink(path.join(storeRoot, folder, name));
            removed.push(file);
            deleted.push(file);
            folders.add(folder);
        }
        catch (error) {
            if (error.code === 'ENOENT') {
                removed.push(file);
                continue;
            }
            failed.push({ file, message: error.message });
        }
    }
    for (const folder of folders)
        await (0, atomicWrite_1.fsyncDirectory)(path.join(storeRoot, folder));
    return { removed, deleted, failed };
}
//# sourceMappingURL=cleanupJournal.js.map