import type { Event } from '../../model/event';
import { isForbiddenKey, isPlainObject, safeClone, shallowCopy } from '../../model/safeMerge';
import type { StateObject } from '../stateTypes';

/**
 * Python's `state.update(event.data)`: each top-level key of the data
 * replaces the state's (no recursion). Data that is not an object is kept
 * under `value`, since there are no keys to update with.
 */
export function shallowReducer(state: unknown, event: Event): StateObject {
  // A frozen state (handed out, or a rebuild result) is copied on write: the top level here, deeper paths as the data reaches them; untouched parts stay shared.
  const target: StateObject = isPlainObject(state) ? (Object.isFrozen(state) ? (shallowCopy(state) as StateObject) : state) : {};
  const data = event.data;
  if (isPlainObject(data)) {
    for (const key of Object.keys(data)) if (!isForbiddenKey(key)) target[key] = safeClone(data[key]);
  } else if (data !== undefined) {
    target.value = safeClone(data);
  }
  return target;
}
