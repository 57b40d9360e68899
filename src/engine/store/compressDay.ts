import { readIfExists } from './readIfExists';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite';
import { eventFileName } from './layout';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export type CompressOutcome =
  /** No plain file for the day: nothing to do. */
  | 'nothing'
  /** The plain file was empty and has been removed. */
  | 'removed-empty'
  /** A new `.jsonl.gz` was written. */
  | 'compressed'
  /** The plain file's lines were added to an existing `.jsonl.gz` as a new gzip member. */
  | 'appended-member'
  /** An earlier run had already put these bytes in the `.jsonl.gz` but died before removing the plain file. */
  | 'already-compressed';

export interface CompressDayResult {
  readonly day: string;
  readonly outcome: CompressOutcome;
  readonly plainBytes: number;
  readonly gzipBytes: number;
}

/**
 * Gzips the closed day `events_<day>.jsonl` into `events_<day>.jsonl.gz`,
 * then removes the plain file. The caller must make sure nobody appends to
 * that day's plain file meanwhile (the file appender does).
 *
 * Crash safety: the `.gz` is written through a temp file, fsynced, renamed
 * and the folder fsynced, so a crash leaves either the old `.gz` or the new
 * one. Only then is the plain file removed. If a crash comes between the two,
 * both exist; the next run sees the plain bytes already at the end of the
 * `.gz` and only removes the plain file (so no events are duplicated).
 *
 * When a `.gz` of the day already exists (lines appended to a closed day
 * later), its bytes are kept as they are and a new gzip member is added after
 * them: readers see the concatenation, and existing data is never rewritten.
 */
export async function compressDayFile(eventsDir: string, day: string): Promise<CompressDayResult> {
  const plainFile = path.join(eventsDir, eventFileName(day));
  const gzipFile = path.join(eventsDir, eventFileName(day, true));
  const plain = await readIfExists(plainFile);
  if (plain === undefined) return { day, outcome: 'nothing', plainBytes: 0, gzipBytes: 0 };
  if (plain.length === 0) {
    await removeDurably(plainFile);
    return { day, outcome: 'removed-empty', plainBytes: 0, gzipBytes: 0 };
  }

  const existing = await readIfExists(gzipFile);
  let memberSource = plain;
  if (existing !== undefined) {
    let old: Buffer;
    try {
      old = await gunzip(existing);
    } catch (error) {
      throw new Error(
        `Cannot add ${plainFile} to ${gzipFile}: the existing gzip file is unreadable (${(error as Error).message}). ` +
          'Both files were left untouched.',
      );
    }
    if (endsWith(old, plain)) {
      await removeDurably(plainFile);
      return { day, outcome: 'already-compressed', plainBytes: plain.length, gzipBytes: existing.length };
    }
    // Keep the line boundary: if the old content ends mid-line (a torn tail),
    // the new member starts on a line of its own. The torn bytes stay as they are.
    if (old.length > 0 && old[old.length - 1] !== 0x0a) memberSource = Buffer.concat([Buffer.from('\n'), plain]);
  }

  const member = await gzip(memberSource);
  const content = existing === undefined ? member : Buffer.concat([existing, member]);
  await writeFileAtomic(gzipFile, content);
  await removeDurably(plainFile);
  return {
    day,
    outcome: existing === undefined ? 'compressed' : 'appended-member',
    plainBytes: plain.length,
    gzipBytes: content.length,
  };
}

function endsWith(whole: Buffer, tail: Buffer): boolean {
  if (tail.length > whole.length) return false;
  return whole.subarray(whole.length - tail.length).equals(tail);
}

async function removeDurably(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
  await fsyncDirectory(path.dirname(file));
}

