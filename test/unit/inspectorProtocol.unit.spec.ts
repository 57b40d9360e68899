import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isInspectorSavedState,
  isReplyMessage,
  ReadyCommand,
  replyError,
  replyOk,
  SnapshotDriftRequest,
  StateRequest,
  StepsAppendedNotification,
  StepsRequest,
  SubjectNotification,
  subjectOfSavedState,
} from '../../src/shared/webviewProtocol';
import { step } from './inspectorFixtures';

describe('webview protocol guards', () => {
  it('accepts each message only with its own method, kind and params', () => {
    const ready = ReadyCommand.create({});
    assert.equal(ReadyCommand.is(ready), true);
    assert.equal(ReadyCommand.is({ ...ready, kind: 'notification' }), false);
    assert.equal(ReadyCommand.is({ ...ready, method: 'webview/other' }), false);

    const request = StepsRequest.create(7, { offset: 0, limit: 500 });
    assert.deepEqual(request, { kind: 'request', id: 7, method: 'inspector/steps', params: { offset: 0, limit: 500 } });
    assert.equal(StepsRequest.is(request), true);
    assert.equal(StateRequest.is(request), false, 'a steps request is not a state request');
  });

  it('rejects requests whose params are out of range or of the wrong type', () => {
    assert.equal(StepsRequest.is(StepsRequest.create(1, { offset: -1, limit: 10 })), false);
    assert.equal(StepsRequest.is(StepsRequest.create(1, { offset: 0, limit: 0 })), false);
    assert.equal(StepsRequest.is(StepsRequest.create(1, { offset: 0, limit: 10_001 })), false);
    assert.equal(StepsRequest.is({ kind: 'request', id: 1, method: 'inspector/steps', params: { offset: '0', limit: 10 } }), false);
    assert.equal(StateRequest.is({ kind: 'request', id: 1, method: 'inspector/state', params: { atSequence: 1.5 } }), false);
    assert.equal(StateRequest.is({ kind: 'request', id: 'x', method: 'inspector/state', params: { atSequence: 1 } }), false);
    assert.equal(SnapshotDriftRequest.is(SnapshotDriftRequest.create(2, { sequenceNumber: 5, file: 'snapshots/a.json' })), true);
    assert.equal(SnapshotDriftRequest.is({ kind: 'request', id: 2, method: 'inspector/snapshotDrift', params: { sequenceNumber: 5 } }), false);
  });

  it('checks notifications deeply: every step of an appended page must be a step', () => {
    const good = StepsAppendedNotification.create({ offset: 2, total: 3, steps: [step(3)] });
    assert.equal(StepsAppendedNotification.is(good), true);
    const badStep = { ...step(3), sequence: '3' };
    assert.equal(StepsAppendedNotification.is({ ...good, params: { offset: 2, total: 3, steps: [badStep] } }), false);
    assert.equal(SubjectNotification.is(SubjectNotification.create({ aggregateId: 'order-1', store: '/w', focusSequence: 4 })), true);
    assert.equal(SubjectNotification.is({ kind: 'notification', method: 'inspector/subject', params: { aggregateId: 5 } }), false);
    assert.equal(SubjectNotification.is(null), false);
  });

  it('tells replies apart: ok replies carry a result, error replies a message', () => {
    assert.equal(isReplyMessage(replyOk(3, { a: 1 })), true);
    assert.equal(isReplyMessage(replyOk(3, null)), true);
    assert.equal(isReplyMessage(replyError(3, 'no such aggregate')), true);
    assert.equal(isReplyMessage({ kind: 'reply', id: 3, ok: true }), false, 'an ok reply without a result');
    assert.equal(isReplyMessage({ kind: 'reply', id: 3, ok: false }), false, 'an error reply without a message');
    assert.equal(isReplyMessage({ kind: 'reply', ok: true, result: 1 }), false, 'a reply without an id');
  });

  it('recognises a saved state and its subject, and nothing else', () => {
    const saved = {
      version: 1,
      subject: { aggregateId: 'order-1', store: '/w/event_store' },
      mode: 'compare',
      selectedSequence: 4,
      compareA: 1,
      compareB: 4,
      snapshotSequence: null,
      loadedCount: 500,
    };
    assert.equal(isInspectorSavedState(saved), true);
    assert.deepEqual(subjectOfSavedState(saved), { aggregateId: 'order-1', store: '/w/event_store' });
    assert.equal(isInspectorSavedState({ ...saved, version: 2 }), false);
    assert.equal(isInspectorSavedState({ ...saved, mode: 'other' }), false);
    assert.equal(subjectOfSavedState({ ...saved, subject: { store: '/w' } }), undefined);
    assert.equal(subjectOfSavedState(undefined), undefined);
  });
});
