import * as path from 'node:path';
import { finishInterruptedMigration } from './migrationJournal';
import { finishInterruptedCleanup } from './cleanupJournal';
import { removeStaleTempFiles } from './interruptedWork';
import { EVENTS_DIR, SNAPSHOTS_DIR } from './layout';

/**
 * Run by every writer right after it takes the writer lock: finishes a TTL
 * cleanup or a migration that a crash interrupted (or undoes a migration
 * that had not committed), and sweeps the temp files of dead writers. So a
 * store is as before or as after any interrupted operation by the time
 * anything is appended to it again.
 */
export async function recoverInterruptedWork(storeRoot: string): Promise<void> {
  await finishInterruptedMigration(storeRoot);
  await finishInterruptedCleanup(storeRoot);
  for (const dir of [storeRoot, path.join(storeRoot, EVENTS_DIR), path.join(storeRoot, SNAPSHOTS_DIR)]) {
    await removeStaleTempFiles(dir);
  }
}
