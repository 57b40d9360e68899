import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import type { LayeredIndex } from '../../src/engine/index/layeredIndex';
import type { StoreIndex } from '../../src/engine/model/indexTypes';
import { openStore } from '../../src/engine/openStore';
import { checkIntegrity, checkIntegrityInSlices } from '../../src/engine/validate/integrityRules';
import type { IntegrityIssue } from '../../src/engine/validate/integrityIssue';
import { makeTempDir } from '../helpers/tempStore';

/** The index, refusing the whole-store columns: a store-wide rule that asks for them holds a number per event. */
function withoutWholeColumns(index: StoreIndex): StoreIndex {
  return new Proxy(index, {
    get(target, key, receiver) {
      if (key === 'numericColumns' || key === 'timeOrdered') {
        return () => {
          throw new Error(`${String(key)}() asked of the persisted index: a column of the whole store held at once`);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The generator's faults have no repeated number nor a clock going back:
 * copies of an early event of the first day, appended to the last day with
 * new ids, repeat its number (EB015) or take one below every other (EB016)
 * and go back in its aggregate's time (EB018).
 */
function appendRepeats(store: string): void {
  const dir = path.join(store, 'events');
  const days = fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
  const lines = fs.readFileSync(path.join(dir, days[0]), 'utf8').split('\n');
  const copies: string[] = [];
  for (const k of [10, 20, 30]) {
    const event = JSON.parse(lines[k]) as { metadata: { event_id: string; sequence_number: number } };
    event.metadata.event_id = `00000000-0000-4000-8000-0000000000${k}`;
    if (k === 30) event.metadata.sequence_number = -7;
    copies.push(JSON.stringify(event));
  }
  fs.appendFileSync(path.join(dir, days[days.length - 1]), `${copies.join('\n')}\n`);
}

function described(issues: readonly IntegrityIssue[]): string[] {
  return issues.map((i) => `${i.code}@${i.ordinal}: ${i.message}`).sort();
}

for (const sequenceMode of ['global', 'aggregate'] as const) {
  test(`store-wide rules over a persisted index read its columns a stretch at a time and find what the in-memory build finds (${sequenceMode} mode)`, async () => {
    const { dir, cleanup } = makeTempDir('integrity-stretches-');
    // More events than a stretch holds (16,384), with duplicates, gaps, regressions and clocks going back injected.
    generateStoreSync({ events: 40_000, outDir: dir, seed: 11, withErrors: true, sequenceMode });
    appendRepeats(dir);
    const inMemory = await openStore(dir, { threads: 1, noCache: true });
    const expected = described(checkIntegrity(inMemory.index));
    await inMemory.close();

    const first = await openStore(dir, { threads: 1 });
    await first.close();
    const engine = await openStore(dir, { threads: 1 });
    try {
      assert.ok((engine.index as LayeredIndex).base, 'the second open reads the persisted index in place');
      const index = withoutWholeColumns(engine.index);
      const codes = new Set(expected.map((line) => line.slice(0, 5)));
      for (const code of ['EB013', 'EB014', 'EB015', 'EB016', 'EB018']) assert.ok(codes.has(code), `the faulty store has ${code} findings (got ${[...codes].join(', ')})`);
      assert.deepEqual(described(checkIntegrity(index)), expected);
      assert.deepEqual(described(await checkIntegrityInSlices(index, {}, 0)), expected);
    } finally {
      await engine.close();
      cleanup();
    }
  });
}
