import * as fs from 'node:fs';
import * as path from 'node:path';
import { isProcessAlive } from './writeLock';

/**
 * Temp files the writers leave beside their targets while writing:
 * `index.bin.<pid>.tmp`, `.<name>.<pid>.<ms>.tmp` (atomic writes),
 * `writer.lock.<pid>.<hex>.tmp`. Migration temps (`.migrate-<pid>.tmp`) are
 * not matched: their journal decides whether they are finished or undone.
 */
const TEMP_NAME = /^(?!.*\.migrate-)(.+?)\.(\d{1,10})(?:\.[0-9a-f]+)?\.tmp$/;

/** A temp file of a process that is not running here, or older than this (its writer may be on another host), is stale. */
const STALE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes stale temp files from `dirs`: those of a process that no longer
 * runs on this host, and any older than a day (a writer on another host is
 * never that slow). A write that failed removes its own temp; these are
 * what a killed process left. Never throws: sweeping is housekeeping.
 */
export function sweepStaleTemps(dirs: readonly string[], now = Date.now()): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match) continue;
      const file = path.join(dir, name);
      try {
        const pid = Number(match[2]);
        const stale = (pid > 0 && pid !== process.pid && !isProcessAlive(pid)) || now - fs.lstatSync(file).mtimeMs > STALE_AGE_MS;
        if (!stale) continue;
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Gone already, or not ours to remove (permissions): leave it.
      }
    }
  }
  return removed;
}

/**
 * Whether `bytes` can be written in `dir` and still leave as much free
 * again (at least 1 MiB): a cache must never take the space the next
 * appended events need. Unknown (no statfs) counts as room.
 */
export function hasRoomFor(dir: string, bytes: number): boolean {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize >= 2 * bytes + 1024 * 1024;
  } catch {
    return true;
  }
}
