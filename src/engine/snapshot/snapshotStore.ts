import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatTimestamp } from '../model/timestamp';
import { fsyncDirectory, writeFileAtomic } from '../store/atomicWrite';
import { SNAPSHOTS_DIR } from '../store/layout';
import { hashedIdDigest, parseSnapshotFileName, snapshotRelativePath } from './snapshotFileName';
import { deepEqualJson } from './structuralDiff';
import type { Snapshot, SnapshotRef } from '../model/snapshotTypes';

/**
 * Snapshot files in `<store>/snapshots/`: what the file storage's
 * saveSnapshot/listSnapshots/loadSnapshot delegate to. Reading is tolerant
 * of what the Python bus writes (`state` or `data`, extra keys).
 */

/** A snapshot file that could not be read; the message names the file. */
export class SnapshotFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SnapshotFileError';
  }
}

/** Saving would replace an existing, different snapshot: refused, never silent. */
export class SnapshotConflictError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists with a different state; remove it first if it is wrong (snapshots are never overwritten)`);
    this.name = 'SnapshotConflictError';
  }
}

export interface IgnoredSnapshotFile {
  readonly file: string;
  readonly reason: string;
}

export interface SnapshotListing {
  /** Sorted by aggregate id, then sequence number. */
  readonly snapshots: readonly SnapshotRef[];
  /** Files in `snapshots/` that are not snapshots (or whose id could not be recovered). */
  readonly ignored: readonly IgnoredSnapshotFile[];
}

/** The absolute path of a store-relative snapshot file; refuses anything outside `snapshots/`. */
export function snapshotAbsolutePath(storeRoot: string, relativeFile: string): string {
  const dir = path.resolve(storeRoot, SNAPSHOTS_DIR);
  const absolute = path.resolve(storeRoot, ...relativeFile.split('/'));
  if (path.dirname(absolute) !== dir) {
    throw new SnapshotFileError(relativeFile, `is not a file directly inside ${SNAPSHOTS_DIR}/`);
  }
  return absolute;
}

/** The file's text: pretty JSON, the keys the Python bus uses plus `event_count` and `last_event_id`. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const body: Record<string, unknown> = {
    aggregate_id: snapshot.aggregate_id,
    sequence_number: snapshot.sequence_number,
    timestamp: snapshot.timestamp || formatTimestamp(Date.now()),
    state: snapshot.state,
  };
  if (snapshot.event_count !== undefined) body.event_count = snapshot.event_count;
  if (snapshot.last_event_id !== undefined) body.last_event_id = snapshot.last_event_id;
  const text = JSON.stringify(body, null, 2);
  // Shaped as the Python bus writes them: spelled as its json.dump(indent=2) does, non-ASCII escaped.
  const pythonShaped = snapshot.event_count === undefined && snapshot.last_event_id === undefined;
  return `${pythonShaped ? text.replace(/[^\x00-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : text}\n`;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * A snapshot from file text. `fallback` (from the file name) fills in a
 * missing aggregate id or sequence; the file name wins when they disagree,
 * since it is what listing and rebuild select by.
 */
export function parseSnapshotText(
  text: string,
  file: string,
  fallback: { readonly aggregate_id: string; readonly sequence_number: number },
): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    const python = /\b(NaN|-?Infinity)\b/.test(text) ? ' (it holds NaN or Infinity, which Python writes but JSON does not allow)' : '';
    throw new SnapshotFileError(file, `is not valid JSON${where}${python}: ${message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SnapshotFileError(file, 'expected a JSON object with "state" (or "data"), got ' + (Array.isArray(parsed) ? 'an array' : String(parsed)));
  }
  const body = parsed as Record<string, unknown>;
  const state = 'state' in body ? body.state : 'data' in body ? body.data : undefined;
  if (state === undefined) throw new SnapshotFileError(file, 'has neither "state" nor "data"');
  return {
    aggregate_id: fallback.aggregate_id,
    sequence_number: fallback.sequence_number,
    timestamp: typeof body.timestamp === 'string' ? body.timestamp : '',
    state,
    event_count: typeof body.event_count === 'number' ? body.event_count : undefined,
    last_event_id: typeof body.last_event_id === 'string' ? body.last_event_id : undefined,
  };
}

async function readSnapshotAt(absolute: string, ref: SnapshotRef): Promise<Snapshot> {
  let text: string;
  try {
    text = await fs.promises.readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SnapshotFileError(ref.file, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`);
  }
  return parseSnapshotText(text, ref.file, ref);
}

export async function loadSnapshotFile(storeRoot: string, ref: SnapshotRef): Promise<Snapshot> {
  return readSnapshotAt(snapshotAbsolutePath(storeRoot, ref.file), ref);
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.aggregate_id === b.aggregate_id && a.sequence_number === b.sequence_number && deepEqualJson(a.state, b.state);
}

/** Accepts an existing file only when it holds the same snapshot; otherwise refuses. */
async function acceptExisting(absolute: string, ref: SnapshotRef, snapshot: Snapshot): Promise<SnapshotRef> {
  let existing: Snapshot;
  try {
    existing = await readSnapshotAt(absolute, ref);
  } catch {
    throw new SnapshotConflictError(ref.file);
  }
  if (!sameSnapshot(existing, { ...snapshot, state: JSON.parse(JSON.stringify(snapshot.state ?? null)) as unknown })) {
    throw new SnapshotConflictError(ref.file);
  }
  return ref;
}

/**
 * Writes the snapshot atomically and durably. Saving the same snapshot
 * again is a no-op; a different one at the same aggregate and sequence is a
 * SnapshotConflictError. The final step is a hard link, which fails when
 * the name exists, so even a concurrent writer cannot be overwritten.
 */
export async function saveSnapshotFile(storeRoot: string, snapshot: Snapshot): Promise<SnapshotRef> {
  const file = snapshotRelativePath(snapshot.aggregate_id, snapshot.sequence_number);
  const ref: SnapshotRef = { aggregate_id: snapshot.aggregate_id, sequence_number: snapshot.sequence_number, file };
  const absolute = snapshotAbsolutePath(storeRoot, file);
  if (fs.existsSync(absolute)) return acceptExisting(absolute, ref, snapshot);
  const dir = path.dirname(absolute);
  const pending = path.join(dir, `.pending-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  await writeFileAtomic(pending, serializeSnapshot(snapshot));
  try {
    await fs.promises.link(pending, absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await fs.promises.rm(pending, { force: true });
      return acceptExisting(absolute, ref, snapshot);
    }
    // No hard links on this filesystem: a rename after the existence check is the best left.
    if (fs.existsSync(absolute)) {
      await fs.promises.rm(pending, { force: true });
      return acceptExisting(absolute, ref, snapshot);
    }
    await fs.promises.rename(pending, absolute);
    await fsyncDirectory(dir);
    return ref;
  }
  await fs.promises.rm(pending, { force: true });
  await fsyncDirectory(dir);
  return ref;
}

async function recoverHashedId(storeRoot: string, file: string, digest: string, literalId: string): Promise<string> {
  try {
    const text = await fs.promises.readFile(path.join(storeRoot, ...file.split('/')), 'utf8');
    const id = (JSON.parse(text) as { aggregate_id?: unknown }).aggregate_id;
    if (typeof id === 'string' && hashedIdDigest(id) === digest) return id;
  } catch {
    // Unreadable: fall through to the literal name; loading will report the damage.
  }
  return literalId;
}

/**
 * The snapshots in the store (of one aggregate when given), parsed from
 * file names; other files are reported in `ignored`. Temp files of
 * in-progress writes (leading `.`) are skipped silently.
 */
export async function listSnapshotFiles(storeRoot: string, aggregateId?: string): Promise<SnapshotListing> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path.join(storeRoot, SNAPSHOTS_DIR), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { snapshots: [], ignored: [] };
    throw error;
  }
  const snapshots: SnapshotRef[] = [];
  const ignored: IgnoredSnapshotFile[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = `${SNAPSHOTS_DIR}/${entry.name}`;
    if (!entry.isFile()) {
      ignored.push({ file, reason: 'not a regular file' });
      continue;
    }
    const parsed = parseSnapshotFileName(entry.name);
    if (!parsed) {
      ignored.push({ file, reason: 'not a snapshot file name (expected snapshot_<aggregate_id>_<sequence>.json)' });
      continue;
    }
    let id: string;
    if (parsed.kind === 'plain') id = parsed.aggregateId;
    else if (aggregateId !== undefined && hashedIdDigest(aggregateId) !== parsed.digest) continue;
    else id = await recoverHashedId(storeRoot, file, parsed.digest, parsed.literalId);
    if (aggregateId !== undefined && id !== aggregateId) continue;
    snapshots.push({ aggregate_id: id, sequence_number: parsed.sequenceNumber, file });
  }
  snapshots.sort((a, b) =>
    a.aggregate_id < b.aggregate_id ? -1 : a.aggregate_id > b.aggregate_id ? 1 : a.sequence_number - b.sequence_number,
  );
  return { snapshots, ignored };
}

/** The snapshot files of a store as save/list/load: what FileEventStorage.useSnapshots takes. */
export function snapshotFilesOf(storeRoot: string): {
  save(snapshot: Snapshot): Promise<SnapshotRef>;
  list(aggregateId?: string): Promise<readonly SnapshotRef[]>;
  load(ref: SnapshotRef): Promise<Snapshot>;
} {
  return {
    save: (snapshot) => saveSnapshotFile(storeRoot, snapshot),
    list: async (aggregateId) => (await listSnapshotFiles(storeRoot, aggregateId)).snapshots,
    load: (ref) => loadSnapshotFile(storeRoot, ref),
  };
}
