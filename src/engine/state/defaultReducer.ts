import type { Event } from '../model/event';
import { isPlainObject, mergeInto, safeClone, shallowCopy } from '../model/safeMerge';
import type { StateMeta, StateObject } from './stateTypes';

export const META_KEY = '_meta';

/**
 * The reducer used for any event type without its own: deep-merges the
 * event's `data` into the state (objects recursively, arrays and scalars
 * replace) and records the event in `_meta`.
 *
 * Mutates and returns `state` when it is a plain object (the rebuild passes
 * its private working copy); a frozen state (a rebuild result) is copied
 * first, and anything else is replaced by a fresh object.
 * `data` that is not an object (a number, a list, null) is kept whole under
 * `value`, since there are no keys to merge. A `_meta` key inside `data` is
 * ignored: `_meta` belongs to the rebuild.
 */
export function defaultReducer(state: unknown, event: Event): StateObject {
  // A frozen state (handed out, or a rebuild result) is copied on write: the top level here, deeper paths as the data reaches them; untouched parts stay shared.
  const target: StateObject = isPlainObject(state) ? (Object.isFrozen(state) ? (shallowCopy(state) as StateObject) : state) : {};
  const data = event.data;
  if (isPlainObject(data)) {
    mergeInto(target, data, META_KEY);
  } else if (data !== undefined) {
    target.value = safeClone(data);
  }
  return recordMeta(target, event);
}

/** Updates `_meta` for one more folded event (also used after custom reducers). */
export function recordMeta(state: StateObject, event: Event): StateObject {
  const previous = state[META_KEY];
  const count = isPlainObject(previous) && typeof previous.event_count === 'number' ? previous.event_count : 0;
  const meta: StateMeta = {
    last_event_type: event.event_type,
    sequence_number: event.metadata.sequence_number,
    timestamp: event.metadata.timestamp,
    event_id: event.metadata.event_id,
    event_count: count + 1,
  };
  state[META_KEY] = meta;
  return state;
}

/** `_meta` of a state, when it has one. */
export function stateMeta(state: unknown): Partial<StateMeta> | undefined {
  if (!isPlainObject(state)) return undefined;
  const meta = state[META_KEY];
  return isPlainObject(meta) ? (meta as Partial<StateMeta>) : undefined;
}
