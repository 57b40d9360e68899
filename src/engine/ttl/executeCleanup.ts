import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory } from '../store/atomicWrite';
import { isDirectlyInside, readJournal, removeJournal, writeJournal } from '../store/interruptedWork';
import { EVENTS_DIR, SNAPSHOTS_DIR } from '../store/layout';
import { acquireWriterLock } from '../store/writeLock';
import type { CleanupPlan, CleanupResult } from './cleanupPlan';

/** In the store root while a cleanup runs: what it removes. */
export const CLEANUP_JOURNAL = 'cleanup.pending.json';

interface CleanupJournal {
  readonly kind: 'ttl-cleanup';
  readonly pid: number;
  readonly started: string;
  /** Store-relative, each directly inside events/ or snapshots/. */
  readonly remove: readonly string[];
}

const FOLDERS = [EVENTS_DIR, SNAPSHOTS_DIR];

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
export async function executeCleanup(plan: CleanupPlan): Promise<CleanupResult> {
  // A writer like any other: never while a bus (Python's or ours) holds the store (WriterLockedError names it).
  const lock = await acquireWriterLock(plan.storeRoot);
  try {
    return await executeCleanupLocked(plan);
  } finally {
    await lock.release();
  }
}

/** The same, for a caller that already holds the store's writer lock (the language server's write queue). */
export async function executeCleanupLocked(plan: CleanupPlan): Promise<CleanupResult> {
  await finishInterruptedCleanup(plan.storeRoot);
  const failed: { file: string; message: string }[] = [];
  const targets = [...plan.eventFiles, ...plan.snapshots];
  const accepted = targets.filter((target) => {
    if (isDirectlyInside(target.file, FOLDERS)) return true;
    failed.push({ file: target.file, message: 'not a file directly inside events/ or snapshots/; not removed' });
    return false;
  });
  if (accepted.length === 0) return { removed: [], failed, bytes: 0 };

  const journalFile = path.join(plan.storeRoot, CLEANUP_JOURNAL);
  const journal: CleanupJournal = {
    kind: 'ttl-cleanup',
    pid: process.pid,
    started: new Date().toISOString(),
    remove: accepted.map((target) => target.file),
  };
  await writeJournal(journalFile, journal);
  const outcome = await removeFiles(plan.storeRoot, journal.remove);
  // A file that could not be removed stays; the journal must not retry it forever.
  await removeJournal(journalFile);
  const bytesOf = new Map(accepted.map((target) => [target.file, target.bytes]));
  return {
    removed: outcome.removed,
    failed: [...failed, ...outcome.failed],
    bytes: outcome.deleted.reduce((sum, file) => sum + (bytesOf.get(file) ?? 0), 0),
  };
}

/**
 * Finishes a cleanup that was killed midway (its journal is still there):
 * removes what it listed and the journal. Returns the files it removed.
 * Safe to run while another cleanup is running: removal is idempotent.
 */
export async function finishInterruptedCleanup(storeRoot: string): Promise<string[]> {
  const journalFile = path.join(storeRoot, CLEANUP_JOURNAL);
  const value = await readJournal(journalFile);
  if (value === undefined) return [];
  const remove = (value as Partial<CleanupJournal>).remove;
  if (!Array.isArray(remove) || !remove.every((file) => typeof file === 'string' && isDirectlyInside(file, FOLDERS))) {
    throw new Error(`${journalFile}: expected {"remove": [files directly inside events/ or snapshots/]}; nothing was removed.`);
  }
  const outcome = await removeFiles(storeRoot, remove as string[]);
  if (outcome.failed.length > 0) {
    const first = outcome.failed[0];
    throw new Error(`${journalFile}: could not finish an interrupted cleanup: ${first.file}: ${first.message}`);
  }
  await removeJournal(journalFile);
  return outcome.deleted;
}

async function removeFiles(
  storeRoot: string,
  files: readonly string[],
): Promise<{ removed: string[]; deleted: string[]; failed: { file: string; message: string }[] }> {
  const removed: string[] = [];
  const deleted: string[] = [];
  const failed: { file: string; message: string }[] = [];
  const folders = new Set<string>();
  for (const file of files) {
    const [folder, name] = file.split('/');
    try {
      await fs.promises.unlink(path.join(storeRoot, folder, name));
      removed.push(file);
      deleted.push(file);
      folders.add(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        removed.push(file);
        continue;
      }
      failed.push({ file, message: (error as Error).message });
    }
  }
  for (const folder of folders) await fsyncDirectory(path.join(storeRoot, folder));
  return { removed, deleted, failed };
}
