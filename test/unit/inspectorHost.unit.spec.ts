import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestType } from 'vscode-jsonrpc';
import { aggregatePickItems, aggregatePickPlaceholder } from '../../src/extension/inspector/aggregatePickItems';
import { createInspectorBackend, driftOf, toInspectorStep, type SendRequest } from '../../src/extension/inspector/inspectorBackend';
import { inspectorCsp, inspectorHtml } from '../../src/extension/inspector/inspectorHtml';
import { answerRequest } from '../../src/extension/inspector/inspectorRequests';
import { createNonce } from '../../src/extension/webviews/nonce';
import { openArgsOfEntry, parseOpenInspectorArgs, subjectKey } from '../../src/extension/inspector/openInspectorArgs';
import {
  AggregateEventsRequest,
  RebuildRequest,
  SnapshotsRequest,
  SnapshotVerifyRequest,
  type SnapshotVerification,
} from '../../src/shared/protocol';
import { isInspectorStep, SnapshotDriftRequest, StateRequest, StepsRequest } from '../../src/shared/webviewProtocol';
import { eventEntry } from './inspectorFixtures';

const parts = { nonce: 'abcdefghijklmnop0123==', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/media/inspector.js', styleUri: 'https://x/media/inspector.css' };

describe('inspector HTML', () => {
  it('has the strict CSP with the nonce, and loads only the nonce’d script and the stylesheet', () => {
    const html = inspectorHtml(parts);
    assert.equal(
      inspectorCsp(parts),
      `default-src 'none'; img-src ${parts.cspSource} data:; style-src ${parts.cspSource}; script-src 'nonce-${parts.nonce}'; font-src ${parts.cspSource}`,
    );
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`), html);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${parts.nonce}" src="${parts.scriptUri}">`]);
    assert.equal(/style=/.test(html), false, 'no inline style attributes');
    assert.ok(html.includes(`<link rel="stylesheet" href="${parts.styleUri}">`));
    assert.equal(/https?:\/\/(?!x\/|file\+)/.test(html), false, 'no remote content');
  });

  it('refuses a nonce that could break out of the policy', () => {
    assert.throws(() => inspectorHtml({ ...parts, nonce: `abc'; script-src *` }), /nonce/);
    assert.throws(() => inspectorHtml({ ...parts, nonce: 'short' }), /nonce/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    assert.equal(Buffer.from(a, 'base64').length, 16);
    assert.notEqual(a, createNonce());
    assert.doesNotThrow(() => inspectorCsp({ nonce: a, cspSource: 'x' }));
  });
});

/** A fake language server: records requests and answers from a table by method. */
function fakeServer(answers: Record<string, (params: unknown) => unknown>): { send: SendRequest; sent: { method: string; params: unknown }[] } {
  const sent: { method: string; params: unknown }[] = [];
  const send = (async <P, R>(type: RequestType<P, R, void>, params: P): Promise<R> => {
    sent.push({ method: type.method, params });
    const answer = answers[type.method];
    if (!answer) throw new Error(`no answer for ${type.method}`);
    return answer(params) as R;
  }) as SendRequest;
  return { send, sent };
}

