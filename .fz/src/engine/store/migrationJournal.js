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
exports.MIGRATION_JOURNAL = void 0;
exports.renameAll = renameAll;
exports.finishInterruptedMigration = finishInterruptedMigration;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const atomicWrite_1 = require("./atomicWrite");
const interruptedWork_1 = require("./interruptedWork");
const layout_1 = require("./layout");
/*
 * The journal of a migration (`migrate/migrateStore.ts` writes it). It lives
 * with the store because every writer of the store must finish or undo an
 * interrupted migration before it appends, and the store is the floor every
 * writer stands on.
 */
/** In the store root while a migration runs: its temps, targets and backup folder. */
exports.MIGRATION_JOURNAL = 'migration.pending.json';
/** Renames each temp over its target; a temp already renamed (by the run that was interrupted) is skipped. */
async function renameAll(storeRoot, files) {
    for (const file of files) {
        const temp = path.join(storeRoot, ...file.temp.split('/'));
        try {
            await fs.promises.rename(temp, path.join(storeRoot, ...file.target.split('/')));
        }
        catch (error) {
            // Already renamed by the run that was interrupted.
            if (error.code !== 'ENOENT')
                throw error;
        }
    }
    await (0, atomicWrite_1.fsyncDirectory)(path.join(storeRoot, layout_1.EVENTS_DIR));
}
/**
 * Finishes or undoes a migration killed midway; call it holding the writer
 * lock (so its writer is gone). Returns what it did, or undefined when there
 * was nothing to do.
 */
async function finishInterruptedMigration(storeRoot) {
    const journalFile = path.join(storeRoot, exports.MIGRATION_JOURNAL);
    const value = (await (0, interruptedWork_1.readJournal)(journalFile));
    if (value === undefined)
        return undefined;
    const files = value.files;
    const validFiles = Array.isArray(files) &&
        files.every((f) => f !== null &&
            typeof f === 'object' &&
            typeof f.target === 'string' &&
            typeof f.temp === 'string' &&
            (0, interruptedWork_1.isDirectlyInside)(f.target, [layout_1.EVENTS_DIR]) &&
            (0, interruptedWork_1.isDirectlyInside)(f.temp, [layout_1.EVENTS_DIR]));
    const backupDir = value.backupDir;
    if (!validFiles || typeof backupDir !== 'string' || !/^backups\/migrate-[\w-]+$/.test(backupDir) || (value.state !== 'preparing' && value.state !== 'committed')) {
        throw new Error(`${journalFile}: expected a migration journal (state, backupDir, files); the store was left as it is.`);
    }
    if (value.state === 'committed') {
        await renameAll(storeRoot, files);
        await (0, interruptedWork_1.removeJournal)(journalFile);
        return 'finished';
    }
    for (const file of files)
        await fs.promises.rm(path.join(storeRoot, ...file.temp.split('/')), { force: true });
    await (0, atomicWrite_1.fsyncDirectory)(path.join(storeRoot, layout_1.EVENTS_DIR));
    await fs.promises.rm(path.join(storeRoot, ...backupDir.split('/')), { recursive: true, force: true });
    await (0, interruptedWork_1.removeJournal)(journalFile);
    return 'undone';
}
//# sourceMappingURL=migrationJournal.js.map