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
exports.DEFAULT_LOCK_WAIT_MS = exports.WriterLockedError = exports.WriterLockLostError = void 0;
exports.acquireWriterLock = acquireWriterLock;
exports.acquireWriterLockWaiting = acquireWriterLockWaiting;
exports.withWriterLock = withWriterLock;
exports.isProcessAlive = isProcessAlive;
const readIfExists_1 = require("./readIfExists");
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const layout_1 = require("./layout");
class WriterLockLostError extends Error {
    lockFile;
    name = 'WriterLockLostError';
    constructor(lockFile) {
        super(`The writer lock ${lockFile} is no longer held by this process (another writer took it over); nothing more was written.`);
        this.lockFile = lockFile;
    }
}
exports.WriterLockLostError = WriterLockLostError;
class WriterLockedError extends Error {
    lockFile;
    holder;
    name = 'WriterLockedError';
    constructor(lockFile, holder) {
        const where = holder.hostname === os.hostname() ? '' : ` on host ${holder.hostname}`;
        super(`The event store is already open for writing by process ${holder.pid}${where} (since ${holder.started}); ` +
            `lock file ${lockFile}. Stop that process first, or delete the lock file if that process is not running.`);
        this.lockFile = lockFile;
        this.holder = holder;
    }
}
exports.WriterLockedError = WriterLockedError;
const MAX_ATTEMPTS = 100;
/** How often a writer waiting for a live holder looks again. */
const WAIT_POLL_MS = 25;
const RETRY_DELAY_MS = 20;
/** An empty lock file younger than this may be one being written by the 'wx' fallback: wait rather than take it. */
const EMPTY_LOCK_GRACE_MS = 2_000;
/** How many recovery guards (see `removeStaleLock`) may be left behind by recoverers that died. */
const MAX_GUARD_LEVELS = 8;
/**
 * Takes `<storeRoot>/writer.lock` or throws `WriterLockedError` naming the
 * live holder. A lock left by a dead process (same host, `kill(pid, 0)` says
 * ESRCH) or holding garbage is recovered; see `removeStaleLock` for why two
 * processes recovering the same stale lock cannot both win.
 */
async function acquireWriterLock(storeRoot) {
    await fs.promises.mkdir(storeRoot, { recursive: true });
    const lockFile = path.join(storeRoot, layout_1.LOCK_FILE);
    const holder = { pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() };
    const content = Buffer.from(`${JSON.stringify(holder)}\n`);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        if (await createExclusive(lockFile, content))
            return heldLock(lockFile, holder, content);
        const existing = await (0, readIfExists_1.readIfExists)(lockFile);
        if (existing === undefined)
            continue; // released between our create and our read: try again
        const current = parseHolder(existing);
        if (current && mayBeAlive(current))
            throw new WriterLockedError(lockFile, current);
        if (!current && existing.length === 0 && (await ageMs(lockFile)) < EMPTY_LOCK_GRACE_MS) {
            await sleep(RETRY_DELAY_MS);
            continue;
        }
        await removeStaleLock(lockFile, existing);
    }
    throw new Error(`Could not take the writer lock ${lockFile}: it kept changing over ${MAX_ATTEMPTS} attempts (other processes are competing for it).`);
}
/**
 * `acquireWriterLock`, waiting up to `waitMs` while a live process holds the
 * lock (writers take turns: a CLI publish waits for another to finish
 * instead of failing at once). Throws `WriterLockedError` when the wait ends.
 */
