export { deepFreeze } from './deepFreeze';
/**
 * Deep merge and deep copy for state built from untrusted event data.
 * Keys that could reach a prototype (`__proto__`, `constructor`,
 * `prototype`) are skipped everywhere: `JSON.parse` turns `"__proto__"` into
 * an own key, and assigning it would re-parent the state object.
 *
 * Every walk here uses an explicit stack, not recursion: JSON.parse accepts
 * data nested 100,000 deep, and a recursive walk would overflow the call
 * stack on it.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

type Container = Record<string, unknown> | unknown[];

/** A fresh empty container of the same kind as `value`, or the value itself when it is a scalar. */
function shell(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Array.isArray(value) ? new Array<unknown>(value.length) : {};
}

/**
 * A mutable copy of JSON-like data (objects, arrays, scalars), without
 * forbidden keys. Event data is deep-frozen, so merged values must be copies
 * or a later merge into them would throw.
 */
export function safeClone(value: unknown): unknown {
  const root = shell(value);
  if (root === value) return value;
  const pending: Array<[source: Container, copy: Container]> = [[value as Container, root as Container]];
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    const [source, copy] = job;
    if (Array.isArray(source)) {
      const out = copy as unknown[];
      for (let i = 0; i < source.length; i++) out[i] = copyChild(source[i], pending);
      continue;
    }
    const out = copy as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      out[key] = copyChild(source[key], pending);
    }
  }
  return root;
}

function copyChild(child: unknown, pending: Array<[Container, Container]>): unknown {
  const copy = shell(child);
  if (copy !== child) pending.push([child as Container, copy as Container]);
  return copy;
}

/**
 * A mutable copy of one object's own keys (without forbidden keys) whose
 * values are shared, not copied: the copy-on-write step that lets a fold
 * from a frozen state copy only the paths an event changes.
 */
export function shallowCopy(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!FORBIDDEN_KEYS.has(key)) copy[key] = value[key];
  return copy;
}

/**
 * Merges `source` into `target` in place: objects merge recursively, arrays
 * and scalars replace. `target` must be a mutable object the caller owns;
 * an object inside it that is frozen (shared with an earlier, handed-out
 * state) is copied before it is merged into, so the earlier state never
 * changes. `skipKey` is skipped at the top level only.
 */
export function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, skipKey?: string): void {
  const pending: Array<[target: Record<string, unknown>, source: Record<string, unknown>, skipKey: string | undefined]> = [[target, source, skipKey]];
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    const [into, from, skip] = job;
    for (const key of Object.keys(from)) {
      if (FORBIDDEN_KEYS.has(key) || key === skip) continue;
      const incoming = from[key];
      const current = Object.prototype.hasOwnProperty.call(into, key) ? into[key] : undefined;
      if (isPlainObject(incoming) && isPlainObject(current)) {
        const writable = Object.isFrozen(current) ? shallowCopy(current) : current;
        if (writable !== current) into[key] = writable;
        pending.push([writable, incoming, undefined]);
      }
      else into[key] = safeClone(incoming);
    }
  }
}

