import type { Event } from '../../model/event';
import { isForbiddenKey, isPlainObject, mergeInto, safeClone } from '../../model/safeMerge';
import type { Reducer, StateObject } from '../stateTypes';
import type { ReducerStep } from '../../model/foldSetting';

/**
 * Reducers written as data (`fold.reducers` in eventbus.config.json): each
 * event type lists steps — set, merge, append, increment, remove — on paths
 * of the state. Nothing is evaluated: a path segment `{data.symbol}` is
 * looked up in the event, values come from `from` (a path in the event) or
 * a literal `value`.
 */
export class DeclarativeReducerError extends Error {}

/** A dotted path into the event (`data.order.qty`, `metadata.source`, `event_type`). */
function lookup(event: Event, dotted: string): unknown {
  let current: unknown = event;
  for (const part of dotted.split('.')) {
    if (!isPlainObject(current) || isForbiddenKey(part) || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

/** The state path's segments for this event (`positions.{data.symbol}` → `['positions', 'BTCUSDT']`). */
function segments(path: string, event: Event): string[] {
  if (path === '') return [];
  // Dots inside `{…}` belong to the event path, not the state path.
  return (path.match(/\{[^}]*\}|[^.]+/g) ?? []).map((segment) => {
    const template = /^\{(.+)\}$/.exec(segment);
    if (!template) return segment;
    const value = lookup(event, template[1]);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new DeclarativeReducerError(`path "${path}": ${template[1]} is ${value === undefined ? 'missing' : 'not a string or number'} in the event`);
    }
    return String(value);
  });
}

/** The object at `parts` (created on the way), for writing its last key. */
function parentOf(state: StateObject, parts: readonly string[], path: string): StateObject {
  let current = state;
  for (const part of parts.slice(0, -1)) {
    if (isForbiddenKey(part)) throw new DeclarativeReducerError(`path "${path}" uses the forbidden key "${part}"`);
    const next = current[part];
    if (next === undefined) current[part] = {};
    else if (!isPlainObject(next)) throw new DeclarativeReducerError(`path "${path}": "${part}" holds ${JSON.stringify(next)}, not an object`);
    current = current[part] as StateObject;
  }
  return current;
}

function stepValue(step: ReducerStep, event: Event): unknown {
  return step.from !== undefined ? lookup(event, step.from) : step.value;
}

function applyStep(state: StateObject, step: ReducerStep, event: Event): void {
  const parts = segments(step.path, event);
  const value = stepValue(step, event);
  if (parts.length === 0) {
    if (step.op === 'merge' && isPlainObject(value)) mergeInto(state, value);
    else if (step.op === 'set' && isPlainObject(value)) {
      for (const key of Object.keys(state)) delete state[key];
      mergeInto(state, value);
    } else throw new DeclarativeReducerError(`"${step.op}" on the whole state needs an object value`);
    return;
  }
  const key = parts[parts.length - 1];
  if (isForbiddenKey(key)) throw new DeclarativeReducerError(`path "${step.path}" uses the forbidden key "${key}"`);
  const parent = parentOf(state, parts, step.path);
  const current = parent[key];
  switch (step.op) {
    case 'set':
      if (value !== undefined) parent[key] = safeClone(value);
      return;
    case 'merge':
      if (value === undefined) return;
      if (!isPlainObject(value)) throw new DeclarativeReducerError(`merge into "${step.path}" needs an object, got ${JSON.stringify(value)}`);
      if (!isPlainObject(current)) parent[key] = {};
      mergeInto(parent[key] as StateObject, value);
      return;
    case 'append':
      if (value === undefined) return;
      if (current === undefined) parent[key] = [];
      else if (!Array.isArray(current)) throw new DeclarativeReducerError(`append to "${step.path}": it holds ${JSON.stringify(current)}, not a list`);
      (parent[key] as unknown[]).push(safeClone(value));
      return;
    case 'increment': {
      const by = value === undefined && step.from === undefined ? 1 : value;
      if (typeof by !== 'number') throw new DeclarativeReducerError(`increment "${step.path}" by ${JSON.stringify(by)}: not a number`);
      if (current !== undefined && typeof current !== 'number') throw new DeclarativeReducerError(`increment "${step.path}": it holds ${JSON.stringify(current)}, not a number`);
      parent[key] = (current ?? 0) + by;
      return;
    }
    case 'remove':
      delete parent[key];
      return;
  }
}

/** One event type's steps as a reducer (mutates its private working state, as every reducer may). */
export function declarativeReducer(steps: readonly ReducerStep[]): Reducer {
  return (state, event) => {
    const target: StateObject = isPlainObject(state) ? (Object.isFrozen(state) ? (safeClone(state) as StateObject) : state) : {};
    for (const step of steps) applyStep(target, step, event);
    return target;
  };
}

/** Leaves the state as it is: types the reducers do not name, with `fallback: "ignore"`. */
export const ignoreReducer: Reducer = (state) => (isPlainObject(state) ? state : {});
