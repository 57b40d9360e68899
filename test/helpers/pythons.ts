import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PythonInterpreter {
  readonly command: string;
  /** `3.10.13` */
  readonly version: string;
  readonly minor: number;
}

/** Folders holding Python executables: PATH, and pyenv's installed versions (its shims only run the selected one). */
function pythonFolders(): string[] {
  const folders = (process.env.PATH ?? '').split(path.delimiter);
  const pyenvRoot = process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv');
  try {
    for (const version of fs.readdirSync(path.join(pyenvRoot, 'versions'))) folders.push(path.join(pyenvRoot, 'versions', version, 'bin'));
  } catch {
    // No pyenv.
  }
  return folders;
}

/**
 * Every distinct Python 3 on PATH or installed by pyenv (`python3`, `python3.N`), from 3.7 on
 * (the first with `datetime.fromisoformat`), oldest first. Empty when there
 * is none: the tests that need one then skip, saying so.
 */
export function findPythons(): PythonInterpreter[] {
  const byVersion = new Map<string, PythonInterpreter>();
  for (const dir of pythonFolders()) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /^python3(\.\d+)?$/.test(n)).sort()) {
      const command = path.join(dir, name);
      const run = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 10_000 });
      const version = run.status === 0 ? run.stdout.trim() : '';
      const match = /^3\.(\d+)\.\d+$/.exec(version);
      if (!match || Number(match[1]) < 7 || byVersion.has(version)) continue;
      byVersion.set(version, { command, version, minor: Number(match[1]) });
    }
  }
  return [...byVersion.values()].sort((a, b) => a.minor - b.minor || a.version.localeCompare(b.version, undefined, { numeric: true }));
}
