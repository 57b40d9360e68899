import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory } from './atomicWrite';
import { isDirectlyInside, readJournal, removeJournal } from './interruptedWork';
import { EVENTS_DIR } from './layout';

/*
 * The journal of a migration (`migrate/migrateStore.ts` writes it). It lives
 * with the store because every writer of the store must finish or undo an
 * interrupted migration before it appends, and the store is the floor every
 * writer stands on.
 */

/** In the store root while a migration runs: its temps, targets and backup folder. */
export const MIGRATION_JOURNAL = 'migration.pending.json';

export interface MigrationJournal {
  readonly kind: 'migration';
  readonly pid: number;
  /** preparing: temps and backups being written (undone on a crash); committed: renames under way (finished on a crash). */
  readonly state: 'preparing' | 'committed';
  /** Store-relative. */
  readonly backupDir: string;
  readonly files: readonly { readonly target: string; readonly temp: string }[];
}

/** Renames each temp over its target; a temp already renamed (by the run that was interrupted) is skipped. */
export async function renameAll(storeRoot: string, files: readonly { target: string; temp: string }[]): Promise<void> {
  for (const file of files) {
    const temp = path.join(storeRoot, ...file.temp.split('/'));
    try {
      await fs.promises.rename(temp, path.join(storeRoot, ...file.target.split('/')));
    } catch (error) {
      // Already renamed by the run that was interrupted.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await fsyncDirectory(path.join(storeRoot, EVENTS_DIR));
}

/**
 * Finishes or undoes a migration killed midway; call it holding the writer
 * lock (so its writer is gone). Returns what it did, or undefined when there
 * was nothing to do.
 */
export async function finishInterruptedMigration(storeRoot: string): Promise<'finished' | 'undone' | undefined> {
  const journalFile = path.join(storeRoot, MIGRATION_JOURNAL);
  const value = (await readJournal(journalFile)) as Partial<MigrationJournal> | undefined;
  if (value === undefined) return undefined;
  const files = value.files;
  const validFiles =
    Array.isArray(files) &&
    files.every(
      (f) =>
        f !== null &&
        typeof f === 'object' &&
        typeof f.target === 'string' &&
        typeof f.temp === 'string' &&
        isDirectlyInside(f.target, [EVENTS_DIR]) &&
        isDirectlyInside(f.temp, [EVENTS_DIR]),
    );
  const backupDir = value.backupDir;
  if (!validFiles || typeof backupDir !== 'string' || !/^backups\/migrate-[\w-]+$/.test(backupDir) || (value.state !== 'preparing' && value.state !== 'committed')) {
    throw new Error(`${journalFile}: expected a migration journal (state, backupDir, files); the store was left as it is.`);
  }
  if (value.state === 'committed') {
    await renameAll(storeRoot, files);
    await removeJournal(journalFile);
    return 'finished';
  }
  for (const file of files) await fs.promises.rm(path.join(storeRoot, ...file.temp.split('/')), { force: true });
  await fsyncDirectory(path.join(storeRoot, EVENTS_DIR));
  await fs.promises.rm(path.join(storeRoot, ...backupDir.split('/')), { recursive: true, force: true });
  await removeJournal(journalFile);
  return 'undone';
}
