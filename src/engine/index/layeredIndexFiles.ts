import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskIndex, diskIndexPath } from './diskIndex';
import { writeDiskIndex } from './diskIndexWriter';
import { EventIndex } from './eventIndex';
import { newInterners, readTailHash, scanFileInto } from './fileScanner';
import { buildIndex, refreshIndex, type IndexOptions, type RefreshResult } from './indexBuilder';
import type { IndexedFile, SequenceMode } from '../model/indexTypes';
import { INDEX_FILE_NAME, loadIndex, saveIndex } from './indexPersistence';
import { LayeredIndex } from './layeredIndex';
import { listEventFiles } from '../store/listEventFiles';
import { scanFiles, scanOneFile } from './scanPlan';
import { emptyColumns, trimColumns, type FileSegment } from './segment';
import type { PlannedFile } from '../store/listEventFiles';

/** Past this many appended events the tail is folded into a new base (a rebuild, amortised over the appends). */
const COMPACT_TAIL_AT = 200_000;

export function tailFileName(generation: string): string {
  return `index-tail-${generation}.bin`;
}

/**
 * Opens the index of a store: the persisted base (header only) and the tail
 * saved with it, brought up to date with the files; or a cold build when
 * there is no usable base. `dirty`: something should be persisted.
 */
export async function openLayeredIndex(
  storeRoot: string,
  cacheDir: string | null,
  options: IndexOptions,
): Promise<{ index: LayeredIndex; dirty: boolean }> {
  const mode = options.sequenceMode;
  const base = cacheDir === null ? null : DiskIndex.open(storeRoot, cacheDir, mode);
  if (base) {
    const tail = loadIndex(storeRoot, cacheDir as string, mode, tailFileName(base.header.generation));
    const index = new LayeredIndex(base, tail, mode, (known) => rebuildOnThisThread(storeRoot, known, options));
    const delta = await refreshLayeredIndex(index, storeRoot, options);
    const dirty = delta.appendedEvents > 0 || delta.rebuiltFiles.length > 0 || delta.removedFiles.length > 0 || index.base === null;
    return { index, dirty };
  }
  const built = await buildIndex(storeRoot, options);
  return { index: new LayeredIndex(null, built, mode, (known) => rebuildOnThisThread(storeRoot, known, options)), dirty: true };
}

/** The index of these files built again at once, synchronously (when a damaged base is found in the middle of a question). */
function rebuildOnThisThread(storeRoot: string, known: readonly IndexedFile[], options: IndexOptions): EventIndex {
  const planned: PlannedFile[] = [];
  for (const f of known) {
    const absPath = path.join(storeRoot, f.file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absPath);
    } catch {
      continue;
    }
    planned.push({ absPath, file: f.file, size: stat.size, mtimeMs: stat.mtimeMs, compressed: f.compressed, day: f.day });
  }
  const interners = newInterners();
  return new EventIndex(scanFiles(planned, interners, options.limits ?? {}), interners, options.sequenceMode);
}

/**
 * Brings the layers up to date: bytes appended to the last file and new
 * files after it go to the tail, scanned incrementally; anything else (a
 * file rewritten, shrunk or removed, a file added in the middle) rebuilds.
 */
export async function refreshLayeredIndex(index: LayeredIndex, storeRoot: string, options: IndexOptions = {}): Promise<RefreshResult> {
  const base = index.base;
  if (!base) {
    if (!index.tail) {
      const built = await buildIndex(storeRoot, options);
      index.replace(null, built, true);
      return { appendedEvents: built.eventCount, rebuiltFiles: [], removedFiles: [], newProblems: [...built.problems] };
    }
    return refreshIndex(index.tail, storeRoot, options);
  }
  const { files, problems } = await listEventFiles(storeRoot);
  const known = index.files;
  const before = index.eventCount;
  const limits = options.limits ?? {};
  const appendable = appendPlan(files, known);
  if (!appendable) return rebuild(index, storeRoot, options, files, known, before);
  index.listingProblems = problems;
  const result = { appendedEvents: 0, rebuiltFiles: [] as string[], removedFiles: [] as string[], newProblems: [] as RefreshResult['newProblems'][number][] };
  let tail = index.tail;
  const interners = tail?.interners ?? newInterners();
  const fresh: FileSegment[] = [];
  const planned = appendable.grownLast;
  if (planned) {
    const lastTail = tail?.segments[tail.segments.length - 1];
    if (tail && lastTail && lastTail.file === planned.file) {
      if (planned.size < lastTail.consumed || readTailHash(planned.absPath, lastTail.consumed) !== lastTail.tailHash) {
        return rebuild(index, storeRoot, options, files, known, before);
      }
      const count = lastTail.columns.count;
      const problemsBefore = lastTail.problems.length;
      lastTail.problems = lastTail.problems.filter((p) => p.line <= lastTail.lines);
      lastTail.size = planned.size;
      lastTail.mtimeMs = planned.mtimeMs;
      scanFileInto(planned.absPath, lastTail, interners, limits);
      result.newProblems.push(...lastTail.problems.slice(Math.min(problemsBefore, lastTail.problems.length)));
      if (lastTail.columns.count > count) tail.appendedToLastSegment(count);
    } else {
      // The base's last file grew: its continuation (from where the base stopped reading) is a tail segment.
      const persisted = base.header.files[base.header.files.length - 1];
      if (readTailHash(planned.absPath, persisted.consumed) !== persisted.tailHash) return rebuild(index, storeRoot, options, files, known, before);
      const segment: FileSegment = {
        file: planned.file, size: planned.size, mtimeMs: planned.mtimeMs, compressed: false, day: planned.day,
        lines: persisted.lines, consumed: persisted.consumed, tailHash: persisted.tailHash, problems: [], columns: emptyColumns(64),
      };
      scanFileInto(planned.absPath, segment, interners, limits);
      trimColumns(segment.columns);
      result.newProblems.push(...segment.problems);
      fresh.push(segment);
    }
  }
  for (const planned of appendable.added) {
    const segment = scanOneFile(planned, interners, limits);
    result.newProblems.push(...segment.problems);
    fresh.push(segment);
  }
  if (fresh.length > 0) {
    if (tail) for (const segment of fresh) tail.addSegmentAtEnd(segment);
    else tail = new EventIndex(fresh, interners, options.sequenceMode);
    index.replace(base, tail, false);
  }
  const appended = index.eventCount - before;
  if ((index.tail?.eventCount ?? 0) > COMPACT_TAIL_AT) {
    const built = await buildIndex(storeRoot, options);
    index.replace(null, built, false);
  }
  return { ...result, appendedEvents: appended };
}

