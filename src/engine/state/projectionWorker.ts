/**
 * Worker-thread entry that runs one store projection module. The worker
 * bounds cost: the spawner (projectionRunner.ts) gives it a memory limit and
 * terminates it at a wall-time limit. The module itself runs in a fresh
 * `node:vm` context (projectionSandbox.ts) that has no require, process,
 * timers, fs or network: it receives frozen event data and returns data.
 * Loading still needs explicit trust (Workspace Trust, --allow-projections).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromProjectionWorker, ProjectionWorkerData, ToProjectionWorker } from './projectionProtocol';
import { describeSandboxError, loadSandboxed, type SandboxedModule } from './projectionSandbox';

interface ProjectionShape {
  readonly name: string;
  readonly initialState: unknown;
  readonly apply: unknown;
  readonly helpers: SandboxedModule['helpers'];
}

function describe(error: unknown): string {
  return describeSandboxError(error);
}

function moduleShape(file: string): ProjectionShape | string {
  let loaded: SandboxedModule;
  try {
    loaded = loadSandboxed(fs.readFileSync(file, 'utf8'), file);
  } catch (error) {
    return `could not be loaded: ${describe(error)}`;
  }
  const candidate = loaded.exports;
  if (candidate === null || typeof candidate !== 'object') {
    return 'does not export an object; expected module.exports = { name, initialState, apply(state, event) }';
  }
  let name: unknown;
  let initialState: unknown;
  let apply: unknown;
  try {
    ({ name, initialState, apply } = candidate as Record<string, unknown>);
  } catch (error) {
    return `its exports cannot be read: ${describe(error)}`;
  }
  if (typeof apply !== 'function') return 'exports no apply(state, event) function';
  if (name !== undefined && typeof name !== 'string') return `exports a name that is not a string (${typeof name})`;
  return {
    name: typeof name === 'string' && name.length > 0 ? name : path.basename(file).replace(/\.c?js$/, ''),
    initialState,
    apply,
    helpers: loaded.helpers,
  };
}

function main(): void {
  const port = parentPort;
  if (!port) return;
  const send = (message: FromProjectionWorker): void => port.postMessage(message);
  const { file, describeOnly, startState, hasStartState } = workerData as ProjectionWorkerData;

  const shape = moduleShape(file);
  if (typeof shape === 'string') {
    send({ type: 'error', message: shape });
    return;
  }
  send({ type: 'ready', name: shape.name });
  if (describeOnly) {
    port.close();
    return;
  }

  let state: unknown;
  try {
    // A snapshot's state to start from (copied into the sandbox), else the projection's own initial state.
    state = hasStartState
      ? shape.helpers.clone(startState)
      : typeof shape.initialState === 'function' ? shape.helpers.call(shape.initialState) : shape.helpers.clone(shape.initialState);
  } catch (error) {
    send({ type: 'error', message: `initialState failed: ${describe(error)}` });
    return;
  }
  let applied = 0;
  let failed = false;
  port.on('message', (message: ToProjectionWorker) => {
    if (failed) return;
    if (message.type === 'batch') {
      for (const event of message.events) {
        try {
          // The event enters the sandbox as text, parsed and deep-frozen there: no host object crosses.
          const next = shape.helpers.call(shape.apply, state, shape.helpers.eventOf(JSON.stringify(event)));
          if (next !== undefined) state = next;
          applied++;
        } catch (error) {
          failed = true;
          send({
            type: 'error',
            message: `apply threw on event ${event.metadata?.event_id} (${event.event_type}, sequence ${event.metadata?.sequence_number}): ${describe(error)}`,
            eventId: event.metadata?.event_id,
          });
          return;
        }
      }
      send({ type: 'ack', applied });
      return;
    }
    try {
      send({ type: 'result', state, applied });
    } catch (error) {
      failed = true;
      send({ type: 'error', message: `its state cannot be returned (it must be plain data): ${describe(error)}` });
    }
    port.close();
  });
}

main();
