import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory } from './atomicWrite';
import { isDirectlyInside, readJournal, removeJournal } from './interruptedWork';
import { EVENTS_DIR, SNAPSHOTS_DIR } from './layout';

/*
 * The journal of a TTL cleanup (`ttl/executeCleanup.ts` writes it). It lives
 * with the store because every writer of the store finishes an interrupted
 * cleanup before it appends.
 */

/** In the store root while a cleanup runs: what it removes. */
export const CLEANUP_JOURNAL = 'cleanup.pending.json';

export interface CleanupJournal {
  readonly kind: 'ttl-cleanup';
  readonly pid: number;
  readonly started: string;
  /** Store-relative, each directly inside events/ or snapshots/. */
  readonly remove: readonly string[];
}

/** The only folders a cleanup removes from. */
export const CLEANUP_FOLDERS = [EVENTS_DIR, SNAPSHOTS_DIR];

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
  if (!Array.isArray(remove) || !remove.every((file) => typeof file === 'string' && isDirectlyInside(file, CLEANUP_FOLDERS))) {
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

/** Removes the listed store-relative files; one already gone counts as removed, one that cannot be removed is reported. */
export async function removeFiles(
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
