import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { deepFreeze } from '../../src/engine/model/deepFreeze';

/** `{ "a": { "a": … } }` nested `depth` deep, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  at.leaf = [1, { x: 2 }];
  return root;
}

function innermost(value: Record<string, unknown>): Record<string, unknown> {
  let at = value;
  while (at.a) at = at.a as Record<string, unknown>;
  return at;
}

describe('deep freezing of events from systems we do not control', () => {
  it('freezes data nested 100,000 deep without overflowing the stack, down to the innermost array', () => {
    const data = nested(100_000);
    const event = createEvent('deep_event', data);
    const leaf = innermost(event.data as Record<string, unknown>);
    assert.equal(Object.isFrozen(leaf), true);
    assert.equal(Object.isFrozen(leaf.leaf), true);
    assert.equal(Object.isFrozen((leaf.leaf as unknown[])[1]), true);
    assert.throws(() => {
      'use strict';
      (leaf as { leaf: unknown }).leaf = 'changed';
    }, TypeError);
    assert.equal(Object.isFrozen(event.metadata), true);
  });

  it('freezes a part shared by two keys, and leaves primitives alone', () => {
    const shared = { n: 1, list: [{ m: 2 }] };
    const value = deepFreeze({ left: shared, right: shared });
    assert.equal(Object.isFrozen(value.right.list[0]), true);
    assert.equal(deepFreeze(5), 5);
    assert.equal(deepFreeze(null), null);
  });
});