async function acquireWriterLockWaiting(storeRoot, waitMs) {
    const deadline = Date.now() + waitMs;
    for (;;) {
        try {
            return await acquireWriterLock(storeRoot);
        }
        catch (error) {
            if (!(error instanceof WriterLockedError) || Date.now() >= deadline)
                throw error;
            await sleep(WAIT_POLL_MS + Math.floor(Math.random() * WAIT_POLL_MS));
        }
    }
}
/** Runs `work` holding the store's writer lock (waiting up to `waitMs` for it), and always releases it. */
async function withWriterLock(storeRoot, work, waitMs = exports.DEFAULT_LOCK_WAIT_MS) {
    const lock = await acquireWriterLockWaiting(storeRoot, waitMs);
    try {
        return await work();
    }
    finally {
        await lock.release();
    }
}
/** How long a writing command waits for another writer to finish before giving up. */
exports.DEFAULT_LOCK_WAIT_MS = 10_000;
function heldLock(file, holder, content) {
    let released = false;
    return {
        file,
        holder,
        async release() {
            if (released)
                return;
            released = true;
            const existing = await (0, readIfExists_1.readIfExists)(file);
            // Never remove a lock that is not ours (say, the file was deleted by hand and another writer took it).
            if (existing && existing.equals(content))
                await fs.promises.rm(file, { force: true });
        },
        async stillHeld() {
            if (released)
                return false;
            const existing = await (0, readIfExists_1.readIfExists)(file);
            return existing !== undefined && existing.equals(content);
        },
    };
}
/**
 * Removes the lock file if, and only if, it still holds `staleBytes`.
 *
 * Why a guard: "read, see it is stale, unlink" races. A and B both read the
 * stale lock; A unlinks it and creates its own; B then unlinks A's live lock
 * and creates its own: two writers. So the unlink happens only while holding
 * a guard file created exclusively, named after the stale content's hash;
 * the guard holder re-reads the lock and unlinks it only if it is still that
 * stale content. Whoever loses the guard race goes back to trying to create
 * the lock, and either wins the O_EXCL create or sees the new live holder.
 *
 * A recoverer that dies while holding a guard would block the recovery of
 * that content forever, so a guard whose holder is dead is skipped for the
 * next level. Dead guards are never removed: removing one while another
 * process is checking it would reopen the race above.
 */
async function removeStaleLock(lockFile, staleBytes) {
    const key = (0, node_crypto_1.createHash)('sha256').update(staleBytes).digest('hex').slice(0, 16);
    const guardContent = Buffer.from(JSON.stringify({ pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() }));
    for (let level = 0; level < MAX_GUARD_LEVELS; level++) {
        const guard = `${lockFile}.recover-${key}-${level}`;
        if (await createExclusive(guard, guardContent)) {
            try {
                const current = await (0, readIfExists_1.readIfExists)(lockFile);
                if (current && current.equals(staleBytes))
                    await fs.promises.rm(lockFile, { force: true });
            }
            finally {
                await fs.promises.rm(guard, { force: true });
            }
            return;
        }
        const guardBytes = await (0, readIfExists_1.readIfExists)(guard);
        if (guardBytes === undefined)
            return; // that recovery just finished: the caller tries again
        const guardHolder = parseHolder(guardBytes);
        if (guardHolder ? mayBeAlive(guardHolder) : (await ageMs(guard)) < EMPTY_LOCK_GRACE_MS) {
            await sleep(RETRY_DELAY_MS);
            return;
        }
    }
    throw new Error(`Could not recover the stale writer lock ${lockFile}: ${MAX_GUARD_LEVELS} recovery attempts died midway ` +
        `(files ${lockFile}.recover-*). Delete those files and the lock file if no writer is running.`);
}
/**
 * Creates `file` with `content` only if it does not exist. The content is
 * written to a private temp file first and hard-linked into place, so nobody
 * ever sees the file empty or half written (with a plain 'wx' open another
 * process could read an empty lock in between and take it for garbage).
 * Filesystems without hard links fall back to 'wx'.
 */
async function createExclusive(file, content) {
    const temp = `${file}.${process.pid}.${(0, node_crypto_1.randomBytes)(6).toString('hex')}.tmp`;
    try {
        await fs.promises.writeFile(temp, content, { flag: 'wx' });
        try {
            await fs.promises.link(temp, file);
            return true;
        }
        catch (error) {
            const code = error.code;
            if (code === 'EEXIST')
                return false;
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
                throw error;
        }
    }
    finally {
        await fs.promises.rm(temp, { force: true });
    }
    try {
        const handle = await fs.promises.open(file, 'wx');
        try {
            await handle.writeFile(content);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
}
function parseHolder(bytes) {
    try {
        const value = JSON.parse(bytes.toString('utf8'));
        if (value === null || typeof value !== 'object')
            return undefined;
        const { pid, hostname, started } = value;
        if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof hostname !== 'string')
            return undefined;
        return { pid, hostname, started: typeof started === 'string' ? started : 'an unknown time' };
    }
    catch {
        return undefined;
    }
}
/** A holder on another host cannot be checked from here, so it counts as alive. */
function mayBeAlive(holder) {
    if (holder.hostname !== os.hostname())
        return true;
    return isProcessAlive(holder.pid);
}
function isProcessAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the process exists but belongs to another user.
        return error.code !== 'ESRCH';
    }
}
async function ageMs(file) {
    try {
        const stat = await fs.promises.stat(file);
        return Date.now() - stat.mtimeMs;
    }
    catch {
        return Number.POSITIVE_INFINITY;
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
//# sourceMappingURL=writeLock.js.map