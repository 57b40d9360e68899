import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './listEventFiles';
import { gunzipTolerant, type ReadLimits } from './lineReader';

function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Reads event lines by file + offset + length: positional reads on plain
 * files (a few open descriptors kept), and for gzip files their decompressed
 * bytes, the last few kept, since a gzip stream cannot be entered mid-way.
 */
export class EventBodyReader {
  private readonly descriptors = new Map<string, number>();
  private readonly decompressed = new Map<string, Buffer>();
  private realRoot: string | undefined;

  constructor(
    private readonly storeRoot: string,
    private readonly limits: ReadLimits = {},
    private readonly maxOpen = 32,
    private readonly maxDecompressed = 2,
  ) {}

  readLine(file: string, offset: number, length: number): Buffer {
    if (file.endsWith('.gz')) {
      const bytes = this.decompressedBytes(file);
      return bytes.subarray(offset, offset + length);
    }
    const fd = this.descriptor(file);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const read = fs.readSync(fd, buffer, done, length - done, offset + done);
      if (read <= 0) throw new Error(`${file}: expected ${length} bytes at offset ${offset}, the file ended (was it truncated?)`);
      done += read;
    }
    return buffer;
  }

  /** Forgets cached descriptors and bytes of a file that changed or went away. */
  forget(file: string): void {
    const fd = this.descriptors.get(file);
    if (fd !== undefined) {
      fs.closeSync(fd);
      this.descriptors.delete(file);
    }
    this.decompressed.delete(file);
  }

  close(): void {
    for (const fd of this.descriptors.values()) fs.closeSync(fd);
    this.descriptors.clear();
    this.decompressed.clear();
  }

  private descriptor(file: string): number {
    let fd = this.descriptors.get(file);
    if (fd !== undefined) return fd;
    if (this.descriptors.size >= this.maxOpen) {
      const [oldest, oldFd] = this.descriptors.entries().next().value as [string, number];
      fs.closeSync(oldFd);
      this.descriptors.delete(oldest);
    }
    fd = fs.openSync(this.insidePath(file), 'r');
    this.descriptors.set(file, fd);
    return fd;
  }

  /**
   * The file's path, once it is known to resolve inside the store: a file
   * indexed as a plain file or an inside link may since have been replaced by
   * a symlink to somewhere else, whose bytes are not the store's to show.
   */
  private insidePath(file: string): string {
    const absPath = path.join(this.storeRoot, file);
    this.realRoot ??= realpathOr(this.storeRoot);
    const target = realpathOr(absPath);
    if (!isInside(this.realRoot, target)) throw new Error(`${file}: now resolves outside the store (${target}); not read`);
    return absPath;
  }

  private decompressedBytes(file: string): Buffer {
    const cached = this.decompressed.get(file);
    if (cached) return cached;
    const { bytes } = gunzipTolerant(fs.readFileSync(this.insidePath(file)), this.limits);
    if (this.decompressed.size >= this.maxDecompressed) {
      const oldest = this.decompressed.keys().next().value as string;
      this.decompressed.delete(oldest);
    }
    this.decompressed.set(file, bytes);
    return bytes;
  }
}
