import assert from 'node:assert/strict';
import type { StoreIndex } from '../../src/engine/model/indexTypes';

const sorted = (list: readonly string[]): string[] => [...list].sort();

/**
 * Asserts that two indexes of one store answer every question alike: each
 * event's entry, every group, id, cause, time range and store-wide answer.
 * `idStride`: check ids and causes of every n-th event (1: all).
 */
export function assertSameAnswers(actual: StoreIndex, expected: StoreIndex, idStride = 1): void {
  assert.equal(actual.eventCount, expected.eventCount, 'event count');
  assert.deepEqual(actual.files, expected.files, 'files');
  assert.deepEqual(sortProblems(actual.problems), sortProblems(expected.problems), 'problems');
  assert.equal(actual.sequenceMode, expected.sequenceMode, 'sequence mode');
  for (let o = 0; o < expected.eventCount; o++) {
    assert.deepEqual({ ...actual.event(o) }, { ...expected.event(o) }, `event ${o}`);
    assert.deepEqual(actual.locationOf(o), expected.locationOf(o), `location of ${o}`);
  }
  // Lookups out of store order (one aggregate's events), then whole entries in the same blocks.
  const scattered = Array.from({ length: expected.eventCount }, (_, k) => (k * 7919 + 13) % expected.eventCount);
  for (const o of scattered) assert.deepEqual(actual.locationOf(o), expected.locationOf(o), `location of ${o}, out of order`);
  for (const o of scattered.reverse()) assert.deepEqual({ ...actual.event(o) }, { ...expected.event(o) }, `event ${o}, out of order`);
  assert.deepEqual(sorted(actual.aggregateIds()), sorted(expected.aggregateIds()), 'aggregate ids');
  assert.equal(actual.aggregateCount(), expected.aggregateCount(), 'aggregate count');
  for (const id of expected.aggregateIds()) {
    assert.deepEqual([...actual.ordinalsOfAggregate(id)], [...expected.ordinalsOfAggregate(id)], `aggregate ${id}`);
    assert.equal(actual.aggregateSize(id), expected.aggregateSize(id), `size of aggregate ${id}`);
    assert.deepEqual(actual.timeSpanOf('aggregate', id), expected.timeSpanOf('aggregate', id), `time span of aggregate ${id}`);
  }
  for (const kind of ['aggregate', 'correlation'] as const) {
    const keys = sorted(kind === 'aggregate' ? expected.aggregateIds() : expected.correlationIds());
    for (const prefix of ['', keys[0]?.slice(0, 2) ?? '', keys[Math.floor(keys.length / 2)]?.slice(0, 3) ?? '', 'no-such-prefix']) {
      for (const [offset, limit] of [[0, 10], [3, 7], [keys.length - 2, 10]]) {
        assert.deepEqual(actual.keyPage(kind, prefix, Math.max(0, offset), limit), expected.keyPage(kind, prefix, Math.max(0, offset), limit), `${kind} page ${prefix} ${offset}`);
      }
    }
  }
  assert.deepEqual(sorted(actual.correlationIds()), sorted(expected.correlationIds()), 'correlation ids');
  assert.equal(actual.correlationCount(), expected.correlationCount(), 'correlation count');
  for (const id of expected.correlationIds()) {
    assert.deepEqual([...actual.ordinalsOfCorrelation(id)], [...expected.ordinalsOfCorrelation(id)], `correlation ${id}`);
    assert.equal(actual.correlationSize(id), expected.correlationSize(id), `size of correlation ${id}`);
    assert.deepEqual(actual.timeSpanOf('correlation', id), expected.timeSpanOf('correlation', id), `time span of correlation ${id}`);
  }
  assert.deepEqual(new Map([...actual.eventTypeCounts()].sort()), new Map([...expected.eventTypeCounts()].sort()), 'type counts');
  for (const type of expected.eventTypeCounts().keys()) {
    assert.deepEqual([...actual.ordinalsOfType(type)], [...expected.ordinalsOfType(type)], `type ${type}`);
    assert.deepEqual(actual.timeSpanOf('type', type), expected.timeSpanOf('type', type), `time span of type ${type}`);
  }
  assert.deepEqual(sorted(actual.sources()), sorted(expected.sources()), 'sources');
  for (const source of expected.sources()) assert.deepEqual([...actual.ordinalsOfSource(source)], [...expected.ordinalsOfSource(source)], `source ${source}`);
  for (let o = 0; o < expected.eventCount; o += idStride) {
    const id = expected.event(o).eventId;
    assert.deepEqual([...actual.ordinalsOfEventId(id)], [...expected.ordinalsOfEventId(id)], `event id of ${o}`);
    assert.deepEqual([...actual.ordinalsCausedBy(id)], [...expected.ordinalsCausedBy(id)], `effects of ${o}`);
  }
  assert.deepEqual([...actual.ordinalsOfEventId('no-such-id')], []);
  assert.deepEqual([...actual.ordinalsOfAggregate('no-such-aggregate')], []);
  assert.deepEqual(Array.from(actual.timeOrdered()), Array.from(expected.timeOrdered()), 'time order');
  const first = expected.firstTimestamp();
  const last = expected.lastTimestamp();
  assert.equal(actual.firstTimestamp(), first, 'first timestamp');
  assert.equal(actual.lastTimestamp(), last, 'last timestamp');
  if (Number.isFinite(first)) {
    for (const [a, b] of [[first, last], [first, first + (last - first) / 3], [first + (last - first) / 2, last + 1], [last + 1, last + 2], [first - 10, first]]) {
      assert.deepEqual([...actual.ordinalsInTimeRange(a, b)], [...expected.ordinalsInTimeRange(a, b)], `time range ${a}..${b}`);
    }
  }
  assert.deepEqual(actual.numericColumns(), expected.numericColumns(), 'numeric columns');
  assert.deepEqual([...actual.duplicateEventIds()].map((p) => [...p]), [...expected.duplicateEventIds()].map((p) => [...p]), 'duplicate ids');
  assert.deepEqual([...actual.unknownCauses()].sort((a, b) => a - b), [...expected.unknownCauses()].sort((a, b) => a - b), 'unknown causes');
  assert.equal(actual.highestSequence(), expected.highestSequence(), 'highest sequence');
}

function sortProblems<T extends { file: string; line: number; kind: string }>(problems: readonly T[]): T[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.kind < b.kind ? -1 : 1)));
}
