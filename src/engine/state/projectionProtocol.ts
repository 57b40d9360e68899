import type { Event } from '../model/event';

/** Given to the worker at start. */
export interface ProjectionWorkerData {
  readonly file: string;
  /** Only load the module and report its name (no events follow). */
  readonly describeOnly: boolean;
  /** The state to start from (a snapshot's) instead of the module's initialState. */
  readonly startState?: unknown;
  readonly hasStartState?: boolean;
}

/** Main thread → worker. */
export type ToProjectionWorker =
  | { readonly type: 'batch'; readonly events: readonly Event[] }
  | { readonly type: 'finish' };

/** Worker → main thread. */
export type FromProjectionWorker =
  | { readonly type: 'ready'; readonly name: string }
  | { readonly type: 'ack'; readonly applied: number }
  | { readonly type: 'result'; readonly state: unknown; readonly applied: number }
  | { readonly type: 'error'; readonly message: string; readonly eventId?: string };
