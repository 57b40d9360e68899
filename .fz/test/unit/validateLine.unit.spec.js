"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const schemaRegistry_1 = require("../../src/engine/schema/schemaRegistry");
const lineRules_1 = require("../../src/engine/validate/lineRules");
const lineLocator_1 = require("../../src/engine/store/lineLocator");
const EVENT_ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
/** json.dumps as Python writes it by default: ", " and ": " separators. */
function pyDumps(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(pyDumps).join(', ')}]`;
    return `{${Object.entries(value)
        .map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`)
        .join(', ')}}`;
}
function metadata(overrides = {}) {
    return {
        event_id: EVENT_ID,
        version: '1.0.0',
        schema_version: '1.0',
        timestamp: '2024-01-15T10:30:00.123456',
        source: 'TradingBot',
        correlation_id: null,
        causation_id: null,
        aggregate_id: 'trader_1',
        sequence_number: 1,
        retry_count: 0,
        status: 'pending',
        tags: {},
        ...overrides,
    };
}
function eventLine(meta = metadata(), data = { symbol: 'BTCUSDT', quantity: 1.5 }, type = 'trade_executed') {
    return pyDumps({ event_type: type, data, metadata: meta });
}
const base = { file: 'events/events_2024-01-15.jsonl', line: 7 };
function check(text, context = {}) {
    return (0, lineRules_1.validateLine)(text, { ...base, ...context });
}
/** Column (1-based) and end column (exclusive) of the n-th occurrence of `token` in `text`. */
function span(text, token, occurrence = 1) {
    let at = -1;
    for (let i = 0; i < occurrence; i++)
        at = text.indexOf(token, at + 1);
    node_assert_1.strict.ok(at >= 0, `${token} not in ${text}`);
    return { column: at + 1, endColumn: at + 1 + token.length };
}
function only(findings, code) {
    const matching = findings.filter((f) => f.code === code);
    node_assert_1.strict.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings)}`);
    return matching[0];
}
(0, node_test_1.describe)('validateLine: a valid event', () => {
    (0, node_test_1.it)('has no findings, in Python spacing, compact spacing and any key order', () => {
        node_assert_1.strict.deepEqual(check(eventLine()), []);
        node_assert_1.strict.deepEqual(check(JSON.stringify({ event_type: 'trade_executed', data: {}, metadata: metadata() })), []);
        const reordered = pyDumps({ metadata: metadata({ timestamp: '2024-01-15T10:30:00+00:00' }), data: { a: 1 }, event_type: 'risk_alert' });
        node_assert_1.strict.deepEqual(check(reordered), []);
    });
    (0, node_test_1.it)('treats a blank or whitespace-only line as nothing', () => {
        node_assert_1.strict.deepEqual(check(''), []);
        node_assert_1.strict.deepEqual(check('   \t'), []);
    });
});
(0, node_test_1.describe)('validateLine: JSON syntax (EB001-EB003)', () => {
    (0, node_test_1.it)('EB001 marks the position where parsing failed', () => {
        const text = '{"event_type": "x", "data": {} "metadata": {}}';
        const finding = only(check(text), 'EB001');
        node_assert_1.strict.equal(finding.severity, 'error');
        node_assert_1.strict.equal(finding.line, 7);
        node_assert_1.strict.equal(finding.endLine, 7);
        // The parser stops at the `"metadata"` key that lacks a comma before it.
        node_assert_1.strict.equal(finding.column, 32);
        node_assert_1.strict.equal(finding.endColumn, 42);
        node_assert_1.strict.match(finding.message, /invalid JSON: expected ',' at column 32/);
    });
    (0, node_test_1.it)('EB001 at the end of a truncated line that is not the last', () => {
        const text = '{"event_type": "x"';
        const finding = only(check(text), 'EB001');
        node_assert_1.strict.equal(finding.column, text.length + 1);
        node_assert_1.strict.equal(finding.endColumn, text.length + 1);
    });
    (0, node_test_1.it)('EB002 names NaN and -Infinity as non-JSON numbers, each with its own range', () => {
        const text = eventLine(metadata(), { price: 'NaN', value: 0, low: 0 }).replace('"value": 0', '"value": NaN').replace('"low": 0', '"low": -Infinity');
        const findings = check(text);
        node_assert_1.strict.equal(findings.length, 2);
        node_assert_1.strict.deepEqual(findings.map((f) => [f.code, f.column, f.endColumn, f.severity]), [
            ['EB002', span(text, 'NaN,').column, span(text, 'NaN,').column + 3, 'error'],
            ['EB002', span(text, '-Infinity').column, span(text, '-Infinity').endColumn, 'error'],
        ]);
        node_assert_1.strict.match(findings[0].message, /^NaN is not a JSON number/);
        node_assert_1.strict.match(findings[1].message, /-Infinity is not a JSON number.*float\('-inf'\)/);
    });
    (0, node_test_1.it)('EB002 does not mistake the string "NaN" for the token', () => {
        node_assert_1.strict.deepEqual(check(eventLine(metadata(), { price: 'NaN' })), []);
    });
    (0, node_test_1.it)('EB003 (warning) for an unterminated last line that is incomplete; a complete one is fine', () => {
        const full = eventLine();
        const torn = full.slice(0, 60);
        const finding = only(check(torn, { unterminated: true }), 'EB003');
        node_assert_1.strict.equal(finding.severity, 'warning');
        node_assert_1.strict.equal(finding.column, 1);
        node_assert_1.strict.equal(finding.endColumn, torn.length + 1);
        node_assert_1.strict.deepEqual(check(full, { unterminated: true }), []);
    });
});
(0, node_test_1.describe)('validateLine: envelope shape (EB004-EB008)', () => {
    (0, node_test_1.it)('EB004 for JSON that is not an event object', () => {
        node_assert_1.strict.match(only(check('[1, 2]'), 'EB004').message, /got an array/);
        node_assert_1.strict.match(only(check('42'), 'EB004').message, /got a number/);
        const missing = only(check(pyDumps({ event_type: 'x', data: {} })), 'EB004');
        node_assert_1.strict.match(missing.message, /missing "metadata"/);
        node_assert_1.strict.deepEqual(missing.data, { missing: ['metadata'] });
    });
    (0, node_test_1.it)('EB004 points at a non-string event_type and a non-object metadata', () => {
        const text = pyDumps({ event_type: 5, data: {}, metadata: [] });
        const findings = check(text);
        node_assert_1.strict.deepEqual(findings.map((f) => [f.code, f.column, f.endColumn]), [
            ['EB004', span(text, '5').column, span(text, '5').endColumn],
            ['EB004', span(text, '[]').column, span(text, '[]').endColumn],
        ]);
    });
    (0, node_test_1.it)('EB005 for each missing metadata field, at the "metadata" key', () => {
        const meta = metadata();
        delete meta.status;
        delete meta.tags;
        const text = eventLine(meta);
        const findings = check(text).filter((f) => f.code === 'EB005');
        node_assert_1.strict.deepEqual(findings.map((f) => f.message), ['metadata is missing "status"', 'metadata is missing "tags"']);
        for (const f of findings)
            node_assert_1.strict.deepEqual([f.column, f.endColumn], [span(text, '"metadata"').column, span(text, '"metadata"').endColumn]);
    });
    (0, node_test_1.it)('EB006 for a mistyped field, at its value, saying what was expected and got', () => {
        const text = eventLine(metadata({ sequence_number: '12', tags: { env: 3 } }));
        const findings = check(text).filter((f) => f.code === 'EB006');
        node_assert_1.strict.equal(findings.length, 2);
        const seq = findings.find((f) => f.data?.field === 'sequence_number');
        node_assert_1.strict.deepEqual([seq.column, seq.endColumn], [span(text, '"12"').column, span(text, '"12"').endColumn]);
        node_assert_1.strict.equal(seq.message, 'metadata.sequence_number must be an integer, got the string "12"');
        const tag = findings.find((f) => f.data?.field === 'tags');
        node_assert_1.strict.equal(tag.message, 'metadata.tags.env must be a string, got the integer 3');
        node_assert_1.strict.equal(tag.column, span(text, '3}').column);
    });
    (0, node_test_1.it)('EB006 once for a negative non-integer count', () => {
        const findings = check(eventLine(metadata({ retry_count: -1.5 }))).filter((f) => f.code === 'EB006');
        node_assert_1.strict.equal(findings.length, 1);
    });
    (0, node_test_1.it)('EB007 for a non-UUID event_id and EB008 for an unparseable timestamp', () => {
        const text = eventLine(metadata({ event_id: 'abc-123', timestamp: '2024-13-01T00:00:00' }));
        const id = only(check(text), 'EB007');
        node_assert_1.strict.deepEqual([id.column, id.endColumn], [span(text, '"abc-123"').column, span(text, '"abc-123"').endColumn]);
        const time = only(check(text), 'EB008');
        node_assert_1.strict.deepEqual([time.column, time.endColumn], [span(text, '"2024-13-01T00:00:00"').column, span(text, '"2024-13-01T00:00:00"').endColumn]);
    });
    (0, node_test_1.it)('accepts naive, Z and offset timestamps', () => {
        for (const timestamp of ['2024-01-15T10:30:00', '2024-01-15T10:30:00Z', '2024-01-15T10:30:00.123+02:00']) {
            node_assert_1.strict.deepEqual(check(eventLine(metadata({ timestamp }))), [], timestamp);
        }
    });
    (0, node_test_1.it)('points at the envelope field, not an envelope-looking key inside data', () => {
        const data = { metadata: { event_id: 'bad', status: 'weird' }, event_id: 'bad', status: 'weird' };
        // data comes first in the line, so a naive search would hit it.
        const text = pyDumps({ event_type: 'trade_executed', data, metadata: metadata({ event_id: 'bad', status: 'weird' }) });
        const id = only(check(text), 'EB007');
        node_assert_1.strict.equal(id.column, span(text, '"bad"', 3).column);
        const status = only(check(text), 'EB020');
        node_assert_1.strict.equal(status.column, span(text, '"weird"', 3).column);
        // And data holding envelope keys with wrong types is not an envelope problem.
        node_assert_1.strict.deepEqual(check(eventLine(metadata(), { metadata: 5, event_type: [] })), []);
    });
    (0, node_test_1.it)('counts columns in UTF-16 units across non-ASCII text and \\u escapes', () => {
        const text = eventLine(metadata({ event_id: 'nope' }), { name: 'Zürich €', escaped: '\u00e9' }).replace('"Zürich €"', '"Zürich € 🚀"');
        const withEscape = text.replace('"é"', '"\\u00e9"');
        for (const line of [text, withEscape]) {
            const id = only(check(line), 'EB007');
            node_assert_1.strict.equal(id.column, line.indexOf('"nope"') + 1);
            node_assert_1.strict.equal(id.endColumn, line.indexOf('"nope"') + 7);
        }
    });
});
(0, node_test_1.describe)('validateLine: value warnings (EB019, EB020)', () => {
    (0, node_test_1.it)('EB019 when retry_count is above max_retry_count, only when a maximum is given', () => {
        const text = eventLine(metadata({ retry_count: 5 }));
        const finding = only(check(text, { maxRetryCount: 3 }), 'EB019');
        node_assert_1.strict.equal(finding.severity, 'warning');
        node_assert_1.strict.equal(finding.message, 'retry_count 5 is above max_retry_count 3');
        node_assert_1.strict.deepEqual(check(text), []);
        node_assert_1.strict.deepEqual(check(eventLine(metadata({ retry_count: 3 })), { maxRetryCount: 3 }), []);
    });
    (0, node_test_1.it)('EB020 for an unknown status, at its value', () => {
        const text = eventLine(metadata({ status: 'done' }));
        const finding = only(check(text), 'EB020');
        node_assert_1.strict.equal(finding.severity, 'warning');
        node_assert_1.strict.deepEqual([finding.column, finding.endColumn], [span(text, '"done"').column, span(text, '"done"').endColumn]);
    });
});
(0, node_test_1.describe)('validateLine: schemas (EB009-EB012)', () => {
    function registry() {
        const r = new schemaRegistry_1.SchemaRegistry();
        r.addSchema('trade_executed', '1.0', {
            type: 'object',
            required: ['symbol', 'qty'],
            properties: { symbol: { type: 'string' }, qty: { type: 'number' } },
        });
        r.addSchema('trade_executed', '2.0', {
            type: 'object',
            required: ['symbol', 'quantity'],
            additionalProperties: false,
            properties: {
                symbol: { type: 'string' },
                quantity: { type: 'number' },
                side: { enum: ['buy', 'sell'] },
                fills: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } } } },
            },
        });
        r.addMigration({ eventType: 'trade_executed', from: '1.0', to: '2.0', operations: [] });
        r.addType('order_placed');
        return r;
    }
    (0, node_test_1.it)('EB009: one finding per violation, each at the offending token', () => {
        const data = { symbol: 7, quantity: 1, side: 'hold', extra: true, fills: [{ price: 1 }, { price: 'x' }] };
        const text = eventLine(metadata({ schema_version: '2.0' }), data);
        const findings = check(text, { registry: registry() }).filter((f) => f.code === 'EB009');
        const byKeyword = new Map(findings.map((f) => [f.data?.keyword, f]));
        node_assert_1.strict.equal(findings.length, 4);
        node_assert_1.strict.equal(byKeyword.get('type').severity, 'error');
        const types = findings.filter((f) => f.data?.keyword === 'type');
        node_assert_1.strict.deepEqual(types.map((f) => [f.column, f.message]), [
            [span(text, '7').column, 'data.symbol must be string (schema trade_executed 2.0)'],
            [span(text, '"x"').column, 'data.fills[1].price must be number (schema trade_executed 2.0)'],
        ]);
        const extra = byKeyword.get('additionalProperties');
        node_assert_1.strict.deepEqual([extra.column, extra.endColumn], [span(text, '"extra"').column, span(text, '"extra"').endColumn]);
        node_assert_1.strict.match(extra.message, /has property "extra"/);
        const side = byKeyword.get('enum');
        node_assert_1.strict.equal(side.column, span(text, '"hold"').column);
        node_assert_1.strict.match(side.message, /data.side must be one of "buy", "sell"/);
    });
    (0, node_test_1.it)('EB009 for a missing property points at the key holding the object', () => {
        const text = eventLine(metadata(), { symbol: 'BTC' });
        const finding = only(check(text, { registry: registry() }), 'EB009');
        node_assert_1.strict.deepEqual([finding.column, finding.endColumn], [span(text, '"data"').column, span(text, '"data"').endColumn]);
        node_assert_1.strict.equal(finding.message, 'data is missing required property "qty" (schema trade_executed 1.0)');
    });
    (0, node_test_1.it)('EB010 for a version the type does not know', () => {
        const text = eventLine(metadata({ schema_version: '3.1' }), { symbol: 'BTC', qty: 1 });
        const finding = only(check(text, { registry: registry() }), 'EB010');
        node_assert_1.strict.equal(finding.severity, 'error');
        node_assert_1.strict.match(finding.message, /unknown schema_version "3.1" for trade_executed \(known: 1.0, 2.0\)/);
        node_assert_1.strict.equal(finding.column, span(text, '"3.1"').column);
    });
    (0, node_test_1.it)('EB011 (warning) for a type neither built in nor in the schemas folder', () => {
        const text = eventLine(metadata(), {}, 'trade_exectued');
        const finding = only(check(text, { registry: registry() }), 'EB011');
        node_assert_1.strict.equal(finding.severity, 'warning');
        node_assert_1.strict.deepEqual([finding.column, finding.endColumn], [span(text, '"trade_exectued"').column, span(text, '"trade_exectued"').endColumn]);
        node_assert_1.strict.deepEqual(check(eventLine(metadata(), {}, 'order_placed'), { registry: registry() }), []);
        node_assert_1.strict.deepEqual(check(eventLine(metadata(), {}, 'risk_alert'), { registry: registry() }), []);
    });
    (0, node_test_1.it)('EB012 (information) for an older version with a path to the newest', () => {
        const text = eventLine(metadata({ schema_version: '1.0' }), { symbol: 'BTC', qty: 1 });
        const finding = only(check(text, { registry: registry() }), 'EB012');
        node_assert_1.strict.equal(finding.severity, 'information');
        node_assert_1.strict.equal(finding.message, 'schema_version 1.0 is older than 2.0; upcast on read (1.0 -> 2.0)');
    });
    (0, node_test_1.it)('severity overrides change or silence a code', () => {
        const text = eventLine(metadata({ status: 'done', retry_count: 9 }));
        const findings = check(text, { maxRetryCount: 3, severity: { EB020: 'error', EB019: 'off' } });
        node_assert_1.strict.deepEqual(findings.map((f) => [f.code, f.severity]), [['EB020', 'error']]);
    });
});
(0, node_test_1.describe)('locating a value the line is known to hold', () => {
    (0, node_test_1.it)('finds metadata.schema_version directly, and by a full walk when data repeats the key', () => {
        const plain = '{"event_type": "a", "data": {"x": 1}, "metadata": {"schema_version": "1.0", "source": "s"}}';
        const range = new lineLocator_1.LineLocator(plain).knownValueRange(['metadata', 'schema_version']);
        node_assert_1.strict.equal(plain.slice(range.start, range.end), '"1.0"');
        const repeated = '{"event_type": "a", "data": {"schema_version": "9.9"}, "metadata": {"schema_version": "1.0"}}';
        const walked = new lineLocator_1.LineLocator(repeated).knownValueRange(['metadata', 'schema_version']);
        node_assert_1.strict.equal(repeated.slice(walked.start, walked.end), '"1.0"');
        const inString = '{"event_type": "a", "data": {"note": "see \\"schema_version\\": here"}, "metadata": {"schema_version": "2.0"}}';
        const skipped = new lineLocator_1.LineLocator(inString).knownValueRange(['metadata', 'schema_version']);
        node_assert_1.strict.equal(inString.slice(skipped.start, skipped.end), '"2.0"');
    });
});
(0, node_test_1.describe)('validateLine: integers beyond 2^53 (EB026)', () => {
    const withData = (dataText) => `{"event_type": "trade_executed", "data": ${dataText}, "metadata": ${pyDumps(metadata())}}`;
    (0, node_test_1.it)('marks each integer in data beyond 2^53, at its digits, saying what a computed state holds', () => {
        const text = withData('{"order_id": 12345678901234567890, "legs": [1, -98765432109876543210], "quantity": 1.0}');
        const found = check(text).filter((f) => f.code === 'EB026');
        node_assert_1.strict.equal(found.length, 2);
        node_assert_1.strict.equal(found[0].severity, 'warning');
        node_assert_1.strict.deepEqual({ column: found[0].column, endColumn: found[0].endColumn }, span(text, '12345678901234567890'));
        node_assert_1.strict.match(found[0].message, /data\/order_id is 12345678901234567890, beyond 2\^53: .* holds 12345678901234567000/);
        node_assert_1.strict.deepEqual({ column: found[1].column, endColumn: found[1].endColumn }, span(text, '-98765432109876543210'));
        node_assert_1.strict.equal(found[1].data?.path, 'data/legs/1');
    });
    (0, node_test_1.it)('leaves exact integers, floats written with an exponent and long digit runs inside strings alone', () => {
        node_assert_1.strict.deepEqual(check(withData('{"max": 9007199254740991, "big": 1e20, "text": "12345678901234567890", "price": 1.0}')), []);
    });
    (0, node_test_1.it)('is off when its severity is turned off', () => {
        node_assert_1.strict.deepEqual(check(withData('{"order_id": 12345678901234567890}'), { severity: { EB026: 'off' } }), []);
    });
});
//# sourceMappingURL=validateLine.unit.spec.js.map