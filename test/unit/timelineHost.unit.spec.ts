import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestType } from 'vscode-jsonrpc';
import { flattenCausationTree } from '../../src/extension/timeline/causationChain';
import { planOpenEvent, planOpenInspector } from '../../src/extension/timeline/openEventPlan';
import { eventRefOfArgument } from '../../src/extension/timeline/showInTimelineArgs';
import { answerTimelineRequest, pageBins, serverBinsParams, type ServerRequests } from '../../src/extension/timeline/timelineAnswers';
import { buildTimelineHtml } from '../../src/extension/timeline/timelineHtml';
import { createNonce } from '../../src/extension/webviews/nonce';
import type { CausationTree, EventDetail, EventEntry, TimelineBins } from '../../src/shared/protocol';
import {
  BinsRequest,
  CausationRequest,
  INITIAL_TIMELINE_STATE,
  isBinsResult,
  isCausationChain,
  isTimelineSavedState,
  RevealEventNotification,
  TypesRequest,
} from '../../src/shared/timelineProtocol';

function entry(eventId: string, over: Partial<EventEntry> = {}): EventEntry {
  return {
    ordinal: 0,
    sequence: 7,
    type: 'order_placed',
    timestamp: null,
    timestampMs: 1000,
    status: 'processed',
    retryCount: 0,
    file: 'events/events_2024-01-15.jsonl',
    uri: 'file:///store/events/events_2024-01-15.jsonl',
    line: 12,
    eventId,
    aggregateId: 'order-1',
    correlationId: 'c1',
    causationId: null,
    source: 'Orders',
    schemaVersion: '1.0',
    ...over,
  };
}

/** A fake language client: records each request and answers from a table by method. */
function fakeServer(answers: Record<string, (params: unknown) => unknown>): ServerRequests & { calls: { method: string; params: unknown }[] } {
  const calls: { method: string; params: unknown }[] = [];
  return {
    calls,
    async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
      calls.push({ method: type.method, params });
      const answer = answers[type.method];
      if (!answer) throw new Error(`no answer for ${type.method}`);
      return answer(params) as R;
    },
  };
}

const serverBins: TimelineBins = {
  from: 0,
  to: 100,
  bucketMs: 50,
  total: 3,
  lanes: [{ key: 'order-1', counts: [1, 2], total: 3 }],
  marks: [{ ordinal: 4, timestampMs: 10, lane: 'order-1', type: 't', eventId: 'e4', aggregateId: 'order-1', correlationId: null, file: 'events/x.jsonl', line: 5, status: 'completed', retryCount: 0 }],
};

describe('timeline host: answering the page', () => {
  it('turns the page’s bins request into the server’s, filters included', () => {
    assert.deepEqual(serverBinsParams({ range: { from: 1, to: 2 }, buckets: 10, lane: 'type', types: ['a'], maxLanes: 5, marksBelow: 100 }, '/s'), {
      store: '/s',
      from: 1,
      to: 2,
      buckets: 10,
      lane: 'type',
      filters: { types: ['a'] },
      maxLanes: 5,
      marksBelow: 100,
    });
    assert.deepEqual(serverBinsParams({ buckets: 10, lane: 'aggregate', maxLanes: 1, marksBelow: 0 }, '/s'), { store: '/s', buckets: 10, lane: 'aggregate', maxLanes: 1, marksBelow: 0 });
  });

  it('passes marks to the page without file paths, with their status and retry count', () => {
    const plain = pageBins(serverBins);
    assert.equal(isBinsResult(plain), true);
    assert.equal('file' in plain.marks![0], false);
    assert.equal(plain.marks![0].status, 'completed');
    const withStatus = pageBins({ ...serverBins, marks: [{ ...serverBins.marks![0], status: 'failed', retryCount: 2 }] });
    assert.equal(withStatus.marks![0].status, 'failed');
    assert.equal(withStatus.marks![0].retryCount, 2);
  });

  it('answers bins, types and causation requests with replies of the right id and shape', async () => {
    const tree: CausationTree = {
      correlationId: 'c1',
      eventCount: 1,
      aggregates: ['order-1'],
      durationMs: 0,
      brokenLinks: 0,
      cycles: 0,
      duplicateIds: 0,
      roots: [{ entry: entry('e1'), sinceCauseMs: null, depth: 0, children: [] }],
    };
    const server = fakeServer({
      'eventbus/timelineBins': () => serverBins,
      'eventbus/eventTypes': () => [{ eventType: 'order_placed', count: 3, schemaVersions: [] }],
      'eventbus/causationTree': (p) => ((p as { correlationId: string }).correlationId === 'c1' ? tree : null),
    });
    const bins = await answerTimelineRequest(BinsRequest.create(7, { buckets: 2, lane: 'aggregate', maxLanes: 10, marksBelow: 10 }), server, '/s');
    assert.equal(bins?.kind, 'reply');
    assert.equal(bins?.id, 7);
    assert.equal(bins?.ok && BinsRequest.isResult(bins.result), true);
    const types = await answerTimelineRequest(TypesRequest.create(8, {}), server, '/s');
    assert.deepEqual(types, { kind: 'reply', id: 8, ok: true, result: { types: [{ type: 'order_placed', count: 3 }] } });
    const chain = await answerTimelineRequest(CausationRequest.create(9, { correlationId: 'c1' }), server, '/s');
    assert.equal(chain?.ok && isCausationChain(chain.result), true);
    const unknown = await answerTimelineRequest(CausationRequest.create(10, { correlationId: 'nope' }), server, '/s');
    assert.deepEqual(unknown, { kind: 'reply', id: 10, ok: true, result: null });
  });

  it('answers a failing server request with an error reply, and ignores what is no request', async () => {
    const server = fakeServer({});
    const reply = await answerTimelineRequest(TypesRequest.create(3, {}), server, '/s');
    assert.deepEqual(reply, { kind: 'reply', id: 3, ok: false, error: 'no answer for eventbus/eventTypes' });
    assert.equal(await answerTimelineRequest({ kind: 'request', id: 1, method: 'timeline/bins', params: { buckets: 0, lane: 'x' } }, server, '/s'), undefined);
    assert.equal(await answerTimelineRequest('<script>', server, '/s'), undefined);
    assert.equal(server.calls.length, 1);
  });
});

