import * as fs from 'node:fs';
import { writeChunksAtomic } from '../store/atomicWrite';

/**
 * Streams chunks into `target` through a temp file beside it, renamed over
 * the target only once everything is written and synced: a failed or
 * cancelled export leaves the old file (or none), never half a file.
 */
export async function writeExportFile(target: string, chunks: AsyncIterable<Buffer>, options: { readonly overwrite: boolean }): Promise<number> {
  if (!options.overwrite && fs.existsSync(target)) throw new Error(`${target} exists`);
  return writeChunksAtomic(target, chunks);
}
