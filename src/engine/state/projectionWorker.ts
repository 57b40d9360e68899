/**
 * Worker-thread entry that runs one store projection module. It exists so
 * that code from the store cannot stall or exhaust the process that owns
 * the store: the spawner (projectionRunner.ts) gives it a memory limit and
 * terminates it at a wall-time limit. It is NOT a sandbox: a module runs
 * with full Node privileges, which is why loading needs explicit trust.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { deepFreeze } from '../model/deepFreeze';
import type { Event } from '../model/event';
import type { FromProjectionWorker, ProjectionWorkerData, ToProjectionWorker } from './projectionProtocol';

interface ProjectionShape {
  readonly name: string;
  readonly initialState: unknown;
  readonly apply: (state: unknown, event: Event) => unknown;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function moduleShape(file: string): ProjectionShape | string {
  let loaded: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file) as unknown;
  } catch (error) {
    return `could not be loaded: ${describe(error)}`;
  }
  const candidate = (loaded as { default?: unknown } | null)?.default ?? loaded;
  if (candidate === null || typeof candidate !== 'object') {
    return 'does not export an object; expected module.exports = { name, initialState, apply(state, event) }';
  }
  const { name, initialState, apply } = candidate as Record<string, unknown>;
  if (typeof apply !== 'function') return 'exports no apply(state, event) function';
  if (name !== undefined && typeof name !== 'string') return `exports a name that is not a string (${typeof name})`;
  return {
    name: typeof name === 'string' && name.length > 0 ? name : path.basename(file).replace(/\.c?js$/, ''),
    initialState,
    apply: apply as ProjectionShape['apply'],
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
    state = hasStartState
      ? startState
      : typeof shape.initialState === 'function' ? (shape.initialState as () => unknown)() : structuredClone(shape.initialState ?? {});
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
          // Events are immutable everywhere else; keep that promise here too.
          deepFreeze(event);
          const next = shape.apply(state, event);
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