describe('timeline host: opening events', () => {
  const detail: EventDetail = { entry: entry('e1'), event: {}, duplicates: [] };

  it('opens the event with eventbus.openEvent in the timeline’s store, beside the timeline (not over it)', () => {
    assert.deepEqual(planOpenEvent('/ws/b/event_store', 'e1', detail), { kind: 'command', command: 'eventbus.openEvent', args: { store: '/ws/b/event_store', eventId: 'e1', beside: true } });
    assert.equal(planOpenEvent('/ws/b/event_store', 'gone', null).kind, 'message');
  });

  it('opens the inspector at the event’s aggregate and sequence', () => {
    assert.deepEqual(planOpenInspector('/ws/b/event_store', 'e1', detail), {
      kind: 'command',
      command: 'eventbus.openInspector',
      args: { store: '/ws/b/event_store', aggregateId: 'order-1', atSequence: 7 },
    });
    const noAggregate = planOpenInspector('/ws/b/event_store', 'e1', { ...detail, entry: entry('e1', { aggregateId: null }) });
    assert.equal(noAggregate.kind, 'message');
    assert.match((noAggregate as { text: string }).text, /no aggregate_id/);
    assert.equal(planOpenInspector('/ws/b/event_store', 'gone', null).kind, 'message');
  });

  it('reads the store and event id of showInTimeline from a code action or a tree item, and refuses one without a store', () => {
    assert.deepEqual(eventRefOfArgument({ store: '/s', eventId: 'e1' }), { store: '/s', eventId: 'e1' });
    assert.deepEqual(eventRefOfArgument({ store: '/s', entry: { eventId: 'e2' } }), { store: '/s', eventId: 'e2' });
    assert.equal(eventRefOfArgument({ eventId: 'e1' }), undefined);
    assert.equal(eventRefOfArgument('e3'), undefined);
    assert.equal(eventRefOfArgument(undefined), undefined);
    assert.equal(eventRefOfArgument({ store: '/s', entry: {} }), undefined);
  });
});

describe('timeline host: the page and its messages', () => {
  it('builds a page with a strict CSP and the nonce on its only script', () => {
    const nonce = createNonce();
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(nonce, createNonce());
    const html = buildTimelineHtml({ cspSource: 'vscode-resource:', nonce, scriptUri: 'vscode-resource:/media/timeline.js?a="b"', styleUri: 'vscode-resource:/media/timeline.css' });
    // The attribute is escaped; a browser reads it with entities decoded.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|connect-src/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    assert.ok(html.includes('timeline.js?a=&quot;b&quot;'), 'URIs are escaped into attributes');
  });

  it('accepts only well-formed saved states (an older page’s state is dropped)', () => {
    assert.equal(isTimelineSavedState(INITIAL_TIMELINE_STATE), true);
    assert.equal(isTimelineSavedState({ ...INITIAL_TIMELINE_STATE, range: { from: 5, to: 1 } }), false);
    assert.equal(isTimelineSavedState({ ...INITIAL_TIMELINE_STATE, lane: 'correlation' }), false);
    assert.equal(isTimelineSavedState({ ...INITIAL_TIMELINE_STATE, version: 2 }), false);
  });

  it('guards requests and notifications by their params', () => {
    assert.equal(BinsRequest.is(BinsRequest.create(1, { buckets: 2001, lane: 'type', maxLanes: 1, marksBelow: 0 })), false);
    assert.equal(BinsRequest.is(BinsRequest.create(1, { buckets: 200, lane: 'type', maxLanes: 1, marksBelow: 0 })), true);
    assert.equal(RevealEventNotification.is(RevealEventNotification.create({ eventId: 'e', timestampMs: null, correlationId: null })), true);
    assert.equal(RevealEventNotification.is({ kind: 'notification', method: 'timeline/reveal', params: { eventId: 1 } }), false);
  });

  it('flattens a causation tree parents first, with the correlation’s span', () => {
    const tree: CausationTree = {
      correlationId: 'c1',
      eventCount: 3,
      aggregates: [],
      durationMs: 50,
      brokenLinks: 1,
      cycles: 0,
      duplicateIds: 0,
      roots: [
        {
          entry: entry('a', { timestampMs: 100 }),
          sinceCauseMs: null,
          depth: 0,
          children: [{ entry: entry('b', { timestampMs: 150 }), sinceCauseMs: 50, depth: 1, children: [] }],
        },
        { entry: entry('orphan', { timestampMs: 120, causationId: 'missing' }), sinceCauseMs: null, depth: 0, brokenCause: true, children: [] },
      ],
    };
    const chain = flattenCausationTree(tree);
    assert.deepEqual(chain.events.map((e) => [e.eventId, e.causeId]), [['a', null], ['b', 'a'], ['orphan', 'missing']]);
    assert.deepEqual(chain.range, { from: 100, to: 150 });
    assert.equal(flattenCausationTree(tree, 1).events.length, 1);
  });
});
