/**
 * Several writers on one store at once, CLI (`eventbus publish` processes in
 * a loop) and API (test/helpers/apiPublisher), with random SIGKILLs; then a
 * check of what the store holds against what the writers acknowledged. Used
 * by test/int/concurrentWriters.int.spec.ts and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { openStore } from '../../src/engine/openStore';

export const CLI_SCRIPT = path.resolve(__dirname, '../../src/cli/main.js');
const API_SCRIPT = path.resolve(__dirname, 'apiPublisher.js');

export interface ConcurrentWritersOptions {
  readonly store: string;
  readonly cliWriters: number;
  readonly apiWriters: number;
  readonly durationMs: number;
  /** Mean time between two SIGKILLs of a random running writer. */
  readonly killEveryMs: number;
  readonly random: () => number;
  /** The CLI and the API publisher to run (default: the tsc-compiled ones beside this file; the bench passes its bundles). */
  readonly cliScript?: string;
  readonly apiScript?: string;
}

export interface ConcurrentWritersOutcome {
  readonly acknowledged: number;
  readonly kills: number;
  readonly stored: number;
  /** Sequence numbers held by more than one stored event. */
  readonly duplicatedSequences: number[];
  /** Acknowledged events missing from the store, or stored with another sequence number. */
  readonly lost: string[];
  /** Numbers between 1 and the highest with no event. */
  readonly gaps: number[];
  readonly sequenceMode: string;
  /** Publishes that failed (lock held too long, killed mid-way...): a few, for a failing test's message. */
  readonly failures: string[];
}

interface Ack {
  readonly seq: number;
}

export async function runConcurrentWriters(options: ConcurrentWritersOptions): Promise<ConcurrentWritersOutcome> {
  const acks = new Map<string, Ack>();
  const failures: string[] = [];
  const noteFailure = (text: string) => {
    if (failures.length < 20) failures.push(text);
  };
  const running = new Set<ChildProcess>();
  let kills = 0;
  let stopping = false;

  const track = (child: ChildProcess, onLine: (line: string) => void): Promise<void> => {
    running.add(child);
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    });
    if (child.stderr?.listenerCount('data') === 0) child.stderr.resume();
    return new Promise((resolve) =>
      child.on('close', () => {
        running.delete(child);
        resolve();
      }),
    );
  };

  const cliLoop = async (writer: number): Promise<void> => {
    for (let n = 0; !stopping; n++) {
      const child = spawn(
        process.execPath,
        [options.cliScript ?? CLI_SCRIPT, 'publish', 'trade_executed', '--data', JSON.stringify({ writer: `cli${writer}`, n }), '--aggregate', `cli${writer}_${n % 3}`, '--source', `cli${writer}`, '--store', options.store],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      await track(child, (line) => (out += line));
      if (child.exitCode !== 0 && child.signalCode === null) noteFailure(`cli exit ${child.exitCode}: ${err.trim()}`);
      // Acknowledged: the process printed the stored event and exited 0 (a killed one printed nothing, or was not asked).
      if (child.exitCode === 0 && out.startsWith('{')) {
        const event = JSON.parse(out) as { metadata: { event_id: string; sequence_number: number } };
        acks.set(event.metadata.event_id, { seq: event.metadata.sequence_number });
      }
    }
  };

  const apiLoop = async (writer: number): Promise<void> => {
    while (!stopping) {
      const child = spawn(process.execPath, [options.apiScript ?? API_SCRIPT, options.store, `api${writer}`, '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
      await track(child, (line) => {
        const [word, id, seq] = line.split(' ');
        if (word === 'ack') acks.set(id, { seq: Number(seq) });
        else if (word === 'fail') noteFailure(line);
      });
    }
  };

  const killer = (async () => {
    while (!stopping) {
      // In slices, so the end of the run is not held up by a long wait.
      const until = Date.now() + options.killEveryMs * (0.5 + options.random());
      while (!stopping && Date.now() < until) await sleep(Math.min(200, until - Date.now()));
      const victims = [...running];
      if (stopping || victims.length === 0) continue;
      const victim = victims[Math.floor(options.random() * victims.length)];
      if (victim.kill('SIGKILL')) kills++;
    }
  })();

  const loops = [
    ...Array.from({ length: options.cliWriters }, (_, i) => cliLoop(i)),
    ...Array.from({ length: options.apiWriters }, (_, i) => apiLoop(i)),
  ];
  await sleep(options.durationMs);
  stopping = true;
  for (const child of running) child.kill('SIGKILL');
  await Promise.all([...loops, killer]);
  return checkStore(options.store, acks, kills, failures);
}

async function checkStore(store: string, acks: ReadonlyMap<string, Ack>, kills: number, failures: string[]): Promise<ConcurrentWritersOutcome> {
  const engine = await openStore(store, { threads: 1, noCache: true });
  try {
    const bySeq = new Map<number, number>();
    const stored = new Map<string, number[]>();
    for await (const event of engine.storage.query({})) {
      const seq = event.metadata.sequence_number;
      bySeq.set(seq, (bySeq.get(seq) ?? 0) + 1);
      const seen = stored.get(event.metadata.event_id) ?? [];
      seen.push(seq);
      stored.set(event.metadata.event_id, seen);
    }
    const duplicatedSequences = [...bySeq].filter(([, count]) => count > 1).map(([seq]) => seq);
    const lost = [...acks]
      .filter(([id, ack]) => {
        const seen = stored.get(id);
        return !seen || seen.length !== 1 || seen[0] !== ack.seq;
      })
      .map(([id]) => id);
    const highest = Math.max(0, ...bySeq.keys());
    const gaps: number[] = [];
    for (let seq = 1; seq <= highest; seq++) if (!bySeq.has(seq)) gaps.push(seq);
    return {
      acknowledged: acks.size,
      kills,
      stored: engine.index.eventCount,
      duplicatedSequences,
      lost,
      gaps,
      sequenceMode: engine.index.sequenceMode,
      failures,
    };
  } finally {
    await engine.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
