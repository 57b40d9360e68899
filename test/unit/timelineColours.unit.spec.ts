import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignTypeStyles, colourOf, densityAlpha, hashHue, isTroubled, isTroubledLane, PALETTE, PATTERNS, styleOfRank, swatchBackground, TROUBLE_COLOUR } from '../../src/webview/timeline/colours';
import { bucketTooltipRows, formatDuration, formatTime, markTooltipRows } from '../../src/webview/timeline/format';

describe('timeline colours', () => {
  it('gives the most frequent types the palette, in a stable order', () => {
    const styles = assignTypeStyles([
      { type: 'b', count: 5 },
      { type: 'a', count: 5 },
      { type: 'c', count: 50 },
    ]);
    assert.deepEqual(styles.get('c'), { colour: PALETTE[0], pattern: 'solid' });
    assert.deepEqual(styles.get('a'), { colour: PALETTE[1], pattern: 'solid' });
    assert.deepEqual(styles.get('b'), { colour: PALETTE[2], pattern: 'solid' });
  });

  it('uses colour-blind-safe colours (Okabe–Ito), none of them red, then the same colours with patterns: 28 types all look different', () => {
    // The Okabe–Ito palette without black and vermillion, plus grey.
    assert.deepEqual([...PALETTE], ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#CC79A7', '#BBBBBB']);
    assert.equal(new Set(PALETTE).size, PALETTE.length);
    const count = PALETTE.length * PATTERNS.length;
    const types = Array.from({ length: count }, (_, i) => ({ type: `type_${i}`, count: 1000 - i }));
    const styles = assignTypeStyles(types);
    const looks = new Set(types.map((t) => `${styles.get(t.type)?.colour}|${styles.get(t.type)?.pattern}`));
    assert.equal(looks.size, count, 'every type its own colour and pattern');
    assert.equal(styles.get('type_7')?.pattern, 'stripes', 'the eighth type repeats the first colour, striped');
    for (const t of types) assert.notEqual(styles.get(t.type)?.colour.toLowerCase(), TROUBLE_COLOUR);
    // Past that, hues from the names (away from red), still patterned.
    const tail = styleOfRank(count + 3, 'late_type');
    assert.match(tail.colour, /^hsl\(/);
    for (let i = 0; i < 200; i++) {
      const hue = hashHue(`x${i}`);
      assert.ok(hue >= 30 && hue < 330);
    }
    assert.equal(colourOf(new Map(), 'unknown'), colourOf(new Map(), 'unknown'));
    assert.equal(swatchBackground({ colour: '#E69F00', pattern: 'solid' }), '#E69F00');
    assert.match(swatchBackground({ colour: '#E69F00', pattern: 'stripes' }), /repeating-linear-gradient\(45deg, #E69F00/);
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
