import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignColours, colourOf, densityAlpha, hashHue, isTroubled, isTroubledLane, PALETTE, TROUBLE_COLOUR } from '../../src/webview/timeline/colours';
import { bucketTooltipRows, formatDuration, formatTime, markTooltipRows } from '../../src/webview/timeline/format';

describe('timeline colours', () => {
  it('gives the most frequent types the palette, in a stable order', () => {
    const colours = assignColours([
      { type: 'b', count: 5 },
      { type: 'a', count: 5 },
      { type: 'c', count: 50 },
    ]);
    assert.equal(colours.get('c'), PALETTE[0]);
    assert.equal(colours.get('a'), PALETTE[1]);
    assert.equal(colours.get('b'), PALETTE[2]);
  });

  it('gives the long tail distinct hash hues that avoid the trouble red', () => {
    const types = Array.from({ length: 40 }, (_, i) => ({ type: `type_${i}`, count: 100 - i }));
    const colours = assignColours(types);
    assert.equal(new Set(colours.values()).size > 30, true);
    for (const t of types) assert.notEqual(colours.get(t.type), TROUBLE_COLOUR);
    for (let i = 0; i < 200; i++) {
      const hue = hashHue(`x${i}`);
      assert.ok(hue >= 30 && hue < 330);
    }
    assert.equal(colourOf(new Map(), 'unknown'), colourOf(new Map(), 'unknown'));
  });

  it('flags failed, errored and retried events', () => {
    assert.equal(isTroubled({ type: 'order_placed', status: 'failed' }), true);
    assert.equal(isTroubled({ type: 'order_placed', status: 'processed', retryCount: 2 }), true);
    assert.equal(isTroubled({ type: 'payment_failed' }), true);
    assert.equal(isTroubled({ type: 'order_placed', status: 'processed', retryCount: 0 }), false);
    assert.equal(isTroubledLane('ErrorHandler'), true);
    assert.equal(isTroubledLane('order-1'), false);
  });

  it('scales density logarithmically so one event stays visible', () => {
    assert.equal(densityAlpha(0, 100), 0);
    assert.ok(densityAlpha(1, 100_000) >= 0.18);
    assert.equal(densityAlpha(100, 100), 1);
    assert.ok(densityAlpha(10, 100) < densityAlpha(50, 100));
  });
});

describe('timeline formatting', () => {
  it('formats hop durations for people', () => {
    assert.equal(formatDuration(0.5), '0.50 ms');
    assert.equal(formatDuration(150), '150 ms');
    assert.equal(formatDuration(1500), '1.50 s');
    assert.equal(formatDuration(125_000), '2 min 5 s');
    assert.equal(formatDuration(3 * 3_600_000 + 60_000), '3 h 1 min');
    assert.equal(formatDuration(-20), '−20 ms');
    assert.equal(formatDuration(Number.NaN), '?');
  });

  it('formats times in UTC to the millisecond', () => {
    assert.equal(formatTime(Date.UTC(2024, 0, 15, 10, 20, 30, 123)), '2024-01-15 10:20:30.123Z');
  });

  it('builds tooltip rows holding the values verbatim (the page puts them in text nodes)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const rows = markTooltipRows({ ordinal: 1, timestampMs: 0, lane: 'a', type: '<script>x</script>', eventId: hostile, aggregateId: null, correlationId: 'c', retryCount: 2 });
    assert.deepEqual(rows[0], ['type', '<script>x</script>']);
    assert.deepEqual(rows[2], ['aggregate', '(none)']);
    assert.deepEqual(rows[3], ['event id', hostile]);
    assert.deepEqual(rows.at(-1), ['retries', '2']);
    assert.deepEqual(bucketTooltipRows('a', 1234, 0, 10)[1], ['events', '1,234']);
  });
});
