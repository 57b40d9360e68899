import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createEvent } from '../../src/engine/model/event';
import { EventFileAppender } from '../../src/engine/store/eventFileAppender';
import { makeTempDir } from '../helpers/tempStore';

const PUBLISHER = path.join(__dirname, 'fixtures-bus', 'crashPublisher.js');
/** The bench sets EVENTBUS_CRASH_TRIALS=1000; the test tier keeps it short. */
const TRIALS = Math.max(1, Number(process.env.EVENTBUS_CRASH_TRIALS ?? 10));

interface StoredIds {
  ids: string[];
  tornLines: number;
}

/**
 * Reads every event id in file order with plain fs: split on '\n',
 * JSON.parse, skipping torn lines. A torn line is the last line right after a
 * kill; after the next run appended behind it (on a new line) it sits in the
 * middle. Had new lines merged into it, acknowledged ids would go missing,
 * which the caller checks.
 */
function readStoredIds(storeRoot: string): StoredIds {
  const eventsDir = path.join(storeRoot, 'events');
  const ids: string[] = [];
  let tornLines = 0;
  if (!fs.existsSync(eventsDir)) return { ids, tornLines };
  for (const name of fs.readdirSync(eventsDir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(eventsDir, name), 'utf8').split('\n');
    for (const line of lines) {
      if (line.length === 0) continue;
      try {
        ids.push((JSON.parse(line) as { metadata: { event_id: string } }).metadata.event_id);
      } catch {
        tornLines++;
      }
    }
  }
  return { ids, tornLines };
}

/** Runs the publisher, SIGKILLs it at a random moment, returns the ids it acknowledged. */
async function publishAndKill(storeRoot: string, killAfterMs: number): Promise<string[]> {
  const child = spawn(process.execPath, [PUBLISHER, storeRoot, '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (stdout.startsWith('ready\n')) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`publisher exited early (${code}): ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  child.kill('SIGKILL');
  await closed; // all output written before the kill has arrived
  assert.equal(child.signalCode, 'SIGKILL', stderr);
  // A line cut short by the kill is not an acknowledgement.
  const lines = stdout.split('\n').slice(1);
  lines.pop();
  return lines;
}

describe('crash safety', () => {
  it(`loses no acknowledged event when the publisher is SIGKILLed (${TRIALS} trials)`, async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      let acknowledgedTotal = 0;
      let tornBefore = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const before = readStoredIds(dir).ids.length;
        const acknowledged = await publishAndKill(dir, 5 + Math.floor(Math.random() * 60));
        acknowledgedTotal += acknowledged.length;
        const { ids, tornLines } = readStoredIds(dir);
        assert.ok(tornLines <= tornBefore + 1, `trial ${trial}: one kill tears at most one line`);
        tornBefore = tornLines;
        const position = new Map<string, number>();
        ids.forEach((id, index) => {
          assert.equal(position.has(id), false, `trial ${trial}: event ${id} stored twice`);
          position.set(id, index);
        });
        let last = before - 1;
        for (const id of acknowledged) {
          const at = position.get(id);
          assert.notEqual(at, undefined, `trial ${trial}: acknowledged event ${id} is missing`);
          assert.ok((at as number) > last, `trial ${trial}: event ${id} is out of acknowledgement order`);
          last = at as number;
        }
      }
      assert.ok(acknowledgedTotal > 0, 'the publisher acknowledged something');

      // After the last kill: the stale lock is recovered and an append still lands on a line of its own.
      const appender = await EventFileAppender.open(dir);
      const after = createEvent('component_started', { after: 'crash' }, { source: 'crash test' });
      await appender.append([after]);
      await appender.close();
      const { ids } = readStoredIds(dir);
      assert.equal(ids[ids.length - 1], after.metadata.event_id);
    } finally {
      cleanup();
    }
  });
});
