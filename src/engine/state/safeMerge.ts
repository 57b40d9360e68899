/**
 * Deep merge and deep copy for state built from untrusted event data.
 * Keys that could reach a prototype (`__proto__`, `constructor`,
 * `prototype`) are skipped everywhere: `JSON.parse` turns `"__proto__"` into
 * an own key, and assigning it would re-parent the state object.
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

/**
 * A mutable copy of JSON-like data (objects, arrays, scalars), without
 * forbidden keys. Event data is deep-frozen, so merged values must be copies
 * or a later merge into them would throw.
 */
export function safeClone(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(safeClone);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    out[key] = safeClone((value as Record<string, unknown>)[key]);
  }
  return out;
}

/**
 * Merges `source` into `target` in place: objects merge recursively, arrays
 * and scalars replace. `target` must be a mutable object the caller owns.
 * `skipKey` is skipped at this level only.
 */
export function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, skipKey?: string): void {
  for (const key of Object.keys(source)) {
    if (FORBIDDEN_KEYS.has(key) || key === skipKey) continue;
    const incoming = source[key];
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (isPlainObject(incoming) && isPlainObject(current)) mergeInto(current, incoming);
    else target[key] = safeClone(incoming);
  }
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
