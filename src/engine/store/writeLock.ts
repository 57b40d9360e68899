import { readIfExists } from './readIfExists';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE } from './layout';

/** Who holds `<store>/writer.lock`: the JSON the file contains. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly started: string;
}

/** One writer per store: held by the file appender for as long as it is open. */
export interface WriterLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file, unless someone else's lock has replaced it. Safe to call twice. */
  release(): Promise<void>;
  /**
   * Whether the lock file still holds our content. A writer checks before
   * every write: one whose lock was taken over (recovered as stale, or
   * deleted by hand and taken by another) must not write another byte.
   */
  stillHeld(): Promise<boolean>;
}

export class WriterLockLostError extends Error {
  override readonly name = 'WriterLockLostError';
  constructor(readonly lockFile: string) {
    super(`The writer lock ${lockFile} is no longer held by this process (another writer took it over); nothing more was written.`);
  }
}

export class WriterLockedError extends Error {
  override readonly name = 'WriterLockedError';
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.hostname === os.hostname() ? '' : ` on host ${holder.hostname}`;
    super(
      `The event store is already open for writing by process ${holder.pid}${where} (since ${holder.started}); ` +
        `lock file ${lockFile}. Stop that process first, or delete the lock file if that process is not running.`,
    );
  }
}

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
export async function acquireWriterLock(storeRoot: string): Promise<WriterLock> {
  await fs.promises.mkdir(storeRoot, { recursive: true });
  const lockFile = path.join(storeRoot, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() };
  const content = Buffer.from(`${JSON.stringify(holder)}\n`);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await createExclusive(lockFile, content)) return heldLock(lockFile, holder, content);
    const existing = await readIfExists(lockFile);
    if (existing === undefined) continue; // released between our create and our read: try again
    const current = parseHolder(existing);
    if (current && mayBeAlive(current)) throw new WriterLockedError(lockFile, current);
    if (!current && existing.length === 0 && (await ageMs(lockFile)) < EMPTY_LOCK_GRACE_MS) {
      await sleep(RETRY_DELAY_MS);
      continue;
    }
    await removeStaleLock(lockFile, existing);
  }
  throw new Error(
    `Could not take the writer lock ${lockFile}: it kept changing over ${MAX_ATTEMPTS} attempts (other processes are competing for it).`,
  );
}

/**
 * `acquireWriterLock`, waiting up to `waitMs` while a live process holds the
 * lock (writers take turns: a CLI publish waits for another to finish
 * instead of failing at once). Throws `WriterLockedError` when the wait ends.
 */
export async function acquireWriterLockWaiting(storeRoot: string, waitMs: number): Promise<WriterLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await acquireWriterLock(storeRoot);
    } catch (error) {
      if (!(error instanceof WriterLockedError) || Date.now() >= deadline) throw error;
      await sleep(WAIT_POLL_MS + Math.floor(Math.random() * WAIT_POLL_MS));
    }
  }
}

/** Runs `work` holding the store's writer lock (waiting up to `waitMs` for it), and always releases it. */
export async function withWriterLock<T>(storeRoot: string, work: () => Promise<T>, waitMs = DEFAULT_LOCK_WAIT_MS): Promise<T> {
  const lock = await acquireWriterLockWaiting(storeRoot, waitMs);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** How long a writing command waits for another writer to finish before giving up. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

function heldLock(file: string, holder: LockHolder, content: Buffer): WriterLock {
  let released = false;
  return {
    file,
    holder,
    async release() {
      if (released) return;
      released = true;
      const existing = await readIfExists(file);
      // Never remove a lock that is not ours (say, the file was deleted by hand and another writer took it).
      if (existing && existing.equals(content)) await fs.promises.rm(file, { force: true });
    },
    async stillHeld() {
      if (released) return false;
      const existing = await readIfExists(file);
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
async function removeStaleLock(lockFile: string, staleBytes: Buffer): Promise<void> {
  const key = createHash('sha256').update(staleBytes).digest('hex').slice(0, 16);
  const guardContent = Buffer.from(
    JSON.stringify({ pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() }),
  );
  for (let level = 0; level < MAX_GUARD_LEVELS; level++) {
    const guard = `${lockFile}.recover-${key}-${level}`;
    if (await createExclusive(guard, guardContent)) {
      try {
        const current = await readIfExists(lockFile);
        if (current && current.equals(staleBytes)) await fs.promises.rm(lockFile, { force: true });
      } finally {
        await fs.promises.rm(guard, { force: true });
      }
      return;
    }
    const guardBytes = await readIfExists(guard);
    if (guardBytes === undefined) return; // that recovery just finished: the caller tries again
    const guardHolder = parseHolder(guardBytes);
    if (guardHolder ? mayBeAlive(guardHolder) : (await ageMs(guard)) < EMPTY_LOCK_GRACE_MS) {
      await sleep(RETRY_DELAY_MS);
      return;
    }
  }
  throw new Error(
    `Could not recover the stale writer lock ${lockFile}: ${MAX_GUARD_LEVELS} recovery attempts died midway ` +
      `(files ${lockFile}.recover-*). Delete those files and the lock file if no writer is running.`,
  );
}

/**
 * Creates `file` with `content` only if it does not exist. The content is
 * written to a private temp file first and hard-linked into place, so nobody
 * ever sees the file empty or half written (with a plain 'wx' open another
 * process could read an empty lock in between and take it for garbage).
 * Filesystems without hard links fall back to 'wx'.
 */
async function createExclusive(file: string, content: Buffer): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(temp, content, { flag: 'wx' });
    try {
      await fs.promises.link(temp, file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    }
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
  try {
    const handle = await fs.promises.open(file, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function parseHolder(bytes: Buffer): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (value === null || typeof value !== 'object') return undefined;
    const { pid, hostname, started } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof hostname !== 'string') return undefined;
    return { pid, hostname, started: typeof started === 'string' ? started : 'an unknown time' };
  } catch {
    return undefined;
  }
}

/** A holder on another host cannot be checked from here, so it counts as alive. */
function mayBeAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  return isProcessAlive(holder.pid);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}


async function ageMs(file: string): Promise<number> {
  try {
    const stat = await fs.promises.stat(file);
    return Date.now() - stat.mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
