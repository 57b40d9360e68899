import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/** A decompressed event file larger than this is a gzip bomb, not a day of events. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;

export interface ReadLimits {
  readonly maxDecompressedBytes?: number;
}

export interface TolerantRead {
  /** Every byte that could be read (for a damaged gzip: what decompressed before the damage). */
  readonly bytes: Buffer;
  /** Why the file could not be read whole, if it could not. */
  readonly problem?: string;
}

export function isGzipPath(file: string): boolean {
  return file.endsWith('.gz');
}

/**
 * A whole event file as bytes: plain, or gzip (several members, as appending
 * to a gzip file produces, are read as one stream). Throws on damage; use
 * `readFileBytesTolerant` to keep what could be read.
 */
export async function readFileBytes(absPath: string, limits: ReadLimits = {}): Promise<Buffer> {
  const result = await readFileBytesTolerant(absPath, limits);
  if (result.problem) throw new Error(`${absPath}: ${result.problem}`);
  return result.bytes;
}

export async function readFileBytesTolerant(absPath: string, limits: ReadLimits = {}): Promise<TolerantRead> {
  const raw = await fs.promises.readFile(absPath);
  return isGzipPath(absPath) ? gunzipTolerant(raw, limits) : { bytes: raw };
}

export function readFileBytesTolerantSync(absPath: string, limits: ReadLimits = {}): TolerantRead {
  const raw = fs.readFileSync(absPath);
  return isGzipPath(absPath) ? gunzipTolerant(raw, limits) : { bytes: raw };
}

export function gunzipTolerant(raw: Buffer, limits: ReadLimits = {}): TolerantRead {
  const maxOutputLength = limits.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const options = { chunkSize: 1024 * 1024, maxOutputLength };
  try {
    return { bytes: zlib.gunzipSync(raw, options) };
  } catch (error) {
    const reason = (error as Error).message;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(reason)) {
      return { bytes: Buffer.alloc(0), problem: `decompresses to more than ${maxOutputLength} bytes (gzip bomb?); not read` };
    }
    // A truncated or damaged gzip: keep what decompresses before the damage.
    let salvaged: Buffer = Buffer.alloc(0);
    try {
      salvaged = zlib.gunzipSync(raw, { ...options, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      // Nothing usable before the damage.
    }
    return { bytes: salvaged, problem: `damaged gzip (${reason}); ${salvaged.length} bytes read before the damage` };
  }
}

export interface LineWalk {
  /** The last line has bytes but no line end: a writer mid-append, or a crash. */
  readonly tornLastLine: boolean;
  readonly lines: number;
}

/**
 * Visits every line of `buf`: `start`/`end` exclude the line end (LF or
 * CRLF) and a leading UTF-8 BOM; blank lines are visited too; line numbers
 * are 1-based.
 */
export function forEachLine(
  buf: Buffer,
  visit: (start: number, end: number, lineNumber: number) => void,
): LineWalk {
  let start = hasBom(buf, 0) ? 3 : 0;
  let lineNumber = 0;
  const length = buf.length;
  while (start < length) {
    const newline = buf.indexOf(10, start);
    lineNumber++;
    if (newline === -1) {
      visit(start, length, lineNumber);
      return { tornLastLine: true, lines: lineNumber };
    }
    const end = newline > start && buf[newline - 1] === 13 ? newline - 1 : newline;
    visit(start, end, lineNumber);
    start = newline + 1;
  }
  return { tornLastLine: false, lines: lineNumber };
}

export function hasBom(buf: Buffer, at: number): boolean {
  return buf.length >= at + 3 && buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}
