import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root: the nearest folder above this file with a package.json (works from src and from out/). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
