/**
 * The process the crash tests and the crash bench kill. One operation per
 * run, chosen by argv; prints `ready` right before the operation starts, then
 * `done steps=<n> ms=<t>` when it finished. With EVENTBUS_CRASH_KILL_AT=<n> it
 * SIGKILLs itself just before its n-th file-system mutation (write, fsync,
 * rename, link, unlink, mkdir...), so a test can enumerate every kill point
 * of an operation deterministically; `steps` tells how many there are.
 *
 *   publish <store> [publishers]   publishes until killed; prints each event id once its publish resolved
 *   snapshot <store> <aggregate>   createSnapshot of the aggregate
 *   compress <store> <day>         compressDayFile of the day
 *   migrate <store> <stamp>        planMigration + executeMigration
 *   cleanup <store> <ttlDays> <nowMs>  planCleanup + executeCleanup
 */
// The module object itself: `import * as` would give a read-only copy, and patching must reach the product's calls.
import fs = require('node:fs');
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { planMigration, executeMigration } from '../../src/engine/migrate/migrateStore';
import { openStore } from '../../src/engine/openStore';
import { openStoreBus } from '../../src/engine/openStoreBus';
import { loadSchemaRegistry } from '../../src/engine/schema/loadSchemaRegistry';
import { createSnapshot } from '../../src/engine/snapshot/createSnapshot';
import { compressDayFile } from '../../src/engine/store/compressDay';
import { EVENTS_DIR } from '../../src/engine/store/layout';
import { executeCleanup } from '../../src/engine/ttl/executeCleanup';
import { planCleanup } from '../../src/engine/ttl/planCleanup';

let steps = 0;
let killAt = Number.POSITIVE_INFINITY;

function step(): void {
  steps++;
  if (steps >= killAt) process.kill(process.pid, 'SIGKILL');
}

type AnyFunction = (...args: never[]) => unknown;

/** An open for writing (reads are not kill points worth enumerating). */
function opensForWriting(flags: unknown): boolean {
  if (typeof flags === 'string') return /[wax+]/.test(flags);
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
  return false;
}

function countCalls<T extends object>(target: T, names: readonly string[]): void {
  const record = target as unknown as Record<string, AnyFunction>;
  for (const name of names) {
    const original = record[name];
    if (typeof original !== 'function') continue;
    const isOpen = name === 'open' || name === 'openSync';
    record[name] = function (this: unknown, ...args: never[]) {
      if (!isOpen || opensForWriting((args as unknown[])[1])) step();
      return original.apply(this, args);
    };
  }
}

/** Counts (and, when armed, kills at) every call that changes the file system. */
async function armKillPoints(): Promise<void> {
  const mutators = ['writeFile', 'appendFile', 'rename', 'link', 'unlink', 'rm', 'rmdir', 'mkdir', 'copyFile', 'truncate'];
  countCalls(fs.promises, [...mutators, 'open']);
  countCalls(fs, [...mutators, 'open'].map((name) => `${name}Sync`).concat(['fsyncSync', 'fdatasyncSync', 'writeSync']));
  const handle = await fs.promises.open(__filename, 'r');
  const prototype = Object.getPrototypeOf(handle) as object;
  await handle.close();
  countCalls(prototype, ['write', 'writeFile', 'sync', 'datasync', 'truncate']);
}

async function publish(store: string, publishers: number): Promise<void> {
  const engine = await openStore(store, { threads: 1 });
  const config = { ...DEFAULT_CONFIG, enable_persistence: true, enable_snapshots: false, processing_interval: 0, health_check_interval: 0 };
  const { bus } = openStoreBus(engine, { config });
  await bus.start();
  process.stdout.write('ready\n');
  let counter = 0;
  const publisher = async (worker: number): Promise<void> => {
    for (;;) {
      const n = counter++;
      // Now and then a large event, so a kill can land in the middle of a long write.
      const note = n % 40 === 39 ? 'y'.repeat(256 * 1024) : 'x'.repeat(n % 300);
      const event = await bus.publish('trade_executed', { worker, n, note }, { source: 'crashChild', aggregate_id: `trader_${worker}` });
      process.stdout.write(`${event.metadata.event_id}\n`);
    }
  };
  await Promise.all(Array.from({ length: publishers }, (_, worker) => publisher(worker)));
}

async function operation(mode: string, store: string, args: readonly string[]): Promise<() => Promise<unknown>> {
  switch (mode) {
    case 'snapshot': {
      const engine = await openStore(store, { threads: 1, noCache: true });
      return () => createSnapshot(engine.storage, args[0]);
    }
    case 'compress':
      return () => compressDayFile(path.join(store, EVENTS_DIR), args[0]);
    case 'migrate': {
      const registry = await loadSchemaRegistry(store);
      const plan = await planMigration(store, registry);
      return () => executeMigration(plan, registry, args[0]);
    }
    case 'cleanup': {
      const plan = await planCleanup(store, { event_ttl_days: Number(args[0]) }, Number(args[1]));
      return () => executeCleanup(plan);
    }
    default:
      throw new Error(`crashChild: unknown mode ${mode}`);
  }
}

async function main(): Promise<void> {
  const [mode, store, ...args] = process.argv.slice(2);
  if (!mode || !store) throw new Error('usage: crashChild <mode> <store> [args]');
  if (mode === 'publish') return publish(store, Number(args[0] ?? 8));
  const run = await operation(mode, store, args);
  await armKillPoints();
  const killEnv = process.env.EVENTBUS_CRASH_KILL_AT;
  if (killEnv) killAt = Number(killEnv);
  steps = 0;
  process.stdout.write('ready\n');
  const started = performance.now();
  await run();
  process.stdout.write(`done steps=${steps} ms=${(performance.now() - started).toFixed(1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`crashChild: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
