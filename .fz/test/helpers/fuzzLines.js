"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.anyLineBytes = exports.jsonLineBytes = exports.randomLineBytes = exports.eventLineBytes = exports.eventLineText = exports.valueText = exports.PROTOTYPE_KEYS = void 0;
exports.applyDamage = applyDamage;
const fast_check_1 = __importDefault(require("fast-check"));
/**
 * Generators of event-file lines for property tests: envelopes written the
 * way real writers vary them (key order, spacing, escapes), with the
 * hostile variants a store can hold (duplicate keys, `__proto__` keys,
 * huge numbers, deep nesting), and byte-level damage on top. No generated
 * line contains a line feed: a line feed ends a line before any parser sees it.
 */
const UUID = '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11';
/** Keys that reach a prototype when assigned naively. */
exports.PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const scalarText = fast_check_1.default.oneof(fast_check_1.default.constantFrom('null', 'true', 'false', '0', '-0', '1', '42', '-1', '1.5', '1e2', '1E-7', '-0.0e+0'), fast_check_1.default.constantFrom('9007199254740993', '123456789012345678901234567890', '1e400', '-1e400', '5e-400', '1' + '0'.repeat(400)), fast_check_1.default.constantFrom('NaN', 'Infinity', '-Infinity'), fast_check_1.default.integer().map(String), fast_check_1.default.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)), fast_check_1.default.string({ maxLength: 12 }).map((s) => JSON.stringify(s)), fast_check_1.default.string({ unit: 'binary', maxLength: 8 }).map((s) => JSON.stringify(s)));
/** A JSON-ish value as text: mostly valid, sometimes holding Python's NaN/Infinity. */
exports.valueText = fast_check_1.default.letrec((tie) => ({
    value: fast_check_1.default.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, fast_check_1.default.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`), fast_check_1.default
        .array(fast_check_1.default.tuple(keyText(), tie('value')), { maxLength: 4 })
        .map((members) => `{${members.map(([k, v]) => `${k}: ${v}`).join(', ')}}`)),
})).value;
/** A key as JSON text: ordinary, envelope-looking, prototype-reaching, or spelled with escapes. */
function keyText() {
    return fast_check_1.default.oneof(fast_check_1.default.string({ maxLength: 8 }).map((s) => JSON.stringify(s)), fast_check_1.default.constantFrom(...exports.PROTOTYPE_KEYS, 'event_type', 'metadata', 'aggregate_id', 'sequence_number', 'toString', 'hasOwnProperty').map((s) => JSON.stringify(s)), fast_check_1.default.constantFrom('"aggregate_\\u0069d"', '"\\u005f\\u005fproto\\u005f\\u005f"', '"event\\u005ftype"', '"sequence\\u005fnumber"'));
}
const METADATA_FIELDS = [
    ['event_id', fast_check_1.default.oneof(fast_check_1.default.constant(JSON.stringify(UUID)), fast_check_1.default.uuid().map((u) => JSON.stringify(u)), exports.valueText)],
    ['version', fast_check_1.default.constant('"1.0.0"')],
    ['schema_version', fast_check_1.default.oneof(fast_check_1.default.constant('"1.0"'), exports.valueText)],
    ['timestamp', fast_check_1.default.oneof(fast_check_1.default.constantFrom('"2024-01-15T10:30:00Z"', '"2024-01-15T10:30:00.123456"', '"2024-01-15T10:30:00+00:00"', '"yesterday"'), exports.valueText)],
    ['source', fast_check_1.default.oneof(fast_check_1.default.constantFrom('"svc"', '"B\\u00f6rse"', '"Börse"'), exports.valueText)],
    ['correlation_id', fast_check_1.default.oneof(fast_check_1.default.constant('null'), fast_check_1.default.constant(JSON.stringify(UUID)), exports.valueText)],
    ['causation_id', fast_check_1.default.oneof(fast_check_1.default.constant('null'), exports.valueText)],
    ['aggregate_id', fast_check_1.default.oneof(fast_check_1.default.constantFrom('"acc-1"', 'null', '"__proto__"', '"constructor"', '"tr\\u00e4der"'), exports.valueText)],
    ['sequence_number', fast_check_1.default.oneof(fast_check_1.default.nat().map(String), scalarText, exports.valueText)],
    ['retry_count', fast_check_1.default.oneof(fast_check_1.default.constant('0'), scalarText)],
    ['status', fast_check_1.default.oneof(fast_check_1.default.constantFrom('"pending"', '"completed"'), exports.valueText)],
    ['tags', fast_check_1.default.oneof(fast_check_1.default.constant('{}'), fast_check_1.default.constant('{"__proto__": {"polluted": "yes"}}'), exports.valueText)],
];
/** Members of an object: a random subset in random order, some repeated (duplicate keys), some hostile extras. */
function membersArb(fields, extraKeys) {
    const chosen = fields.map(([name, value]) => fast_check_1.default.record({ keep: fast_check_1.default.double({ min: 0, max: 1, noNaN: true }), key: fast_check_1.default.oneof({ weight: 9, arbitrary: fast_check_1.default.constant(JSON.stringify(name)) }, { weight: 1, arbitrary: escapedSpelling(name) }), value }));
    return fast_check_1.default
        .tuple(fast_check_1.default.tuple(...chosen), fast_check_1.default.array(fast_check_1.default.record({ key: extraKeys, value: exports.valueText }), { maxLength: 2 }), fast_check_1.default.array(fast_check_1.default.nat(), { maxLength: 2 }))
        .chain(([members, extras, duplicates]) => {
        const kept = members.filter((m) => m.keep < 0.92).map((m) => ({ key: m.key, value: m.value }));
        for (const d of duplicates)
            if (kept.length > 0)
                kept.push({ ...kept[d % kept.length], value: kept[(d + 1) % kept.length].value });
        return fast_check_1.default.shuffledSubarray([...kept, ...extras], { minLength: kept.length + extras.length });
    });
}
/** The same key with one character written as a \u escape (JSON.parse reads it as the plain key). */
function escapedSpelling(name) {
    return fast_check_1.default.nat({ max: name.length - 1 }).map((at) => {
        const escaped = `\\u${name.charCodeAt(at).toString(16).padStart(4, '0')}`;
        return `"${name.slice(0, at)}${escaped}${name.slice(at + 1)}"`;
    });
}
const spacing = fast_check_1.default.record({
    comma: fast_check_1.default.constantFrom(', ', ',', ' ,\t', ' , '),
    colon: fast_check_1.default.constantFrom(': ', ':', ' :\t'),
    outer: fast_check_1.default.constantFrom('', ' ', '\t', ' \r'),
});
function objectText(members, style) {
    return `{${members.map((m) => `${m.key}${style.colon}${m.value}`).join(style.comma)}}`;
}
/** One event line: metadata members, then the envelope around it (data may be any value). */
exports.eventLineText = fast_check_1.default
    .record({
    metadata: membersArb(METADATA_FIELDS, keyText()),
    dataValue: exports.valueText,
    eventType: fast_check_1.default.oneof({ weight: 8, arbitrary: fast_check_1.default.constantFrom('"trade_executed"', '"user_created"', '"x\\u005fy"') }, { weight: 2, arbitrary: exports.valueText }),
    style: spacing,
    metadataAsValue: fast_check_1.default.oneof({ weight: 9, arbitrary: fast_check_1.default.constant(null) }, { weight: 1, arbitrary: exports.valueText }),
})
    .chain(({ metadata, dataValue, eventType, style, metadataAsValue }) => {
    const metadataText = metadataAsValue ?? objectText(metadata, style);
    const top = [
        ['event_type', fast_check_1.default.constant(eventType)],
        ['data', fast_check_1.default.constant(dataValue)],
        ['metadata', fast_check_1.default.constant(metadataText)],
    ];
    return membersArb(top, keyText()).map((members) => `${style.outer}${objectText(members, style)}${style.outer}`);
});
/** Characters that break JSON in interesting ways when inserted (never a line feed). */
const DAMAGE = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'N', '0', '-', '.', 'e', '\u0000', '\u001f', '\r', '\ufeff', '\u2028', 'é', 'u'];
const damageArb = fast_check_1.default.record({
    at: fast_check_1.default.nat(),
    kind: fast_check_1.default.constantFrom('delete', 'insert', 'replace', 'truncate', 'bytes'),
    text: fast_check_1.default.constantFrom(...DAMAGE),
    bytes: fast_check_1.default.array(fast_check_1.default.integer({ min: 0, max: 255 }).filter((b) => b !== 10), { minLength: 1, maxLength: 3 }),
});
/** Applies damage to a line's bytes (invalid UTF-8 included). */
function applyDamage(line, damages) {
    let out = line;
    for (const d of damages) {
        const at = out.length === 0 ? 0 : d.at % (out.length + 1);
        const insert = d.kind === 'bytes' ? Buffer.from(d.bytes) : Buffer.from(d.text, 'utf8');
        if (d.kind === 'delete')
            out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
        else if (d.kind === 'truncate')
            out = out.subarray(0, at);
        else if (d.kind === 'replace')
            out = Buffer.concat([out.subarray(0, at), insert, out.subarray(at + 1)]);
        else
            out = Buffer.concat([out.subarray(0, at), insert, out.subarray(at)]);
    }
    return out;
}
/** An event line's bytes: intact about half the time, otherwise damaged once to three times. */
exports.eventLineBytes = fast_check_1.default
    .tuple(exports.eventLineText, fast_check_1.default.oneof(fast_check_1.default.constant([]), fast_check_1.default.array(damageArb, { minLength: 1, maxLength: 3 })))
    .map(([text, damages]) => applyDamage(Buffer.from(text, 'utf8'), damages));
/** Arbitrary bytes without a line feed (what one line of a file can hold). */
exports.randomLineBytes = fast_check_1.default
    .uint8Array({ maxLength: 64 })
    .map((bytes) => Buffer.from(bytes.map((b) => (b === 10 ? 32 : b))));
/** Any JSON text fast-check makes (one line: JSON.stringify escapes line feeds), sometimes damaged. */
exports.jsonLineBytes = fast_check_1.default
    .tuple(fast_check_1.default.json({ maxDepth: 4 }), fast_check_1.default.array(damageArb, { maxLength: 2 }))
    .map(([text, damages]) => applyDamage(Buffer.from(text, 'utf8'), damages));
/** Everything a line of an event file can be, weighted towards near-events. */
exports.anyLineBytes = fast_check_1.default.oneof({ weight: 6, arbitrary: exports.eventLineBytes }, { weight: 2, arbitrary: exports.jsonLineBytes }, { weight: 2, arbitrary: exports.randomLineBytes });
//# sourceMappingURL=fuzzLines.js.map