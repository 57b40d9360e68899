import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EventFileAppender } from '../../src/engine/store/eventFileAppender';
import { acquireWriterLock, WriterLockedError } from '../../src/engine/store/writeLock';
import { makeTempDir } from '../helpers/tempStore';

const HOLDER = path.join(__dirname, 'fixtures-bus', 'holdWriterLock.js');

/** A pid that certainly belongs to no running process: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
  assert.ok(child.pid);
  return child.pid;
}

function writeLockFile(storeRoot: string, content: string, ageMs = 0): string {
  const file = path.join(storeRoot, 'writer.lock');
  fs.writeFileSync(file, content);
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    fs.utimesSync(file, then, then);
  }
  return file;
}

/** Starts a child that tries to take the lock; resolves with its first stdout line or its exit. */
function startHolder(storeRoot: string): { child: ChildProcess; outcome: Promise<{ locked: boolean; stderr: string }> } {
  const child = spawn(process.execPath, [HOLDER, storeRoot], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const outcome = new Promise<{ locked: boolean; stderr: string }>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ locked: true, stderr });
    });
    child.on('close', () => resolve({ locked: false, stderr }));
  });
  return { child, outcome };
}

async function stopHolder(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.stdin?.end();
  await exited;
}

describe('writer lock', () => {
  it('writes {pid, hostname, started} and a second writer gets an error naming the holder and the file', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const first = await EventFileAppender.open(dir);
      const lockFile = path.join(dir, 'writer.lock');
      const content = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
      assert.equal(content.pid, process.pid);
      assert.equal(content.hostname, os.hostname());
      assert.ok(!Number.isNaN(Date.parse(String(content.started))));
      await assert.rejects(EventFileAppender.open(dir), (error: unknown) => {
        assert.ok(error instanceof WriterLockedError);
        assert.equal(error.holder.pid, process.pid);
        assert.ok(error.message.includes(`process ${process.pid}`), error.message);
        assert.ok(error.message.includes(lockFile), error.message);
        return true;
      });
      await first.close();
      const second = await EventFileAppender.open(dir);
      await second.close();
    } finally {
      cleanup();
    }
  });

  it('refuses a lock held by another live process', async () => {
    const { dir, cleanup } = makeTempDir();
    const { child, outcome } = startHolder(dir);
    try {
      assert.equal((await outcome).locked, true);
      await assert.rejects(acquireWriterLock(dir), new RegExp(`by process ${child.pid}\\b`));
    } finally {
      await stopHolder(child);
      cleanup();
    }
    assert.equal(fs.existsSync(path.join(dir, 'writer.lock')), false);
  });

  it('recovers a lock left by a dead process', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const pid = deadPid();
      writeLockFile(dir, JSON.stringify({ pid, hostname: os.hostname(), started: '2024-01-01T00:00:00Z' }));
      const lock = await acquireWriterLock(dir);
      assert.equal(lock.holder.pid, process.pid);
      assert.equal((JSON.parse(fs.readFileSync(lock.file, 'utf8')) as { pid: number }).pid, process.pid);
      await lock.release();
      assert.equal(fs.existsSync(lock.file), false);
      assert.deepEqual(fs.readdirSync(dir), [], 'no guard or temp files left behind');
    } finally {
      cleanup();
    }
  });

  it('recovers a garbage lock file, but waits for a young empty one', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      writeLockFile(dir, 'not json {');
      const lock = await acquireWriterLock(dir);
      await lock.release();
      writeLockFile(dir, '', 60_000);
      const again = await acquireWriterLock(dir);
      await again.release();
      // A young empty file may be a lock being written right now: not taken until it is gone (or old).
      const young = writeLockFile(dir, '');
      const started = Date.now();
      setTimeout(() => fs.rmSync(young), 60);
      const later = await acquireWriterLock(dir);
      assert.ok(Date.now() - started >= 50, 'waited for the young empty lock');
      await later.release();
    } finally {
      cleanup();
    }
  });

  it('treats a holder on another host as alive', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      writeLockFile(dir, JSON.stringify({ pid: deadPid(), hostname: `${os.hostname()}-elsewhere`, started: 'x' }));
      await assert.rejects(acquireWriterLock(dir), /on host .*-elsewhere/);
    } finally {
      cleanup();
    }
  });

  it('lets exactly one of several concurrent in-process recoverers win (interleaved async steps)', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      // Staggered starts, so one recoverer's unlink can land after another's create:
      // the interleaving that makes an unguarded "read, unlink, create" let two win.
      const staggered = (i: number) => new Promise<void>((resolve) => setTimeout(resolve, i % 3)).then(() => acquireWriterLock(dir));
      const pid = deadPid();
      for (let round = 0; round < 40; round++) {
        writeLockFile(dir, JSON.stringify({ pid, hostname: os.hostname(), started: `round ${round}` }));
        const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => staggered(i)));
        const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof acquireWriterLock>>> => r.status === 'fulfilled');
        assert.equal(won.length, 1, `round ${round}: ${results.map((r) => r.status).join(', ')}`);
        for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof WriterLockedError, String(r.reason));
        await won[0].value.release();
      }
    } finally {
      cleanup();
    }
  });

  it('lets exactly one of several processes recovering the same stale lock win', async () => {
    const { dir, cleanup } = makeTempDir();
    const holders = [] as ReturnType<typeof startHolder>[];
    try {
      writeLockFile(dir, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), started: 'x' }));
      for (let i = 0; i < 4; i++) holders.push(startHolder(dir));
      const outcomes = await Promise.all(holders.map((h) => h.outcome));
      const winners = outcomes.filter((o) => o.locked);
      assert.equal(winners.length, 1, JSON.stringify(outcomes));
      for (const loser of outcomes.filter((o) => !o.locked)) assert.match(loser.stderr, /already open for writing by process \d+/);
    } finally {
      await Promise.all(holders.map((h) => stopHolder(h.child)));
      cleanup();
    }
  });
});
