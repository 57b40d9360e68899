"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const eventLineTokens_1 = require("../../src/server/features/eventLineTokens");
const markdown_1 = require("../../src/server/features/markdown");
const timeText_1 = require("../../src/server/features/timeText");
const LINE = '{"event_type":"risk_alert","data":{"severity":"high","nested":{"event_id":"x"}},"metadata":{"event_id":"e-1","causation_id":null,"sequence_number":4}}';
(0, node_test_1.describe)('locating the token under the cursor on an event line', () => {
    (0, node_test_1.it)('names envelope fields on their values, with the value range', () => {
        const at = LINE.indexOf('"risk_alert"') + 3;
        const token = (0, eventLineTokens_1.tokenAt)(LINE, at);
        node_assert_1.strict.equal(token.field, 'event_type');
        node_assert_1.strict.equal(token.zone, 'envelope');
        node_assert_1.strict.deepEqual(token.range, { start: LINE.indexOf('"risk_alert"'), end: LINE.indexOf('"risk_alert"') + 12 });
        node_assert_1.strict.equal(token.value, 'risk_alert');
        const id = (0, eventLineTokens_1.tokenAt)(LINE, LINE.indexOf('"e-1"') + 1);
        node_assert_1.strict.deepEqual([id.field, id.value, id.path], ['event_id', 'e-1', ['metadata', 'event_id']]);
        const cause = (0, eventLineTokens_1.tokenAt)(LINE, LINE.indexOf('null') + 2);
        node_assert_1.strict.deepEqual([cause.field, cause.value], ['causation_id', null]);
        node_assert_1.strict.equal((0, eventLineTokens_1.tokenAt)(LINE, LINE.indexOf(':4') + 1).field, 'sequence_number');
    });
    (0, node_test_1.it)('tells data apart from the envelope, even for a key named like an envelope field', () => {
        const inData = (0, eventLineTokens_1.tokenAt)(LINE, LINE.indexOf('"x"') + 1);
        node_assert_1.strict.equal(inData.zone, 'data');
        node_assert_1.strict.equal(inData.field, undefined);
        node_assert_1.strict.deepEqual(inData.path, ['data', 'nested', 'event_id']);
        const key = (0, eventLineTokens_1.tokenAt)(LINE, LINE.indexOf('"severity"') + 2);
        node_assert_1.strict.equal(key.isAtPropertyKey, true);
        node_assert_1.strict.equal(key.field, undefined);
        node_assert_1.strict.equal(key.zone, 'data');
    });
    (0, node_test_1.it)('copes with half-typed and non-JSON lines and out-of-range offsets', () => {
        const partial = '{"event_type":"ris';
        node_assert_1.strict.deepEqual((0, eventLineTokens_1.tokenAt)(partial, partial.length).range, { start: 14, end: 18 });
        node_assert_1.strict.deepEqual((0, eventLineTokens_1.tokenAt)('', 5).path, []);
        node_assert_1.strict.doesNotThrow(() => (0, eventLineTokens_1.tokenAt)('NaN ]]] {{ "', 4));
        node_assert_1.strict.equal((0, eventLineTokens_1.tokenAt)(LINE, -3).range, undefined);
    });
});
(0, node_test_1.describe)('hover text helpers', () => {
    (0, node_test_1.it)('escapes markdown and HTML in values', () => {
        node_assert_1.strict.equal((0, markdown_1.escapeMarkdown)('a_b*c <b>&'), 'a\\_b\\*c &lt;b&gt;&amp;');
        node_assert_1.strict.equal((0, markdown_1.escapeMarkdown)('[x](y)\n# h'), '\\[x\\](y) \\# h');
    });
    (0, node_test_1.it)('says durations the way people read them', () => {
        node_assert_1.strict.equal((0, timeText_1.durationText)(850), '850 ms');
        node_assert_1.strict.equal((0, timeText_1.durationText)(12_345), '12.345 s');
        node_assert_1.strict.equal((0, timeText_1.durationText)(185_000), '3 min 5 s');
        node_assert_1.strict.equal((0, timeText_1.durationText)(7_440_000), '2 h 4 min');
        node_assert_1.strict.equal((0, timeText_1.durationText)(90_000_000), '1 d 1 h');
        node_assert_1.strict.equal((0, timeText_1.durationText)(-2000), '-2 s');
    });
});
//# sourceMappingURL=featuresLineTokens.unit.spec.js.map