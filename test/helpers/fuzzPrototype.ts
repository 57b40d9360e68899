import assert from 'node:assert/strict';
import { isForbiddenKey } from '../../src/engine/model/safeMerge';

/**
 * Prototype pollution checks: Object.prototype (and Array.prototype) must
 * keep exactly their own properties, and engine-built objects must keep
 * the ordinary prototype with no `__proto__`/`constructor`/`prototype` own key.
 */

export interface PrototypeSnapshot {
  readonly object: readonly string[];
  readonly array: readonly string[];
}

export function snapshotPrototypes(): PrototypeSnapshot {
  return { object: Object.getOwnPropertyNames(Object.prototype).sort(), array: Object.getOwnPropertyNames(Array.prototype).sort() };
}

export function assertPrototypesUntouched(before: PrototypeSnapshot): void {
  assert.deepEqual(snapshotPrototypes(), before, 'Object.prototype or Array.prototype gained or lost a property');
  const probe: Record<string, unknown> = {};
  for (const name of ['polluted', 'isAdmin', 'x']) assert.equal(probe[name], undefined, `({}).${name} is inherited from a polluted prototype`);
}

/** Every object reachable from `value` has the ordinary prototype and no forbidden own key (walked without recursion). */
export function assertNoForbiddenKeys(value: unknown, where = 'state'): void {
  const pending: Array<[unknown, string]> = [[value, where]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, path] = next;
    if (node === null || typeof node !== 'object') continue;
    const proto = Object.getPrototypeOf(node) as unknown;
    assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${path} has a foreign prototype`);
    for (const key of Object.keys(node)) {
      if (!Array.isArray(node)) assert.ok(!isForbiddenKey(key), `${path} has the own key ${JSON.stringify(key)}`);
      pending.push([(node as Record<string, unknown>)[key], `${path}.${key}`]);
    }
  }
}
