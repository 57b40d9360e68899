import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Starting and killing `crashChild` (shared by the crash tests and the crash
 * bench). Compiled by tsc, the child sits beside this file; inside the
 * bench's esbuild bundle it does not, so it is bundled next to the bundle (once per process).
 */
let childScript: string | undefined;

export function crashChildScript(): string {
  if (childScript) return childScript;
  const beside = path.join(__dirname, 'crashChild.js');
  // Compiled by tsc, this file's siblings are compiled too; in a bundle, a crashChild.js there may be stale.
  if (fs.existsSync(path.join(__dirname, 'crashHarness.js'))) return (childScript = beside);
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json'))) {
    const parent = path.dirname(root);
    if (parent === root) throw new Error(`crashHarness: no crashChild.js beside ${__dirname} and no package.json above it`);
    root = parent;
  }
  interface EsbuildLike {
    buildSync(options: Record<string, unknown>): unknown;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require(path.join(root, 'node_modules', 'esbuild')) as EsbuildLike;
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'helpers', 'crashChild.ts')],
    outfile: beside,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  return (childScript = beside);
}

export interface ChildRun {
  /** Complete stdout lines after `ready` (a line cut short by the kill is dropped). */
  readonly lines: string[];
  readonly killed: boolean;
  readonly stderr: string;
  /** From the child's `done steps=<n> ms=<t>` line, when it got there. */
  readonly steps: number | undefined;
  /** How long the operation took, from the same line. */
  readonly ms: number | undefined;
}

export interface ChildOptions {
  /** SIGKILL this long after `ready` (undefined: let it finish). */
  readonly killAfterMs?: number;
  /** SIGKILL once this many lines came after `ready`. */
  readonly killAfterLines?: number;
  /** The child kills itself before its n-th file-system mutation. */
  readonly killAtStep?: number;
}

/** Runs `crashChild <mode> <args>` and kills it as asked; rejects if it fails on its own. */
export function runCrashChild(mode: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildRun> {
  const env = { ...process.env };
  if (options.killAtStep !== undefined) env.EVENTBUS_CRASH_KILL_AT = String(options.killAtStep);
  else delete env.EVENTBUS_CRASH_KILL_AT;
  const child = spawn(process.execPath, [crashChildScript(), mode, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  let ready = false;
  let timer: NodeJS.Timeout | undefined;
  const kill = () => child.kill('SIGKILL');
  return new Promise<ChildRun>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!ready && stdout.startsWith('ready\n')) {
        ready = true;
        if (options.killAfterMs !== undefined) timer = setTimeout(kill, options.killAfterMs);
      }
      if (ready && options.killAfterLines !== undefined && countLines(stdout) - 1 >= options.killAfterLines) kill();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    // 'close': every byte written before the kill has arrived (pipes to us are synchronous in the child).
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const killed = signal === 'SIGKILL';
      if (!killed && code !== 0) {
        reject(new Error(`crashChild ${mode} ${args.join(' ')} exited with ${code}: ${stderr}`));
        return;
      }
      const all = stdout.split('\n');
      all.pop(); // empty after the last '\n', or a line cut short by the kill
      const lines = all[0] === 'ready' ? all.slice(1) : [];
      const done = lines.length > 0 ? /^done steps=(\d+) ms=([\d.]+)$/.exec(lines[lines.length - 1]) : null;
      resolve({ lines, killed, stderr, steps: done ? Number(done[1]) : undefined, ms: done ? Number(done[2]) : undefined });
    });
  });
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A small seeded PRNG (mulberry32), so a failing trial can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
