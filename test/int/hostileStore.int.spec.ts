import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestingTooDeepError } from '../../src/engine/model/nestingDepth';
import { openStore } from '../../src/engine/openStore';
import { rebuildFromEvents } from '../../src/engine/state/rebuild';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { validateStore, type ValidationReport } from '../../src/engine/validate/validateStore';
import { assertNoForbiddenKeys, assertPrototypesUntouched, snapshotPrototypes } from '../helpers/fuzzPrototype';
import { hashTree, writeHostileStore, type HostileStore } from '../helpers/hostileStore';
import { makeTempDir } from '../helpers/tempStore';

/**
 * One store holding every kind of hostile or broken input the hardening
 * issue lists, each on its own day among good events (see hostileStore.ts):
 * the index and the validator finish, report each at its file and line,
 * every good event stays indexed and readable, nothing outside the store is
 * read, no prototype is polluted, and nothing in the store is written.
 */

let temp: { dir: string; cleanup: () => void };
let store: HostileStore;
let engine: StoreEngine;
let report: ValidationReport;
let hashesBefore: Map<string, string>;
const prototypes = snapshotPrototypes();

before(async () => {
  temp = makeTempDir('eventbus-hostile-');
  store = writeHostileStore(path.join(temp.dir, 'event_store'), path.join(temp.dir, 'outside'));
  hashesBefore = hashTree(store.root);
  // The index cache goes outside the store here, so "nothing is written" can be checked byte for byte.
  engine = await openStore(store.root, { cacheDir: path.join(temp.dir, 'cache') });
  report = await validateStore(engine, { threads: 2 });
});

after(async () => {
  await engine?.close();
  temp?.cleanup();
});

test('every good event is indexed at its file and line and reads back whole', async () => {
  assert.ok(store.good.length >= 20, `only ${store.good.length} good events`);
  for (const good of store.good) {
    const ordinals = engine.index.ordinalsOfEventId(good.eventId);
    assert.equal(ordinals.length, 1, `${good.file}:${good.line} (${good.eventId}) is not indexed once`);
    const indexed = engine.index.event(ordinals[0]);
    assert.deepEqual([indexed.file, indexed.line], [good.file, good.line]);
    const event = await engine.readEvent(ordinals[0]);
    assert.equal(event.metadata.event_id, good.eventId);
  }
  // And every indexed event reads, except the one nested too deep, which is refused by name (never a stack overflow).
  const [tooDeep] = engine.index.ordinalsOfEventId(store.tooDeep.eventId);
  assert.notEqual(tooDeep, undefined, 'the event nested too deep is indexed');
  let read = 0;
  for (let ordinal = 0; ordinal < engine.index.eventCount; ordinal++) {
    if (ordinal === tooDeep) {
      await assert.rejects(engine.readEvent(ordinal), (error: Error) => error instanceof NestingTooDeepError && error.message.startsWith(`${store.tooDeep.file}:${store.tooDeep.line}: nesting deeper than`));
      continue;
    }
    const event = await engine.readEvent(ordinal);
    assert.equal(typeof event.metadata.event_id, 'string');
    read++;
  }
  assert.equal(read, engine.index.eventCount - 1);
});

test('the index reports each broken line and file at its file and line', () => {
  for (const expected of store.expected.filter((e) => e.indexReports)) {
    assert.ok(
      engine.index.problems.some((p) => p.file === expected.file && p.line === expected.line),
      `the index does not report ${expected.what} at ${expected.file}:${expected.line}; it reports ${JSON.stringify(engine.index.problems.map((p) => `${p.file}:${p.line}`))}`,
    );
  }
});

test('validateStore reports each one with its code, file and line, and nothing wrong on the good lines', () => {
  for (const expected of store.expected) {
    assert.ok(
      report.findings.some((f) => f.file === expected.file && f.line === expected.line && f.code === expected.code),
      `no ${expected.code} for ${expected.what} at ${expected.file}:${expected.line}`,
    );
  }
  // (A damaged gzip's EB021 is about the whole file and sits at line 1, which may be a good line.)
  const broken = new Set(['EB001', 'EB002', 'EB003', 'EB004']);
  for (const good of store.good) {
    const wrong = report.findings.filter((f) => f.file === good.file && f.line === good.line && broken.has(f.code));
    assert.deepEqual(wrong, [], `a good line reported as broken at ${good.file}:${good.line}`);
  }
});

test('nothing outside the store is read: a symlink out of it is neither indexed nor validated', () => {
  for (const id of store.outsideIds) assert.deepEqual(engine.index.ordinalsOfEventId(id), []);
  const outsideFile = 'events/events_2024-01-08.jsonl';
  const findings = report.findings.filter((f) => f.file === outsideFile);
  assert.deepEqual(findings.map((f) => f.code), ['EB021'], 'the validator read the target of a symlink out of the store');
  assert.match(findings[0].message, /outside the store/);
});

test('__proto__ and constructor keys in data and metadata pollute no prototype, and rebuilt state stays ordinary', async () => {
  const rebuilt = await rebuildFromEvents(engine.storage, 'acc-2');
  assert.ok(rebuilt.eventsApplied >= 3);
  assertNoForbiddenKeys(rebuilt.state);
  assert.equal((rebuilt.state as Record<string, unknown>).ok, 1);
  // The bus-wide state folds every event, the one nested too deep included: refused by name, not folded half-way.
  await assert.rejects(rebuildFromEvents(engine.storage, 'system'), (error: Error) => error instanceof NestingTooDeepError && error.message.startsWith(`${store.tooDeep.file}:${store.tooDeep.line}:`));
  assertPrototypesUntouched(prototypes);
});

test('nothing in the store is written (its files hashed before and after, links and modes included)', async () => {
  assert.deepEqual(hashTree(store.root), hashesBefore);
});

test('with the default cache folder, the only thing written is the index cache in <store>/.eventbus/', async () => {
  const reopened = await openStore(store.root);
  await reopened.close();
  const after = hashTree(store.root);
  const added = [...after.keys()].filter((key) => !hashesBefore.has(key));
  assert.ok(added.includes('.eventbus/index.ebx'), `the index is persisted inside the store: ${added.join(', ')}`);
  assert.deepEqual(added.filter((key) => !key.startsWith('.eventbus')), []);
  assert.deepEqual(hashTree(store.root, ['.eventbus']), hashesBefore);
  fs.rmSync(path.join(store.root, '.eventbus'), { recursive: true });
});
