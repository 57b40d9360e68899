import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  replyError,
  replyOk,
  StateRequest,
  StepsAppendedNotification,
  SubjectNotification,
  type StateAtSequence,
} from '../../src/shared/webviewProtocol';
import { escapeHtml, prettyJson, previewValue } from '../../src/webview/shared/escape';
import { createHostConnection } from '../../src/webview/shared/hostConnection';

describe('escaping', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    assert.equal(escapeHtml('plain text'), 'plain text');
  });

  it('previews values on one line, cut at the limit, and never throws', () => {
    assert.equal(previewValue({ a: [1, 'x'] }), '{"a":[1,"x"]}');
    assert.equal(previewValue(undefined), '—');
    assert.equal(previewValue('x'.repeat(50), 10), `"${'x'.repeat(8)}…`);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(previewValue(cycle), '[object Object]');
    assert.match(prettyJson({ long: 'y'.repeat(100) }, 20), /more characters not shown/);
  });
});

describe('the page’s host connection', () => {
  const state: StateAtSequence = { atSequence: 3, state: { a: 1 }, lastSequence: 3, eventsApplied: 3, fromSnapshot: null };

  it('says ready, sends requests with ids and resolves them by the reply’s id', async () => {
    const posted: unknown[] = [];
    const connection = createHostConnection({ post: (m) => posted.push(m) });
    connection.ready();
    assert.deepEqual(posted[0], { kind: 'command', method: 'webview/ready', params: {} });
    const first = connection.request(StateRequest, { atSequence: 3 });
    const second = connection.request(StateRequest, { atSequence: 4 });
    assert.deepEqual(posted.slice(1), [
      { kind: 'request', id: 1, method: 'inspector/state', params: { atSequence: 3 } },
      { kind: 'request', id: 2, method: 'inspector/state', params: { atSequence: 4 } },
    ]);
    connection.receive(replyError(2, 'no event has sequence 4'));
    connection.receive(replyOk(1, state));
    assert.deepEqual(await first, state);
    await assert.rejects(second, /no event has sequence 4/);
  });

  it('rejects a reply of the wrong shape and one that never comes', async () => {
    const connection = createHostConnection({ post: () => undefined, timeoutMs: 20 });
    const wrong = connection.request(StateRequest, { atSequence: 3 });
    connection.receive(replyOk(1, { state: 1 }));
    await assert.rejects(wrong, /unexpected shape/);
    await assert.rejects(connection.request(StateRequest, { atSequence: 3 }), /no reply to inspector\/state within 20 ms/);
  });

  it('dispatches notifications by their guards and drops anything else', () => {
    const unknown: unknown[] = [];
    const subjects: string[] = [];
    const connection = createHostConnection({ post: () => undefined, onUnknown: (m) => unknown.push(m) });
    connection.onNotification(SubjectNotification, (p) => subjects.push(p.aggregateId));
    connection.onNotification(StepsAppendedNotification, () => assert.fail('not a steps page'));
    connection.receive(SubjectNotification.create({ aggregateId: 'order-1', store: '/w' }));
    connection.receive({ kind: 'notification', method: 'inspector/stepsAppended', params: { offset: 0, steps: [{}], total: 1 } });
    connection.receive('<script>alert(1)</script>');
    connection.receive(replyOk(42, {}));
    assert.deepEqual(subjects, ['order-1']);
    assert.equal(unknown.length, 2, 'the malformed notification and the string; a stray reply is ignored');
  });
});