describe('inspector backend (host side)', () => {
  it('pages the aggregate’s events as steps, scoped to the aggregate and store', async () => {
    const server = fakeServer({
      [AggregateEventsRequest.method]: () => ({ items: [eventEntry(1), eventEntry(2)], total: 9, offset: 0 }),
    });
    const backend = createInspectorBackend(server.send, { aggregateId: 'order-1', store: '/w/event_store' });
    const page = await backend.steps({ offset: 0, limit: 2 });
    assert.deepEqual(server.sent, [{ method: AggregateEventsRequest.method, params: { aggregateId: 'order-1', store: '/w/event_store', offset: 0, limit: 2 } }]);
    assert.equal(page.total, 9);
    assert.ok(page.steps.every(isInspectorStep));
    assert.equal(Object.hasOwn(page.steps[0], 'uri'), false, 'the page gets no file locations');
    assert.deepEqual(toInspectorStep(eventEntry(5, { status: 'failed' })).status, 'failed');
  });

  it('rebuilds a state at a sequence and keeps only this aggregate’s snapshots', async () => {
    const server = fakeServer({
      [RebuildRequest.method]: () => ({ aggregateId: 'order-1', state: { total: 3 }, lastSequence: 4, eventsApplied: 2, fromSnapshot: 'snapshots/s.json', skippedSnapshots: [] }),
      [SnapshotsRequest.method]: () => ({
        snapshots: [
          { aggregateId: 'order-1', sequenceNumber: 2, file: 'snapshots/a.json', uri: 'file:///a' },
          { aggregateId: 'order-10', sequenceNumber: 2, file: 'snapshots/b.json', uri: 'file:///b' },
        ],
        ignored: [],
      }),
    });
    const backend = createInspectorBackend(server.send, { aggregateId: 'order-1', store: '/w' });
    assert.deepEqual(await backend.state({ atSequence: 4 }), { atSequence: 4, state: { total: 3 }, lastSequence: 4, eventsApplied: 2, fromSnapshot: 'snapshots/s.json' });
    assert.deepEqual(server.sent[0], { method: RebuildRequest.method, params: { aggregateId: 'order-1', store: '/w', atSequence: 4 } });
    assert.deepEqual(await backend.snapshots(), { snapshots: [{ sequenceNumber: 2, file: 'snapshots/a.json' }] });
  });

  it('reports a snapshot’s drift and its own state only when the rebuild started from that snapshot', () => {
    const verification: SnapshotVerification = {
      aggregateId: 'order-1',
      sequenceNumber: 2,
      file: 'snapshots/a.json',
      ok: false,
      eventsApplied: 2,
      rebuiltToSequence: 2,
      differences: ['/total: snapshot has 5, rebuilt has 3'],
    };
    const params = { sequenceNumber: 2, file: 'snapshots/a.json' };
    const drift = driftOf(params, [verification], { state: { total: 5 }, fromSnapshot: 'snapshots/a.json', eventsApplied: 0 });
    assert.deepEqual(drift, { ...params, ok: false, differences: verification.differences, error: null, snapshotState: { total: 5 }, snapshotStateKnown: true });
    const unreadable = driftOf(params, [{ ...verification, error: 'bad JSON' }], { state: { total: 3 }, fromSnapshot: null, eventsApplied: 2 });
    assert.equal(unreadable.snapshotStateKnown, false);
    assert.equal(unreadable.snapshotState, null);
    assert.equal(unreadable.error, 'bad JSON');
    assert.match(driftOf(params, [], { state: {}, fromSnapshot: null, eventsApplied: 0 }).error ?? '', /did not verify snapshots\/a.json/);
  });

  it('asks the server to verify and to rebuild at the snapshot for a drift request', async () => {
    const server = fakeServer({
      [SnapshotVerifyRequest.method]: () => [],
      [RebuildRequest.method]: () => ({ aggregateId: 'o', state: {}, lastSequence: 2, eventsApplied: 0, fromSnapshot: 'snapshots/a.json', skippedSnapshots: [] }),
    });
    const backend = createInspectorBackend(server.send, { aggregateId: 'o', store: '/w' });
    const drift = await backend.snapshotDrift({ sequenceNumber: 2, file: 'snapshots/a.json' });
    assert.equal(drift.snapshotStateKnown, true);
    assert.deepEqual(server.sent.map((s) => s.method).sort(), [RebuildRequest.method, SnapshotVerifyRequest.method].sort());
  });
});

