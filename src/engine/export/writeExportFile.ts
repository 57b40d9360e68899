import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsyncDirectory } from '../store/atomicWrite';

/**
 * Streams chunks into `target` through a temp file beside it, renamed over
 * the target only once everything is written and synced: a failed or
 * cancelled export leaves the old file (or none), never half a file.
 */
export async function writeExportFile(target: string, chunks: AsyncIterable<Buffer>, options: { readonly overwrite: boolean }): Promise<number> {
  if (!options.overwrite && fs.existsSync(target)) throw new Error(`${target} exists`);
  const dir = path.dirname(target);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.promises.open(temp, 'wx');
  let bytes = 0;
  try {
    try {
      for await (const chunk of chunks) {
        await handle.write(chunk);
        bytes += chunk.length;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
  return bytes;
}
