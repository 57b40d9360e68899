import * as fs from 'node:fs';
import * as path from 'node:path';
import { EVENTS_DIR, parseEventFileName } from '../store/layout';
import type { LineProblem } from './indexTypes';
import type { PlannedFile } from './scanPlan';

/**
 * The store's event files in store order: dated files by day, then any other
 * `*.jsonl` / `*.jsonl.gz` by name. A symlink is followed only when it
 * resolves inside the store (a loop or a dangling link is reported); an
 * entry that is not a regular file is reported and never opened; a day
 * present both plain and gzipped (an interrupted compression) is read once,
 * from the plain file.
 */
export async function listEventFiles(storeRoot: string): Promise<{ files: PlannedFile[]; problems: LineProblem[] }> {
  const dir = path.join(storeRoot, EVENTS_DIR);
  const problems: LineProblem[] = [];
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], problems };
    throw error;
  }
  const realRoot = await fs.promises.realpath(storeRoot).catch(() => path.resolve(storeRoot));
  const files: PlannedFile[] = [];
  for (const name of names) {
    if (!name.endsWith('.jsonl') && !name.endsWith('.jsonl.gz')) continue;
    const absPath = path.join(dir, name);
    const file = `${EVENTS_DIR}/${name}`;
    let stat: fs.Stats;
    try {
      const link = await fs.promises.lstat(absPath);
      if (link.isSymbolicLink()) {
        const target = await fs.promises.realpath(absPath);
        if (!isInside(realRoot, target)) {
          problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `symlink points outside the store (${target}); not followed` });
          continue;
        }
      }
      stat = await fs.promises.stat(absPath);
    } catch (error) {
      problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    if (!stat.isFile()) {
      // A folder or a pipe under an event file's name holds no events, and
      // reading a pipe would wait forever: reported, never opened.
      problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `not a regular file (${describeKind(stat)}); not read` });
      continue;
    }
    try {
      await fs.promises.access(absPath, fs.constants.R_OK);
    } catch (error) {
      problems.push({ kind: 'unreadable', file, line: 1, column: 1, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const parsed = parseEventFileName(name);
    files.push({
      absPath,
      file,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      compressed: name.endsWith('.gz'),
      day: parsed?.day ?? null,
    });
  }
  const plainDays = new Set(files.filter((f) => f.day && !f.compressed).map((f) => f.day));
  const kept = files.filter((f) => {
    if (f.compressed && f.day && plainDays.has(f.day)) {
      problems.push({
        kind: 'unreadable',
        file: f.file,
        line: 1,
        column: 1,
        message: `the same day is also stored uncompressed (an interrupted compression?); ${f.file} is not read, to avoid counting its events twice`,
      });
      return false;
    }
    return true;
  });
  kept.sort(compareStoreOrder);
  return { files: kept, problems };
}

function compareStoreOrder(a: PlannedFile, b: PlannedFile): number {
  if (a.day && b.day) return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  if (a.day) return -1;
  if (b.day) return 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function describeKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
