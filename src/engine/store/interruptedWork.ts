import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite';
import { readIfExists } from './readIfExists';
import { isProcessAlive } from './writeLock';

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
const TEMP_FILE_PATTERNS: readonly RegExp[] = [
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
export function tempFileOwner(name: string): number | undefined {
  for (const pattern of TEMP_FILE_PATTERNS) {
    const match = pattern.exec(name);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * Removes the temp files in `dir` whose writer is no longer running (on this
 * host: a writer on another host sharing the folder would get a clear ENOENT
 * on its rename, never a half file). Returns the removed names.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined || pid === process.pid || isProcessAlive(pid)) continue;
    await fs.promises.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  if (removed.length > 0) await fsyncDirectory(dir);
  return removed;
}

/** Writes a journal durably (temp, fsync, rename, fsync the folder): once this returns, the intent survives a crash. */
export async function writeJournal(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The journal's content, or undefined when there is none. A damaged journal is an error naming the file. */
export async function readJournal(file: string): Promise<unknown> {
  const bytes = await readIfExists(file);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new Error(
      `${file}: not a readable journal (${(error as Error).message}); it records work a crashed writer left unfinished. ` +
        'Check the store by hand, then delete the file.',
    );
  }
}

/** Removes a journal once its work is done. */
export async function removeJournal(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
  await fsyncDirectory(path.dirname(file));
}

/** A store-relative file directly inside one of `folders` (journals name nothing else). */
export function isDirectlyInside(file: string, folders: readonly string[]): boolean {
  const [folder, name, ...rest] = file.split('/');
  return folders.includes(folder) && !!name && rest.length === 0 && name !== '..' && name !== '.';
}
