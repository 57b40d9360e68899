"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const colours_1 = require("../../src/webview/timeline/colours");
const format_1 = require("../../src/webview/timeline/format");
(0, node_test_1.describe)('timeline colours', () => {
    (0, node_test_1.it)('gives the most frequent types the palette, in a stable order', () => {
        const styles = (0, colours_1.assignTypeStyles)([
            { type: 'b', count: 5 },
            { type: 'a', count: 5 },
            { type: 'c', count: 50 },
        ]);
        strict_1.default.deepEqual(styles.get('c'), { colour: colours_1.PALETTE[0], pattern: 'solid' });
        strict_1.default.deepEqual(styles.get('a'), { colour: colours_1.PALETTE[1], pattern: 'solid' });
        strict_1.default.deepEqual(styles.get('b'), { colour: colours_1.PALETTE[2], pattern: 'solid' });
    });
    (0, node_test_1.it)('uses colour-blind-safe colours (Okabe–Ito), none of them red, then the same colours with patterns: 28 types all look different', () => {
        // The Okabe–Ito palette without black and vermillion, plus grey.
        strict_1.default.deepEqual([...colours_1.PALETTE], ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#CC79A7', '#BBBBBB']);
        strict_1.default.equal(new Set(colours_1.PALETTE).size, colours_1.PALETTE.length);
        const count = colours_1.PALETTE.length * colours_1.PATTERNS.length;
        const types = Array.from({ length: count }, (_, i) => ({ type: `type_${i}`, count: 1000 - i }));
        const styles = (0, colours_1.assignTypeStyles)(types);
        const looks = new Set(types.map((t) => `${styles.get(t.type)?.colour}|${styles.get(t.type)?.pattern}`));
        strict_1.default.equal(looks.size, count, 'every type its own colour and pattern');
        strict_1.default.equal(styles.get('type_7')?.pattern, 'stripes', 'the eighth type repeats the first colour, striped');
        for (const t of types)
            strict_1.default.notEqual(styles.get(t.type)?.colour.toLowerCase(), colours_1.TROUBLE_COLOUR);
        // Past that, hues from the names (away from red), still patterned.
        const tail = (0, colours_1.styleOfRank)(count + 3, 'late_type');
        strict_1.default.match(tail.colour, /^hsl\(/);
        for (let i = 0; i < 200; i++) {
            const hue = (0, colours_1.hashHue)(`x${i}`);
            strict_1.default.ok(hue >= 30 && hue < 330);
        }
        strict_1.default.equal((0, colours_1.colourOf)(new Map(), 'unknown'), (0, colours_1.colourOf)(new Map(), 'unknown'));
        strict_1.default.equal((0, colours_1.swatchBackground)({ colour: '#E69F00', pattern: 'solid' }), '#E69F00');
        strict_1.default.match((0, colours_1.swatchBackground)({ colour: '#E69F00', pattern: 'stripes' }), /repeating-linear-gradient\(45deg, #E69F00/);
    });
    (0, node_test_1.it)('flags failed, errored and retried events', () => {
        strict_1.default.equal((0, colours_1.isTroubled)({ type: 'order_placed', status: 'failed' }), true);
        strict_1.default.equal((0, colours_1.isTroubled)({ type: 'order_placed', status: 'processed', retryCount: 2 }), true);
        strict_1.default.equal((0, colours_1.isTroubled)({ type: 'payment_failed' }), true);
        strict_1.default.equal((0, colours_1.isTroubled)({ type: 'order_placed', status: 'processed', retryCount: 0 }), false);
        strict_1.default.equal((0, colours_1.isTroubledLane)('ErrorHandler'), true);
        strict_1.default.equal((0, colours_1.isTroubledLane)('order-1'), false);
    });
    (0, node_test_1.it)('scales density logarithmically so one event stays visible', () => {
        strict_1.default.equal((0, colours_1.densityAlpha)(0, 100), 0);
        strict_1.default.ok((0, colours_1.densityAlpha)(1, 100_000) >= 0.18);
        strict_1.default.equal((0, colours_1.densityAlpha)(100, 100), 1);
        strict_1.default.ok((0, colours_1.densityAlpha)(10, 100) < (0, colours_1.densityAlpha)(50, 100));
    });
});
(0, node_test_1.describe)('timeline formatting', () => {
    (0, node_test_1.it)('formats hop durations for people', () => {
        strict_1.default.equal((0, format_1.formatDuration)(0.5), '0.50 ms');
        strict_1.default.equal((0, format_1.formatDuration)(150), '150 ms');
        strict_1.default.equal((0, format_1.formatDuration)(1500), '1.50 s');
        strict_1.default.equal((0, format_1.formatDuration)(125_000), '2 min 5 s');
        strict_1.default.equal((0, format_1.formatDuration)(3 * 3_600_000 + 60_000), '3 h 1 min');
        strict_1.default.equal((0, format_1.formatDuration)(-20), '−20 ms');
        strict_1.default.equal((0, format_1.formatDuration)(Number.NaN), '?');
    });
    (0, node_test_1.it)('formats times in UTC to the millisecond', () => {
        strict_1.default.equal((0, format_1.formatTime)(Date.UTC(2024, 0, 15, 10, 20, 30, 123)), '2024-01-15 10:20:30.123Z');
    });
    (0, node_test_1.it)('builds tooltip rows holding the values verbatim (the page puts them in text nodes)', () => {
        const hostile = '<img src=x onerror=alert(1)>';
        const rows = (0, format_1.markTooltipRows)({ ordinal: 1, timestampMs: 0, lane: 'a', type: '<script>x</script>', eventId: hostile, aggregateId: null, correlationId: 'c', retryCount: 2 });
        strict_1.default.deepEqual(rows[0], ['type', '<script>x</script>']);
        strict_1.default.deepEqual(rows[2], ['aggregate', '(none)']);
        strict_1.default.deepEqual(rows[3], ['event id', hostile]);
        strict_1.default.deepEqual(rows.at(-1), ['retries', '2']);
        strict_1.default.deepEqual((0, format_1.bucketTooltipRows)('a', 1234, 0, 10)[1], ['events', '1,234']);
    });
});
//# sourceMappingURL=timelineColours.unit.spec.js.map