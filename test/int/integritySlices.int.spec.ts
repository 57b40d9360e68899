import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { openStore } from '../../src/engine/openStore';
import { checkIntegrity, checkIntegrityInSlices } from '../../src/engine/validate/integrityRules';
import type { IntegrityIssue } from '../../src/engine/validate/integrityIssue';
import { makeTempDir } from '../helpers/tempStore';

const key = (issue: IntegrityIssue) => `${issue.code}@${issue.ordinal}:${issue.message}`;
const keys = (issues: readonly IntegrityIssue[]) => issues.map(key).sort();

describe('store-wide rules checked in slices (the language server answers requests meanwhile)', () => {
  it('find exactly what one go finds, in both sequence modes, even when events are appended between slices', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-integrity-slices-');
    try {
      for (const mode of ['global', 'aggregate'] as const) {
        const store = path.join(dir, mode);
        generateStoreSync({ events: 3000, days: 2, outDir: store, seed: 31, withErrors: true, sequenceMode: mode });
        const engine = await openStore(store, { threads: 1, noCache: true });
        const whole = checkIntegrity(engine.index);
        assert.ok(new Set(whole.map((i) => i.code)).size >= 3, `${mode}: the faulty store breaks several rules (${[...new Set(whole.map((i) => i.code))].join(', ')})`);
        assert.deepEqual(keys(await checkIntegrityInSlices(engine.index, {}, 0)), keys(whole), mode);

        // Appends while the check pauses are the next check's: this one reports the store as it was when it began.
        const days = fs.readdirSync(path.join(store, 'events')).filter((f) => f.endsWith('.jsonl')).sort();
        const last = path.join(store, 'events', days[days.length - 1]);
        const isEvent = (line: string) => {
          try {
            const e = JSON.parse(line) as { event_type?: unknown; metadata?: { event_id?: unknown } };
            return typeof e.event_type === 'string' && typeof e.metadata?.event_id === 'string';
          } catch {
            return false;
          }
        };
        const copies = fs.readFileSync(last, 'utf8').split('\n').filter(isEvent).slice(-2);
        // The first time the check gives way, events are appended and indexed.
        let appended = 0;
        const appendAndRefresh = async () => {
          if (appended > 0) return;
          const text = fs.readFileSync(last, 'utf8');
          // A torn tail (the faulty store may end with one) gets its line end first, so the copies are lines of their own.
          fs.appendFileSync(last, `${text.endsWith('\n') ? '' : '\n'}${copies.join('\n')}\n`);
          appended = (await engine.refresh()).appendedEvents;
        };
        const sliced = checkIntegrityInSlices(engine.index, {}, 0, appendAndRefresh);
        assert.deepEqual(keys(await sliced), keys(whole), `${mode}, with appends between slices`);
        assert.equal(appended, 2, 'the events were appended and indexed while the check was under way');
        // The next check sees the appended copies (their ids and sequence numbers repeat).
        const after = checkIntegrity(engine.index);
        assert.ok(after.filter((i) => i.code === 'EB013').length >= whole.filter((i) => i.code === 'EB013').length + 2);
        await engine.close();
      }
    } finally {
      cleanup();
    }
  });
});
