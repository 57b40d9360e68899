import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces (or creates) `target` so that a crash at any point leaves either
 * the old file or the new one, never half of either: write a temp file
 * beside it, fsync it, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await writeChunksAtomic(target, [typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);
}

/** The same for content that arrives in chunks (an export): returns the bytes written. */
export async function writeChunksAtomic(target: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
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
    // A failed write (ENOSPC) must not leave its temp behind to hold the space.
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
  return bytes;
}

/** Makes a rename or unlink inside `dir` durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some filesystems refuse fsync on a directory; the rename is still done.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EINVAL') {
      throw error;
    }
  } finally {
    await handle?.close();
  }
}

/**
 * The synchronous form for files written by position (the index caches):
 * `write` fills the temp file through its descriptor, then the temp is
 * renamed over `target`, so a reader never sees half a file; a failed write
 * (ENOSPC) leaves no temp behind. No fsync: these files are caches, rebuilt
 * from the events when missing or torn.
 */
export function replaceFileSync(target: string, write: (fd: number) => void): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      write(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
