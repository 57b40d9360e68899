import * as path from 'node:path';
import { findProjection, listProjectionFiles, loadProjections } from '../../engine/state/projectionLoader';
import { DEFAULT_PROJECTION_LIMITS, type LoadedProjection, type ProjectionLimits } from '../../engine/state/projectionTypes';
import { PROJECTION_REFUSED_MESSAGE, type ProjectionsResult, type RebuildParams } from '../../shared/protocol';

/** The name a module file is offered under before it is run: its file name without `.js` / `.cjs`. */
export function projectionFileName(relativeFile: string): string {
  return path.posix.basename(relativeFile).replace(/\.c?js$/, '');
}

/** The store's projection modules, by file: nothing is loaded or run. */
export async function listProjections(root: string, enabled: boolean): Promise<ProjectionsResult> {
  const files = [...(await listProjectionFiles(root))];
  return { files, names: files.map(projectionFileName), enabled };
}

/**
 * The projection a rebuild asked for, after the two gates: the folder's
 * `eventbus.projections.enabled` and the client's workspace trust. Loading
 * runs each module once in a worker (with the same limits) to learn its
 * `name`; `requested` may be that name or the module's file name.
 */
export async function requireProjection(
  root: string,
  params: RebuildParams,
  projectionsEnabled: boolean,
): Promise<{ projection: LoadedProjection; limits: ProjectionLimits }> {
  const requested = params.projection as string;
  if (!projectionsEnabled || params.trusted !== true) {
    const why = !projectionsEnabled ? 'eventbus.projections.enabled is off for this folder' : 'the client reported an untrusted workspace, or sent no "trusted": true';
    throw new Error(`Rebuilding through projection "${requested}" ${PROJECTION_REFUSED_MESSAGE} (${why})`);
  }
  const limits = projectionLimitsOf(params.projectionTimeLimitMs);
  const loaded = await loadProjections(root, { allowCodeExecution: true, limits });
  const byFile = loaded.projections.find((p) => projectionFileName(p.relativeFile) === requested);
  if (byFile && !loaded.projections.some((p) => p.name === requested)) return { projection: byFile, limits };
  try {
    return { projection: findProjection(loaded, requested), limits };
  } catch (error) {
    const broken = loaded.problems.find((p) => projectionFileName(p.file) === requested);
    if (broken) throw new Error(`projection ${broken.file} cannot be loaded: ${broken.message}`);
    throw error;
  }
}

/** A caller may shorten the time limit (tests, an impatient view), never lengthen it. */
function projectionLimitsOf(timeLimitMs: number | undefined): ProjectionLimits {
  if (typeof timeLimitMs !== 'number' || !Number.isFinite(timeLimitMs)) return {};
  return { timeLimitMs: Math.min(DEFAULT_PROJECTION_LIMITS.timeLimitMs, Math.max(100, Math.floor(timeLimitMs))) };
}
