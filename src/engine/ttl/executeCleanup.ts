import * as path from 'node:path';
import { CLEANUP_FOLDERS, CLEANUP_JOURNAL, finishInterruptedCleanup, removeFiles, type CleanupJournal } from '../store/cleanupJournal';
import { isDirectlyInside, removeJournal, writeJournal } from '../store/interruptedWork';
import { acquireWriterLock } from '../store/writeLock';
import type { CleanupPlan, CleanupResult } from './cleanupPlan';

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
    if (isDirectlyInside(target.file, CLEANUP_FOLDERS)) return true;
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
