import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInspectorSavedState } from '../../src/shared/webviewProtocol';
import { DEFAULT_CHOICES, restoreChoices, sameSubject, toSavedState } from '../../src/webview/inspector/savedState';
import { StateCache } from '../../src/webview/inspector/stateCache';

describe('inspector saved state', () => {
  const choices = { mode: 'compare' as const, selectedSequence: 7, compareA: 2, compareB: 7, snapshotSequence: null, loadedCount: 1000 };

  it('saves a state the serializer accepts, holding positions and not states', () => {
    const saved = toSavedState({ aggregateId: 'order-1', store: '/w/event_store' }, choices);
    assert.equal(isInspectorSavedState(saved), true);
    assert.deepEqual(Object.keys(saved).sort(), ['compareA', 'compareB', 'loadedCount', 'mode', 'selectedSequence', 'snapshotSequence', 'subject', 'version']);
    assert.deepEqual(JSON.parse(JSON.stringify(saved)), saved, 'survives the trip to disk');
    assert.deepEqual(toSavedState({ aggregateId: 'a', store: '/w/event_store' }, DEFAULT_CHOICES).subject, { aggregateId: 'a', store: '/w/event_store' });
  });

  it('restores the choices for the same aggregate, and defaults for another', () => {
    const saved = toSavedState({ aggregateId: 'order-1', store: '/w/event_store' }, choices);
    assert.deepEqual(restoreChoices(saved, { aggregateId: 'order-1', store: '/w/event_store' }), choices);
    assert.deepEqual(restoreChoices(saved, { aggregateId: 'order-2', store: '/w/event_store' }), DEFAULT_CHOICES);
    assert.deepEqual(restoreChoices(saved, { aggregateId: 'order-1', store: '/other' }), DEFAULT_CHOICES, 'the same id in another store is another aggregate');
    assert.deepEqual(restoreChoices(undefined, { aggregateId: 'order-1', store: '/w/event_store' }), DEFAULT_CHOICES);
  });

  it('lets the command’s focus sequence win over the saved selection', () => {
    const saved = toSavedState({ aggregateId: 'order-1', store: '/w/event_store' }, choices);
    const restored = restoreChoices(saved, { aggregateId: 'order-1', store: '/w/event_store', focusSequence: 3 });
    assert.equal(restored.selectedSequence, 3);
    assert.equal(restored.mode, 'step');
    assert.equal(restored.compareA, 2, 'the A/B picks are kept');
    assert.equal(sameSubject({ aggregateId: 'a', store: '/w/event_store' }, { aggregateId: 'a', store: '/w/event_store' }), true);
    assert.equal(sameSubject({ aggregateId: 'a', store: '/w/event_store' }, { aggregateId: 'a', store: '/v/event_store' }), false);
  });
});

describe('state cache', () => {
  it('shares one fetch per sequence, drops the least recently used, and retries failures', async () => {
    const fetched: number[] = [];
    let fail = true;
    const cache = new StateCache<number>(async (sequence) => {
      fetched.push(sequence);
      if (sequence === 99 && fail) throw new Error('rebuild failed');
      return sequence * 10;
    }, 2);
    assert.equal(await cache.get(1), 10);
    assert.equal(await cache.get(1), 10);
    await cache.get(2);
    await cache.get(1); // 1 is now the most recent
    await cache.get(3); // evicts 2
    await cache.get(1);
    await cache.get(2);
    assert.deepEqual(fetched, [1, 2, 3, 2]);
    await assert.rejects(cache.get(99), /rebuild failed/);
    fail = false;
    assert.equal(await cache.get(99), 990, 'a failed rebuild is asked again');
  });
});
