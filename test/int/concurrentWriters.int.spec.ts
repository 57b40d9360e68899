import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { seededRandom } from '../helpers/crashHarness';
import { CLI_SCRIPT, runConcurrentWriters } from '../helpers/concurrentWriters';
import { makeTempDir } from '../helpers/tempStore';

const SEED = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);

describe('numbering under concurrent writers', () => {
  it(`CLI and API publishers SIGKILLed at random: no sequence number twice, none skipped, no acknowledged event lost (seed ${SEED})`, async (t) => {
    const { dir, cleanup } = makeTempDir('eventbus-concurrent-');
    try {
      // One event first: the store is in global numbering, where every number is bus-wide.
      execFileSync(process.execPath, [CLI_SCRIPT, 'publish', 'component_started', '--data', '{}', '--store', dir]);
      const outcome = await runConcurrentWriters({
        store: dir,
        cliWriters: 3,
        apiWriters: 2,
        durationMs: 12_000,
        killEveryMs: 700,
        random: seededRandom(SEED),
      });
      t.diagnostic(`${outcome.acknowledged} acknowledged, ${outcome.stored} stored, ${outcome.kills} kills`);
      assert.equal(outcome.sequenceMode, 'global');
      assert.ok(outcome.acknowledged >= 20, `writers acknowledged events (${outcome.acknowledged}); failures: ${outcome.failures.join(' | ')}`);
      assert.ok(outcome.kills >= 5, `writers were killed (${outcome.kills})`);
      assert.deepEqual(outcome.duplicatedSequences, [], 'sequence numbers stored twice');
      assert.deepEqual(outcome.lost, [], 'acknowledged events missing or renumbered');
      assert.deepEqual(outcome.gaps, [], 'numbers skipped');
    } finally {
      cleanup();
    }
  });
});
