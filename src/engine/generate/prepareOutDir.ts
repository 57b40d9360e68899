import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, EVENTS_DIR, SCHEMAS_DIR, SNAPSHOTS_DIR } from '../store/layout';

/** The generator's folders; `force` removes only these, never anything else the user keeps there. */
const GENERATED_DIRS = [EVENTS_DIR, SNAPSHOTS_DIR, SCHEMAS_DIR, CACHE_DIR];

/**
 * Leftover files from an earlier run would mix with the new ones (and break
 * byte-identical output), so an existing store is refused unless `force`.
 */
export function prepareOutDir(outDir: string, force: boolean): void {
  if (fs.existsSync(outDir)) {
    if (!fs.statSync(outDir).isDirectory()) throw new Error(`${outDir}: exists and is not a folder`);
    const existing = GENERATED_DIRS.filter((dir) => {
      const full = path.join(outDir, dir);
      return fs.existsSync(full) && fs.readdirSync(full).length > 0;
    });
    if (existing.length > 0) {
      if (!force) {
        throw new OutDirHoldsStoreError(outDir, existing);
      }
      for (const dir of GENERATED_DIRS) fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
}

/** The folder already holds a store: the generator never replaces one unasked (each caller says how to ask: the CLI's --force). */
export class OutDirHoldsStoreError extends Error {
  constructor(
    readonly outDir: string,
    readonly existing: readonly string[],
  ) {
    super(`${outDir}: already holds a store (${existing.join(', ')}); choose an empty folder, or move that store away first`);
    this.name = 'OutDirHoldsStoreError';
  }
}
