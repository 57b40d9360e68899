import * as path from 'node:path';

/** Where things live inside an `event_store/` folder. */
export const EVENTS_DIR = 'events';
export const SNAPSHOTS_DIR = 'snapshots';
export const SCHEMAS_DIR = 'schemas';
export const PROJECTIONS_DIR = 'projections';
export const CACHE_DIR = '.eventbus';
export const DEAD_LETTER_FILE = 'dead_letter.jsonl';
export const LOCK_FILE = 'writer.lock';

const EVENT_FILE_PATTERN = /^events_(\d{4}-\d{2}-\d{2})\.jsonl(\.gz)?$/;

export function eventFileName(day: string, compressed = false): string {
  return `events_${day}.jsonl${compressed ? '.gz' : ''}`;
}

/** The day and compression of an event file name, or null when the name is not one. */
export function parseEventFileName(name: string): { day: string; compressed: boolean } | null {
  const match = EVENT_FILE_PATTERN.exec(name);
  return match ? { day: match[1], compressed: match[2] !== undefined } : null;
}

/**
 * Why a name in events/ is not read as a day of events, or undefined when it
 * is one (or a writer's temp file, which comes and goes). Only
 * `events_YYYY-MM-DD.jsonl` and `.jsonl.gz` hold events: a stray
 * `notes.jsonl` must not be counted as the store's events.
 */
export function notADayFile(name: string): string | undefined {
  if (parseEventFileName(name) || /^\..*\.tmp$/.test(name)) return undefined;
  return 'not a day file (expected events_YYYY-MM-DD.jsonl or events_YYYY-MM-DD.jsonl.gz); not read';
}

/** Store-relative, `/`-separated: how files are named in findings and the index. */
export function relativeToStore(storeRoot: string, absolute: string): string {
  return path.relative(storeRoot, absolute).split(path.sep).join('/');
}