describe('answering the page', () => {
  const backend = {
    steps: async () => ({ offset: 0, total: 0, steps: [] }),
    state: async ({ atSequence }: { atSequence: number }) => {
      if (atSequence > 10) throw new Error(`no event has sequence ${atSequence}`);
      return { atSequence, state: {}, lastSequence: atSequence, eventsApplied: atSequence, fromSnapshot: null };
    },
    snapshots: async () => ({ snapshots: [] }),
    snapshotDrift: async () => assert.fail('not asked'),
  };

  it('replies to each request with its id, errors included', async () => {
    assert.deepEqual(await answerRequest(StepsRequest.create(1, { offset: 0, limit: 10 }), backend), { kind: 'reply', id: 1, ok: true, result: { offset: 0, total: 0, steps: [] } });
    assert.deepEqual(await answerRequest(StateRequest.create(2, { atSequence: 11 }), backend), { kind: 'reply', id: 2, ok: false, error: 'no event has sequence 11' });
  });

  it('answers an unknown or malformed request with an error, and ignores what is not a request', async () => {
    const unknown = await answerRequest({ kind: 'request', id: 3, method: 'inspector/deleteStore', params: {} }, backend);
    assert.ok(unknown && !unknown.ok && unknown.error.includes('inspector/deleteStore'));
    const malformed = await answerRequest({ kind: 'request', id: 4, method: SnapshotDriftRequest.method, params: { file: 1 } }, backend);
    assert.equal(malformed?.ok, false);
    assert.equal(await answerRequest({ kind: 'command', method: 'webview/ready', params: {} }, backend), undefined);
    assert.equal(await answerRequest('hello', backend), undefined);
  });
});

describe('open inspector command arguments and the aggregate pick', () => {
  it('takes any object with an aggregate id and a store, and a sequence under either name; none without a store', () => {
    assert.deepEqual(parseOpenInspectorArgs({ aggregateId: 'order-1', atSequence: 4, store: '/w' }), { aggregateId: 'order-1', store: '/w', atSequence: 4 });
    assert.equal(parseOpenInspectorArgs({ aggregateId: 'order-1', atSequence: 4 }), undefined, 'no store: the command asks which, never the first');
    assert.deepEqual(parseOpenInspectorArgs({ aggregateId: 'order-1', sequence: 2, store: '/w', label: 'tree item' }), { aggregateId: 'order-1', store: '/w', atSequence: 2 });
    assert.deepEqual(parseOpenInspectorArgs({ aggregateId: 'order-1', atSequence: 1.5, store: '/w' }), { aggregateId: 'order-1', store: '/w' });
    // An event row of the trees (its context menu): the inspector opens at that event's step.
    assert.deepEqual(parseOpenInspectorArgs({ kind: 'event', aggregateId: 'order-1', toSequence: 7, store: '/w' }), { aggregateId: 'order-1', store: '/w', atSequence: 7 });
    // An event document: the server's entry places it.
    assert.deepEqual(openArgsOfEntry({ aggregateId: 'order-1', sequence: 9 }, '/w'), { aggregateId: 'order-1', store: '/w', atSequence: 9 });
    assert.deepEqual(openArgsOfEntry({ aggregateId: 'order-1', sequence: null }, '/w'), { aggregateId: 'order-1', store: '/w' });
    assert.equal(openArgsOfEntry({ aggregateId: null, sequence: 3 }, '/w'), undefined);
    assert.equal(parseOpenInspectorArgs({ aggregateId: '' }), undefined);
    assert.equal(parseOpenInspectorArgs(undefined), undefined);
    assert.notEqual(subjectKey({ aggregateId: 'a', store: '/1' }), subjectKey({ aggregateId: 'a', store: '/2' }));
  });

  it('lists aggregates with their counts and says when the list is partial', () => {
    const page = { items: [{ aggregateId: 'order-1', count: 1200, lastTimestamp: null, lastTimestampMs: null }, { aggregateId: 'order-2', count: 1, lastTimestamp: null, lastTimestampMs: null }], total: 2, offset: 0 };
    assert.deepEqual(aggregatePickItems(page).map((i) => [i.label, i.description]), [['order-1', '1,200 events'], ['order-2', '1 event']]);
    assert.equal(aggregatePickPlaceholder(page), 'Pick an aggregate to inspect (2)');
    assert.match(aggregatePickPlaceholder({ ...page, total: 9000 }), /showing 2 of 9,000, type to search by id prefix/);
  });
});
