import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory } from '../store/atomicWrite';
import { EVENTS_DIR, SNAPSHOTS_DIR } from '../store/layout';
import type { CleanupPlan, CleanupResult } from './cleanupPlan';

/**
 * Removes what the plan lists, nothing else: only names inside `events/` and
 * `snapshots/` of the plan's store are touched, and each folder is fsynced
 * so the removal survives a crash. A file already gone counts as removed; a
 * file that cannot be removed is reported and the rest goes on.
 */
export async function executeCleanup(plan: CleanupPlan): Promise<CleanupResult> {
  const removed: string[] = [];
  const failed: { file: string; message: string }[] = [];
  let bytes = 0;
  const folders = new Set<string>();
  const targets = [...plan.eventFiles, ...plan.snapshots];
  for (const target of targets) {
    const [folder, name, ...rest] = target.file.split('/');
    if ((folder !== EVENTS_DIR && folder !== SNAPSHOTS_DIR) || !name || rest.length > 0 || name === '..' || name === '.') {
      failed.push({ file: target.file, message: 'not a file directly inside events/ or snapshots/; not removed' });
      continue;
    }
    try {
      await fs.promises.unlink(path.join(plan.storeRoot, folder, name));
      bytes += target.bytes;
      removed.push(target.file);
      folders.add(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        removed.push(target.file);
        continue;
      }
      failed.push({ file: target.file, message: (error as Error).message });
    }
  }
  for (const folder of folders) await fsyncDirectory(path.join(plan.storeRoot, folder));
  return { removed, failed, bytes };
}
