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
exports.tempFileOwner = tempFileOwner;
exports.removeStaleTempFiles = removeStaleTempFiles;
exports.writeJournal = writeJournal;
exports.readJournal = readJournal;
exports.removeJournal = removeJournal;
exports.isDirectlyInside = isDirectlyInside;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const atomicWrite_1 = require("./atomicWrite");
const readIfExists_1 = require("./readIfExists");
const writeLock_1 = require("./writeLock");
/**
 * What a writer killed midway leaves behind, and how the next one finishes
 * or undoes it.
 *
 * Single-file rewrites (atomicWrite, snapshots, gzip rotation) are atomic by
 * rename or link; a kill leaves at most a hidden temp file, which nothing
 * reads. Those temps carry their writer's pid in their name and are swept
 * here once that process is gone.
 *
 * Work spanning several files (TTL cleanup, migration) records its intent in
 * a journal in the store root first (written atomically): the journal is
 * the commit point, and whoever finds one finishes (or, for a migration that
 * had not committed, undoes) the work, so the store ends up as before or as
 * after, never half.
 */
/** Hidden temp files of this product's writers, with the pid of their writer. */
const TEMP_FILE_PATTERNS = [
    // atomicWrite: .<name>.<pid>.<ms>.tmp
    /^\..+\.(\d+)\.\d+\.tmp$/,
    // migration: .<name>.migrate-<pid>.tmp
    /^\..+\.migrate-(\d+)\.tmp$/,
    // snapshots: .pending-<pid>-<hex>.json
    /^\.pending-(\d+)-[0-9a-f]+\.json$/,
    // writer lock, before it is linked into place: writer.lock[.recover-…].<pid>.<hex>.tmp
    /^writer\.lock\..*?(\d+)\.[0-9a-f]{12}\.tmp$/,
];
/** The pid a temp file name carries, or undefined when the name is not one of ours. */
function tempFileOwner(name) {
    for (const pattern of TEMP_FILE_PATTERNS) {
        const match = pattern.exec(name);
        if (match)
            return Number(match[1]);
    }
    return undefined;
}
/**
 * Removes the temp files in `dir` whose writer is no longer running (on this
 * host: a writer on another host sharing the folder would get a clear ENOENT
 * on its rename, never a half file). Returns the removed names.
 */
async function removeStaleTempFiles(dir) {
    let names;
    try {
        names = await fs.promises.readdir(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return [];
        throw error;
    }
    const removed = [];
    for (const name of names) {
        const pid = tempFileOwner(name);
        if (pid === undefined || pid === process.pid || (0, writeLock_1.isProcessAlive)(pid))
            continue;
        await fs.promises.rm(path.join(dir, name), { force: true });
        removed.push(name);
    }
    if (removed.length > 0)
        await (0, atomicWrite_1.fsyncDirectory)(dir);
    return removed;
}
/** Writes a journal durably (temp, fsync, rename, fsync the folder): once this returns, the intent survives a crash. */
async function writeJournal(file, value) {
    await (0, atomicWrite_1.writeFileAtomic)(file, `${JSON.stringify(value, null, 2)}\n`);
}
/** The journal's content, or undefined when there is none. A damaged journal is an error naming the file. */
async function readJournal(file) {
    const bytes = await (0, readIfExists_1.readIfExists)(file);
    if (bytes === undefined)
        return undefined;
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new Error(`${file}: not a readable journal (${error.message}); it records work a crashed writer left unfinished. ` +
            'Check the store by hand, then delete the file.');
    }
}
/** Removes a journal once its work is done. */
async function removeJournal(file) {
    await fs.promises.rm(file, { force: true });
    await (0, atomicWrite_1.fsyncDirectory)(path.dirname(file));
}
/** A store-relative file directly inside one of `folders` (journals name nothing else). */
function isDirectlyInside(file, folders) {
    const [folder, name, ...rest] = file.split('/');
    return folders.includes(folder) && !!name && rest.length === 0 && name !== '..' && name !== '.';
}
//# sourceMappingURL=interruptedWork.js.map