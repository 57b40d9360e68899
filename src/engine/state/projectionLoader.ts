import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECTIONS_DIR } from '../store/layout';
import { describeProjection } from './projectionRunner';
import {
  ProjectionError,
  ProjectionsNotAllowedError,
  type LoadedProjection,
  type ProjectionLimits,
  type ProjectionLoadResult,
  type ProjectionProblem,
} from './projectionTypes';

export interface LoadProjectionsOptions {
  /**
   * Projection modules are code from the store. The caller decides whether
   * that store is trusted (a trusted VS Code workspace, the CLI's
   * `--allow-projections`); without it nothing is executed.
   */
  readonly allowCodeExecution: boolean;
  readonly limits?: ProjectionLimits;
}

/** `projections/*.js` (and `.cjs`) of the store, sorted; empty when the folder is absent. */
export async function listProjectionFiles(storeRoot: string): Promise<readonly string[]> {
  const dir = path.join(storeRoot, PROJECTIONS_DIR);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.c?js$/.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => `${PROJECTIONS_DIR}/${entry.name}`)
    .sort();
}

/**
 * The store's projection modules, each loaded once in a worker to learn its
 * name and check its shape. Throws ProjectionsNotAllowedError when modules
 * exist but code execution is not allowed; a broken module is reported in
 * `problems` and the others still load.
 */
export async function loadProjections(storeRoot: string, options: LoadProjectionsOptions): Promise<ProjectionLoadResult> {
  const files = await listProjectionFiles(storeRoot);
  if (files.length === 0) return { projections: [], problems: [] };
  if (!options.allowCodeExecution) throw new ProjectionsNotAllowedError(files);
  const projections: LoadedProjection[] = [];
  const problems: ProjectionProblem[] = [];
  for (const relativeFile of files) {
    const file = path.join(storeRoot, ...relativeFile.split('/'));
    try {
      const name = await describeProjection(file, relativeFile, options.limits);
      const clash = projections.find((p) => p.name === name);
      if (clash) problems.push({ file: relativeFile, message: `projection name "${name}" is already used by ${clash.relativeFile}; this one is skipped` });
      else projections.push({ name, file, relativeFile });
    } catch (error) {
      problems.push({ file: relativeFile, message: error instanceof ProjectionError ? error.reason : String(error) });
    }
  }
  return { projections, problems };
}

/** The projection with that name, or a clear error listing the names there are. */
export function findProjection(result: ProjectionLoadResult, name: string): LoadedProjection {
  const found = result.projections.find((p) => p.name === name);
  if (found) return found;
  const known = result.projections.map((p) => p.name);
  throw new Error(`no projection named "${name}" (the store has: ${known.length > 0 ? known.join(', ') : 'none'})`);
}
