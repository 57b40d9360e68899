import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { serializeEvent, type Event } from '../model/event';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { fsyncDirectory } from '../store/atomicWrite';
import { EVENTS_DIR, parseEventFileName } from '../store/layout';
import { forEachLine, readFileBytes } from '../store/lineReader';
import { acquireWriterLock } from '../store/writeLock';

/**
 * Schema migration of a store (`eventbus migrate`, and the editor's
 * "Migrate Events to Newest Schema" through the language server): rewrites
 * stored events of old schema versions in their newest version, through
 * the store's migrations. Only lines that change
 * are re-serialized; every other byte (Python spacing, CRLF, a BOM, a torn
 * tail, invalid lines) is kept as it was. A user's file is never modified in
 * place: the new file is written beside it and renamed over it, after the
 * original was hard-linked (or copied) into `backups/migrate-<stamp>/`.
 */
export interface MigrationFilePlan {
  /** Store-relative. */
  readonly file: string;
  readonly compressed: boolean;
  readonly events: number;
  /** "trade_executed 1.0 -> 1.1" -> events. */
  readonly steps: Readonly<Record<string, number>>;
}

export interface MigrationPlan {
  readonly storeRoot: string;
  readonly files: readonly MigrationFilePlan[];
  readonly events: number;
  /** "type@version" -> events with no migration path to the newest version (left as they are). */
  readonly stranded: Readonly<Record<string, number>>;
}

export interface MigrationResult {
  readonly files: readonly string[];
  readonly events: number;
  /** Store-relative folder holding the originals. */
  readonly backupDir: string;
}

/** Types with more than one schema version: the only ones a line can need migrating for. */
function migratableTypes(registry: SchemaRegistry): string[] {
  return registry.types().filter((type) => registry.knownVersions(type).length > 1);
}

interface LineVerdict {
  readonly event: Event;
  readonly step: string;
}

function verdictFor(text: string, types: readonly string[], registry: SchemaRegistry, stranded: Record<string, number>): LineVerdict | undefined {
  // Cheap filter before JSON.parse: most lines are of types with one version.
  if (!types.some((type) => text.includes(type))) return undefined;
  let event: Event;
  try {
    event = JSON.parse(text) as Event;
  } catch {
    return undefined;
  }
  if (event === null || typeof event !== 'object' || typeof event.event_type !== 'string' || !event.metadata) return undefined;
  const version = event.metadata.schema_version;
  if (typeof version !== 'string' || !types.includes(event.event_type)) return undefined;
  const steps = registry.upcastPath(event.event_type, version);
  if (steps === undefined) {
    const key = `${event.event_type}@${version}`;
    stranded[key] = (stranded[key] ?? 0) + 1;
    return undefined;
  }
  if (steps.length === 0) return undefined;
  return { event, step: `${event.event_type} ${version} -> ${steps[steps.length - 1].to}` };
}

async function eventFiles(storeRoot: string): Promise<{ name: string; compressed: boolean }[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(path.join(storeRoot, EVENTS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, parsed: parseEventFileName(name) }))
    .filter((entry) => entry.parsed !== null)
    .map((entry) => ({ name: entry.name, compressed: entry.parsed!.compressed }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export async function planMigration(storeRoot: string, registry: SchemaRegistry): Promise<MigrationPlan> {
  const types = migratableTypes(registry);
  const files: MigrationFilePlan[] = [];
  const stranded: Record<string, number> = {};
  if (types.length === 0) return { storeRoot, files, events: 0, stranded };
  for (const { name, compressed } of await eventFiles(storeRoot)) {
    const buf = await readFileBytes(path.join(storeRoot, EVENTS_DIR, name));
    const steps: Record<string, number> = {};
    let events = 0;
    forEachLine(buf, (start, end) => {
      const verdict = verdictFor(buf.toString('utf8', start, end), types, registry, stranded);
      if (!verdict) return;
      steps[verdict.step] = (steps[verdict.step] ?? 0) + 1;
      events++;
    });
    if (events > 0) files.push({ file: `${EVENTS_DIR}/${name}`, compressed, events, steps });
  }
  return { storeRoot, files, events: files.reduce((n, f) => n + f.events, 0), stranded };
}

/** The file's bytes with every migratable line replaced by its upcast event. */
function migratedBytes(buf: Buffer, types: readonly string[], registry: SchemaRegistry): { bytes: Buffer; events: number } {
  const parts: Buffer[] = [];
  let copiedTo = 0;
  let events = 0;
  forEachLine(buf, (start, end) => {
    const verdict = verdictFor(buf.toString('utf8', start, end), types, registry, {});
    if (!verdict) return;
    parts.push(buf.subarray(copiedTo, start), Buffer.from(serializeEvent(registry.upcast(verdict.event)), 'utf8'));
    copiedTo = end;
    events++;
  });
  parts.push(buf.subarray(copiedTo));
  return { bytes: Buffer.concat(parts), events };
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const handle = await fs.promises.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function keepOriginal(original: string, backup: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(backup), { recursive: true });
  try {
    await fs.promises.link(original, backup);
  } catch {
    await fs.promises.copyFile(original, backup, fs.constants.COPYFILE_EXCL);
  }
}

/** Carries out the plan under the store's writer lock (no bus may append meanwhile). */
export async function executeMigration(plan: MigrationPlan, registry: SchemaRegistry, stamp: string): Promise<MigrationResult> {
  const storeRoot = plan.storeRoot;
  const backupDir = `backups/migrate-${stamp}`;
  const types = migratableTypes(registry);
  const lock = await acquireWriterLock(storeRoot);
  const done: string[] = [];
  let events = 0;
  try {
    for (const filePlan of plan.files) {
      const target = path.join(storeRoot, ...filePlan.file.split('/'));
      const original = await readFileBytes(target);
      const migrated = migratedBytes(original, types, registry);
      if (migrated.events === 0) continue;
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.migrate-${process.pid}.tmp`);
      await writeDurably(temp, filePlan.compressed ? zlib.gzipSync(migrated.bytes) : migrated.bytes);
      try {
        await keepOriginal(target, path.join(storeRoot, backupDir, ...filePlan.file.split('/')));
        await fs.promises.rename(temp, target);
      } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw error;
      }
      await fsyncDirectory(path.dirname(target));
      done.push(filePlan.file);
      events += migrated.events;
    }
  } finally {
    await lock.release();
  }
  return { files: done, events, backupDir };
}
