/**
 * Hardening figures (issue 13), whole processes, each beside a baseline of
 * the same run: `node out/test/bench/hardeningBench.js [seconds]`.
 *   - 8 concurrent writers (4 CLI publish loops, 4 API publishers) with
 *     random SIGKILLs for 2 minutes (or [seconds]) → lost and duplicated;
 *   - `eventbus validate` of a store whose schema has "^(a+)+$" and an event
 *     with 34 a's and "!" → wall time and peak RSS, beside `node -e 0`.
 * Not part of npm test (minutes long); the integration tier runs short forms.
 */
import { spawnSync } from 'node:child_process';
import { seededRandom } from '../helpers/crashHarness';
import { CLI_SCRIPT, runConcurrentWriters } from '../helpers/concurrentWriters';
import { REDOS_TYPE, REDOS_VALUE, writeEvents, writeRedosSchema } from '../helpers/hostileSchemas';
import { makeTempDir } from '../helpers/tempStore';

function timed(args: readonly string[]): { seconds: number; peakKb: number } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8' });
  const [seconds, peakKb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, peakKb };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 120);
  const baseline = timed([process.execPath, '-e', '0']);
  console.log(`baseline node -e 0: ${baseline.seconds} s, ${baseline.peakKb} KB (machine shared, busy)`);

  const redos = makeTempDir('eventbus-bench-redos-');
  try {
    writeRedosSchema(redos.dir);
    writeEvents(redos.dir, [{ type: REDOS_TYPE, data: { name: REDOS_VALUE } }]);
    const validate = timed([process.execPath, CLI_SCRIPT, 'validate', '--store', redos.dir]);
    console.log(`ReDoS schema, validate: ${validate.seconds} s (${(validate.seconds / Math.max(0.01, baseline.seconds)).toFixed(1)}x node -e 0), ${validate.peakKb} KB`);
  } finally {
    redos.cleanup();
  }

  const writers = makeTempDir('eventbus-bench-writers-');
  try {
    spawnSync(process.execPath, [CLI_SCRIPT, 'publish', 'component_started', '--data', '{}', '--store', writers.dir]);
    const outcome = await runConcurrentWriters({ store: writers.dir, cliWriters: 4, apiWriters: 4, durationMs: seconds * 1000, killEveryMs: 1000, random: seededRandom(13) });
    console.log(
      `8 writers, ${seconds} s, ${outcome.kills} SIGKILLs: ${outcome.acknowledged} acknowledged, ${outcome.stored} stored, ` +
        `${outcome.lost.length} lost, ${outcome.duplicatedSequences.length} duplicated, ${outcome.gaps.length} gaps`,
    );
    if (outcome.lost.length + outcome.duplicatedSequences.length + outcome.gaps.length > 0) process.exitCode = 1;
  } finally {
    writers.cleanup();
  }
}

void main();
