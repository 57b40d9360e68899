import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from './crashHarness';
import { killSteps, operationCrashTrial, referenceRun, type OperationScenario, type Reference } from './crashOperationTrial';
import { makeTempDir } from './tempStore';

/** EVENTBUS_CRASH_ALL_STEPS=1 tries every kill point instead of a spread of them. */
const MAX_STEPS = process.env.EVENTBUS_CRASH_ALL_STEPS ? Number.POSITIVE_INFINITY : 16;
const RANDOM_TRIALS = Math.max(5, Number(process.env.EVENTBUS_CRASH_RANDOM_TRIALS ?? 6));

/**
 * The crash tests of one rewriting operation: its every (or a spread of)
 * file-system step as a deterministic kill point, then SIGKILLs after random
 * delays within the operation's run time.
 */
export function describeOperationCrashes(title: string, prepare: (dir: string) => Promise<OperationScenario[]>): void {
  describe(`crash safety: ${title}`, () => {
    const temp = makeTempDir('eventbus-crash-op-');
    let scenarios: { scenario: OperationScenario; reference: Reference }[] = [];
    before(async () => {
      const prepared = await prepare(temp.dir);
      scenarios = [];
      for (const scenario of prepared) scenarios.push({ scenario, reference: await referenceRun(scenario, temp.dir) });
    });
    after(() => temp.cleanup());

    it('killed at each file-system step, the store is as before or as after, never half', async () => {
      for (const { scenario, reference } of scenarios) {
        assert.notDeepEqual(reference.after, reference.before, `${scenario.name}: the operation changes the store`);
        const endings = new Set<string>();
        for (const step of killSteps(reference.steps, MAX_STEPS)) {
          const outcome = await operationCrashTrial(scenario, reference, temp.dir, { step });
          assert.deepEqual(outcome.violations, []);
          endings.add(outcome.ending as string);
        }
        // Killed before the first step nothing changed; killed at the last, the work was done.
        assert.ok(endings.has('before'), `${scenario.name}: some kill points leave the store as before`);
        assert.ok(endings.has('after') || endings.has('finished'), `${scenario.name}: some kill points leave it as after`);
      }
    });

    it(`SIGKILLed after random delays (${RANDOM_TRIALS} trials per scenario), the store is as before or as after`, async () => {
      const seed = Number(process.env.EVENTBUS_CRASH_SEED ?? Date.now() % 1_000_000);
      const random = seededRandom(seed);
      for (const { scenario, reference } of scenarios) {
        for (let trial = 0; trial < RANDOM_TRIALS; trial++) {
          const afterMs = Math.floor(random() * (reference.ms + 2));
          const outcome = await operationCrashTrial(scenario, reference, temp.dir, { afterMs });
          assert.deepEqual(outcome.violations, [], `seed ${seed}`);
        }
      }
    });
  });
}
