import fc from 'fast-check';

/**
 * Generators of event-file lines for property tests: envelopes written the
 * way real writers vary them (key order, spacing, escapes), with the
 * hostile variants a store can hold (duplicate keys, `__proto__` keys,
 * huge numbers, deep nesting), and byte-level damage on top. No generated
 * line contains a line feed: a line feed ends a line before any parser sees it.
 */

const UUID = '0b7c1a52-7a8e-4b39-9d43-6c2f0f6e8b11';

/** Keys that reach a prototype when assigned naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const scalarText = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1', '42', '-1', '1.5', '1e2', '1E-7', '-0.0e+0'),
  fc.constantFrom('9007199254740993', '123456789012345678901234567890', '1e400', '-1e400', '5e-400', '1' + '0'.repeat(400)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: 'binary', maxLength: 8 }).map((s) => JSON.stringify(s)),
);

/** A JSON-ish value as text: mostly valid, sometimes holding Python's NaN/Infinity. */
export const valueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(keyText(), tie('value')), { maxLength: 4 })
      .map((members) => `{${members.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
  ),
})).value;

/** A key as JSON text: ordinary, envelope-looking, prototype-reaching, or spelled with escapes. */
function keyText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
    fc.constantFrom(...PROTOTYPE_KEYS, 'event_type', 'metadata', 'aggregate_id', 'sequence_number', 'toString', 'hasOwnProperty').map((s) => JSON.stringify(s)),
    fc.constantFrom('"aggregate_\\u0069d"', '"\\u005f\\u005fproto\\u005f\\u005f"', '"event\\u005ftype"', '"sequence\\u005fnumber"'),
  );
}

const METADATA_FIELDS: ReadonlyArray<readonly [string, fc.Arbitrary<string>]> = [
  ['event_id', fc.oneof(fc.constant(JSON.stringify(UUID)), fc.uuid().map((u) => JSON.stringify(u)), valueText)],
  ['version', fc.constant('"1.0.0"')],
  ['schema_version', fc.oneof(fc.constant('"1.0"'), valueText)],
  ['timestamp', fc.oneof(fc.constantFrom('"2024-01-15T10:30:00Z"', '"2024-01-15T10:30:00.123456"', '"2024-01-15T10:30:00+00:00"', '"yesterday"'), valueText)],
  ['source', fc.oneof(fc.constantFrom('"svc"', '"B\\u00f6rse"', '"Börse"'), valueText)],
  ['correlation_id', fc.oneof(fc.constant('null'), fc.constant(JSON.stringify(UUID)), valueText)],
  ['causation_id', fc.oneof(fc.constant('null'), valueText)],
  ['aggregate_id', fc.oneof(fc.constantFrom('"acc-1"', 'null', '"__proto__"', '"constructor"', '"tr\\u00e4der"'), valueText)],
  ['sequence_number', fc.oneof(fc.nat().map(String), scalarText, valueText)],
  ['retry_count', fc.oneof(fc.constant('0'), scalarText)],
  ['status', fc.oneof(fc.constantFrom('"pending"', '"completed"'), valueText)],
  ['tags', fc.oneof(fc.constant('{}'), fc.constant('{"__proto__": {"polluted": "yes"}}'), valueText)],
];

interface Member {
  readonly key: string;
  readonly value: string;
}

/** Members of an object: a random subset in random order, some repeated (duplicate keys), some hostile extras. */
function membersArb(fields: ReadonlyArray<readonly [string, fc.Arbitrary<string>]>, extraKeys: fc.Arbitrary<string>): fc.Arbitrary<Member[]> {
  const chosen = fields.map(([name, value]) =>
    fc.record({ keep: fc.double({ min: 0, max: 1, noNaN: true }), key: fc.oneof({ weight: 9, arbitrary: fc.constant(JSON.stringify(name)) }, { weight: 1, arbitrary: escapedSpelling(name) }), value }),
  );
  return fc
    .tuple(fc.tuple(...chosen), fc.array(fc.record({ key: extraKeys, value: valueText }), { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 2 }))
    .chain(([members, extras, duplicates]) => {
      const kept: Member[] = members.filter((m) => m.keep < 0.92).map((m) => ({ key: m.key, value: m.value }));
      for (const d of duplicates) if (kept.length > 0) kept.push({ ...kept[d % kept.length], value: kept[(d + 1) % kept.length].value });
      return fc.shuffledSubarray([...kept, ...extras], { minLength: kept.length + extras.length });
    });
}

/** The same key with one character written as a \u escape (JSON.parse reads it as the plain key). */
function escapedSpelling(name: string): fc.Arbitrary<string> {
  return fc.nat({ max: name.length - 1 }).map((at) => {
    const escaped = `\\u${name.charCodeAt(at).toString(16).padStart(4, '0')}`;
    return `"${name.slice(0, at)}${escaped}${name.slice(at + 1)}"`;
  });
}

const spacing = fc.record({
  comma: fc.constantFrom(', ', ',', ' ,\t', ' , '),
  colon: fc.constantFrom(': ', ':', ' :\t'),
  outer: fc.constantFrom('', ' ', '\t', ' \r'),
});

function objectText(members: readonly Member[], style: { comma: string; colon: string }): string {
  return `{${members.map((m) => `${m.key}${style.colon}${m.value}`).join(style.comma)}}`;
}

/** One event line: metadata members, then the envelope around it (data may be any value). */
export const eventLineText: fc.Arbitrary<string> = fc
  .record({
    metadata: membersArb(METADATA_FIELDS, keyText()),
    dataValue: valueText,
    eventType: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('"trade_executed"', '"user_created"', '"x\\u005fy"') }, { weight: 2, arbitrary: valueText }),
    style: spacing,
    metadataAsValue: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: valueText }),
  })
  .chain(({ metadata, dataValue, eventType, style, metadataAsValue }) => {
    const metadataText = metadataAsValue ?? objectText(metadata, style);
    const top: ReadonlyArray<readonly [string, fc.Arbitrary<string>]> = [
      ['event_type', fc.constant(eventType)],
      ['data', fc.constant(dataValue)],
      ['metadata', fc.constant(metadataText)],
    ];
    return membersArb(top, keyText()).map((members) => `${style.outer}${objectText(members, style)}${style.outer}`);
  });

/** Characters that break JSON in interesting ways when inserted (never a line feed). */
const DAMAGE = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'N', '0', '-', '.', 'e', '\u0000', '\u001f', '\r', '\ufeff', '\u2028', 'é', 'u'];

export interface Damage {
  readonly at: number;
  readonly kind: 'delete' | 'insert' | 'replace' | 'truncate' | 'bytes';
  readonly text: string;
  readonly bytes: readonly number[];
}

const damageArb: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'bytes'),
  text: fc.constantFrom(...DAMAGE),
  bytes: fc.array(fc.integer({ min: 0, max: 255 }).filter((b) => b !== 10), { minLength: 1, maxLength: 3 }),
});

/** Applies damage to a line's bytes (invalid UTF-8 included). */
export function applyDamage(line: Buffer, damages: readonly Damage[]): Buffer {
  let out = line;
  for (const d of damages) {
    const at = out.length === 0 ? 0 : d.at % (out.length + 1);
    const insert = d.kind === 'bytes' ? Buffer.from(d.bytes) : Buffer.from(d.text, 'utf8');
    if (d.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
    else if (d.kind === 'truncate') out = out.subarray(0, at);
    else if (d.kind === 'replace') out = Buffer.concat([out.subarray(0, at), insert, out.subarray(at + 1)]);
    else out = Buffer.concat([out.subarray(0, at), insert, out.subarray(at)]);
  }
  return out;
}

/** An event line's bytes: intact about half the time, otherwise damaged once to three times. */
export const eventLineBytes: fc.Arbitrary<Buffer> = fc
  .tuple(eventLineText, fc.oneof(fc.constant([] as Damage[]), fc.array(damageArb, { minLength: 1, maxLength: 3 })))
  .map(([text, damages]) => applyDamage(Buffer.from(text, 'utf8'), damages));

/** Arbitrary bytes without a line feed (what one line of a file can hold). */
export const randomLineBytes: fc.Arbitrary<Buffer> = fc
  .uint8Array({ maxLength: 64 })
  .map((bytes) => Buffer.from(bytes.map((b) => (b === 10 ? 32 : b))));

/** Any JSON text fast-check makes (one line: JSON.stringify escapes line feeds), sometimes damaged. */
export const jsonLineBytes: fc.Arbitrary<Buffer> = fc
  .tuple(fc.json({ maxDepth: 4 }), fc.array(damageArb, { maxLength: 2 }))
  .map(([text, damages]) => applyDamage(Buffer.from(text, 'utf8'), damages));

/** Everything a line of an event file can be, weighted towards near-events. */
export const anyLineBytes: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: eventLineBytes },
  { weight: 2, arbitrary: jsonLineBytes },
  { weight: 2, arbitrary: randomLineBytes },
);