/** What changed, when it is only appends: the last known file grown and files added after it. Null: anything else. */
function appendPlan(files: readonly PlannedFile[], known: readonly IndexedFile[]): { grownLast: PlannedFile | null; added: PlannedFile[] } | null {
  if (files.length < known.length) return null;
  let grownLast: PlannedFile | null = null;
  for (let k = 0; k < known.length; k++) {
    const planned = files[k];
    const was = known[k];
    if (planned.file !== was.file) return null;
    if (planned.size === was.size && planned.mtimeMs === was.mtimeMs) continue;
    if (k !== known.length - 1 || planned.compressed || planned.size < was.size) return null;
    grownLast = planned;
  }
  const added = files.slice(known.length);
  const last = known[known.length - 1];
  for (const planned of added) if (last && !isAfter(planned, last)) return null;
  return { grownLast, added };
}

function isAfter(planned: PlannedFile, last: IndexedFile): boolean {
  if (planned.day && last.day) return planned.day > last.day;
  return !planned.day && (last.day !== null || planned.file > last.file);
}

/** Rebuilds from the files (the layers no longer describe them), telling which files changed. */
async function rebuild(
  index: LayeredIndex,
  storeRoot: string,
  options: IndexOptions,
  files: readonly PlannedFile[],
  known: readonly IndexedFile[],
  before: number,
): Promise<RefreshResult> {
  const built = await buildIndex(storeRoot, options);
  const now = new Map(files.map((f) => [f.file, f]));
  const rebuiltFiles = known.filter((f) => {
    const planned = now.get(f.file);
    return planned && (planned.size !== f.size || planned.mtimeMs !== f.mtimeMs);
  }).map((f) => f.file);
  const removedFiles = known.filter((f) => !now.has(f.file)).map((f) => f.file);
  const changed = new Set([...rebuiltFiles, ...known.map((f) => f.file).filter((f) => !now.has(f))]);
  const knownNames = new Set(known.map((f) => f.file));
  index.replace(null, built, true);
  return {
    appendedEvents: Math.max(0, built.eventCount - before),
    rebuiltFiles,
    removedFiles,
    newProblems: built.problems.filter((p) => changed.has(p.file) || !knownNames.has(p.file)),
  };
}

/**
 * Saves what the index holds that is not on disk yet: a whole in-memory
 * index becomes the base (and the index then reads it in place, letting go
 * of the memory); a tail over a base is saved beside it. Throws when the
 * cache folder cannot be written (the caller treats the cache as optional).
 */
export function persistLayeredIndex(index: LayeredIndex, storeRoot: string, cacheDir: string, sequenceMode?: SequenceMode): void {
  if (!index.base && index.tail) {
    const target = diskIndexPath(cacheDir);
    const header = writeDiskIndex(index.tail, storeRoot, target, sequenceMode);
    removeOtherFiles(cacheDir, null);
    const base = DiskIndex.open(storeRoot, cacheDir, sequenceMode);
    if (base && base.header.generation === header.generation) index.replace(base, null, false);
    return;
  }
  if (index.base && index.tail) {
    saveIndex(index.tail, storeRoot, cacheDir, sequenceMode, tailFileName(index.base.header.generation));
    removeOtherFiles(cacheDir, tailFileName(index.base.header.generation));
  }
}

/** Tails of earlier bases and the whole-array index of earlier versions: never read again. */
function removeOtherFiles(cacheDir: string, keepTail: string | null): void {
  let names: string[];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const stale = name === INDEX_FILE_NAME || (name.startsWith('index-tail-') && name !== keepTail);
    if (stale) fs.rmSync(path.join(cacheDir, name), { force: true });
  }
}
