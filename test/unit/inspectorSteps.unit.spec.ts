import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateJump } from '../../src/webview/inspector/jumpToSequence';
import {
  addPage,
  EMPTY_STEPS,
  hasMore,
  indexOfSequence,
  nextPage,
  positionLabel,
  sequenceBefore,
  stepFlags,
  stepLabel,
  type StepList,
} from '../../src/webview/inspector/stepList';
import { step } from './inspectorFixtures';

function list(sequences: (number | null)[], total = sequences.length): StepList {
  return { steps: sequences.map((s) => step(s)), total };
}

describe('inspector step list', () => {
  it('appends pages in order and asks for the next one until every step is there', () => {
    let steps = addPage(EMPTY_STEPS, { offset: 0, total: 5, steps: [step(1), step(2)] });
    assert.deepEqual(nextPage(steps, 2), { offset: 2, limit: 2 });
    steps = addPage(steps, { offset: 2, total: 5, steps: [step(3), step(4)] });
    assert.deepEqual(nextPage(steps, 2), { offset: 4, limit: 1 }, 'the last page asks only for what is left');
    steps = addPage(steps, { offset: 4, total: 5, steps: [step(5)] });
    assert.equal(hasMore(steps), false);
    assert.equal(nextPage(steps, 2), undefined);
    assert.deepEqual(steps.steps.map((s) => s.sequence), [1, 2, 3, 4, 5]);
  });

  it('takes only the total from a page that would leave a hole, and replaces from an earlier offset', () => {
    const two = list([1, 2], 2);
    const grown = addPage(two, { offset: 10, total: 11, steps: [step(11)] });
    assert.deepEqual(grown.steps.map((s) => s.sequence), [1, 2]);
    assert.equal(grown.total, 11);
    const reread = addPage(list([1, 2, 3]), { offset: 1, total: 3, steps: [step(20), step(30)] });
    assert.deepEqual(reread.steps.map((s) => s.sequence), [1, 20, 30]);
  });

  it('finds the state before a step: the previous step with a sequence, or one less than the first', () => {
    const steps = list([3, null, 7, 9]);
    assert.equal(sequenceBefore(steps, 0), 2);
    assert.equal(sequenceBefore(steps, 2), 3, 'skips the step without a sequence');
    assert.equal(sequenceBefore(steps, 3), 7);
    assert.equal(sequenceBefore(steps, 1), null, 'a step without a sequence has no state');
    assert.equal(indexOfSequence(steps, 7), 2);
    assert.equal(indexOfSequence(steps, 8), -1);
  });

  it('labels steps and positions', () => {
    assert.equal(stepLabel(step(12, { type: 'OrderShipped' })), '#12 OrderShipped');
    assert.equal(stepLabel(step(null)), '#– OrderPlaced');
    assert.equal(positionLabel(list([1, 2, 3]), 1), 'step 2 of 3');
    // The position is in the whole aggregate, not in what is loaded (#14: no "500 loaded of 10,234").
    assert.equal(positionLabel(list([1, 2], 1200), 0), 'step 1 of 1,200');
    assert.equal(positionLabel(list([1, 2], 1200), 1099, true), 'step 1,100 of 1,200 (loading…)');
    assert.equal(positionLabel(EMPTY_STEPS, null), 'no events');
    assert.deepEqual(stepFlags(step(1, { status: 'failed', retryCount: 2 })), ['failed', 'retried 2×']);
    assert.deepEqual(stepFlags(step(1)), []);
  });
});

describe('jump to sequence', () => {
  const steps = list([1, 2, 5, 6]);

  it('accepts a sequence that exists and names its index', () => {
    assert.deepEqual(validateJump(' 5 ', steps), { kind: 'ok', index: 2 });
  });

  it('says what is wrong with what was typed', () => {
    const empty = validateJump('', steps);
    assert.equal(empty.kind, 'invalid');
    const word = validateJump('abc', steps);
    assert.ok(word.kind === 'invalid' && word.message.includes('"abc" is not a sequence number'), JSON.stringify(word));
    const fraction = validateJump('2.5', steps);
    assert.equal(fraction.kind, 'invalid');
    const missing = validateJump('3', steps);
    assert.ok(missing.kind === 'invalid' && missing.message.includes('from 1 to 6, with gaps'), JSON.stringify(missing));
    const huge = validateJump('99999999999999999999', steps);
    assert.ok(huge.kind === 'invalid' && huge.message.includes('too large'));
  });

  it('asks for more pages when the sequence may be on one not loaded yet', () => {
    const partial = list([1, 2, 3], 1000);
    assert.deepEqual(validateJump('900', partial), { kind: 'loadMore', sequence: 900 });
    assert.equal(validateJump('0', partial).kind, 'invalid', 'below the loaded range cannot be on a later page');
  });
});
