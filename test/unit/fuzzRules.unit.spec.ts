import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ScanStatus } from '../../src/engine/index/envelopeScanner';
import { validateLine } from '../../src/engine/validate/lineRules';
import { parseEventLine } from '../../src/engine/store/parseEventLine';
import { defaultReducer } from '../../src/engine/state/defaultReducer';
import { systemReducer } from '../../src/engine/state/systemReducer';
import { mergeInto, safeClone } from '../../src/engine/model/safeMerge';
import { anyLineBytes, eventLineText, PROTOTYPE_KEYS } from '../helpers/fuzzLines';
import { jsonParse, scanLine } from '../helpers/fuzzOracle';
import { assertNoForbiddenKeys, assertPrototypesUntouched, snapshotPrototypes } from '../helpers/fuzzPrototype';

/**
 * The per-line rules, the event reader and the state reducers on generated
 * hostile lines: none of them throws, every finding points at the line it
 * came from, the validator and the index agree on which lines are events,
 * and no prototype is polluted.
 */

const FILE = 'events/events_2024-01-15.jsonl';

test('validateLine never throws, points at its line, and agrees with the index on what is an event', () => {
  fc.assert(
    fc.property(anyLineBytes, fc.integer({ min: 1, max: 1_000_000 }), (bytes, line) => {
      const text = bytes.toString('utf8');
      const findings = validateLine(text, { file: FILE, line, maxRetryCount: 3 });
      for (const f of findings) {
        assert.equal(f.file, FILE);
        assert.equal(f.line, line);
        assert.ok(f.column >= 1 && f.column <= text.length + 1 && f.endColumn >= f.column && f.endColumn <= text.length + 1, `range ${f.column}-${f.endColumn} outside the line`);
        assert.ok(f.message.length > 0);
      }
      const codes = new Set(findings.map((f) => f.code));
      const scanned = scanLine(bytes).status;
      if (text.trim() === '') return;
      if (scanned === ScanStatus.InvalidJson || scanned === ScanStatus.NonJsonNumber) {
        assert.ok(codes.has('EB001') || codes.has('EB002'), `the index rejects the line, the validator says ${[...codes].join(',') || 'nothing'}`);
      } else if (scanned === ScanStatus.NotAnEvent) {
        assert.ok(codes.has('EB004'), `the index says not an event, the validator says ${[...codes].join(',') || 'nothing'}`);
      } else {
        assert.ok(!codes.has('EB001') && !codes.has('EB002') && !codes.has('EB003'), 'the index takes the line, the validator calls it invalid JSON');
        const parsed = jsonParse(bytes).value as Record<string, unknown>;
        if (Object.prototype.hasOwnProperty.call(parsed, 'data')) assert.ok(!codes.has('EB004'), 'the index takes the line as an event, the validator says it is not one');
      }
    }),
    { numRuns: 6_000 },
  );
});

test('an indexable line reads as an event of the promised shape, frozen, without polluting anything', () => {
  const prototypes = snapshotPrototypes();
  fc.assert(
    fc.property(eventLineText, (text) => {
      if (scanLine(Buffer.from(text, 'utf8')).status !== ScanStatus.Ok) return;
      const event = parseEventLine(text, `${FILE}:1`);
      assert.equal(typeof event.event_type, 'string');
      for (const key of ['event_id', 'version', 'schema_version', 'timestamp', 'source', 'status'] as const) assert.equal(typeof event.metadata[key], 'string', key);
      for (const key of ['correlation_id', 'causation_id', 'aggregate_id'] as const) {
        const value = event.metadata[key];
        assert.ok(value === null || typeof value === 'string', `${key} is ${typeof value}`);
      }
      assert.equal(typeof event.metadata.sequence_number, 'number');
      assert.equal(typeof event.metadata.retry_count, 'number');
      assert.ok(event.metadata.tags !== null && typeof event.metadata.tags === 'object' && !Array.isArray(event.metadata.tags));
      assert.ok(Object.isFrozen(event) && Object.isFrozen(event.metadata) && Object.isFrozen(event.metadata.tags));
      assert.equal(Object.getPrototypeOf(event.metadata), Object.prototype);
      // Folding it, both ways a rebuild does, keeps every state object ordinary.
      assertNoForbiddenKeys(defaultReducer(defaultReducer({}, event), event));
      assertNoForbiddenKeys(systemReducer({}, event));
      assertPrototypesUntouched(prototypes);
    }),
    { numRuns: 5_000 },
  );
});

/** Event data as JSON.parse makes it from text with prototype-reaching keys at any depth (as own keys). */
const hostileText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'a', 'b', 'toString'), fc.string({ maxLength: 3 })), tie('node')), { maxLength: 4 })
      .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).node;
const hostileData = hostileText.map((text) => JSON.parse(`{"wrap":${text}}`) as Record<string, unknown>);

/** What a deep merge should give, written the obvious (recursive) way, for small inputs. */
function referenceMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) {
    if ((PROTOTYPE_KEYS as readonly string[]).includes(key)) continue;
    const incoming = source[key];
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObj(incoming) && isObj(current)) referenceMerge(current, incoming);
    else target[key] = safeClone(incoming);
  }
}

test('merging and copying hostile data skips prototype keys everywhere and merges like the obvious recursive merge', () => {
  const prototypes = snapshotPrototypes();
  fc.assert(
    fc.property(hostileData, hostileData, (first, second) => {
      const merged: Record<string, unknown> = {};
      mergeInto(merged, first);
      mergeInto(merged, second);
      assertNoForbiddenKeys(merged);
      assertNoForbiddenKeys(safeClone(second));
      const expected: Record<string, unknown> = {};
      referenceMerge(expected, first);
      referenceMerge(expected, second);
      assert.deepEqual(merged, expected);
      assertPrototypesUntouched(prototypes);
    }),
    { numRuns: 4_000 },
  );
});
