import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { serializeEvent, type Event } from '../model/event';
import { attachRawData } from '../model/rawData';
import { numberTexts, stringifyKeepingNumbers, topLevelMemberText } from '../store/jsonSpans';
import { detectLineStyle, serializeEventInStyle } from '../store/lineStyle';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { fsyncDirectory } from '../store/atomicWrite';
import { isDirectlyInside, removeJournal, writeJournal } from '../store/interruptedWork';
import { finishInterruptedMigration, MIGRATION_JOURNAL, renameAll, type MigrationJournal } from '../store/migrationJournal';
import { EVENTS_DIR, parseEventFileName } from '../store/layout';
import { forEachLine, readFileBytes } from '../store/lineReader';
import { acquireWriterLockWaiting, DEFAULT_LOCK_WAIT_MS } from '../store/writeLock';

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

/**
 * The upcast event spelled as its line was: the line's separators and
 * escapes, its timestamp text, and every number the migration left alone
 * as written (`1.0`, 20-digit integers).
 */
function migratedLine(original: string, upcast: Event): string {
  const style = detectLineStyle([original]);
  if (!style) return serializeEvent(upcast);
  const dataText = topLevelMemberText(original, 'data');
  const data = dataText === undefined ? JSON.stringify(upcast.data) : stringifyKeepingNumbers(upcast.data, numberTexts(dataText), { spellMovedValues: true });
  return serializeEventInStyle(attachRawData(upcast, data), style, { keepTimestamp: true });
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
    const text = buf.toString('utf8', start, end);
    const verdict = verdictFor(text, types, registry, {});
    if (!verdict) return;
    parts.push(buf.subarray(copiedTo, start), Buffer.from(migratedLine(text, registry.upcast(verdict.event)), 'utf8'));
    copiedTo = end;
    events++;
  });
  parts.push(buf.subarray(copiedTo));
  return { bytes: Buffer.concat(parts), events };
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  // The name carries our pid and we hold the writer lock: an existing one is a dead namesake's leftover.
  await fs.promises.rm(file, { force: true });
  const handle = await fs.promises.open(file, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
}

async function keepOriginal(original: string, backup: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(backup), { recursive: true });
  try {
    await fs.promises.link(original, backup);
  } catch {
    await fs.promises.copyFile(original, backup, fs.constants.COPYFILE_EXCL);
    const handle = await fs.promises.open(backup, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

function tempFor(target: string): string {
  const [folder, name] = target.split('/');
  return `${folder}/.${name}.migrate-${process.pid}.tmp`;
}

/** A backup folder that does not exist yet (two migrations in one second get -2, -3...). */
function freshBackupDir(storeRoot: string, stamp: string): string {
  for (let n = 1; ; n++) {
    const dir = `backups/migrate-${stamp}${n === 1 ? '' : `-${n}`}`;
    if (!fs.existsSync(path.join(storeRoot, ...dir.split('/')))) return dir;
  }
}

/**
 * Carries out the plan under the store's writer lock (no bus may append meanwhile).
 *
 * Crash safety across files: a journal in the store root says "preparing"
 * while the migrated temps and the backups are written and fsynced, then
 * (rewritten atomically) "committed" before the first rename. A migration
 * killed while preparing is undone by the next writer (temps and backup
 * folder removed); one killed after committing is finished (the remaining
 * temps renamed over their targets). See `finishInterruptedMigration`.
 */
export async function executeMigration(plan: MigrationPlan, registry: SchemaRegistry, stamp: string): Promise<MigrationResult> {
  const storeRoot = plan.storeRoot;
  const types = migratableTypes(registry);
  const lock = await acquireWriterLockWaiting(storeRoot, DEFAULT_LOCK_WAIT_MS);
  try {
    await finishInterruptedMigration(storeRoot);
    const backupDir = freshBackupDir(storeRoot, stamp);
    const journalFile = path.join(storeRoot, MIGRATION_JOURNAL);
    const planned = plan.files
      .filter((filePlan) => isDirectlyInside(filePlan.file, [EVENTS_DIR]))
      .map((filePlan) => ({ target: filePlan.file, temp: tempFor(filePlan.file), compressed: filePlan.compressed }));
    const journal = (state: MigrationJournal['state'], files: readonly { target: string; temp: string }[]): MigrationJournal => ({
      kind: 'migration',
      pid: process.pid,
      state,
      backupDir,
      files: files.map(({ target, temp }) => ({ target, temp })),
    });
    await writeJournal(journalFile, journal('preparing', planned));

    const ready: { target: string; temp: string }[] = [];
    let events = 0;
    for (const file of planned) {
      const target = path.join(storeRoot, ...file.target.split('/'));
      const original = await readFileBytes(target);
      const migrated = migratedBytes(original, types, registry);
      if (migrated.events === 0) continue;
      await writeDurably(path.join(storeRoot, ...file.temp.split('/')), file.compressed ? zlib.gzipSync(migrated.bytes) : migrated.bytes);
      await keepOriginal(target, path.join(storeRoot, backupDir, ...file.target.split('/')));
      ready.push(file);
      events += migrated.events;
    }
    if (ready.length === 0) {
      await removeJournal(journalFile);
      return { files: [], events: 0, backupDir };
    }
    // The temps' and backups' names must be durable before the commit point.
    await fsyncDirectory(path.join(storeRoot, EVENTS_DIR));
    await fsyncBackupFolders(storeRoot, backupDir);

    await writeJournal(journalFile, journal('committed', ready));
    await renameAll(storeRoot, ready);
    await removeJournal(journalFile);
    return { files: ready.map((file) => file.target), events, backupDir };
  } finally {
    await lock.release();
  }
}

async function fsyncBackupFolders(storeRoot: string, backupDir: string): Promise<void> {
  const parts = [...backupDir.split('/'), EVENTS_DIR];
  // Deepest first: each folder's entries, then the entry naming it in its parent.
  for (let depth = parts.length; depth >= 0; depth--) await fsyncDirectory(path.join(storeRoot, ...parts.slice(0, depth)));
}
