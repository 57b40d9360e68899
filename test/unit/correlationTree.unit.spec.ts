import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildCausationTree,
  causationInputFromEvent,
  type CausationInput,
  type CausationNode,
} from '../../src/engine/correlation/causationTree';
import { formatGap, renderCausationTree } from '../../src/engine/correlation/renderCausationTree';
import { ev } from './stateTestStorage';

const T0 = Date.UTC(2024, 0, 15, 10, 30, 0);
let ordinal = 0;

function rec(eventId: string, causationId: string | null, aggregateId: string | null, offsetMs: number, eventType = 'trade_executed'): CausationInput {
  return { eventId, causationId, aggregateId, eventType, timestampMs: T0 + offsetMs, sequenceNumber: ordinal, ordinal: ordinal++ };
}

/** `id(child,child…)` outline of the forest, children in order. */
function outline(nodes: readonly CausationNode[]): string {
  return nodes.map((n) => (n.children.length > 0 ? `${n.event.eventId}(${outline(n.children)})` : n.event.eventId)).join(',');
}

describe('causation trees', () => {
  it('builds one tree across aggregates, children by time, with the time since the cause', () => {
    // Given out of order on purpose.
    const forest = buildCausationTree([
      rec('exec', 'decision', 'trader_1', 12),
      rec('risk', 'exec', 'risk_1', 15, 'risk_alert'),
      rec('decision', null, 'trader_1', 0, 'trade_decision_made'),
      rec('perf', 'decision', 'perf', 5, 'performance_update'),
    ]);
    assert.equal(outline(forest.roots), 'decision(perf,exec(risk))');
    const exec = forest.roots[0].children[1];
    assert.equal(exec.sinceCauseMs, 12);
    assert.equal(exec.children[0].sinceCauseMs, 3);
    assert.equal(exec.children[0].depth, 2);
    assert.equal(forest.roots[0].sinceCauseMs, null);
    assert.deepEqual(forest.aggregates, ['trader_1', 'perf', 'risk_1']);
    assert.equal(forest.durationMs, 15);
    assert.equal(forest.brokenLinks, 0);
  });

  it('makes an event whose cause is not in the correlation a root marked brokenCause', () => {
    const forest = buildCausationTree([
      rec('a', null, 'x', 0),
      rec('orphan', 'missing-id', 'y', 5),
      rec('child', 'orphan', 'y', 7),
    ]);
    assert.equal(outline(forest.roots), 'a,orphan(child)');
    assert.equal(forest.roots[1].brokenCause, true);
    assert.equal(forest.roots[0].brokenCause, undefined);
    assert.equal(forest.brokenLinks, 1);
  });

  it('ends on causation cycles, self-causes and duplicate ids, and includes every event once', () => {
    const events = [
      rec('root', null, 'x', 0),
      rec('loopA', 'loopB', 'x', 10),
      rec('loopB', 'loopC', 'y', 20),
      rec('loopC', 'loopA', 'z', 30),
      rec('tail', 'loopC', 'z', 40),
      rec('self', 'self', 'x', 50),
      rec('root', null, 'x', 60),
      rec('effect', 'root', 'x', 70),
    ];
    const forest = buildCausationTree(events);
    assert.equal(forest.cycles, 2);
    assert.equal(forest.duplicateIds, 1);
    const count = (nodes: readonly CausationNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    assert.equal(count(forest.roots), events.length);
    // The loop (A caused by B, B by C, C by A) is cut at its earliest event, A, which becomes a root.
    assert.equal(outline(forest.roots), 'root(effect),loopA(loopC(loopB,tail)),self,root');
    assert.equal(forest.roots[1].cycle, true);
    assert.equal(forest.roots[2].cycle, true);
    assert.equal(forest.roots[3].duplicateId, true);
  });

  it('renders the tree with branches and gaps', () => {
    const forest = buildCausationTree([
      rec('decision-0001', null, 'trader_1', 0, 'trade_decision_made'),
      rec('exec-0002', 'decision-0001', 'trader_1', 12),
      rec('risk-0003', 'exec-0002', 'risk_1', 15, 'risk_alert'),
      rec('perf-0004', 'decision-0001', 'perf', 1212, 'performance_update'),
      rec('lost-0005', 'nowhere-1234', 'perf', 2000, 'system_error'),
    ]);
    const text = renderCausationTree(forest);
    const lines = text.split('\n');
    assert.match(lines[0], /^trade_decision_made {2}trader_1 #\d+ {2}2024-01-15T10:30:00\.000Z {2}decision/);
    assert.match(lines[1], /^├─ trade_executed {2}trader_1 #\d+ {2}\+12 ms/);
    assert.match(lines[2], /^│ {2}└─ risk_alert {2}risk_1 #\d+ {2}\+3 ms/);
    assert.match(lines[3], /^└─ performance_update {2}perf #\d+ {2}\+1212 ms/);
    assert.match(lines[4], /^system_error .*\[cause nowhere- is not in this correlation\]$/);
    assert.match(lines[5], /^5 event\(s\), 3 aggregate\(s\), over 2000 ms, 1 broken causation link\(s\)$/);
  });

  it('formats gaps readably', () => {
    assert.equal(formatGap(12), '+12 ms');
    assert.equal(formatGap(0.25), '+0.25 ms');
    assert.equal(formatGap(61_000), '+61.0 s');
    assert.equal(formatGap(-3), '-3 ms');
    assert.equal(formatGap(null), '+? ms');
  });

  it('takes full events as well as index records', () => {
    const cause = ev('a', 1, {}, 'trade_decision_made', { correlation_id: 'c' });
    const effect = ev('b', 1, {}, 'trade_executed', { correlation_id: 'c', causation_id: cause.metadata.event_id, timeMs: Date.UTC(2024, 0, 15, 10, 30, 1, 250) });
    const forest = buildCausationTree([causationInputFromEvent(effect), causationInputFromEvent(cause)]);
    assert.equal(forest.roots.length, 1);
    assert.equal(forest.roots[0].event.eventId, cause.metadata.event_id);
    assert.equal(forest.roots[0].children[0].sinceCauseMs, 250);
  });
});
