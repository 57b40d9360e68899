/**
 * A projection module in `event_store/projections/*.js` exports
 * `{ name, initialState, apply(state, event) }` (CommonJS, or `default`).
 * `initialState` may be a value or a function returning one; `apply` may
 * mutate and return the state or return a new one (returning `undefined`
 * keeps the mutated state).
 */
export interface LoadedProjection {
  readonly name: string;
  /** Absolute path of the module. */
  readonly file: string;
  /** Store-relative, `/`-separated (`projections/balances.js`): how errors name it. */
  readonly relativeFile: string;
}

export interface ProjectionLimits {
  /** Wall time for the whole run (load + every event), in ms. */
  readonly timeLimitMs?: number;
  /** Old-generation heap of the worker, in MB. */
  readonly maxMemoryMb?: number;
  /** Events per structured-clone message to the worker. */
  readonly batchSize?: number;
}

export const DEFAULT_PROJECTION_LIMITS: Required<ProjectionLimits> = Object.freeze({
  timeLimitMs: 10_000,
  maxMemoryMb: 256,
  batchSize: 500,
});

export interface ProjectionProblem {
  readonly file: string;
  readonly message: string;
}

export interface ProjectionLoadResult {
  readonly projections: readonly LoadedProjection[];
  /** Modules that could not be loaded (syntax error, wrong shape, time limit…); the others still work. */
  readonly problems: readonly ProjectionProblem[];
}

/** Why a projection run failed; `file` is store-relative. */
export class ProjectionError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`projection ${file}: ${reason}`);
    this.name = 'ProjectionError';
  }
}

export class ProjectionsNotAllowedError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      `${files.length} projection module(s) in the store (${files.join(', ')}) were not run: running them executes ` +
        'code from the store. Allow it only for a store you trust: open it in a trusted workspace, or pass ' +
        '--allow-projections to the eventbus command.',
    );
    this.name = 'ProjectionsNotAllowedError';
  }
}
