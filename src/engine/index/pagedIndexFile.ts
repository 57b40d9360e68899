import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { CRC_CHUNK_PAGES, DISK_INDEX_MAGIC, DISK_INDEX_VERSION, PAGE_BYTES, PREFIX_BYTES, type DiskIndexHeader } from './diskIndexFormat';
import { bodyStartFor } from './diskIndexWriter';

/** The persisted index turned out damaged while being read: it is removed and rebuilt on the next open. */
export class DamagedIndexError extends Error {
  constructor(file: string, what: string) {
    super(`the persisted index ${file} is damaged (${what}); it was removed and is rebuilt on the next open`);
    this.name = 'DamagedIndexError';
  }
}

/** Pages kept in memory (256 KiB of 1 KiB pages): enough for the directories a query walks, bounded whatever the store. */
const CACHED_PAGES = 256;

/**
 * Positioned, checksummed reads of an index file's body. Every page read is
 * checked against its CRC before use, so a flipped byte is never taken for
 * an answer. Reads go into reused buffers; a few pages are cached.
 */
export class PagedIndexFile {
  /** Bytes read from the file so far (for tests proving a query reads little). */
  bytesRead = 0;
  private readonly pages = new Map<number, Buffer>();
  private readonly crcChunks = new Map<number, Buffer>();
  private scratch = Buffer.allocUnsafe(PAGE_BYTES * 4);
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly header: DiskIndexHeader,
    private readonly bodyStart: number,
  ) {}

  /** The file's header, or null when it is missing, foreign, of another version, truncated or damaged. */
  static open(file: string): PagedIndexFile | null {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const size = fs.fstatSync(fd).size;
      const prefix = Buffer.alloc(PREFIX_BYTES);
      if (size < PREFIX_BYTES || fs.readSync(fd, prefix, 0, PREFIX_BYTES, 0) !== PREFIX_BYTES) throw new Error('short');
      if (prefix.readUInt32LE(0) !== DISK_INDEX_MAGIC || prefix.readUInt32LE(4) !== DISK_INDEX_VERSION) throw new Error('foreign');
      const headerLength = prefix.readUInt32LE(8);
      if (headerLength > size - PREFIX_BYTES) throw new Error('short');
      const headerBytes = Buffer.alloc(headerLength);
      if (fs.readSync(fd, headerBytes, 0, headerLength, PREFIX_BYTES) !== headerLength) throw new Error('short');
      if (zlib.crc32(headerBytes) !== prefix.readUInt32LE(12)) throw new Error('header checksum');
      const header = JSON.parse(headerBytes.toString('utf8')) as DiskIndexHeader;
      if (header.format !== DISK_INDEX_VERSION || header.totalLength !== size) throw new Error('length');
      const opened = new PagedIndexFile(file, fd, header, bodyStartFor(headerLength));
      opened.bytesRead = PREFIX_BYTES + headerLength;
      return opened;
    } catch {
      fs.closeSync(fd);
      return null;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
    this.pages.clear();
  }

  /** Where the bytes asked of the last `locate` start in the buffer it returned. */
  start = 0;

  /**
   * `length` bytes of the body from `offset`, checked: a view of them, valid
   * until the next read (it is a reused buffer or a cached page).
   */
  read(offset: number, length: number): Buffer {
    const buffer = this.locate(offset, length);
    return buffer.subarray(this.start, this.start + length);
  }

  /** A u32 of the body (no view made: directories are read a word at a time). */
  u32(offset: number): number {
    return this.locate(offset, 4).readUInt32LE(this.start);
  }

  f64(offset: number): number {
    return this.locate(offset, 8).readDoubleLE(this.start);
  }

  /**
   * Like `read`, without making a view (views are costly to collect when a
   * question makes thousands of reads): returns the buffer holding the
   * bytes, which start at `this.start`.
   */
  locate(offset: number, length: number): Buffer {
    if (length === 0) {
      this.start = 0;
      return this.scratch;
    }
    if (offset < 0 || offset + length > this.header.bodyLength) this.damaged(`a read of ${length} bytes at ${offset} falls outside the body`);
    const first = Math.floor(offset / PAGE_BYTES);
    const last = Math.floor((offset + length - 1) / PAGE_BYTES);
    if (first === last) {
      this.start = offset - first * PAGE_BYTES;
      return this.page(first);
    }
    const span = (last - first + 1) * PAGE_BYTES;
    if (this.scratch.length < span) this.scratch = Buffer.allocUnsafe(Math.max(span, this.scratch.length * 2));
    const scratch = this.scratch;
    // Pages already cached are copied; the rest is read in one go and checked page by page.
    let p = first;
    while (p <= last) {
      const cached = this.pages.get(p);
      if (cached) {
        cached.copy(scratch, (p - first) * PAGE_BYTES);
        p++;
        continue;
      }
      let q = p;
      while (q + 1 <= last && !this.pages.has(q + 1)) q++;
      this.readExactly(scratch, this.bodyStart + p * PAGE_BYTES, (p - first) * PAGE_BYTES, (q - p + 1) * PAGE_BYTES);
      for (let k = p; k <= q; k++) this.check(k, scratch, (k - first) * PAGE_BYTES);
      p = q + 1;
    }
    this.start = offset - first * PAGE_BYTES;
    return scratch;
  }

  /** A copy of the bytes (for callers that read again before they are done with them). */
  readCopy(offset: number, length: number): Buffer {
    return Buffer.from(this.read(offset, length));
  }

  private page(p: number): Buffer {
    const cached = this.pages.get(p);
    if (cached) {
      this.pages.delete(p);
      this.pages.set(p, cached);
      return cached;
    }
    const page = this.pages.size >= CACHED_PAGES ? this.evictOldest() : Buffer.allocUnsafe(PAGE_BYTES);
    this.readExactly(page, this.bodyStart + p * PAGE_BYTES, 0, PAGE_BYTES);
    this.check(p, page, 0);
    this.pages.set(p, page);
    return page;
  }

  private evictOldest(): Buffer {
    const [oldest, page] = this.pages.entries().next().value as [number, Buffer];
    this.pages.delete(oldest);
    return page;
  }

  private readExactly(into: Buffer, position: number, at: number, length: number): void {
    let done = 0;
    while (done < length) {
      const read = fs.readSync(this.fd, into, at + done, length - done, position + done);
      if (read <= 0) this.damaged('the file ended early');
      done += read;
    }
    this.bytesRead += length;
  }

  /** Checks the page held at `buffer[at, at + PAGE_BYTES)`. */
  private check(p: number, buffer: Buffer, at: number): void {
    const chunk = Math.floor(p / CRC_CHUNK_PAGES);
    let crcs = this.crcChunks.get(chunk);
    if (!crcs) {
      const pages = this.header.bodyLength / PAGE_BYTES;
      const count = Math.min(CRC_CHUNK_PAGES, pages - chunk * CRC_CHUNK_PAGES);
      crcs = Buffer.alloc(count * 4);
      this.readExactly(crcs, this.header.crcTableOffset + chunk * CRC_CHUNK_PAGES * 4, 0, crcs.length);
      if (zlib.crc32(crcs) !== this.header.crcChunks[chunk]) this.damaged('its checksum table does not match');
      this.crcChunks.set(chunk, crcs);
    }
    const page = at === 0 && buffer.length === PAGE_BYTES ? buffer : buffer.subarray(at, at + PAGE_BYTES);
    if (zlib.crc32(page) !== crcs.readUInt32LE((p - chunk * CRC_CHUNK_PAGES) * 4)) this.damaged(`page ${p} does not match its checksum`);
  }

  private damaged(what: string): never {
    try {
      fs.rmSync(this.file, { force: true });
    } catch {
      // Removing is a courtesy: a damaged file is refused by its checksums anyway.
    }
    throw new DamagedIndexError(this.file, what);
  }
}
