import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { openStore } from '../../src/engine/openStore';
import { EventFileAppender } from '../../src/engine/store/eventFileAppender';
import { seededRandom } from '../helpers/crashHarness';
import { newPublisherCrashState, publisherCrashTrial, readEventFiles } from '../helpers/crashPublisherTrial';
import { makeTempDir } from '../helpers/tempStore';

/** EVENTBUS_CRASH_TRIALS raises it for a longer run; the bench runs 1,000 (test/bench/crashMeasures.ts). */
const TRIALS = Math.max(50, Number(process.env.EVENTBUS_CRASH_TRIALS ?? 50));
const SEED = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);

describe('crash safety: a publisher SIGKILLed at random moments', () => {
  it(`keeps every acknowledged event exactly once and in order, reports torn tails and appends after them (${TRIALS} trials, seed ${SEED})`, async () => {
    const { dir, cleanup } = makeTempDir('eventbus-crash-publish-');
    try {
      const state = newPublisherCrashState(dir, seededRandom(SEED));
      let acknowledged = 0;
      let torn = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        // validateStore is slower than the index: every 10th trial and the last.
        const outcome = await publisherCrashTrial(state, { validate: trial % 10 === 9 || trial === TRIALS - 1 });
        assert.deepEqual(outcome.violations, [], `seed ${SEED}`);
        acknowledged += outcome.acknowledged;
        if (outcome.tornByKill || outcome.tornInjected) torn++;
      }
      assert.ok(acknowledged > 0, 'the publishers acknowledged something');
      assert.ok(torn > 0, 'some trials had a torn tail to append after');

      // After the last kill: a plain appender recovers the stale lock and writes its event on a line of its own.
      const tornTails = state.torn.filter((t) => {
        const bytes = state.files.get(t.file) as Buffer;
        return bytes[bytes.length - 1] !== 0x0a;
      });
      const appender = await EventFileAppender.open(dir);
      const after = createEvent('component_started', { after: 'crash' }, { source: 'crash test' });
      await appender.append([after]);
      await appender.close();
      const files = readEventFiles(dir);
      for (const t of tornTails) {
        const lines = (files.get(t.file) as Buffer).toString('utf8').split('\n');
        assert.equal(lines[t.line - 1], t.text, `${t.file}:${t.line}: the torn line stays as it was`);
      }
      const engine = await openStore(dir, { threads: 1, noCache: true });
      try {
        const last = engine.index.event(engine.index.eventCount - 1);
        assert.equal(last.eventId, after.metadata.event_id);
        for (const t of state.torn) {
          assert.ok(
            engine.index.problems.some((p) => p.file === t.file && p.line === t.line),
            `${t.file}:${t.line} is reported by a fresh index`,
          );
        }
      } finally {
        await engine.close();
      }
    } finally {
      cleanup();
    }
  });

  it('appends after a torn tail on a new line, leaving the torn bytes as they were', async () => {
    const { dir, cleanup } = makeTempDir('eventbus-crash-tail-');
    try {
      const first = createEvent('component_started', { n: 1 }, { source: 'crash test' });
      const appender = await EventFileAppender.open(dir);
      await appender.append([first]);
      await appender.close();
      const [file] = [...readEventFiles(dir).keys()];
      const torn = '{"event_type": "trade_executed", "data": {"pri';
      fs.appendFileSync(path.join(dir, file), torn);

      const engine = await openStore(dir, { threads: 1, noCache: true });
      const problem = engine.index.problems.find((p) => p.file === file);
      await engine.close();
      assert.deepEqual(problem && { kind: problem.kind, line: problem.line }, { kind: 'torn-line', line: 2 });

      const second = createEvent('component_started', { n: 2 }, { source: 'crash test' });
      const again = await EventFileAppender.open(dir);
      await again.append([second]);
      await again.close();
      const lines = (readEventFiles(dir).get(file) as Buffer).toString('utf8').split('\n');
      assert.equal(lines[1], torn);
      assert.equal((JSON.parse(lines[2]) as { metadata: { event_id: string } }).metadata.event_id, second.metadata.event_id);
      assert.equal(lines[3], '');
    } finally {
      cleanup();
    }
  });
});
