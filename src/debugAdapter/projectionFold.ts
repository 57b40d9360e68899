import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Event } from '../engine/model/event';
import { deepFreeze } from '../engine/model/safeMerge';
import { findProjection, loadProjections } from '../engine/state/projectionLoader';
import type { LoadedProjection } from '../engine/state/projectionTypes';
import { rebuildFromEvents } from '../engine/state/rebuild';
import type { EventStorage } from '../engine/store/storage';
import type { StatePair } from './aggregateStates';

/** States kept per session (each costs a projection run in its worker). */
const KEPT_STATES = 32;

/** The child debug session "Step Into the fold" asks for: Node, on the runner, for one apply(). */
export interface FoldStepRequest {
  readonly projection: string;
  readonly configuration: {
    readonly type: 'node';
    readonly request: 'launch';
    readonly name: string;
    readonly program: string;
    readonly args: readonly string[];
    readonly cwd: string;
    readonly console: 'internalConsole';
    readonly skipFiles: readonly string[];
  };
}

/**
 * A store whose fold is a projection module (projections/*.js). Its code
 * runs only when the session allows it (the editor passes
 * `allowProjections` only in a trusted workspace); then states come from
 * the engine's sandboxed projection run (worker, time and memory limits),
 * and Step Into can open the module's own apply() in a child Node debug
 * session. Without that allowance nothing of the module runs, no state is
 * shown, and `blocked` says why.
 */
export class ProjectionFold {
  private readonly states = new Map<string, StatePair>();
  private workDir?: string;
  private steps = 0;

  private constructor(
    readonly name: string,
    private readonly storage: EventStorage,
    readonly loaded: LoadedProjection | undefined,
    /** Why the projection cannot run here (undefined when it can). */
    readonly blocked: string | undefined,
  ) {}

  static async open(storage: EventStorage, storeRoot: string, name: string, allowed: boolean): Promise<ProjectionFold> {
    if (!allowed) {
      return new ProjectionFold(
        name,
        storage,
        undefined,
        `the store's fold is the projection "${name}": its code runs only when projections are allowed (a trusted workspace, or "allowProjections": true for other DAP clients), so the debugger shows no state and cannot step into it`,
      );
    }
    try {
      const loaded = findProjection(await loadProjections(storeRoot, { allowCodeExecution: true }), name);
      return new ProjectionFold(name, storage, loaded, undefined);
    } catch (error) {
      return new ProjectionFold(name, storage, undefined, `the store's projection "${name}" could not be loaded: ${(error as Error).message}`);
    }
  }

  /** The projection's state before and after the aggregate's event (sandboxed runs, cached); undefined when it cannot run. */
  async around(aggregateId: string, sequence: number, previousSequence: number | undefined): Promise<StatePair | undefined> {
    if (!this.loaded || !Number.isFinite(sequence)) return undefined;
    const key = `${aggregateId}\u0000${sequence}`;
    const kept = this.states.get(key);
    if (kept) return kept;
    const loaded = this.loaded;
    const stateAt = async (at: number): Promise<unknown> => (await rebuildFromEvents(this.storage, aggregateId, { atSequence: at, projection: loaded })).state;
    // Before the aggregate's first event: the projection's initial state (a run over no events).
    const [before, after] = await Promise.all([stateAt(previousSequence ?? sequence - 1), stateAt(sequence)]);
    const pair: StatePair = { before: deepFreeze(before), after: deepFreeze(after) };
    this.states.set(key, pair);
    if (this.states.size > KEPT_STATES) this.states.delete(this.states.keys().next().value as string);
    return pair;
  }

  /**
   * Writes the runner and this step's input (the state before and the
   * event), and says which child session to start. The runner calls the
   * module's apply(state, event) under a `debugger` statement: Step Into
   * there enters the projection's own source.
   *
   * Why running the module unsandboxed there is safe: it happens only when
   * the session allows projections, which the editor grants only in a
   * trusted workspace (the same trust that lets a launch.json run any
   * program of the workspace), and only on the user's explicit Step Into;
   * everywhere else the projection runs in the engine's sandbox.
   */
  prepareStep(stateBefore: unknown, event: Event, label: string): FoldStepRequest | undefined {
    if (!this.loaded) return undefined;
    this.workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-fold-'));
    const runner = path.join(this.workDir, 'apply-runner.js');
    if (!fs.existsSync(runner)) fs.writeFileSync(runner, RUNNER_SOURCE);
    const input = path.join(this.workDir, `step-${++this.steps}.json`);
    fs.writeFileSync(input, JSON.stringify({ state: stateBefore ?? {}, event }));
    return {
      projection: this.name,
      configuration: {
        type: 'node',
        request: 'launch',
        name: `${this.name}.apply(state, event) · ${label}`,
        program: runner,
        args: [this.loaded.file, input],
        cwd: path.dirname(this.loaded.file),
        console: 'internalConsole',
        skipFiles: ['<node_internals>/**'],
      },
    };
  }

  close(): void {
    if (this.workDir) fs.rmSync(this.workDir, { recursive: true, force: true });
    this.workDir = undefined;
  }
}

/** The child session's program: one apply() of the projection, the state and event as locals, the new state printed. */
const RUNNER_SOURCE = `'use strict';
// Written by the eventbus debugger for "Step Into" on an event: runs one apply() of a store projection under the Node debugger.
const fs = require('fs');
const [moduleFile, inputFile] = process.argv.slice(2);
const { state, event } = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
const loaded = require(moduleFile);
const projection = loaded && loaded.default ? loaded.default : loaded;
// Step Into (F11) here enters the projection's apply(state, event).
debugger;
const returned = projection.apply(state, event);
const next = returned === undefined ? state : returned;
process.stdout.write(JSON.stringify(next) + '\\n');
`;
