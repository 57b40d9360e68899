import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BinsResult, CausationChain, TimelineEventMark } from '../../src/shared/timelineProtocol';
import { correlationRange, laneKeyOf, layoutArrows } from '../../src/webview/timeline/arrowLayout';
import { bucketAt, inPlot, markAt, rowAt } from '../../src/webview/timeline/hitTest';
import { laneRowsThatFit, layoutFor, rowCentre, rowIndex, xOnCanvas } from '../../src/webview/timeline/plotLayout';

const layout = layoutFor(1000, 400); // label column 180, axis 22, rows 20
const range = { from: 0, to: 820 }; // 1 ms per pixel across the 820-pixel plot

function mark(eventId: string, lane: string, timestampMs: number): TimelineEventMark {
  return { ordinal: 0, timestampMs, lane, type: 't', eventId, aggregateId: lane, correlationId: 'c' };
}

describe('timeline layout and hit-testing', () => {
  it('lays out a label column, an axis and rows', () => {
    assert.equal(layout.labelWidth, 180);
    assert.equal(laneRowsThatFit(layout), Math.floor((400 - 22) / 20));
    assert.equal(xOnCanvas(layout, range, 410), 590);
  });

  it('finds the row under the pointer, and none above or below', () => {
    assert.equal(rowAt(layout, 3, 10), -1);
    assert.equal(rowAt(layout, 3, 22), 0);
    assert.equal(rowAt(layout, 3, 61), 1);
    assert.equal(rowAt(layout, 3, 22 + 3 * 20), -1);
    assert.equal(inPlot(layout, 100), false);
    assert.equal(inPlot(layout, 500), true);
  });

  it('finds the nearest mark in reach, in the right lane', () => {
    const rows = rowIndex(['a', 'b']);
    const marks = [mark('e1', 'a', 100), mark('e2', 'b', 100), mark('e3', 'a', 104)];
    const y = rowCentre(layout, 1);
    assert.equal(markAt(marks, rows, layout, range, 180 + 101, y)?.eventId, 'e2');
    assert.equal(markAt(marks, rows, layout, range, 180 + 103, rowCentre(layout, 0))?.eventId, 'e3');
    assert.equal(markAt(marks, rows, layout, range, 180 + 200, y), undefined);
  });

  it('puts marks of folded lanes into (other)', () => {
    const rows = rowIndex(['a', '(other)']);
    assert.equal(markAt([mark('e9', 'zzz', 50)], rows, layout, range, 230, rowCentre(layout, 1))?.eventId, 'e9');
    assert.equal(markAt([mark('e9', 'zzz', 50)], rowIndex(['a']), layout, range, 230, rowCentre(layout, 0)), undefined);
  });

  it('finds the bucket under the pointer, placed by the bins’ own times', () => {
    const bins: BinsResult = { from: 0, to: 820, bucketMs: 82, lanes: [{ key: 'a', counts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], total: 55 }], total: 55 };
    const hit = bucketAt(bins, layout, range, 180 + 170, rowCentre(layout, 0));
    assert.deepEqual(hit, { lane: 'a', count: 3, from: 164, to: 246 });
    // After a pan by 82 ms the same pixel shows the next bucket.
    assert.equal(bucketAt(bins, layout, { from: 82, to: 902 }, 180 + 170, rowCentre(layout, 0))?.count, 4);
    assert.equal(bucketAt(bins, layout, range, 100, rowCentre(layout, 0)), undefined);
    assert.equal(bucketAt(bins, layout, range, 500, rowCentre(layout, 1)), undefined);
  });
});

describe('timeline causation arrows', () => {
  const chain: CausationChain = {
    correlationId: 'c',
    range: { from: 100, to: 400 },
    events: [
      { eventId: 'root', causeId: null, timestampMs: 100, sinceCauseMs: null, type: 'order_placed', aggregateId: 'order-1', source: 'Orders' },
      { eventId: 'pay', causeId: 'root', timestampMs: 250, sinceCauseMs: 150, type: 'payment_taken', aggregateId: 'pay-1', source: 'Payments' },
      { eventId: 'ship', causeId: 'pay', timestampMs: 400, sinceCauseMs: null, type: 'shipped', aggregateId: null, source: 'Shipping' },
      { eventId: 'lost', causeId: 'pay', timestampMs: null, sinceCauseMs: null, type: 'x', aggregateId: 'order-1', source: 'Orders' },
    ],
  };

  it('names the lane of a chain event by the lane mode', () => {
    assert.equal(laneKeyOf(chain.events[2], 'aggregate'), '(none)');
    assert.equal(laneKeyOf(chain.events[2], 'source'), 'Shipping');
    assert.equal(laneKeyOf(chain.events[2], 'type'), 'shipped');
  });

  it('draws an arrow per hop across lanes, labelled with the hop time', () => {
    const rows = rowIndex(['order-1', 'pay-1', '(none)']);
    const arrows = layoutArrows(chain, 'aggregate', rows, layout, range);
    assert.equal(arrows.length, 2, 'the hop to an event without a time is left out');
    assert.deepEqual(arrows[0], { fromEventId: 'root', toEventId: 'pay', x1: 280, y1: rowCentre(layout, 0), x2: 430, y2: rowCentre(layout, 1), label: '150 ms' });
    assert.equal(arrows[1].y2, rowCentre(layout, 2));
    assert.equal(arrows[1].label, '150 ms', 'computed from the times when the server gives no hop time');
  });

  it('routes hops to lanes that are not shown through (other), or leaves them out', () => {
    assert.equal(layoutArrows(chain, 'aggregate', rowIndex(['order-1', '(other)']), layout, range).length, 2);
    assert.equal(layoutArrows(chain, 'aggregate', rowIndex(['order-1']), layout, range).length, 0);
  });

  it('leaves out hops entirely off one side of the plot', () => {
    assert.equal(layoutArrows(chain, 'source', rowIndex(['Orders', 'Payments', 'Shipping']), layout, { from: 10_000, to: 20_000 }).length, 0);
  });

  it('focuses a correlation with a margin', () => {
    assert.deepEqual(correlationRange(chain), { from: 70, to: 430 });
    assert.equal(correlationRange({ ...chain, range: null }), null);
  });
});
