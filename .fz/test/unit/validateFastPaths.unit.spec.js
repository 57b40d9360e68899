"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const ids_1 = require("../../src/engine/model/ids");
const timestamp_1 = require("../../src/engine/model/timestamp");
const envelopeSchema_1 = require("../../src/engine/schema/envelopeSchema");
const lineLocator_1 = require("../../src/engine/store/lineLocator");
const metadataFastCheck_1 = require("../../src/engine/validate/metadataFastCheck");
const VALID = {
    event_id: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
    version: '1.0.0',
    schema_version: '1.0',
    timestamp: '2024-01-15T10:30:00.123456',
    source: 'TradingBot',
    correlation_id: null,
    causation_id: 'c0ffee00-0000-4000-8000-000000000001',
    aggregate_id: 'trader_1',
    sequence_number: 0,
    retry_count: 2,
    status: 'pending',
    tags: { env: 'prod' },
};
const ODD_VALUES = [undefined, null, '', 'x', 0, -1, 1.5, 7, true, [], {}, { a: 1 }, { a: 'b' }, '2024-02-30T00:00:00', 'NaN'];
(0, node_test_1.describe)('metadataPassesFast', () => {
    (0, node_test_1.it)('is never more lenient than the envelope schema, over every field x odd value', () => {
        const validate = (0, envelopeSchema_1.metadataValidator)();
        node_assert_1.strict.equal((0, metadataFastCheck_1.metadataPassesFast)({ ...VALID }), true);
        node_assert_1.strict.equal(validate({ ...VALID }), true);
        let checked = 0;
        for (const field of Object.keys(VALID)) {
            for (const value of ODD_VALUES) {
                const metadata = { ...VALID, [field]: value };
                if (value === undefined)
                    delete metadata[field];
                const schemaSays = validate(metadata);
                const fastSays = (0, metadataFastCheck_1.metadataPassesFast)(metadata);
                node_assert_1.strict.ok(!fastSays || schemaSays, `fast check accepted what the schema rejects: ${field}=${JSON.stringify(value)}`);
                // And it is not uselessly strict: it agrees on everything here.
                node_assert_1.strict.equal(fastSays, schemaSays, `${field}=${JSON.stringify(value)}`);
                checked++;
            }
        }
        node_assert_1.strict.equal(checked, 12 * ODD_VALUES.length);
    });
});
(0, node_test_1.describe)('character-code fast paths agree with the model', () => {
    (0, node_test_1.it)('isCommonTimestamp says yes only where parseTimestamp parses', () => {
        const samples = [
            '2024-01-15T10:30:00',
            '2024-01-15T10:30:00Z',
            '2024-01-15T10:30:00.1Z',
            '2024-01-15T10:30:00.123456789+00:00',
            '2024-01-15T10:30:00.1234567890',
            '2024-01-15T10:30:00.',
            '2024-01-15T24:00:00',
            '2024-01-15T23:60:00',
            '2024-01-15T23:59:60',
            '2024-13-15T10:30:00',
            '2024-00-15T10:30:00',
            '2024-02-29T10:30:00',
            '2023-02-29T10:30:00',
            '2024-01-00T10:30:00',
            '2024-01-15 10:30:00',
            '2024-01-15T10:30:00+01:00',
            '2024-01-15T10:30:00z',
            '2024-01-15T10:30',
            '20a4-01-15T10:30:00',
            '2024-01-15T10:30:00Zjunk',
        ];
        let fast = 0;
        for (const sample of samples) {
            if ((0, metadataFastCheck_1.isCommonTimestamp)(sample)) {
                fast++;
                node_assert_1.strict.ok(!Number.isNaN((0, timestamp_1.parseTimestamp)(sample)), sample);
            }
        }
        node_assert_1.strict.equal(fast, 4, 'the common shapes take the fast path');
    });
    (0, node_test_1.it)('isUuidFast matches isUuid', () => {
        const samples = [
            '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
            '3F2B8C1E-9A4D-4E6F-8B2A-1C3D5E7F9A0B',
            '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0g',
            '3f2b8c1e9a4d-4e6f-8b2a-1c3d5e7f9a0b-',
            '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0',
            '',
        ];
        for (const sample of samples)
            node_assert_1.strict.equal((0, metadataFastCheck_1.isUuidFast)(sample), (0, ids_1.isUuid)(sample), sample);
    });
});
(0, node_test_1.describe)('LineLocator', () => {
    (0, node_test_1.it)('finds values and keys through objects and arrays, with any spacing', () => {
        const text = '{ "a" : { "b" : [ 1 , { "c" : "x,}]" } ] }, "d":2 }';
        const locator = new lineLocator_1.LineLocator(text);
        const value = locator.valueRange(['a', 'b', 1, 'c']);
        node_assert_1.strict.equal(text.slice(value?.start, value?.end), '"x,}]"');
        const key = locator.keyRange(['a', 'b', 1, 'c']);
        node_assert_1.strict.equal(text.slice(key?.start, key?.end), '"c"');
        node_assert_1.strict.equal(text.slice(locator.valueRange(['d'])?.start, locator.valueRange(['d'])?.end), '2');
        node_assert_1.strict.equal(text.slice(locator.keyRange(['a', 'b', '0'])?.start, locator.keyRange(['a', 'b', '0'])?.end), '1', 'an array item has no key: its value');
        node_assert_1.strict.equal(locator.valueRange(['a', 'zz']), undefined);
        node_assert_1.strict.equal(locator.valueRange(['a', 'b', 5]), undefined);
    });
    (0, node_test_1.it)('compares escaped keys decoded and takes the last of duplicate keys, as JSON.parse does', () => {
        const text = '{"st\\u0061tus": 1, "q\\"k": 2, "status": 3}';
        const locator = new lineLocator_1.LineLocator(text);
        const range = locator.valueRange(['status']);
        node_assert_1.strict.equal(text.slice(range?.start, range?.end), '3');
        const quoted = locator.keyRange(['q"k']);
        node_assert_1.strict.equal(text.slice(quoted?.start, quoted?.end), '"q\\"k"');
    });
    (0, node_test_1.it)('skips strings holding braces and escaped quotes', () => {
        const text = '{"data": {"note": "a \\" } { ] ["}, "metadata": {"event_id": "x"}}';
        const range = new lineLocator_1.LineLocator(text).valueRange(['metadata', 'event_id']);
        node_assert_1.strict.equal(range?.start, text.lastIndexOf('"x"'));
    });
    (0, node_test_1.it)('gives no range rather than a wrong one on text it cannot walk', () => {
        node_assert_1.strict.equal(new lineLocator_1.LineLocator('{"a": ').valueRange(['a']), undefined);
        node_assert_1.strict.deepEqual(new lineLocator_1.LineLocator('  {"a": 1}  ').wholeLine(), { start: 2, end: 10 });
    });
});
//# sourceMappingURL=validateFastPaths.unit.spec.js.map