import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIGRATION_JOURNAL } from './migrationJournal';
import { CLEANUP_JOURNAL } from './cleanupJournal';

/** Work spanning several files that a killed writer left half done (its journal is still in the store root). */
export interface PendingWork {
  /** The journal file, relative to the store root. */
  readonly journal: string;
  /** What was interrupted, for a person. */
  readonly what: string;
}

const JOURNALS: readonly PendingWork[] = [
  { journal: MIGRATION_JOURNAL, what: 'a schema migration' },
  { journal: CLEANUP_JOURNAL, what: 'a TTL cleanup' },
];

/**
 * Interrupted multi-file work: until the next writer (publish, cleanup or
 * migrate) finishes or undoes it, readers may see the store half way, so
 * this is what they say. Reading only: nothing is recovered here.
 */
export function pendingWorkOf(storeRoot: string): PendingWork[] {
  return JOURNALS.filter((work) => fs.existsSync(path.join(storeRoot, work.journal)));
}

/** One line for a person: what was interrupted and what finishes it. */
export function describePendingWork(work: PendingWork): string {
  return `${work.what} was interrupted (${work.journal}); the next writer (eventbus publish, cleanup or migrate) finishes or undoes it — until then the store may show it half done`;
}
