import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventBusConfig } from '../config/busConfig';
import { parseTimestamp, utcDay } from '../model/timestamp';
import { parseSnapshotFileName } from '../snapshot/snapshotFileName';
import { EVENTS_DIR, parseEventFileName, SNAPSHOTS_DIR } from '../store/layout';
import type { CleanupPlan, KeptSnapshot, PlannedFile, PlannedSnapshot } from './cleanupPlan';

const DAY_MS = 86_400_000;

interface SnapshotFacts {
  readonly file: string;
  readonly aggregateId: string;
  readonly sequenceNumber: number;
  readonly timestampMs: number;
  readonly bytes: number;
}

/**
 * What cleanup would remove, without removing anything.
 *
 * Event files: a day file (plain or .gz) goes exactly when the guide's
 * Python bus removes it: the start of its day (from the file name) is
 * before `now - event_ttl_days` (`datetime.strptime(day) < now -
 * timedelta(days=ttl)`), so with 6 days at 2024-01-22T12:00 the day
 * 2024-01-16 goes. `cutoffDay` is the first day kept.
 *
 * Snapshots are kept, as the Python bus keeps them, unless
 * `removeSnapshots`; then, per aggregate (`system` included): one taken before the start
 * of that cutoff day may go, except
 *  - the latest snapshot of the aggregate (by sequence), always kept;
 *  - the newest snapshot taken before the cutoff: the base from which state
 *    after the cutoff is rebuilt (the events before it are being removed,
 *    so older snapshots can no longer be rolled forward to anything).
 * A snapshot that cannot be read or named is kept: never delete what is not
 * understood.
 */
export interface PlanCleanupOptions {
  /** Also remove superseded snapshots (the Python bus never does). */
  readonly removeSnapshots?: boolean;
}

export async function planCleanup(
  storeRoot: string,
  config: Pick<EventBusConfig, 'event_ttl_days'>,
  now: Date | number = Date.now(),
  options: PlanCleanupOptions = {},
): Promise<CleanupPlan> {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const ttlDays = config.event_ttl_days;
  // The first day whose start is not before now - ttl: midnight itself is kept, any later instant moves on a day.
  const cutoffDay = utcDay(Math.ceil((nowMs - ttlDays * DAY_MS) / DAY_MS) * DAY_MS);
  const cutoffMs = Date.parse(`${cutoffDay}T00:00:00Z`);

  const eventFiles: PlannedFile[] = [];
  for (const name of await listNames(path.join(storeRoot, EVENTS_DIR))) {
    const parsed = parseEventFileName(name);
    if (!parsed || parsed.day >= cutoffDay) continue;
    const bytes = await sizeOf(path.join(storeRoot, EVENTS_DIR, name));
    eventFiles.push({ file: `${EVENTS_DIR}/${name}`, day: parsed.day, bytes });
  }
  eventFiles.sort((a, b) => (a.file < b.file ? -1 : 1));

  const { snapshots, kept } = options.removeSnapshots ? await planSnapshots(storeRoot, cutoffMs) : { snapshots: [], kept: [] };
  const bytes = eventFiles.reduce((sum, f) => sum + f.bytes, 0) + snapshots.reduce((sum, s) => sum + s.bytes, 0);
  return {
    storeRoot,
    now: new Date(nowMs).toISOString(),
    ttlDays,
    cutoffDay,
    eventFiles,
    snapshots,
    keptSnapshots: kept,
    bytes,
  };
}

async function planSnapshots(storeRoot: string, cutoffMs: number): Promise<{ snapshots: PlannedSnapshot[]; kept: KeptSnapshot[] }> {
  const kept: KeptSnapshot[] = [];
  const byAggregate = new Map<string, SnapshotFacts[]>();
  for (const name of await listNames(path.join(storeRoot, SNAPSHOTS_DIR))) {
    const file = `${SNAPSHOTS_DIR}/${name}`;
    if (!parseSnapshotFileName(name)) continue;
    const facts = await readSnapshotFacts(path.join(storeRoot, SNAPSHOTS_DIR, name), file, name);
    if ('reason' in facts) {
      if (facts.old(cutoffMs)) kept.push({ file, reason: facts.reason });
      continue;
    }
    const list = byAggregate.get(facts.aggregateId) ?? [];
    list.push(facts);
    byAggregate.set(facts.aggregateId, list);
  }
  const snapshots: PlannedSnapshot[] = [];
  for (const [aggregateId, list] of byAggregate) {
    list.sort((a, b) => a.sequenceNumber - b.sequenceNumber);
    const latest = list[list.length - 1];
    const old = list.filter((s) => s.timestampMs < cutoffMs);
    const base = old[old.length - 1];
    for (const snapshot of old) {
      if (snapshot === latest) {
        kept.push({ file: snapshot.file, reason: `latest snapshot of ${aggregateId}` });
      } else if (snapshot === base) {
        kept.push({ file: snapshot.file, reason: `newest snapshot of ${aggregateId} before the cutoff: the base for rebuilding state after it` });
      } else {
        snapshots.push({
          file: snapshot.file,
          aggregateId,
          sequenceNumber: snapshot.sequenceNumber,
          timestamp: new Date(snapshot.timestampMs).toISOString(),
          bytes: snapshot.bytes,
        });
      }
    }
  }
  snapshots.sort((a, b) => (a.file < b.file ? -1 : 1));
  kept.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { snapshots, kept };
}

/** Aggregate, sequence and time of a snapshot; a reason to keep it when they cannot be known. */
async function readSnapshotFacts(
  absPath: string,
  file: string,
  name: string,
): Promise<SnapshotFacts | { reason: string; old: (cutoffMs: number) => boolean }> {
  let stat: fs.Stats;
  let text: string;
  try {
    stat = await fs.promises.stat(absPath);
    text = await fs.promises.readFile(absPath, 'utf8');
  } catch (error) {
    return { reason: `cannot be read (${(error as Error).message}); kept`, old: () => true };
  }
  const old = (cutoffMs: number): boolean => stat.mtimeMs < cutoffMs;
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    return { reason: 'not valid JSON; kept', old };
  }
  const body = (content !== null && typeof content === 'object' ? content : {}) as Record<string, unknown>;
  const fromName = parseSnapshotFileName(name);
  const aggregateId =
    typeof body.aggregate_id === 'string' ? body.aggregate_id : fromName?.kind === 'plain' ? fromName.aggregateId : undefined;
  if (aggregateId === undefined || !fromName) return { reason: 'aggregate unknown (no aggregate_id in the file); kept', old };
  const sequenceNumber =
    typeof body.sequence_number === 'number' && Number.isFinite(body.sequence_number) ? body.sequence_number : fromName.sequenceNumber;
  const parsedTime = typeof body.timestamp === 'string' ? parseTimestamp(body.timestamp) : Number.NaN;
  const timestampMs = Number.isNaN(parsedTime) ? stat.mtimeMs : parsedTime;
  return { file, aggregateId, sequenceNumber, timestampMs, bytes: stat.size };
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function sizeOf(absPath: string): Promise<number> {
  try {
    return (await fs.promises.stat(absPath)).size;
  } catch {
    return 0;
  }
}
